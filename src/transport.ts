import { abortable } from "./abortable";
import { VpnaasResponseError } from "./errors";
import { exchangeOf } from "./exchange";
import type { Next, OutgoingRequest } from "./request";

/** Largest response body read, by default: far above any VPNaaS answer (a page of 1,000 connections is ~1 MiB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 16_777_216; // 16 MiB, as a literal: a bundler keeps `16 * 1024 * 1024` even where nothing reads it

/**
 * The bottom of every client's stack: the one place a request becomes `fetch(url, init)`. It
 * never follows a redirect itself (`redirect: "manual"`): the redirect layer above decides, so a
 * credential cannot ride a redirect to another origin. It reads the whole body within the
 * attempt's signal, and at most `maxResponseBytes` of it.
 */
export function fetchTransport(fetch: typeof globalThis.fetch, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES): Next {
  return async (request) => {
    const { signal } = request;
    const response = await fetch(request.url, { ...request.init, method: request.method, headers: request.headers, body: request.body, redirect: "manual", signal });
    if (response.body === null) return { response, body: null };
    // Undici fails the body stream itself when the signal aborts; `abortable` also covers a fetch
    // that does not. Checked first, so that no read starts for an attempt already over.
    if (signal?.aborted) throw signal.reason;
    return { response, body: await abortable(readBody(request, response, maxResponseBytes), signal) };
  };
}

async function readBody(request: OutgoingRequest, response: Response, maxBytes: number): Promise<string | Uint8Array<ArrayBuffer>> {
  const declared = response.headers.get("content-length");
  // Without the header Number(null) is 0, never over maxBytes (≥ 0).
  if (Number(declared) > maxBytes) throw await tooLarge(request, response, maxBytes, `declares ${declared} bytes`);
  // With a declared length within the limit, undici reads exactly that much: the fast path.
  // Stryker disable next-line ConditionalExpression,BlockStatement,Regex: equivalent when false/empty/stricter, the counting path below reads the same bytes the fast path would (fetch holds a body to its declared length)
  if (declared !== null && /^\d+$/.test(declared)) {
    return request.read === "text" ? response.text() : new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.byteLength;
    if (length > maxBytes) throw await tooLarge(request, response, maxBytes, `went past it`, reader);
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return request.read === "text" ? new TextDecoder().decode(bytes) : bytes;
}

async function tooLarge(request: OutgoingRequest, response: Response, maxBytes: number, what: string, reader?: ReadableStreamDefaultReader<Uint8Array>): Promise<VpnaasResponseError> {
  // Stop the download: the rest is never read.
  await (reader ? reader.cancel() : response.body?.cancel())?.catch(() => undefined);
  const problem = `the body ${what}, over maxResponseBytes ${maxBytes}; the rest was not read`;
  return new VpnaasResponseError(exchangeOf(request.method, request.url, { response }), problem, "", response.headers.get("content-type") ?? undefined);
}
