// Fault injection: a real server on 127.0.0.1 misbehaves on demand; every test checks the
// outcome, how many attempts the server saw, and that the call stayed within its time budget.
// `npm run test:faults` runs this with --detectOpenHandles; as that does not see a pending timer,
// afterEach also checks that the client left none (a backoff sleep, an attempt timeout).
import { inspect } from "node:util";
import {
  createVpnaasClient,
  isApiError,
  isNetworkError,
  isResponseError,
  isTimeoutError,
  type RetryClock,
  type RetryEvent,
  type VpnaasApiError,
  type VpnaasClientOptions,
  type VpnaasNetworkError,
  type VpnaasResponseError,
  type VpnaasTimeoutError,
  tokenAuth,
} from "../../src";
import { capture } from "../helpers/captures";
import { countingClock, fault, HTML_502, outgoing, refusingUrl, retryStack, script, startResettingServer } from "../helpers/faults";
import { startServer, type TestServer } from "../helpers/http-server";

const ok = capture("get-connection-200");
const okBody = JSON.parse(ok.response.body_raw) as { ipsec_site_connection: { id: string } };
const id = okBody.ipsec_site_connection.id;
const path = `/v2.0/vpn/ipsec-site-connections/${id}`;
const neutronError = (type: string) => ({ NeutronError: { type, message: "try again later", detail: "" } });

let server: TestServer;
let events: RetryEvent[];
let tokensIssued: number;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

// Every timer of the client (attempt limits, backoff sleeps) goes through its clock: this one
// counts them, and no test may leave one running.
let clock = countingClock();
afterEach(async () => {
  await new Promise((done) => setTimeout(done, 30)); // lets this file's own short timers (≤ 20 ms) run
  expect(clock.pending()).toBe(0);
  clock = countingClock();
});
beforeEach(() => {
  server.requests.length = 0;
  events = [];
  tokensIssued = 0;
});

/** The full client, with a test token layer under the retry layer and short delays. */
const client = (options: Partial<VpnaasClientOptions> = {}) =>
  createVpnaasClient({
    baseUrl: server.url,
    auth: tokenAuth(() => `token-${++tokensIssued}`),
    allowInsecureHttp: true,
    clock,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    timeoutMs: 1000,
    totalTimeoutMs: 3000,
    onRetry: (event) => events.push(event),
    ...options,
  });

