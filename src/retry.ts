import type { Fetch, TransportContext } from "./call";
import { fromRequest, initOf, type OutgoingRequest, type ReadBody, readBytes, type Received, type Send, toResponse } from "./request";
import { describeValue } from "./describe-value";
import { type FailedRequest, isVpnaasError, networkErrorCode, type TimeoutKind, VpnaasNetworkError, VpnaasTimeoutError, VpnaasValidationError } from "./errors";

/** How often and how patiently a failed attempt is sent again. */
export interface RetrySettings {
  /** Retries after the first attempt (so at most `maxRetries + 1` attempts). Default 3. */
  maxRetries?: number;
  /** Backoff before retry n is about `baseDelayMs · 2^(n-1)`, jittered to 50–100 %. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of the computed backoff (not of a server's `Retry-After`). Default 20 000 ms. */
  maxDelayMs?: number;
}

/** Time limits of a call. `Infinity` turns a limit off. */
export interface TimeoutSettings {
  /** Limit of one attempt, from sending to the last byte of the body. Default 30 000 ms. */
  timeoutMs?: number;
  /** Limit of the whole call: all attempts and the waits between them. Default 120 000 ms. */
  totalTimeoutMs?: number;
}

/** What {@link RetryOptions.onRetry} is told before each wait. Holds no headers and no body. */
export interface RetryEvent {
  method: string;
  url: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  /** What went wrong, e.g. `503 Service Unavailable` or `network: connection reset (ECONNRESET)`. */
  reason: string;
}

/**
 * The defaults, in one place. Compared with the anchors: Azure core-rest-pipeline retries 3 times,
 * 1 s doubling up to 64 s; the AWS SDKs make 3 attempts, 100 ms doubling up to 20 s with full jitter;
 * Octokit retries 3 times. We take 3 retries like all three, start at 500 ms (a Neutron server that
 * answered 503 is rarely back within 100 ms, and 1 s makes a human wait 7 s for 3 retries), and cap
 * at 20 s like AWS. 50–100 % ("equal") jitter spreads clients out without AWS's near-zero waits.
 * A single attempt may take 30 s, the whole call 120 s, so a call always ends.
 */
export const RETRY_DEFAULTS = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  timeoutMs: 30_000,
  totalTimeoutMs: 120_000,
} as const satisfies Required<RetrySettings & TimeoutSettings>;

/** Methods that may be sent twice without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
/** Statuses worth another attempt. 401 is the auth layer's; 400, 403, 404, 409 will not change. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses whose `Retry-After` replaces the computed backoff. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/** Whether `status` is transient: the same request may succeed later. */
export const isRetryableStatus = (status: number): boolean => RETRY_STATUSES.has(status);

/** How one attempt ended, as far as the retry decision cares. */
export type AttemptOutcome =
  | { status: number; statusText?: string; retryAfter?: string | null }
  | { failure: "network"; code?: string | undefined }
  | { failure: "timeout"; timeoutMs: number };

/** Everything {@link decideRetry} needs; nothing else is consulted. */
export interface RetryInput {
  /** The attempt that just ended, from 1. */
  attempt: number;
  method: string;
  outcome: AttemptOutcome;
  /** The caller opted in to retrying a non-idempotent method for this call. */
  retryNonIdempotent: boolean;
  /** Milliseconds left of `totalTimeoutMs`. */
  remainingMs: number;
  /** The clock, in ms since the epoch, for a `Retry-After` HTTP-date. */
  nowMs: number;
  /** A number in [0, 1) for the jitter. */
  random: number;
}

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/**
 * The whole retry policy as a pure function of one attempt's outcome and the options: retry or
 * not, and after how long. The `reason` of a refusal says why, for error messages.
 */
export function decideRetry(input: RetryInput, settings: Required<RetrySettings>): RetryDecision {
  const { attempt, method, outcome } = input;
  const reason = describeOutcome(outcome);
  if ("status" in outcome && !RETRY_STATUSES.has(outcome.status)) return { retry: false, reason: `${reason} is not retried` };
  if (!IDEMPOTENT_METHODS.has(method) && !input.retryNonIdempotent) {
    return { retry: false, reason: `${method} is not retried without retryNonIdempotent` };
  }
  if (attempt > settings.maxRetries) return { retry: false, reason: `no retries left (maxRetries ${settings.maxRetries})` };

  const retryAfterMs = "status" in outcome && RETRY_AFTER_STATUSES.has(outcome.status) ? parseRetryAfterMs(outcome.retryAfter, input.nowMs) : undefined;
  if (retryAfterMs !== undefined && retryAfterMs >= input.remainingMs) {
    const at = new Date(input.nowMs + retryAfterMs).toISOString();
    return {
      retry: false,
      reason: `the server asked to be called again in ${seconds(retryAfterMs)} (at ${at}), beyond the ${seconds(input.remainingMs)} left of totalTimeoutMs`,
    };
  }
  const backoffMs = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  const delayMs = retryAfterMs ?? Math.round(backoffMs * (0.5 + input.random / 2));
  if (delayMs >= input.remainingMs) {
    return { retry: false, reason: `the next retry, in ${seconds(delayMs)}, would start after the ${seconds(input.remainingMs)} left of totalTimeoutMs` };
  }
  return { retry: true, delayMs, reason };
}

