/** Timers, time and randomness of the retry layer, replaceable in tests. */
export interface RetryClock {
  /** Resolves after `ms`, or rejects with `signal.reason` as soon as `signal` aborts; leaves no timer behind. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Calls `run` after `ms` (an attempt's time limit); returns the function that cancels it. */
  setTimer(run: () => void, ms: number): () => void;
  /** Milliseconds, monotonic enough for budgets. */
  now(): number;
  /** A number in [0, 1). */
  random(): number;
}

/** The longest delay one `setTimeout` holds; a longer one fires at once (Node warns, browsers wrap). */
export const MAX_TIMER_MS = 2_147_483_647; // 2 ** 31 - 1, as a literal: a bundler keeps the expression even where nothing reads it

/** `setTimeout` for any finite delay: a longer wait than a timer holds is served in turns. */
function setLongTimer(run: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = (left: number) => {
    timer = left > MAX_TIMER_MS ? setTimeout(() => arm(left - MAX_TIMER_MS), MAX_TIMER_MS) : setTimeout(run, Math.max(0, left));
  };
  arm(ms);
  return () => clearTimeout(timer);
}

export const realClock: RetryClock = {
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        cancel();
        reject(signal.reason);
      };
      const cancel = setLongTimer(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, a signal dispatches abort once, and the timer removes the listener when it fires
      signal.addEventListener("abort", onAbort, { once: true });
    }),
  setTimer: setLongTimer,
  now: () => Date.now(),
  random: () => Math.random(),
};
