import { abortable, limitSignal } from "./abortable";
import type { AuthLayer, AuthStrategy } from "./auth/strategy";
import { type RetryClock, realClock } from "./clock";
import { isVpnaasError, type TimeoutKind, VpnaasTimeoutError } from "./errors";
import { redirectLayer } from "./redirect";
import { headersOf, type Layer, type Next, stack } from "./request";
import { checkedOption, type RetryEvent, resolveRetryOptions, retryLayer } from "./retry";
import type { RetrySettings } from "./retry-policy";
import { requireSecureUrl } from "./secure-url";
import { DEFAULT_MAX_RESPONSE_BYTES, fetchTransport } from "./transport";

/** The options of `createVpnaasClient` and `createVpnaasCoreClient`. */
export interface VpnaasClientOptions {
  /**
   * The network endpoint, e.g. `https://network.example.com:9696` (Neutron) or
   * `https://vpc.cn-north-4.myhuaweicloud.com` (Huawei Cloud), with or without `/v2.0`. No user
   * name or password in it, no query, no fragment. Required, except with an `auth` that discovers
   * it (`keystoneAuth`: the `network` endpoint of the token's catalog).
   */
  baseUrl?: string;
  /** The fetch to send with. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every call, e.g. `{"User-Agent": "my-tool/1.0"}`. */
  headers?: Record<string, string>;
  /** How requests are authenticated: `tokenAuth()`, `keystoneAuth()` or `akskAuth()`. Default: none. */
  auth?: AuthStrategy;
  /**
   * Lets `auth` send tokens and signatures to a plain `http://` endpoint (e.g. DevStack). Default:
   * `false`: such a client is refused when it is created (or, for a discovered endpoint, the call
   * fails) with a `VpnaasValidationError`, and nothing is sent.
   */
  allowInsecureHttp?: boolean;
  /**
   * Retries of failed attempts: network failures and 408, 429, 500, 502, 503, 504, for GET, HEAD,
   * OPTIONS, PUT and DELETE (POST only with the call option `retryNonIdempotent`). A `Retry-After`
   * on 429/503 lengthens the wait, never shortens it below the backoff. Default
   * `{ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 }` (see `RETRY_DEFAULTS`); `false` sends
   * each request once.
   */
  retry?: RetrySettings | false;
  /**
   * Limit of one attempt, from sending to the last byte of the body, in ms; also of a Keystone
   * token request. Default 30 000; `Infinity` for none (a token request then still ends after
   * 60 s). With both limits `Infinity` and no `signal` on a call, an attempt has nothing that
   * could abort it, so it hands no signal to `fetch` and sets no timer.
   */
  timeoutMs?: number;
  /** Limit of the whole call, endpoint discovery, attempts and waits included, in ms. Default 120 000; `Infinity` for none. */
  totalTimeoutMs?: number;
  /** Largest response body read, in bytes (an integer ≥ 0, or `Infinity` for none); a larger one fails with a `VpnaasResponseError` without being read. Default 16 MiB. */
  maxResponseBytes?: number;
  /** Called before each wait for a retry, e.g. to log it. Receives no headers and no body; an exception it throws ends the call. */
  onRetry?: (event: RetryEvent) => void;
  /** Timers, time and randomness of retries and time limits. Default: the real ones; for tests. */
  clock?: RetryClock;
}

/** What every operation is sent through: the endpoint, the client's headers, the one stack. */
export interface ClientStack {
  /** The endpoint, without a trailing `/`: given, or found (within the call's limits) before the first attempt. */
  endpoint: string | ((signal: AbortSignal | undefined, startedMs: number, path: string) => Promise<string>);
  /** Lowercase names, checked once. */
  headers: Record<string, string>;
  /** Retries, then redirects, then auth, then the transport. */
  send: Next;
  clock: RetryClock;
}