/** Runs `call` and reports how it ended and how long it took. */
async function run<T>(call: () => Promise<T>): Promise<{ value?: T; error?: any; ms: number }> {
  const started = performance.now();
  try {
    const value = await call();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

const get = (options: Partial<VpnaasClientOptions> = {}, signal?: AbortSignal) => run(() => client(options).getIpsecSiteConnection(id, { signal }));

/** A clock whose sleep returns at once and advances its own time instead; it records the waits. */
function instantClock(): RetryClock & { slept: number[] } {
  const slept: number[] = [];
  let skewMs = 0;
  return {
    slept,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw signal.reason;
      slept.push(ms);
      skewMs += ms;
    },
    setTimer: (run, ms) => clock.setTimer(run, ms),
    now: () => Date.now() + skewMs,
    random: () => 0.5,
  };
}

describe("transient server errors", () => {
  test.each([500, 502, 503, 504])("retries a %i then returns the 200", async (status) => {
    script(server, fault.json(status, neutronError("Transient")), fault.json(200, okBody));
    const { value, ms } = await get();
    expect(value).toEqual(okBody.ipsec_site_connection);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${path}`, `GET ${path}`]);
    expect(events).toEqual([{ method: "GET", url: `${server.url}${path}`, attempt: 1, delayMs: expect.any(Number), reason: expect.stringMatching(new RegExp(`^${status} `)) }]);
    expect(ms).toBeLessThan(1000);
  });

  test("an HTML 502 page from a proxy, every time, ends in a VpnaasApiError after 4 attempts", async () => {
    script(server, fault.raw(502, "text/html", HTML_502));
    const { error, ms } = await get();
    expect(isApiError(error)).toBe(true);
    const e = error as VpnaasApiError;
    expect([e.status, e.retryable, e.attempts]).toEqual([502, true, 4]);
    expect(e.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v2\.0\/vpn\/ipsec-site-connections\/[-\w]+ → 502 Bad Gateway: <html>.*nginx.* \(4 attempts\); no retries left \(maxRetries 3\)$/);
    expect(server.requests).toHaveLength(4);
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(ms).toBeLessThan(1000);
  });

  test("does not retry a 404, and says so with attempts 1", async () => {
    script(server, fault.json(404, neutronError("IPsecSiteConnectionNotFound")));
    const { error } = await get();
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 404, retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  const transport = (clock: RetryClock) => retryStack({ clock, totalTimeoutMs: 60_000 });

  test("429 with Retry-After in seconds waits that long instead of the backoff", async () => {
    script(server, fault.json(429, neutronError("OverLimit"), { "Retry-After": "7" }), fault.json(200, okBody));
    const clock = instantClock();
    const { value, ms } = await run(() => transport(clock)(outgoing(`${server.url}${path}`)));
    expect(value?.response.status).toBe(200);
    expect(clock.slept).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(500);
  });

  test("429 with Retry-After as an HTTP-date waits until then", async () => {
    const at = new Date(Date.now() + 10_000).toUTCString();
    script(server, fault.json(429, neutronError("OverLimit"), { "Retry-After": at }), fault.json(200, okBody));
    const clock = instantClock();
    const { value, ms } = await run(() => transport(clock)(outgoing(`${server.url}${path}`)));
    expect(value?.response.status).toBe(200);
    expect(clock.slept).toHaveLength(1);
    expect(clock.slept[0]).toBeGreaterThan(8000);
    expect(clock.slept[0]).toBeLessThanOrEqual(10_000);
    expect(ms).toBeLessThan(500);
  });

  test.each([
    ["in seconds", "120"],
    ["as an HTTP-date", new Date(Date.now() + 120_000).toUTCString()],
  ])("a Retry-After %s beyond the time budget ends the call at once, saying when to call again", async (_label, retryAfter) => {
    script(server, fault.json(503, neutronError("ServiceUnavailable"), { "Retry-After": retryAfter }), fault.json(200, okBody));
    const { error, ms } = await get({ totalTimeoutMs: 5000 });
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, attempts: 1, retryable: true });
    expect((error as Error).message).toMatch(/; the server asked to be called again in 1[12]\d s \(at 20\d\d-\d\d-\d\dT[\d:.]+Z\), beyond the \d\.\d s left of totalTimeoutMs$/);
    expect(server.requests).toHaveLength(1);
    expect(events).toEqual([]);
    expect(ms).toBeLessThan(500);
  });
});

describe("broken connections", () => {
  test("a reset before the response is retried, and the third attempt's 200 returned", async () => {
    script(server, fault.resetBeforeResponse(), fault.resetBeforeResponse(), fault.json(200, okBody));
    const { value, ms } = await get();
    expect(value).toEqual(okBody.ipsec_site_connection);
    expect(server.requests).toHaveLength(3);
    expect(events.map((e) => e.reason)).toEqual([expect.stringMatching(/^network: /), expect.stringMatching(/^network: /)]);
    expect(ms).toBeLessThan(1000);
  });

  test("a raw TCP server that resets every connection gives a VpnaasNetworkError after 4 attempts", async () => {
    const raw = await startResettingServer();
    try {
      const { error, ms } = await get({ baseUrl: raw.url });
      expect(isNetworkError(error)).toBe(true);
      const e = error as VpnaasNetworkError;
      expect(e).toMatchObject({ method: "GET", url: `${raw.url}${path}`, attempts: 4, retryable: true });
      expect(e.code).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
      expect(e.message).toMatch(new RegExp(`^GET ${raw.url}${path} failed: .*\\((ECONNRESET|UND_ERR_SOCKET)\\) \\(4 attempts\\); no retries left`));
      expect((e.cause as Error).name).toBe("TypeError");
      expect(raw.connections()).toBe(4);
      expect(ms).toBeLessThan(1000);
    } finally {
      await raw.close();
    }
  });

  test("a reset in the middle of the body is a network failure and is retried", async () => {
    script(server, fault.resetMidBody(ok.response.body_raw), fault.json(200, okBody));
    const { value, ms } = await get();
    expect(value).toEqual(okBody.ipsec_site_connection);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(1000);
  });

  test("a reset in the middle of the body, with retries off, is a VpnaasNetworkError, not truncated JSON", async () => {
    script(server, fault.resetMidBody(ok.response.body_raw));
    const { error } = await get({ retry: false });
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 1, code: "ECONNRESET" });
    expect(server.requests).toHaveLength(1);
  });

  test("connection refused is retried, then a VpnaasNetworkError naming ECONNREFUSED", async () => {
    const url = await refusingUrl();
    const { error, ms } = await get({ baseUrl: url });
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 4 });
    expect((error as Error).message).toContain("connection refused (ECONNREFUSED) (4 attempts)");
    expect(ms).toBeLessThan(1000);
  });
});

describe("time limits", () => {
  test("a server that accepts and never answers hits timeoutMs on each attempt", async () => {
    script(server, fault.hang());
    const { error, ms } = await get({ timeoutMs: 100, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 5 } });
    expect(isTimeoutError(error)).toBe(true);
    const e = error as VpnaasTimeoutError;
    expect([e.kind, e.limitMs, e.attempts]).toEqual(["timeoutMs", 100, 3]);
    expect(e.message).toMatch(/^GET .* no complete answer within timeoutMs 100 ms after \d+ ms \(3 attempts\); no retries left/);
    expect((e.cause as DOMException).name).toBe("TimeoutError");
    expect(server.requests).toHaveLength(3);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(1000);
  });

  test("a body trickling slower than timeoutMs is cut off at timeoutMs", async () => {
    script(server, fault.trickle(20));
    const { error, ms } = await get({ timeoutMs: 150, retry: false });
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "timeoutMs", attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(600);
  });

  test("a body trickling past totalTimeoutMs is cut off at totalTimeoutMs, and not retried", async () => {
    script(server, fault.trickle(20));
    const { error, ms } = await get({ timeoutMs: 10_000, totalTimeoutMs: 200 });
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "totalTimeoutMs", limitMs: 200, attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(700);
  });

  test("totalTimeoutMs bounds attempts and waits together", async () => {
    script(server, fault.hang());
    const { error, ms } = await get({ timeoutMs: 100, totalTimeoutMs: 250, retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 5 } });
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "totalTimeoutMs" });
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(3);
    expect(ms).toBeLessThan(700);
  });
});

describe("the caller's AbortSignal", () => {
  test("aborting during a request ends the call at once with kind 'aborted'", async () => {
    const controller = new AbortController();
    // Aborts once the server has the request (and never answers it), not after a fixed delay: a cold
    // first request can take longer than any fixed delay to arrive.
    script(server, () => void controller.abort());
    const { error, ms } = await get({}, controller.signal);
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ kind: "aborted", attempts: 1, limitMs: undefined });
    expect((error as Error).message).toMatch(/aborted by the caller/);
    expect((error as Error).cause).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(500);
  });

  test("aborting during a backoff wait ends the wait at once", async () => {
    script(server, fault.json(503, neutronError("ServiceUnavailable")));
    const controller = new AbortController();
    const { error, ms } = await get(
      { retry: { baseDelayMs: 10_000 }, totalTimeoutMs: 60_000, onRetry: () => setTimeout(() => controller.abort(), 20) },
      controller.signal,
    );
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted", attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  test("an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await get({}, controller.signal);
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted", attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });
});

describe("bodies that are not what the spec says", () => {
  test.each([
    ["truncated JSON", fault.raw(200, "application/json", ok.response.body_raw.slice(0, 120)), /not valid JSON/],
    ["a 200 with an empty body", fault.raw(200, "application/json", ""), /the body is empty/],
    ["a 200 of the wrong shape", fault.json(200, { ipsec_site_connections: [okBody.ipsec_site_connection] }), /no "ipsec_site_connection" object/],
    ["a 200 HTML page", fault.raw(200, "text/html", HTML_502), /expected a JSON body \(content-type text\/html\); body starts: <html>/],
  ])("%s is a VpnaasResponseError with an excerpt, sent once", async (_label, handler, message) => {
    script(server, handler);
    const { error } = await get();
    expect(isResponseError(error)).toBe(true);
    const e = error as VpnaasResponseError;
    expect(e.message).toMatch(message);
    expect([e.status, e.retryable, e.attempts]).toEqual([200, false, 1]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("with an auth layer under the retry layer", () => {
  test("each attempt is authenticated again", async () => {
    script(server, fault.json(503, neutronError("ServiceUnavailable")), fault.json(200, okBody));
    await get();
    expect(server.requests.map((r) => r.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
  });

  test("no error and no retry event holds the token, however it is rendered", async () => {
    script(server, fault.json(503, neutronError("ServiceUnavailable")), fault.resetBeforeResponse(), fault.hang());
    const { error } = await get({ timeoutMs: 100 });
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", attempts: 4 });
    expect(server.requests.map((r) => r.headers["x-auth-token"])).toEqual(["token-1", "token-2", "token-3", "token-4"]);
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(events)]) {
      expect(text).not.toMatch(/token-\d/);
    }
  });

  test("a 401 is left to the auth layer: not retried", async () => {
    const denied = capture("keystone/get-connection-no-token-401");
    script(server, fault.raw(401, "application/json", denied.response.body_raw));
    const { error, ms } = await get();
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 401, retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(events).toEqual([]);
    expect(ms).toBeLessThan(500);
  });
});

describe("non-idempotent methods", () => {
  const post = (retryNonIdempotent: boolean) =>
    run(() => retryStack({ baseDelayMs: 5, clock })(outgoing(`${server.url}/v2.0/vpn/ipsec-site-connections`, { method: "POST", body: '{"x":1}', retryNonIdempotent })));

  test("a POST that gets a 503 is not retried", async () => {
    script(server, fault.json(503, neutronError("ServiceUnavailable")), fault.json(201, okBody));
    const { value } = await post(false);
    expect(value?.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  test("a POST whose call opted in is retried, with its body sent again each time", async () => {
    script(server, fault.json(503, neutronError("ServiceUnavailable")), fault.json(201, okBody));
    const { value } = await post(true);
    expect(value?.response.status).toBe(201);
    expect(server.requests.map((r) => r.body)).toEqual(['{"x":1}', '{"x":1}']);
  });
});
