import { VpnaasValidationError } from "./errors";

/**
 * A request as the client's layers pass it down: URL, method, headers and the body already in
 * memory. A plain object, because building a `Request` is one of the costliest steps of a call in
 * undici; only the transport at the bottom calls `fetch(url, init)`, once per attempt.
 */
export interface OutgoingRequest {
  method: string;
  /** The absolute URL, on the endpoint the client resolved before the first attempt. */
  url: string;
  /** Names in lowercase. Layers set theirs in place (auth, on every attempt). */
  headers: Record<string, string>;
  /** Read once, so that every attempt can send it again. */
  body: Uint8Array<ArrayBuffer> | null;
  /** How the transport hands the body up: `text` for a typed call (no copy in undici), `bytes` for `client.api`. */
  read: "text" | "bytes";
  /** This attempt's signal: its time limit and the caller's abort. Set by the retry layer. */
  signal?: AbortSignal;
  /** When the call started, on the retry clock: the whole call's time limit counts from here. */
  startedMs?: number;
  /** Retry this call even though its method (POST) is not idempotent. */
  retryNonIdempotent?: boolean;
  /** The rest of a `Request`'s settings (credentials, cache…) when it was made from one (`client.api`). */
  init?: RequestInit;
}

/** An answer with its whole body in memory, as every layer hands it up. */
export interface Received {
  /** Status, headers and URL as `fetch` gave them; the body is already read (see `body`). */
  response: Response;
  /** The body as the request's `read` asked, or `null` when the response has none. */
  body: string | Uint8Array<ArrayBuffer> | null;
  /** How many times the request was sent, retries included (set by the retry layer). */
  attempts?: number;
  /** Why the retry layer stopped retrying a retryable status. */
  stopReason?: string;
}

/** Sends a request on: the rest of the stack below a layer. */
export type Next = (request: OutgoingRequest) => Promise<Received>;

/** One concern of the client's stack (retries, redirects, auth): sees the request, calls `next`, may look at the answer. */
export type Layer = (request: OutgoingRequest, next: Next) => Promise<Received>;

/** `layers` stacked over `transport`, the first outermost: the one place a client's stack is put together. */
export function stack(layers: readonly Layer[], transport: Next): Next {
  return layers.reduceRight<Next>((next, layer) => (request) => layer(request, next), transport);
}

/** `request` as an {@link OutgoingRequest}: its body read into memory, its settings kept. */
export async function fromRequest(request: Request): Promise<OutgoingRequest> {
  const { method, url, credentials, cache, integrity, keepalive, mode, referrerPolicy } = request;
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  return { method, url, headers: Object.fromEntries(request.headers), body, read: "bytes", init: { credentials, cache, integrity, keepalive, mode, referrerPolicy } };
}

/** A readable `Response` again, for callers that expect one (`client.api`). */
export function toResponse({ response, body }: Received): Response {
  if (body === null) return response;
  const { status, statusText, headers } = response;
  const empty = body.length === 0 || [204, 205, 304].includes(status);
  // An explicit init: passing `response` itself as the init is several times slower in undici.
  const copy = new Response(empty ? null : body, { status, statusText, headers });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/**
 * `headers` as a record with lowercase names. An invalid name or value (a line break, say) is a
 * {@link VpnaasValidationError} naming the header but not showing its value: `Headers` would put
 * the value into its own message, and a header value may well be a token.
 */
export function headersOf(headers: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(new Headers(headers));
  } catch {
    const invalid = Object.entries(headers).filter(([name, value]) => !isValidHeader(name, value));
    const names = invalid.map(([name]) => JSON.stringify(name.slice(0, 64))).slice(0, 5).join(", ");
    throw new VpnaasValidationError("headers", `headers has an invalid name or value in ${names || "a header"} (the value is not shown: it may be a credential); nothing was sent.`);
  }
}

/** Whether `fetch` would accept the header; for values the client did not write itself (tokens). */
export function isValidHeader(name: string, value: string): boolean {
  try {
    new Headers([[name, value]]);
    return true;
  } catch {
    return false;
  }
}