/** Seconds a strategy's own request (a Keystone token request) may take when `timeoutMs` is `Infinity`. */
const OWN_REQUEST_FALLBACK_MS = 60_000;

/** Builds the stack of a client, once: the one place its layers are put together. */
export function clientStack(options: VpnaasClientOptions, checkBaseUrl: (value: unknown) => string): ClientStack {
  const o = options ?? {};
  const clock = o.clock ?? realClock;
  const { timeoutMs, totalTimeoutMs } = resolveRetryOptions({ timeoutMs: o.timeoutMs, totalTimeoutMs: o.totalTimeoutMs });
  // Checked and lowercased once, here: an invalid header fails now rather than on every call.
  const headers = headersOf({ Accept: "application/json", ...o.headers });
  // Checked: a string ("16MB") or NaN compares false with every length, which would be no limit at all.
  const maxResponseBytes = checkedOption("maxResponseBytes", o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, [
    (v) => v === Infinity || (Number.isInteger(v) && (v as number) >= 0),
    "an integer number of bytes ≥ 0 (Infinity for no limit)",
  ]);
  const transport = fetchTransport(o.fetch ?? globalThis.fetch, maxResponseBytes);
  const auth: AuthLayer | undefined = o.auth?.layer({ transport, ownRequestTimeoutMs: Number.isFinite(timeoutMs) ? timeoutMs : OWN_REQUEST_FALLBACK_MS });
  // Retry outermost, so every attempt passes through auth again (fresh token, fresh signature);
  // redirects between them, so each hop is authenticated for its own URL.
  const layers: Layer[] = [retryLayer({ ...(o.retry === false ? { maxRetries: 0 } : o.retry), timeoutMs, totalTimeoutMs, onRetry: o.onRetry, clock }), redirectLayer];
  if (auth) layers.push(auth);
  const send = stack(layers, transport);
  const allowInsecureHttp = o.allowInsecureHttp === true;

  if (o.baseUrl === undefined && auth?.discoverEndpoint) {
    const discover = auth.discoverEndpoint;
    const endpoint = async (signal: AbortSignal | undefined, startedMs: number, path: string) => {
      const remainingMs = startedMs + totalTimeoutMs - clock.now();
      const limit = remainingMs < timeoutMs ? { kind: "totalTimeoutMs", ms: remainingMs } as const : { kind: "timeoutMs", ms: timeoutMs } as const;
      const url = checkBaseUrl(await withinLimit(discover, signal, limit, clock, { method: "GET", url: `${path} (finding the endpoint in the Keystone catalog)`, startedMs }));
      requireSecureUrl(url, allowInsecureHttp, "createVpnaasClient");
      return url;
    };
    return { endpoint, headers, send, clock };
  }
  const baseUrl = checkBaseUrl(o.baseUrl);
  if (auth) requireSecureUrl(baseUrl, allowInsecureHttp, "createVpnaasClient");
  return { endpoint: baseUrl, headers, send, clock };
}

/** Runs `task` with a signal that aborts after `limit` or when `signal` does; running out is a {@link VpnaasTimeoutError}. */
async function withinLimit<T>(
  task: (signal: AbortSignal | undefined) => Promise<T>,
  caller: AbortSignal | undefined,
  limit: { kind: TimeoutKind; ms: number },
  clock: RetryClock,
  what: { method: string; url: string; startedMs: number },
): Promise<T> {
  const { signal, release } = limitSignal(caller, limit.ms, limit.kind, clock.setTimer);
  try {
    return await abortable(task(signal), signal);
  } catch (error) {
    if (isVpnaasError(error) || !signal?.aborted) throw error;
    const kind = caller?.aborted ? "aborted" : limit.kind;
    throw new VpnaasTimeoutError({ method: what.method, url: what.url, attempts: 0 }, kind, kind === "aborted" ? undefined : limit.ms, clock.now() - what.startedMs, signal.reason);
  } finally {
    release();
  }
}
