import type { AuthStrategy } from "./auth/strategy";
import { DISCOVERED_BASE_URL, withAuth } from "./auth/with-auth";
import { checkEndpointUrl } from "./endpoint-url";
import { ipsecSiteConnectionOperations, type IpsecSiteConnectionOperations } from "./ipsec-site-connections";
import { headersOf, initOf } from "./request";
import { type RetryEvent, type RetrySettings, type RetryingSend, retrying } from "./retry";

export interface VpnaasClientOptions {
  /**
   * The network endpoint, e.g. `https://network.example.com:9696` (Neutron) or
   * `https://vpc.cn-north-4.myhuaweicloud.com` (Huawei Cloud); without `/v2.0`.
   * Required, except with an `auth` that discovers it (`keystoneAuth`: the `network` endpoint of
   * the token's catalog).
   */
  baseUrl?: string;
  /** The fetch to send with. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every call, e.g. `{"User-Agent": "my-tool/1.0"}`. */
  headers?: Record<string, string>;
  /** How requests are authenticated: `tokenAuth()`, `keystoneAuth()` or `akskAuth()`. Default: none. */
  auth?: AuthStrategy;
  /**
   * Lets `auth` send tokens and signatures to plain `http://` endpoints (e.g. DevStack). Default:
   * `false`: such a call fails with a `VpnaasValidationError` and nothing is sent.
   */
  allowInsecureHttp?: boolean;
  /**
   * Retries of failed attempts: network failures and 408, 429, 500, 502, 503, 504, for GET, HEAD,
   * OPTIONS, PUT and DELETE (POST only with the call option `retryNonIdempotent`). A `Retry-After`
   * on 429/503 replaces the backoff. Default `{ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 }`
   * (see `RETRY_DEFAULTS`); `false` sends each request once.
   */
  retry?: RetrySettings | false;
  /**
   * Limit of one attempt, from sending to the last byte of the body, in ms. Default 30 000;
   * `Infinity` for none. With both limits `Infinity` and no `signal` on a call, an attempt has
   * nothing that could abort it, so it hands no signal to `fetch` and sets no timer: a few percent
   * faster per call on loopback (see bench/RESULTS.md), at the price of a call that may never end.
   */
  timeoutMs?: number;
  /** Limit of the whole call, all attempts and waits included, in ms. Default 120 000; `Infinity` for none. */
  totalTimeoutMs?: number;
  /** Called before each wait for a retry, e.g. to log it. Receives no headers and no body; an exception it throws ends the call. */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * A client with the typed operations only: {@link VpnaasClient} without `api`. Same options, same
 * auth, retries and errors; it leaves openapi-fetch (about 2.7 kB minified and gzipped) out of a
 * browser bundle that does not use `api`.
 */
export type VpnaasCoreClient = IpsecSiteConnectionOperations;

/** What every client is built on: the checked base URL and headers, and the one sending stack. */
export interface ClientStack {
  baseUrl: string;
  /** Lowercase names, checked once. */
  headers: Record<string, string>;
  send: RetryingSend;
}

/** Builds the stack of a client: fetch at the bottom, then auth, then retries (see `createVpnaasClient`). */
export function clientStack(options: VpnaasClientOptions): ClientStack {
  const baseUrl = options?.auth?.discoversBaseUrl && options.baseUrl === undefined ? DISCOVERED_BASE_URL : requireBaseUrl(options?.baseUrl);
  const userFetch = options.fetch ?? globalThis.fetch;
  // Checked and lowercased once, here: an invalid header fails now rather than on every call.
  const headers = headersOf({ Accept: "application/json", ...options.headers });
  // Everything cross-cutting (auth, retries) wraps this one function, built once per client.
  // Retry is outermost, so every attempt passes through auth again (fresh token, fresh signature).
  // Only here does a request become a fetch call: one `Request` per attempt, built by fetch itself.
  const { retry, timeoutMs, totalTimeoutMs, onRetry } = options;
  const authenticated = withAuth((request, signal) => userFetch(request.url, initOf(request, signal)), options);
  const send = retrying(authenticated, { ...(retry === false ? { maxRetries: 0 } : retry), timeoutMs, totalTimeoutMs, onRetry });
  return { baseUrl, headers, send };
}

/**
 * Creates a client with the typed operations and no `api`: for browser bundles that want to stay
 * small. Nothing is sent until an operation is called. Use `createVpnaasClient` to also get `api`.
 */
export function createVpnaasCoreClient(options: VpnaasClientOptions): VpnaasCoreClient {
  const { send, baseUrl, headers } = clientStack(options);
  return ipsecSiteConnectionOperations(send, baseUrl, headers);
}

function requireBaseUrl(baseUrl: unknown): string {
  return checkEndpointUrl("baseUrl", baseUrl);
}
