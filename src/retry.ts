import { secretsOf } from "./redaction";
import { limitSignal } from "./abortable";
import { type RetryClock, realClock } from "./clock";
import { type FailedRequest, isVpnaasError, networkErrorCode, sanitizedCause, type TimeoutKind, VpnaasNetworkError, VpnaasTimeoutError, VpnaasValidationError } from "./errors";
import { isRetryableStatus } from "./exchange";
import type { Layer, Next, OutgoingRequest, Received } from "./request";
import { type AttemptOutcome, decideRetry, isTransientNetworkFailure, RETRY_DEFAULTS, type RetrySettings, type TimeoutSettings } from "./retry-policy";
import { describeValue } from "./describe-value";

/** What `onRetry` is told before each wait. Holds no headers and no body. */
export interface RetryEvent {
  method: string;
  url: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  /** What went wrong, e.g. `503 Service Unavailable` or `network: ECONNRESET`. */
  reason: string;
}

export interface RetryOptions extends RetrySettings, TimeoutSettings {
  /** Called before each wait for a retry; for logging. An exception it throws ends the call with that exception. */
  onRetry?: (event: RetryEvent) => void;
  /** Replaces the timers and randomness (tests). Default: the real ones. */
  clock?: RetryClock;
}

type Attempt = Received | { failure: "network" | "fatal"; error: unknown } | { failure: "timeout"; kind: TimeoutKind; error: unknown };

/**
 * The retry layer: sends each attempt through `next` with a signal of its own, which aborts after
 * `timeoutMs` (or what is left of `totalTimeoutMs`) or when the caller's `request.signal` does,
 * and retries per {@link decideRetry}. The layers below read the whole body within that signal.
 * It returns what happened (`attempts`, `stopReason`) on the answer and on its errors.
 *
 * @throws VpnaasNetworkError when the last attempt got no complete answer (retryable), or `fetch`
 *   failed in a way another attempt would not mend (not retried; the cause is redacted).
 * @throws VpnaasTimeoutError when a limit ran out or the caller aborted.
 */
