import { getEventListeners } from "node:events";
import { abortable, limitSignal } from "../src/abortable";
import { realClock } from "../src/clock";

const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

/** A setTimer that only records what it was asked to run, so a test can fire it. */
function manualTimer() {
  const armed: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  const setTimer = (run: () => void, ms: number) => {
    const timer = { run, ms, cancelled: false };
    armed.push(timer);
    return () => void (timer.cancelled = true);
  };
  return { armed, setTimer };
}

describe("abortable", () => {
  test("takes its listener off the caller's signal once the promise settles", async () => {
    const signal = new AbortController().signal;
    await expect(abortable(Promise.resolve(42), signal)).resolves.toBe(42);
    await expect(abortable(Promise.reject(new Error("no")), signal)).rejects.toThrow("no");
    expect(listeners(signal)).toBe(0);
  });

  test("many waits on one long-lived signal leave no listener behind (Node warns past 10)", async () => {
    const signal = new AbortController().signal;
    for (let i = 0; i < 12; i++) await abortable(Promise.resolve(i), signal);
    expect(listeners(signal)).toBe(0);
  });
});

describe("limitSignal", () => {
  test("a caller's signal that is already aborted gives an aborted signal with the caller's reason", () => {
    const reason = new Error("caller gave up");
    const { signal, release } = limitSignal(AbortSignal.abort(reason), Number.POSITIVE_INFINITY, "timeoutMs", manualTimer().setTimer);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(reason);
    release();
  });

  test("follows the caller's signal until released, then lets go of it", () => {
    const caller = new AbortController();
    const { signal, release } = limitSignal(caller.signal, Number.POSITIVE_INFINITY, "timeoutMs", manualTimer().setTimer);
    expect(listeners(caller.signal)).toBe(1);
    release();
    expect(listeners(caller.signal)).toBe(0);
    caller.abort(new Error("after the attempt"));
    expect(signal?.aborted).toBe(false);
  });

  test("running out aborts with a TimeoutError that names the limit and its milliseconds", () => {
    const { armed, setTimer } = manualTimer();
    const { signal, release } = limitSignal(undefined, 250, "totalTimeoutMs", setTimer);
    expect(armed.map((t) => t.ms)).toEqual([250]);
    armed[0]!.run();
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ name: "TimeoutError" });
    expect((signal?.reason as Error).message).toMatch(/^totalTimeoutMs 250 ms$/);
    release();
    expect(armed[0]!.cancelled).toBe(true);
  });
});

describe("realClock", () => {
  test("sleep takes its listener off the signal when the delay is over", async () => {
    const signal = new AbortController().signal;
    for (let i = 0; i < 12; i++) await realClock.sleep(1, signal);
    expect(listeners(signal)).toBe(0);
  });

  test("a delay of 2^31 ms (one more than a timer holds) is waited in full, not fired at once", async () => {
    jest.useFakeTimers();
    try {
      let done = false;
      const sleeping = realClock.sleep(2 ** 31, new AbortController().signal).then(() => (done = true));
      await jest.advanceTimersByTimeAsync(1_000);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(2 ** 31 - 1_001);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  test("a timer of exactly 2^31-1 ms (the most one holds) fires on time, in one turn", async () => {
    jest.useFakeTimers();
    try {
      let fired = false;
      realClock.setTimer(() => (fired = true), 2 ** 31 - 1);
      await jest.advanceTimersByTimeAsync(2 ** 31 - 2);
      expect(fired).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(fired).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
