import { isTransientCode, networkErrorCode } from "./errors";
import { isRetryableStatus } from "./exchange";

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
  /** Limit of the whole call: endpoint discovery, all attempts and the waits between them. Default 120 000 ms. */
  totalTimeoutMs?: number;
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
/** Statuses whose `Retry-After` is honoured. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

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

/** `outOfTime`: the stop is totalTimeoutMs's (no time left for the wait or the next attempt). */
export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string; outOfTime?: true };

/**
 * The whole retry policy as a pure function of one attempt's outcome and the options: retry or
 * not, and after how long. A server's `Retry-After` (429, 503) lengthens the wait, never shortens
 * it below the backoff: `Retry-After: 0`, a past date or an unreadable one must not turn a 429
 * storm into back-to-back requests. The `reason` of a refusal says why, for error messages.
 */
export function decideRetry(input: RetryInput, settings: Required<RetrySettings>): RetryDecision {
  const { attempt, method, outcome } = input;
  const reason = describeOutcome(outcome);
  if ("status" in outcome && !isRetryableStatus(outcome.status)) return { retry: false, reason: `${reason} is not retried` };
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
      outOfTime: true,
    };
  }
  const backoffMs = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  const delayMs = Math.max(retryAfterMs ?? 0, Math.round(backoffMs * (0.5 + input.random / 2)));
  if (delayMs >= input.remainingMs) {
    return { retry: false, reason: `the next retry, in ${seconds(delayMs)}, would start after the ${seconds(input.remainingMs)} left of totalTimeoutMs`, outOfTime: true };
  }
  return { retry: true, delayMs, reason };
}

/**
 * The three HTTP-date forms of RFC 9110 §5.6.7, strictly: `Date.parse` would also take `Tue 1`.
 * IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`),
 * asctime (`Sun Nov  6 08:49:37 1994`). A literal, not `new RegExp` of a template: a bundler drops
 * an unused literal, but must keep a module-level constructor call in every bundle of the package.
 */
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/** Milliseconds to wait per a `Retry-After` value (delta-seconds or HTTP-date); undefined if absent or invalid. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  // Stryker disable next-line Regex: equivalent, HTTP_DATE lets GMT appear only at the end (asctime has none), so GMT anywhere is GMT at the end
  const at = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function describeOutcome(outcome: AttemptOutcome): string {
  if ("status" in outcome) return `${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ""}`;
  if (outcome.failure === "timeout") return `timeout: no complete answer within ${outcome.timeoutMs} ms`;
  return `network: ${outcome.code ?? "failure"}`;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * The messages of a failed fetch that carries no code: Chromium, Firefox, Safari; Deno ("fetch
 * failed", "error sending request", "error reading a body from connection"). undici's "fetch failed" always has a coded cause, read above.
 */
const BROWSER_NETWORK_FAILURE = /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed|fetch failed|error sending request\b|error reading a body from connection)/;

/** Whether `error`, thrown by `fetch` or while reading a body, is a network failure worth another attempt. */
export function isTransientNetworkFailure(error: unknown): boolean {
  const code = networkErrorCode(error);
  if (code !== undefined) return isTransientCode(code);
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  // Without a code, only the words of a fetch that got no answer count.
  return name === "TypeError" && typeof message === "string" && BROWSER_NETWORK_FAILURE.test(message);
}