export function retryLayer(options: RetryOptions = {}): Layer {
  const { maxRetries, baseDelayMs, maxDelayMs, timeoutMs, totalTimeoutMs } = resolveRetryOptions(options);
  const settings = { maxRetries, baseDelayMs, maxDelayMs };
  const clock = options.clock ?? realClock;

  return async (request, next) => {
    const started = request.startedMs ?? clock.now();
    const failed: FailedRequest = { method: request.method, url: request.url, attempts: 0 };
    const timeoutError = (kind: TimeoutKind, limitMs: number | undefined, cause: unknown) =>
      new VpnaasTimeoutError(failed, kind, limitMs, clock.now() - started, cause);
    const { signal } = request;
    if (signal?.aborted) throw timeoutError("aborted", undefined, signal.reason);
    // One caller's signal may serve many concurrent calls: each call listens on its own follower
    // of it, so that listeners do not pile up on the caller's (Node warns past 10).
    const caller = signal && typeof AbortSignal.any === "function" ? AbortSignal.any([signal]) : signal;

    for (let attempt = 1; ; attempt++) {
      const remainingMs = started + totalTimeoutMs - clock.now();
      const total = remainingMs <= timeoutMs;
      failed.attempts = attempt;
      const result = await sendOnce(next, request, caller, clock, total ? remainingMs : timeoutMs, total ? "totalTimeoutMs" : "timeoutMs");

      if ("failure" in result && result.failure === "timeout" && result.kind !== "timeoutMs") {
        throw timeoutError(result.kind, result.kind === "aborted" ? undefined : totalTimeoutMs, result.error);
      }
      if ("failure" in result && result.failure === "fatal") {
        // Not a failure another attempt would mend; its message may quote a header value (a token).
        failed.stopReason = "not a transient network failure, so not retried";
        throw new VpnaasNetworkError(failed, sanitizedCause(result.error, secretsOf(request.headers)), false);
      }
      // The common case first: a success needs no decision beyond "not a retry status".
      if ("response" in result && !isRetryableStatus(result.response.status)) return { ...result, attempts: attempt };
      const outcome: AttemptOutcome =
        "response" in result
          ? { status: result.response.status, statusText: result.response.statusText, retryAfter: result.response.headers.get("retry-after") }
          : result.failure === "network"
            ? { failure: "network", code: networkErrorCode(result.error) }
            : { failure: "timeout", timeoutMs };
      const now = clock.now();
      const decision = decideRetry(
        { attempt, method: request.method, outcome, retryNonIdempotent: request.retryNonIdempotent ?? false, remainingMs: started + totalTimeoutMs - now, nowMs: now, random: clock.random() },
        settings,
      );
      if (!decision.retry) {
        failed.stopReason = decision.reason;
        if ("response" in result) return { ...result, attempts: attempt, stopReason: decision.reason };
        if (result.failure === "network") throw new VpnaasNetworkError(failed, result.error);
        // An attempt's timeout with no time left for another: the call ran out of totalTimeoutMs.
        throw decision.outOfTime ? timeoutError("totalTimeoutMs", totalTimeoutMs, result.error) : timeoutError("timeoutMs", timeoutMs, result.error);
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

/** What an option must be: a check, and its words for a message ("an integer ≥ 0"). */
export type OptionRule = readonly [valid: (v: unknown) => boolean, expected: string];

/** `value` when `rule` accepts it, else a VpnaasValidationError naming `key` and what it must be. */
export function checkedOption(key: string, value: unknown, [valid, expected]: OptionRule): number {
  if (!valid(value)) throw new VpnaasValidationError(key, `${key} must be ${expected}, got ${describeValue(value)}.`);
  return value as number;
}

const delayRule = [(v: unknown) => Number.isFinite(v) && (v as number) >= 0, "a finite number of ms ≥ 0"] as const;
const limitRule = [(v: unknown) => typeof v === "number" && v > 0, "a number of ms > 0 (Infinity for no limit)"] as const;
const OPTION_RULES = {
  maxRetries: [(v: unknown) => Number.isInteger(v) && (v as number) >= 0, "an integer ≥ 0"],
  baseDelayMs: delayRule,
  maxDelayMs: delayRule,
  timeoutMs: limitRule,
  totalTimeoutMs: limitRule,
} as const satisfies Record<keyof typeof RETRY_DEFAULTS, OptionRule>;

/** The options with defaults filled in, each checked, so that a typo such as a negative delay fails at once. */
export function resolveRetryOptions(options: RetrySettings & TimeoutSettings): Required<RetrySettings & TimeoutSettings> {
  const resolved: Required<RetrySettings & TimeoutSettings> = { ...RETRY_DEFAULTS };
  for (const [key, rule] of Object.entries(OPTION_RULES) as [keyof typeof OPTION_RULES, OptionRule][]) {
    resolved[key] = checkedOption(key, options[key] ?? RETRY_DEFAULTS[key], rule);
  }
  return resolved;
}

/**
 * One attempt: sends `request` with a signal that aborts after `limitMs` or when `caller` aborts.
 * Leaves no timer and no listener behind. When nothing can end the attempt early (no limit, no
 * caller's signal) no signal is passed at all: following one is a measurable part of each `fetch`.
 */
async function sendOnce(next: Next, request: OutgoingRequest, caller: AbortSignal | undefined, clock: RetryClock, limitMs: number, limit: TimeoutKind): Promise<Attempt> {
  const { signal, release } = limitSignal(caller, limitMs, limit, clock.setTimer);
  try {
    if (caller?.aborted) throw caller.reason;
    return await next({ ...request, signal });
  } catch (error) {
    if (caller?.aborted) return { failure: "timeout", kind: "aborted", error: caller.reason };
    if (signal?.aborted) return { failure: "timeout", kind: limit, error: signal.reason };
    if (isVpnaasError(error)) throw error;
    return { failure: isTransientNetworkFailure(error) ? "network" : "fatal", error };
  } finally {
    release();
  }
}