/** Milliseconds to wait per a `Retry-After` value (delta-seconds or HTTP-date); undefined if absent or invalid. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) || !/[a-z]/i.test(text) ? undefined : Math.max(0, at - nowMs);
}

function describeOutcome(outcome: AttemptOutcome): string {
  if ("status" in outcome) return `${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ""}`;
  if (outcome.failure === "timeout") return `timeout: no complete answer within ${outcome.timeoutMs} ms`;
  return `network: ${outcome.code ?? "failure"}`;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** Timers and randomness, replaceable in tests. */
export interface RetryClock {
  /** Resolves after `ms`, or rejects with `signal.reason` as soon as `signal` aborts; leaves no timer behind. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Milliseconds, monotonic enough for budgets. */
  now(): number;
  /** A number in [0, 1). */
  random(): number;
}

export interface RetryOptions extends RetrySettings, TimeoutSettings {
  /** Called before each wait for a retry; for logging. An exception it throws ends the call with that exception. */
  onRetry?: (event: RetryEvent) => void;
  /** Replaces the timers and randomness (tests). */
  clock?: RetryClock;
}

export const realClock: RetryClock = {
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal.addEventListener("abort", onAbort, { once: true });
    }),
  now: () => Date.now(),
  random: () => Math.random(),
};

type Attempt<Body> = Received<Body> | { failure: "network"; error: unknown } | { failure: "timeout"; kind: TimeoutKind; error: unknown };

/** Sends one call through the client's stack, retrying per {@link decideRetry}; see {@link withRetry}. */
export type RetryingSend = <Body>(request: OutgoingRequest, read: ReadBody<Body>, signal: AbortSignal | undefined, context?: TransportContext) => Promise<Received<Body>>;

/**
 * A {@link Fetch} that sends each request through `next` until it succeeds, per {@link decideRetry},
 * within `timeoutMs` per attempt and `totalTimeoutMs` overall, and stops at once when the
 * request's own signal aborts (also during a wait). Each attempt is a fresh `Request` (bodies are
 * single-use) carrying the attempt's signal, so layers below, such as auth, run again per attempt.
 *
 * The body is read inside the timed region, so a body that trickles past the limit or is cut by a
 * reset counts against the attempt; the returned `Response` holds the body in memory.
 *
 * @throws VpnaasNetworkError when the last attempt got no complete answer.
 * @throws VpnaasTimeoutError when a limit ran out or the caller aborted.
 */
export function withRetry(next: Fetch, options: RetryOptions = {}): Fetch {
  const send = retrying((request, signal) => next(new Request(request.url, initOf(request, signal))), options);
  return async (request, context) => toResponse(await send(await fromRequest(request), readBytes, request.signal, context));
}

/**
 * The retry loop of {@link withRetry} over the client's own layers, which pass plain
 * {@link OutgoingRequest}s and get the body back as `read` reads it (text for a typed call), so
 * that no layer builds a `Request` or a `Response` of its own. `signal` is the caller's.
 */
export function retrying(send: Send, options: RetryOptions = {}): RetryingSend {
  const { maxRetries, baseDelayMs, maxDelayMs, timeoutMs, totalTimeoutMs } = resolveOptions(options);
  const settings = { maxRetries, baseDelayMs, maxDelayMs };
  const clock = options.clock ?? realClock;

  return async (request, read, signal, context) => {
    const started = clock.now();
    const failed: FailedRequest = { method: request.method, url: request.url, attempts: 0 };
    const timeoutError = (kind: TimeoutKind, limitMs: number | undefined, cause: unknown) =>
      new VpnaasTimeoutError(failed, kind, limitMs, clock.now() - started, cause);
    if (signal?.aborted) throw timeoutError("aborted", undefined, signal.reason);
    // One caller's signal may serve many concurrent calls: each call listens on its own follower
    // of it, so that listeners do not pile up on the caller's (Node warns past 10).
    const caller = signal && typeof AbortSignal.any === "function" ? AbortSignal.any([signal]) : signal;

    for (let attempt = 1; ; attempt++) {
      const remainingMs = started + totalTimeoutMs - clock.now();
      const total = remainingMs <= timeoutMs;
      failed.attempts = attempt;
      if (context) context.attempts = attempt;
      const result = await sendOnce(send, request, read, caller, total ? remainingMs : timeoutMs, total ? "totalTimeoutMs" : "timeoutMs");

      if ("failure" in result && result.failure === "timeout" && result.kind !== "timeoutMs") {
        throw timeoutError(result.kind, result.kind === "aborted" ? undefined : totalTimeoutMs, result.error);
      }
      // The common case first: a success needs no decision beyond "not a retry status".
      if ("response" in result && !RETRY_STATUSES.has(result.response.status)) return result;
      const outcome: AttemptOutcome =
        "response" in result
          ? { status: result.response.status, statusText: result.response.statusText, retryAfter: result.response.headers.get("retry-after") }
          : result.failure === "network"
            ? { failure: "network", code: networkErrorCode(result.error) }
            : { failure: "timeout", timeoutMs };
      const decision = decideRetry(
        { attempt, method: request.method, outcome, retryNonIdempotent: context?.retryNonIdempotent ?? false, remainingMs: started + totalTimeoutMs - clock.now(), nowMs: clock.now(), random: clock.random() },
        settings,
      );
      if (!decision.retry) {
        failed.stopReason = decision.reason;
        if (context) context.stopReason = decision.reason;
        if ("response" in result) return result;
        if (result.failure === "network") throw new VpnaasNetworkError(failed, result.error);
        throw timeoutError("timeoutMs", timeoutMs, result.error);
      }
      options.onRetry?.({ method: request.method, url: request.url, attempt, delayMs: decision.delayMs, reason: decision.reason });
      try {
        // Without a caller's signal, one that never aborts; a fresh one, as a shared one would
        // gather a listener per waiting call (and Node's warning past 10).
        await clock.sleep(decision.delayMs, caller ?? new AbortController().signal);
      } catch (reason) {
        throw timeoutError("aborted", undefined, reason);
      }
    }
  };
}

