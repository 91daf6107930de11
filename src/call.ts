import { secretsOf } from "./redaction";
import { sanitizedCause, VpnaasResponseError } from "./errors";
import { apiErrorOf, exchangeOf, textOf } from "./exchange";
import type { ClientStack } from "./pipeline";
import type { OutgoingRequest, Received } from "./request";

/** Per-call options of every operation. */
export interface CallOptions {
  /** Aborts the call, also during a wait between retries; the promise then rejects with a `VpnaasTimeoutError` of kind `aborted`. */
  signal?: AbortSignal;
  /**
   * Retry this call even if its method is not idempotent (POST). Only for requests that are safe
   * to repeat, e.g. because the server deduplicates them. Default `false`. Idempotent methods (GET,
   * HEAD, OPTIONS, PUT, DELETE) are always retried, unless the client has `retry: false`.
   */
  retryNonIdempotent?: boolean;
}

/** One operation's request, relative to the client's endpoint. */
export interface OperationRequest {
  method: string;
  /** The path and query, e.g. `/v2.0/vpn/ipsec-site-connections/{id}?fields=id`. */
  path: string;
  body?: Uint8Array<ArrayBuffer> | null;
  read?: OutgoingRequest["read"];
  /** Other `fetch` settings (`client.api` passes on those of its `Request`). */
  init?: RequestInit;
  /** Headers of this call only (a body's `content-type`), over the client's. */
  headers?: Record<string, string>;
  /** Values in the body that are secret (a psk): cut out of every error, wherever the server echoes them. */
  secrets?: readonly string[];
}

/**
 * Sends one call through the client's stack: the endpoint is resolved first (discovered, where it
 * is, within the call's limits), so the request, every event and every error name the real URL.
 */
export async function send(stack: ClientStack, call: OperationRequest, options: CallOptions = {}): Promise<{ request: OutgoingRequest; received: Received }> {
  const startedMs = stack.clock.now();
  const { endpoint } = stack;
  const base = typeof endpoint === "string" ? endpoint : await endpoint(options.signal, startedMs, call.path);
  const request: OutgoingRequest = {
    method: call.method,
    url: base + call.path,
    headers: call.headers ? { ...stack.headers, ...call.headers } : { ...stack.headers },
    body: call.body ?? null,
    read: call.read ?? "text",
    signal: options.signal,
    startedMs,
    retryNonIdempotent: options.retryNonIdempotent,
    init: call.init,
  };
  return { request, received: await stack.send(request) };
}

/**
 * Sends one operation's request and returns member `key` of its JSON body. The body is parsed
 * here, so that a bad body becomes a {@link VpnaasResponseError} with an excerpt instead of a bare
 * `SyntaxError`; a non-2xx answer becomes a `VpnaasApiError` from which every value the client
 * sent in its headers (a token, a signature) or marked secret in its body (a psk) is cut, wherever
 * the server echoes it.
 */
export async function callJson<T>(stack: ClientStack, call: OperationRequest, key: string, options: CallOptions = {}): Promise<T> {
  const { envelope, fail } = await callEnvelope(stack, call, options);
  const member = envelope[key];
  if (typeof member !== "object" || member === null || Array.isArray(member)) throw fail(`the JSON body has no "${key}" object`);
  return member as T;
}

/** A 2xx JSON object body, and how to fail on it: a {@link VpnaasResponseError} about this exchange. */
export interface Envelope {
  envelope: Record<string, unknown>;
  fail: (problem: string) => VpnaasResponseError;
}

/** Sends one call and returns its JSON object body; errors as {@link callJson}'s. */
export async function callEnvelope(stack: ClientStack, call: OperationRequest, options: CallOptions = {}): Promise<Envelope> {
  const { request, received } = await send(stack, call, options);
  const { response } = received;
  // Stryker disable next-line ArrayDeclaration: equivalent but for Stryker's own text: the mutant only adds "Stryker was here" to the secrets cut out of a body
  const sent = () => [...secretsOf(request.headers), ...(call.secrets ?? [])];
  if (!response.ok) throw apiErrorOf(request.method, request.url, received, sent());

  const text = textOf(received.body);
  const contentType = response.headers.get("content-type") ?? undefined;
  // Only an error needs the exchange described: a success reads no more headers than it must.
  const fail = (problem: string, cause?: unknown) => new VpnaasResponseError(exchangeOf(request.method, request.url, received), problem, text, contentType, cause, sent());
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw fail("expected a JSON body");
  if (text === "") throw fail("the body is empty where JSON was expected");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    // V8's SyntaxError quotes the text: keep a redacted copy.
    throw fail("the body is not valid JSON (truncated?)", sanitizedCause(cause, sent()));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw fail("the JSON body is not an object");
  return { envelope: parsed as Record<string, unknown>, fail };
}

/** Sends one call whose success has no content (204); a non-2xx answer is a `VpnaasApiError` as in {@link callJson}. */
export async function callNoContent(stack: ClientStack, call: OperationRequest, options: CallOptions = {}): Promise<void> {
  const { request, received } = await send(stack, call, options);
  // Stryker disable next-line ArrayDeclaration: equivalent but for Stryker's own text: the mutant only adds "Stryker was here" to the secrets cut out of a body
  if (!received.response.ok) throw apiErrorOf(request.method, request.url, received, [...secretsOf(request.headers), ...(call.secrets ?? [])]);
}
