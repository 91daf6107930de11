import {
  type HttpExchange,
  VpnaasApiError,
  VpnaasResponseError,
} from "./errors";

/** The fetch signature every layer of this package speaks: one Request in, one Response out. */
export type Fetch = (request: Request) => Promise<Response>;

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
 * `callJson(fetch => api.VERB(path, { params, parseAs: "text", fetch }), transport, key)`.
 * The body is fetched as text and parsed here, so that a bad body becomes a
 * {@link VpnaasResponseError} with an excerpt instead of a bare `SyntaxError`.
 */
export async function callJson<T>(
  invoke: (fetch: Fetch) => Promise<TextResult>,
  transport: Fetch,
  key: string,
): Promise<T> {
  let sent: Request | undefined;
  const { data, error, response } = await invoke((request) => {
    sent = request;
    return transport(request);
  });
  const exchange = exchangeOf(sent?.method ?? "?", sent?.url ?? "?", response);
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

/** What an error needs to know about one exchange. `url` is the URL sent to, unless the response knows better. */
export function exchangeOf(method: string, url: string, response: Response): HttpExchange {
  return {
    method,
    // The response's URL is the one actually sent to (an auth layer may have rebased the request).
    url: response.url || url,
    status: response.status,
    statusText: response.statusText,
    requestId: response.headers.get("x-openstack-request-id") ?? response.headers.get("x-request-id") ?? undefined,
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
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the error shows a redacted excerpt of the text.
  }
  return new VpnaasApiError(exchangeOf(method, url, response), body);
}
