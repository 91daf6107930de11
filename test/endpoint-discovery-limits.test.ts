// Finding the endpoint (a strategy's discoverEndpoint, Keystone's catalog for keystoneAuth) runs
// within the call's limits: the tighter of timeoutMs and what is left of totalTimeoutMs, on the
// client's clock. Running out, or the caller's abort, is a VpnaasTimeoutError about that step.
import { createVpnaasClient, VpnaasTimeoutError, type AuthStrategy, type RetryClock } from "../src";
import type { Layer } from "../src/request";
import { connectionId } from "./helpers/auth-fixtures";

interface Timer {
  ms: number;
  run: () => void;
}

/** A clock that stands still until a test moves it; its timers fire only when a test runs them. */
function manualClock(startMs: number): RetryClock & { t: number; timers: Timer[] } {
  const clock = {
    t: startMs,
    timers: [] as Timer[],
    now: () => clock.t,
    random: () => 0.5,
    sleep: () => Promise.reject(new Error("this test expects no retries")),
    setTimer(run: () => void, ms: number) {
      clock.timers.push({ ms, run });
      return () => undefined;
    },
  };
  return clock;
}

const passThrough: Layer = (request, next) => next(request);

/** A strategy whose endpoint is never found: only a limit or the caller ends the wait. */
const neverFound: AuthStrategy = {
  kind: "never-found",
  layer: () => Object.assign(passThrough, { discoverEndpoint: () => new Promise<string>(() => undefined) }),
};

async function timedOut(limits: { timeoutMs: number; totalTimeoutMs: number }, waitedMs: number) {
  const clock = manualClock(1_000_000);
  const client = createVpnaasClient({ auth: neverFound, retry: false, clock, ...limits });
  const call = client.getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
  for (let tick = 0; tick < 100 && clock.timers.length === 0; tick++) await new Promise((done) => setImmediate(done));
  expect(clock.timers).toHaveLength(1);
  const [timer] = clock.timers;
  clock.t += waitedMs;
  timer!.run();
  return { timerMs: timer!.ms, error: (await call) as VpnaasTimeoutError };
}

test.each([
  [{ timeoutMs: 1_000, totalTimeoutMs: 600 }, "totalTimeoutMs", 600, /totalTimeoutMs 600 ms ran out after 600 ms/],
  [{ timeoutMs: 500, totalTimeoutMs: 5_000 }, "timeoutMs", 500, /no complete answer within timeoutMs 500 ms after 500 ms/],
  [{ timeoutMs: 1_000, totalTimeoutMs: 1_000 }, "timeoutMs", 1_000, /no complete answer within timeoutMs 1000 ms after 1000 ms/],
] as const)("with %j, finding the endpoint is bounded by %s %d ms, and running out says so", async (limits, kind, ms, message) => {
  const { timerMs, error } = await timedOut(limits, ms);
  expect(timerMs).toBe(ms);
  expect(error).toBeInstanceOf(VpnaasTimeoutError);
  expect(error).toMatchObject({ kind, limitMs: ms, elapsedMs: ms, attempts: 0, method: "GET" });
  expect(error.message).toMatch(message);
  expect(error.message).toMatch(/\/v2\.0\/vpn\/ipsec-site-connections\/\S+ \(finding the endpoint in the Keystone catalog\)/);
});

test("the caller's abort while the endpoint is being found is 'aborted', with no limit named", async () => {
  const clock = manualClock(5_000);
  const controller = new AbortController();
  const client = createVpnaasClient({ auth: neverFound, retry: false, clock, timeoutMs: 1_000, totalTimeoutMs: 2_000 });
  const call = client.getIpsecSiteConnection(connectionId, { signal: controller.signal }).catch((e: unknown) => e);
  await new Promise((done) => setImmediate(done));
  clock.t += 250;
  controller.abort();
  const error = (await call) as VpnaasTimeoutError;
  expect(error).toBeInstanceOf(VpnaasTimeoutError);
  expect(error).toMatchObject({ kind: "aborted", limitMs: undefined, elapsedMs: 250 });
  expect(error.message).toMatch(/aborted by the caller after 250 ms/);
});

test.each([
  [2_000, 2_000],
  [Infinity, 60_000],
])("a strategy's own shared request is bounded by timeoutMs %p: %p ms", (timeoutMs, ownRequestTimeoutMs) => {
  const seen: number[] = [];
  const recording: AuthStrategy = { kind: "recording", layer: (context) => (seen.push(context.ownRequestTimeoutMs), passThrough) };
  createVpnaasClient({ baseUrl: "https://network.example.com", auth: recording, timeoutMs });
  expect(seen).toEqual([ownRequestTimeoutMs]);
});

test.each([["true"], [1]])("allowInsecureHttp %p (not the boolean true) does not let credentials go over http", (allowInsecureHttp) => {
  const options = { baseUrl: "http://network.example.com", auth: neverFound, allowInsecureHttp } as unknown as Parameters<typeof createVpnaasClient>[0];
  expect(() => createVpnaasClient(options)).toThrow(/Refusing to send credentials over plain http:\/\/ to network\.example\.com/);
});
