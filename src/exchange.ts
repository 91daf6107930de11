import { type HttpExchange, VpnaasApiError } from "./errors";
import type { Received } from "./request";

/** Statuses worth another attempt: the same request may succeed later. 401 is the auth layer's. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Whether `status` is transient (408, 429, 500, 502, 503, 504): the same request may succeed later. */
export const isRetryableStatus = (status: number): boolean => TRANSIENT_STATUSES.has(status);

/** What an error needs to know about one exchange: the request as sent, the answer's status and request id. */
export function exchangeOf(method: string, url: string, received: Pick<Received, "response" | "attempts" | "stopReason">): HttpExchange {
  const { response } = received;
  return {
    method,
    url,
    status: response.status,
    statusText: response.statusText,
    requestId: response.headers.get("x-openstack-request-id") ?? response.headers.get("x-request-id") ?? undefined,
    retryable: isRetryableStatus(response.status),
    attempts: received.attempts,
    stopReason: received.stopReason,
  };
}

/** The body as text, whichever way it was read. */
export function textOf(body: Received["body"]): string {
  return body === null ? "" : typeof body === "string" ? body : new TextDecoder().decode(body);
}

/** An error body: its JSON when it is JSON, else the text (errors show a redacted excerpt of it). */
export function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A non-2xx answer as a {@link VpnaasApiError}. `secrets` are what the client sent (tokens, header
 * values, passwords): a server that echoes one back ("Invalid password 'hunter2'") must not put
 * it into the error, raw or JSON-escaped.
 */
export function apiErrorOf(method: string, url: string, received: Received, secrets: readonly string[]): VpnaasApiError {
  return new VpnaasApiError(exchangeOf(method, url, received), parsedOrText(textOf(received.body)), secrets);
}
