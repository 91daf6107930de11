import { VpnaasValidationError } from "./errors";

/**
 * A request as the client's layers (retry, auth) pass it down: URL, method, headers and the body
 * already in memory. It is a plain object because building a `Request` is one of the costliest
 * steps of a call in undici, and every copy (per layer, per attempt) paid it again; now only the
 * bottom of the stack calls `fetch(url, init)`, so each attempt builds exactly one `Request`,
 * inside `fetch`, as a plain `fetch` does.
 */
export interface OutgoingRequest {
  method: string;
  url: string;
  /**
   * This request's own, names in lowercase: layers set their headers on it in place (auth, on
   * every attempt). A plain record, as `fetch` takes it: a `Headers` would be built and then
   * converted again inside `fetch`.
   */
  headers: Record<string, string>;
  /** Read once, so that every attempt can send it again. */
  body: Uint8Array<ArrayBuffer> | null;
  /** The rest of a `Request`'s settings (redirect, credentials…) when it was made from one (`client.api`). */
  init?: RequestInit;
}

/** One layer of the client's stack: sends `request`, aborting when `signal` (this attempt's) does. */
export type Send = (request: OutgoingRequest, signal?: AbortSignal) => Promise<Response>;

/** The `fetch` init that sends `request` with `signal`. */
export function initOf(request: OutgoingRequest, signal: AbortSignal | undefined): RequestInit {
  return { ...request.init, method: request.method, headers: request.headers, body: request.body, signal };
}

/** `request` as an {@link OutgoingRequest}: its body read into memory, its settings kept. */
export async function fromRequest(request: Request): Promise<OutgoingRequest> {
  const { method, url, redirect, credentials, cache, integrity, keepalive, mode, referrerPolicy } = request;
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  return { method, url, headers: Object.fromEntries(request.headers), body, init: { redirect, credentials, cache, integrity, keepalive, mode, referrerPolicy } };
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
    const invalid = Object.entries(headers).filter(([name, value]) => {
      try {
        new Headers([[name, value]]);
        return false;
      } catch {
        return true;
      }
    });
    const names = invalid.map(([name]) => JSON.stringify(name)).join(", ");
    throw new VpnaasValidationError("headers", `headers has an invalid name or value in ${names || "a header"} (the value is not shown: it may be a credential); nothing was sent.`);
  }
}

/** A status, its headers and the whole body in memory: what the retry layer hands up. */
export interface Received<Body> {
  /** The response as `fetch` gave it: status, headers and URL; its body is already read. */
  response: Response;
  /** The body, read within the attempt's time limit; `null` when the response has none. */
  body: Body | null;
}

/**
 * Reads a body: `text()` where the caller parses it anyway (no copy of the bytes in undici,
 * unlike `arrayBuffer()`), {@link readBytes} where it must stay as sent.
 */
export type ReadBody<Body> = (response: Response) => Promise<Body>;
export const readText: ReadBody<string> = (response) => response.text();
export const readBytes: ReadBody<Uint8Array<ArrayBuffer>> = async (response) => new Uint8Array(await response.arrayBuffer());

/** A readable `Response` again, for callers that expect one (`client.api`, {@link withRetry}). */
export function toResponse({ response, body }: Received<Uint8Array<ArrayBuffer>>): Response {
  if (body === null) return response;
  const { status, statusText, headers } = response;
  // An explicit init: passing `response` itself as the init is several times slower in undici.
  const copy = new Response(body.byteLength === 0 || [204, 205, 304].includes(status) ? null : body, { status, statusText, headers });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}
