import type { RetryClock } from "../clock";
import { describeValue } from "../describe-value";
import { VpnaasError, VpnaasTimeoutError, VpnaasValidationError } from "../errors";
import { redactParsed } from "../redaction";

/** The options of `waitFor…`. */
export interface WaitOptions<S extends string = string> {
  /** The status (or any of the statuses) to wait for, e.g. `"ACTIVE"` or `["ACTIVE", "DOWN"]`. */
  status: S | readonly S[];
  /** How long to wait in all, in ms. Default 300 000 (5 minutes). */
  timeoutMs?: number;
  /** The pause between two reads, in ms. Default 2 000. */
  intervalMs?: number;
  /** Ends the wait (and a read under way) with a `VpnaasTimeoutError` of kind `aborted`. */
  signal?: AbortSignal;
}

/** Why a wait failed: the object reached `ERROR` (not awaited), or `timeoutMs` ran out. */
export type WaitFailure = "error-status" | "timeout";

/**
 * A wait for a status ended without it. `lastState` is the object as last read, with its secret
 * attributes (the psk) `[REDACTED]`: an error may be logged whole.
 */
export class VpnaasWaitError extends VpnaasError {
  override name = "VpnaasWaitError";
  declare readonly reason: WaitFailure;
  /** The object's id. */
  declare readonly id: string;
  /** The last status read, e.g. `ERROR` or `PENDING_CREATE`. */
  declare readonly status: unknown;
  /** The object as last read, secrets redacted. */
  declare readonly lastState: Record<string, unknown>;
  /** Time from the start of the wait, in ms. */
  declare readonly elapsedMs: number;
  constructor(reason: WaitFailure, what: string, id: string, lastState: Record<string, unknown>, wanted: readonly unknown[], elapsedMs: number, timeoutMs: number) {
    const status = lastState.status;
    super(
      reason === "error-status"
        ? `${what} ${id} reached status ERROR while waiting for ${wanted.join(" or ")} (after ${Math.round(elapsedMs)} ms)`
        : `${what} ${id} did not reach ${wanted.join(" or ")} within timeoutMs ${timeoutMs} ms; last status ${describeValue(status)}`,
    );
    this.reason = reason;
    this.id = id;
    this.status = status;
    this.lastState = redactParsed(lastState) as Record<string, unknown>;
    this.elapsedMs = elapsedMs;
  }
}

export const isWaitError = (e: unknown): e is VpnaasWaitError => typeof e === "object" && e !== null && (e as { name?: unknown }).name === "VpnaasWaitError";

const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_INTERVAL_MS = 2_000;

/**
 * Reads the object with `read` until its status is one of `options.status`, and resolves with it.
 * `ERROR`, unless awaited, rejects at once; so does running out of `timeoutMs`, both with a
 * {@link VpnaasWaitError}. Pauses on `clock`, so tests need not wait.
 *
 * @throws VpnaasValidationError on invalid options; nothing was sent.
 * @throws VpnaasTimeoutError of kind `aborted` when `signal` aborts; what a read throws otherwise.
 */
export async function waitForStatus<T extends { status?: unknown }>(
  read: (id: string, signal: AbortSignal | undefined) => Promise<T>,
  what: string,
  id: string,
  options: WaitOptions,
  clock: RetryClock,
): Promise<T> {
  const o = options ?? ({} as WaitOptions);
  const wanted: readonly unknown[] = Array.isArray(o.status) ? o.status : [o.status];
  if (!wanted.length || wanted.some((s) => typeof s !== "string")) throw new VpnaasValidationError("status", `status must be a status or a non-empty list of them, got ${describeValue(o.status)}; nothing was sent.`);
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = o.intervalMs ?? DEFAULT_INTERVAL_MS;
  if (!(timeoutMs > 0)) throw new VpnaasValidationError("timeoutMs", `timeoutMs must be a number of ms > 0, got ${describeValue(timeoutMs)}; nothing was sent.`);
  if (!(Number.isFinite(intervalMs) && intervalMs >= 0)) throw new VpnaasValidationError("intervalMs", `intervalMs must be a finite number of ms ≥ 0, got ${describeValue(intervalMs)}; nothing was sent.`);
  const { signal } = o;
  const started = clock.now();
  // Without a caller's signal, one that never aborts: sleep needs one.
  const sleepSignal = signal ?? new AbortController().signal;
  for (;;) {
    const state = await read(id, signal);
    if (wanted.includes(state.status)) return state;
    const elapsedMs = clock.now() - started;
    if (state.status === "ERROR") throw new VpnaasWaitError("error-status", what, id, state as Record<string, unknown>, wanted, elapsedMs, timeoutMs);
    const leftMs = timeoutMs - elapsedMs;
    if (leftMs <= 0) throw new VpnaasWaitError("timeout", what, id, state as Record<string, unknown>, wanted, elapsedMs, timeoutMs);
    try {
      await clock.sleep(Math.min(intervalMs, leftMs), sleepSignal);
    } catch (reason) {
      throw new VpnaasTimeoutError({ method: "GET", url: `${what} ${id} (waiting for ${wanted.join(" or ")})`, attempts: 0 }, "aborted", undefined, clock.now() - started, reason);
    }
  }
}
