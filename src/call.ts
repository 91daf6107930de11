import {
  type HttpExchange,
  VpnaasApiError,
  VpnaasResponseError,
} from "./errors";
import { isRetryableStatus } from "./retry";

/**
 * The fetch signature every layer of this package speaks: one Request in, one Response out.
 * `context` carries per-call facts from an operation to the retry layer and back; layers that do
 * not care (auth, the base fetch) ignore it.
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

/** What openapi-fetch resolves to when called with `parseAs: "text"`. */
interface TextResult {
  data?: string;
  error?: unknown;
  response: Response;
}

/**
 * Sends one operation through openapi-fetch and returns member `key` of its JSON body.
 *
 * Adding an operation is always: declare it in the spec, `npm run generate`, then call
 * `callJson(fetch => api.VERB(path, { params, signal, parseAs: "text", fetch }), transport, key, options)`.
 * The body is fetched as text and parsed here, so that a bad body becomes a
 * {@link VpnaasResponseError} with an excerpt instead of a bare `SyntaxError`.
 */
export async function callJson<T>(
  invoke: (fetch: Fetch) => Promise<TextResult>,
  transport: Fetch,
  key: string,
  options: { retryNonIdempotent?: boolean } = {},
): Promise<T> {
  let sent: Request | undefined;
  const context: TransportContext = { retryNonIdempotent: options.retryNonIdempotent };
  const { data, error, response } = await invoke((request) => {
    sent = request;
    return transport(request, context);
  });
  const exchange: HttpExchange = {
    method: sent?.method ?? "?",
    url: sent?.url ?? response.url,
    status: response.status,
    statusText: response.statusText,
    requestId: response.headers.get("x-openstack-request-id") ?? response.headers.get("x-request-id") ?? undefined,
    attempts: context.attempts,
    retryable: isRetryableStatus(response.status),
    stopReason: context.stopReason,
  };
  if (!response.ok) throw new VpnaasApiError(exchange, error);

  const contentType = response.headers.get("content-type") ?? undefined;
  const text = data ?? "";
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new VpnaasResponseError(exchange, "expected a JSON body", text, contentType);
  }
  if (text === "") throw new VpnaasResponseError(exchange, "the body is empty where JSON was expected", text, contentType);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new VpnaasResponseError(exchange, "the body is not valid JSON (truncated?)", text, contentType, cause);
  }
  const member = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof member !== "object" || member === null || Array.isArray(member)) {
    throw new VpnaasResponseError(exchange, `the JSON body has no "${key}" object`, text, contentType);
  }
  return member as T;
}
