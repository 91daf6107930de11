// Why the retry layer stops or retries, as it tells the caller (stopReason, onRetry's reason), and
// which thrown errors count as a network failure worth another attempt.
import { VpnaasNetworkError, VpnaasTimeoutError, type RetryEvent } from "../src";
import type { RetryClock } from "../src/clock";
import { type Next, stack } from "../src/request";
import { retryLayer, type RetryOptions } from "../src/retry";
import { decideRetry, isTransientNetworkFailure, type RetryInput } from "../src/retry-policy";
import { outgoing } from "./helpers/faults";

const NOW = Date.parse("2026-11-28T12:00:00Z");
const settings = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 };
const input = (over: Partial<RetryInput>): RetryInput => ({ attempt: 1, method: "GET", outcome: { status: 503 }, retryNonIdempotent: false, remainingMs: 120_000, nowMs: NOW, random: 0.5, ...over });

describe("decideRetry's reasons for stopping on totalTimeoutMs", () => {
  test("a Retry-After equal to the time left is the server's wait, named as such (10 s and more in whole seconds)", () => {
    expect(decideRetry(input({ outcome: { status: 503, retryAfter: "10" }, remainingMs: 10_000 }), settings)).toEqual({
      retry: false,
      reason: "the server asked to be called again in 10 s (at 2026-11-28T12:00:10.000Z), beyond the 10 s left of totalTimeoutMs",
      outOfTime: true,
    });
  });

  test("a backoff beyond the time left names the wait and the time left, under 10 s to a tenth", () => {
    expect(decideRetry(input({ remainingMs: 300 }), settings)).toEqual({
      retry: false,
      reason: "the next retry, in 0.4 s, would start after the 0.3 s left of totalTimeoutMs",
      outOfTime: true,
    });
    expect(decideRetry(input({ remainingMs: 9_949 }), { ...settings, baseDelayMs: 20_000 })).toMatchObject({ reason: "the next retry, in 15 s, would start after the 9.9 s left of totalTimeoutMs" });
  });
});

describe("isTransientNetworkFailure without an error code", () => {
  test.each<[string, unknown, boolean]>([
    ["fetch's TypeError with a browser's words", new TypeError("Failed to fetch"), true],
    ["Deno's words", new TypeError("error sending request for url (https://h/)"), true],
    ["the same words in an Error that is not a TypeError", new Error("Failed to fetch"), false],
    ["the same words in a RangeError", new RangeError("Load failed"), false],
    ["a TypeError-named object whose message is not a string", { name: "TypeError", message: ["Failed to fetch"] }, false],
    ["a TypeError with other words", new TypeError("Invalid URL"), false],
  ])("%s: %p", (_label, error, transient) => {
    expect(isTransientNetworkFailure(error)).toBe(transient);
  });
});

describe("the retry layer", () => {
  const url = "http://127.0.0.1:9/v2.0/vpn/ipsec-site-connections";

  /** A clock that moves only when a test (or a sleep) moves it; its timers fire when a test runs them. */
  function manualClock(): RetryClock & { t: number; timers: { ms: number; run: () => void }[] } {
    const timers: { ms: number; run: () => void }[] = [];
    const clock: ReturnType<typeof manualClock> = {
      t: 0,
      timers,
      now: () => clock.t,
      random: () => 0.5,
      sleep: async (ms: number) => void (clock.t += ms),
      setTimer: (run: () => void, ms: number) => (timers.push({ ms, run }), () => undefined),
    };
    return clock;
  }
  /** A transport that answers only by its signal aborting. */
  const hanging: Next = (request) => new Promise((_, reject) => request.signal!.addEventListener("abort", () => reject(request.signal!.reason)));
  const retrying = (next: Next, options: RetryOptions) => stack([retryLayer(options)], next);
  const fired = async (clock: ReturnType<typeof manualClock>, index: number, advanceMs: number) => {
    for (let tick = 0; tick < 100 && clock.timers.length <= index; tick++) await new Promise((done) => setImmediate(done));
    clock.t += advanceMs;
    clock.timers[index]!.run();
  };

  test("a thrown error that is no network failure stops at once, saying so in its message", async () => {
    let calls = 0;
    const send = retrying(async () => {
      calls++;
      throw new TypeError("Invalid URL");
    }, {});
    const error = (await send(outgoing(url)).catch((e: unknown) => e)) as VpnaasNetworkError;
    expect(error).toBeInstanceOf(VpnaasNetworkError);
    expect(error).toMatchObject({ retryable: false, attempts: 1 });
    expect(error.message).toMatch(/\(1 attempt\S*\); not a transient network failure, so not retried$/);
    expect(calls).toBe(1);
  });

  test("an attempt's timeout is retried as a timeout, and onRetry says so", async () => {
    const clock = manualClock();
    const events: RetryEvent[] = [];
    const call = retrying(hanging, { clock, timeoutMs: 50, totalTimeoutMs: 10_000, maxRetries: 1, onRetry: (e) => events.push(e) })(outgoing(url)).catch((e: unknown) => e);
    await fired(clock, 0, 50);
    await fired(clock, 1, 50);
    expect(await call).toMatchObject({ name: "VpnaasTimeoutError", kind: "timeoutMs", attempts: 2 });
    expect(events.map((e) => e.reason)).toEqual(["timeout: no complete answer within 50 ms"]);
  });

  test("an attempt bounded by exactly what is left of totalTimeoutMs ends the call when it runs out, even with a zero backoff and a clock a little behind", async () => {
    const clock = manualClock();
    const events: RetryEvent[] = [];
    const call = retrying(hanging, { clock, timeoutMs: 1_000, totalTimeoutMs: 1_000, baseDelayMs: 0, onRetry: (e) => events.push(e) })(outgoing(url)).catch((e: unknown) => e);
    await fired(clock, 0, 999);
    // Were there another attempt, its timer would run out too: the test ends either way.
    for (let tick = 0; tick < 20; tick++) await new Promise((done) => setImmediate(done));
    for (const timer of clock.timers.slice(1)) (clock.t += timer.ms), timer.run();
    const error = (await call) as VpnaasTimeoutError;
    expect(error).toBeInstanceOf(VpnaasTimeoutError);
    expect(error).toMatchObject({ kind: "totalTimeoutMs", limitMs: 1_000, attempts: 1 });
    expect(clock.timers.map((t) => t.ms)).toEqual([1_000]);
    expect(events).toEqual([]);
  });

  test("on a runtime without AbortSignal.any, a call follows the caller's signal itself: it succeeds, and an abort ends it", async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, "any");
    Reflect.deleteProperty(AbortSignal, "any");
    try {
      expect(AbortSignal.any).toBeUndefined();
      const answered = await retrying(async () => ({ response: new Response("{}"), body: "{}" }), {})({ ...outgoing(url), signal: new AbortController().signal });
      expect(answered.response.status).toBe(200);
      const controller = new AbortController();
      const call = retrying(hanging, { timeoutMs: 60_000 })({ ...outgoing(url), signal: controller.signal }).catch((e: unknown) => e);
      controller.abort();
      expect(await call).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    } finally {
      if (any) Object.defineProperty(AbortSignal, "any", any);
    }
  });
});