const delayRule = [(v: number) => Number.isFinite(v) && v >= 0, "a finite number of ms ≥ 0"] as const;
const limitRule = [(v: number) => typeof v === "number" && v > 0, "a number of ms > 0 (Infinity for no limit)"] as const;
const OPTION_RULES = {
  maxRetries: [(v: number) => Number.isInteger(v) && v >= 0, "an integer ≥ 0"],
  baseDelayMs: delayRule,
  maxDelayMs: delayRule,
  timeoutMs: limitRule,
  totalTimeoutMs: limitRule,
} as const satisfies Record<keyof typeof RETRY_DEFAULTS, readonly [(v: number) => boolean, string]>;

/** The options with defaults filled in, each checked, so that a typo such as a negative delay fails at once. */
function resolveOptions(options: RetryOptions): Required<RetrySettings & TimeoutSettings> {
  const resolved: Required<RetrySettings & TimeoutSettings> = { ...RETRY_DEFAULTS };
  for (const [key, [valid, expected]] of Object.entries(OPTION_RULES) as [keyof typeof OPTION_RULES, (typeof OPTION_RULES)[keyof typeof OPTION_RULES]][]) {
    const value = options[key] ?? RETRY_DEFAULTS[key];
    if (!valid(value)) throw new VpnaasValidationError(key, `${key} must be ${expected}, got ${describeValue(value)}.`);
    resolved[key] = value;
  }
  return resolved;
}

/**
 * One attempt: sends `request` with a signal that aborts after `limitMs` or when `caller` aborts,
 * and reads the whole body with `read` before that. Leaves no timer and no listener behind.
 * When nothing can end the attempt early (no limit, no caller's signal) no signal is passed at
 * all: following one is a measurable part of each `fetch` in undici.
 */
async function sendOnce<Body>(send: Send, request: OutgoingRequest, read: ReadBody<Body>, caller: AbortSignal | undefined, limitMs: number, limit: TimeoutKind): Promise<Attempt<Body>> {
  // setTimeout fires at once for Infinity and for anything above 2^31-1 ms.
  const timed = Number.isFinite(limitMs) && limitMs < 2 ** 31;
  const controller = timed || caller ? new AbortController() : undefined;
  const signal = controller?.signal;
  // Set while the body is read: whatever aborts the attempt also fails the read at once. Undici
  // errors the body stream itself when its signal aborts; this also covers a `fetch` that does not.
  let failRead: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    controller!.abort(reason);
    failRead?.(reason);
  };
  const onAbort = () => abort(caller!.reason);
  caller?.addEventListener("abort", onAbort, { once: true });
  const timer = timed ? setTimeout(() => abort(new DOMException(`${limit} ${limitMs} ms`, "TimeoutError")), Math.max(0, limitMs)) : undefined;
  try {
    if (caller?.aborted) throw caller.reason;
    const response = await send(request, signal);
    if (response.body === null || response.status < 200 || response.status > 599) return { response, body: null };
    const body = !signal
      ? await read(response)
      : await new Promise<Body>((resolve, reject) => {
          failRead = reject;
          if (signal.aborted) reject(signal.reason);
          else read(response).then(resolve, reject);
        });
    return { response, body };
  } catch (error) {
    if (caller?.aborted) return { failure: "timeout", kind: "aborted", error: caller.reason };
    if (signal?.aborted) return { failure: "timeout", kind: limit, error: signal.reason };
    if (isVpnaasError(error) || !isNetworkFailure(error)) throw error;
    return { failure: "network", error };
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onAbort);
  }
}

// What `fetch` throws when there is no complete answer: a TypeError per the Fetch standard
// ("fetch failed", "terminated"), or, from other fetch implementations, an error with a system code.
// By name, not instanceof: Node's fetch may throw another realm's TypeError (vm contexts, jest).
function isNetworkFailure(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TypeError" || name === "FetchError" || networkErrorCode(error) !== undefined;
}
