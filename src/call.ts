import {
  type HttpExchange,
  VpnaasApiError,
  VpnaasResponseError,
} from "./errors";
import { type OutgoingRequest, readText } from "./request";
import { isRetryableStatus, type RetryingSend } from "./retry";

/**
 * The fetch signature `withRetry` wraps and returns: one Request in, one Response out.
 * `context` carries per-call facts from a caller to the retry layer and back. (The client's own
 * layers pass plain {@link OutgoingRequest}s instead; see `request.ts`.)
 */
export type Fetch = (request: Request, context?: TransportContext) => Promise<Response>;

/** Per-call facts between an operation and the retry layer; one object per call, never shared. */
export interface TransportContext {
  /** In: retry this call even though its method (POST, PATCH) is not idempotent. */
  retryNonIdempotent?: boolean;
  /** Out: how many times the request was sent. */
  attempts?: number;
  /** Out: why the retry layer stopped, e.g. a `Retry-After` beyond the time budget. */
  stopReason?: string;
}

/**
 * Sends one operation's request through the client's stack and returns member `key` of its JSON
 * body. The body is parsed here, so that a bad body becomes a {@link VpnaasResponseError} with an
 * excerpt instead of a bare `SyntaxError`.
 */
export async function callJson<T>(send: RetryingSend, request: OutgoingRequest, key: string, options: { signal?: AbortSignal; retryNonIdempotent?: boolean } = {}): Promise<T> {
  const context: TransportContext = { retryNonIdempotent: options.retryNonIdempotent };
  const { response, body } = await send(request, readText, options.signal, context);
  const text = body ?? "";
  // Only an error needs the exchange described: a success reads no more headers than it must.
  const exchange = (): HttpExchange => ({ ...exchangeOf(request.method, request.url, response), attempts: context.attempts, stopReason: context.stopReason });
  if (!response.ok) throw new VpnaasApiError(exchange(), parsedOrText(text));

  const contentType = response.headers.get("content-type") ?? undefined;
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new VpnaasResponseError(exchange(), "expected a JSON body", text, contentType);
  }
  if (text === "") throw new VpnaasResponseError(exchange(), "the body is empty where JSON was expected", text, contentType);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new VpnaasResponseError(exchange(), "the body is not valid JSON (truncated?)", text, contentType, cause);
  }
  const member = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)[key] : undefined;
  if (typeof member !== "object" || member === null || Array.isArray(member)) {
    throw new VpnaasResponseError(exchange(), `the JSON body has no "${key}" object`, text, contentType);
  }
  return member as T;
}

/** An error body: its JSON when it is JSON, else the text (errors show a redacted excerpt of it). */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What an error needs to know about one exchange. `url` is the URL sent to, unless the response knows better. */
export function exchangeOf(method: string, url: string, response: Response): HttpExchange {
  return {
    method,
    // The response's URL is the one actually sent to (an auth layer may have rebased the request).
    url: response.url || url,
    status: response.status,
    statusText: response.statusText,
    requestId: response.headers.get("x-openstack-request-id") ?? response.headers.get("x-request-id") ?? undefined,
    retryable: isRetryableStatus(response.status),
  };
}

/**
 * Reads a non-2xx response into a {@link VpnaasApiError} (body parsed as JSON where it is JSON).
 * Each of `secrets` is cut out of the body first: a server that echoes a password or token in
 * prose ("Invalid password 'hunter2'") must not put it into the error.
 */
export async function apiErrorOf(method: string, url: string, response: Response, secrets: readonly (string | undefined)[] = []): Promise<VpnaasApiError> {
  let text = await response.text().catch(() => "");
  for (const secret of secrets) if (secret) text = text.split(secret).join("[REDACTED]");
  return new VpnaasApiError(exchangeOf(method, url, response), parsedOrText(text));
}
