import { createVpnaasClient, VpnaasAuthError, VpnaasNetworkError } from "../src";
import { realClock, type RetryClock } from "../src/clock";
import { networkErrorCode } from "../src/network-failure";
import { type Next, stack } from "../src/request";
import { retryLayer, type RetryOptions } from "../src/retry";
import { type AttemptOutcome, decideRetry, parseRetryAfterMs, RETRY_DEFAULTS, type RetryInput } from "../src/retry-policy";
import { outgoing } from "./helpers/faults";

// Deno 2.9.6's words for a server certificate that expired, for one not valid yet and for one not
// valid for the host, captured from fetch's err.cause.message (err.message is "fetch failed") against
// a Node https server on 127.0.0.1 with the test CA trusted (--cert ca.pem), so only the dates or the
// name were wrong. Certificates: openssl req -x509 (the CA); `openssl ca -startdate 20200101000000Z
// -enddate 20200102000000Z` (expired, SAN IP:127.0.0.1); `openssl ca -startdate 20301201000000Z
// -enddate 20301231000000Z` (not valid yet); openssl x509 -req with SAN DNS:other.example (the
// name). Node 24's fetch gives CERT_HAS_EXPIRED, CERT_NOT_YET_VALID and ERR_TLS_CERT_ALTNAME_INVALID
// for the same servers.
const DENO_EXPIRED =
  "error sending request for url (https://127.0.0.1:18441/): client error (Connect): invalid peer certificate: certificate expired: " +
  "verification time 1796087106 (UNIX), but certificate is not valid after 1577923200 (218163906 seconds ago)";
const DENO_NOT_YET_VALID =
  "error sending request for url (https://127.0.0.1:37941/): client error (Connect): invalid peer certificate: certificate not valid yet: " +
  "verification time 1796094684 (UNIX), but certificate is not valid before 1922313600 (126218916 seconds in future)";
const DENO_WRONG_NAME =
  "error sending request for url (https://127.0.0.1:18442/): client error (Connect): invalid peer certificate: " +
  'certificate not valid for name "127.0.0.1"; certificate is only valid for DnsName("other.example")';

const NOW = Date.parse("2026-11-28T12:00:00Z");
const settings = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 };
const input = (outcome: AttemptOutcome, over: Partial<RetryInput> = {}): RetryInput => ({
  attempt: 1,
  method: "GET",
  outcome,
  retryNonIdempotent: false,
  remainingMs: 120_000,
  nowMs: NOW,
  random: 0.5,
  ...over,
});
const status = (s: number, retryAfter?: string): AttemptOutcome => ({ status: s, retryAfter });
const network: AttemptOutcome = { failure: "network", code: "ECONNRESET" };
const timeout: AttemptOutcome = { failure: "timeout", timeoutMs: 30_000 };

describe("decideRetry", () => {
  test.each<[string, RetryInput, number | false]>([
    // what is retried, with backoff 500 ms · 2^(attempt-1) jittered to 50–100 % (random 0.5 → 75 %)
    ["retries a 500", input(status(500)), 375],
    ["retries a 502", input(status(502)), 375],
    ["retries a 503", input(status(503)), 375],
    ["retries a 504", input(status(504)), 375],
    ["retries a 408", input(status(408)), 375],
    ["retries a 429", input(status(429)), 375],
    ["retries a network failure", input(network), 375],
    ["retries an attempt timeout", input(timeout), 375],
    ["doubles the backoff on the second attempt", input(status(503), { attempt: 2 }), 750],
    ["doubles again on the third", input(status(503), { attempt: 3 }), 1500],
    ["waits half the backoff with random 0", input(status(503), { random: 0 }), 250],
    ["waits nearly all the backoff with random 0.999", input(status(503), { random: 0.999 }), 500],
    // what is not
    ["does not retry a 200", input(status(200)), false],
    ["does not retry a 400", input(status(400)), false],
    ["does not retry a 401 (the auth layer's)", input(status(401)), false],
    ["does not retry a 403", input(status(403)), false],
    ["does not retry a 404", input(status(404)), false],
    ["does not retry a 409", input(status(409)), false],
    ["does not retry a 501", input(status(501)), false],
    ["stops after maxRetries", input(status(503), { attempt: 4 }), false],
    // methods
    ["retries PUT", input(status(503), { method: "PUT" }), 375],
    ["retries DELETE", input(network, { method: "DELETE" }), 375],
    ["retries HEAD", input(status(503), { method: "HEAD" }), 375],
    ["retries OPTIONS", input(status(503), { method: "OPTIONS" }), 375],
    ["does not retry POST", input(status(503), { method: "POST" }), false],
    ["does not retry POST after a network failure", input(network, { method: "POST" }), false],
    ["does not retry PATCH", input(status(503), { method: "PATCH" }), false],
    ["retries POST when the call opted in", input(status(503), { method: "POST", retryNonIdempotent: true }), 375],
    // Retry-After
    ["takes Retry-After seconds on a 429", input(status(429, "7")), 7000],
    ["takes Retry-After seconds on a 503", input(status(503, "2")), 2000],
    ["takes Retry-After as an HTTP-date", input(status(429, "Sat, 28 Nov 2026 12:00:05 GMT")), 5000],
    ["waits no less than the backoff for an HTTP-date in the past", input(status(503, "Sat, 28 Nov 2026 11:00:00 GMT")), 375],
    ["waits no less than the backoff for Retry-After 0", input(status(429, "0")), 375],
    ["waits no less than the backoff for a garbage date that Date.parse would take", input(status(429, "Tue 1")), 375],
    ["grows the floor with the attempt: Retry-After 0 on the third attempt", input(status(429, "0"), { attempt: 3 }), 1500],
    ["takes a Retry-After beyond what a timer holds (34 days) when there is no total limit", input(status(429, "3000000"), { remainingMs: Infinity }), 3_000_000_000],
    ["takes Retry-After beyond maxDelayMs", input(status(503, "30")), 30_000],
    ["ignores Retry-After on a 500", input(status(500, "7")), 375],
    ["ignores an invalid Retry-After", input(status(503, "soon")), 375],
    ["ignores a negative Retry-After", input(status(503, "-5")), 375],
    ["stops when Retry-After is beyond the time left", input(status(503, "120"), { remainingMs: 10_000 }), false],
    ["stops when the backoff is beyond the time left", input(status(503), { remainingMs: 300 }), false],
    // the edges: a wait that ends exactly when the time runs out leaves no time for the attempt
    ["stops when Retry-After equals the time left", input(status(503, "10"), { remainingMs: 10_000 }), false],
    ["waits for a Retry-After 1 ms short of the time left", input(status(503, "10"), { remainingMs: 10_001 }), 10_000],
    ["stops when the backoff equals the time left", input(status(503), { remainingMs: 375 }), false],
    ["waits for a backoff 1 ms short of the time left", input(status(503), { remainingMs: 376 }), 375],
    ["retries the last allowed attempt", input(status(503), { attempt: 3, remainingMs: Infinity }), 1500],
  ])("%s", (_label, given, expected) => {
    const decision = decideRetry(given, settings);
    expect(decision.retry ? decision.delayMs : false).toBe(expected);
  });

  test.each([
    [6, 12_000],
    [7, 15_000],
    [12, 15_000],
  ])("caps the backoff of attempt %i at maxDelayMs before the jitter (%i ms)", (attempt, delayMs) => {
    expect(decideRetry(input(status(503), { attempt }), { ...settings, maxRetries: 20 })).toMatchObject({ retry: true, delayMs });
  });

  test("says when the server asked to be called, when that is beyond the budget", () => {
    const decision = decideRetry(input(status(429, "Sat, 28 Nov 2026 12:02:00 GMT"), { remainingMs: 5000 }), settings);
    expect(decision).toEqual({
      retry: false,
      reason: "the server asked to be called again in 120 s (at 2026-11-28T12:02:00.000Z), beyond the 5.0 s left of totalTimeoutMs",
      outOfTime: true,
    });
  });

  test.each<[string, RetryInput, true | undefined]>([
    ["the backoff beyond the time left", input(timeout, { remainingMs: 300 }), true],
    ["no time left at all", input(timeout, { remainingMs: -13 }), true],
    ["no retries left", input(timeout, { attempt: 4 }), undefined],
    ["a POST", input(status(503), { method: "POST" }), undefined],
  ])("says whether the stop is totalTimeoutMs's: %s", (_label, given, outOfTime) => {
    const decision = decideRetry(given, settings);
    expect(decision.retry).toBe(false);
    expect(!decision.retry && decision.outOfTime).toBe(outOfTime);
  });

  test.each<[string, RetryInput, string]>([
    ["a 404", input(status(404)), "404 is not retried"],
    ["a POST", input(status(503), { method: "POST" }), "POST is not retried without retryNonIdempotent"],
    ["the last attempt", input(network, { attempt: 4 }), "no retries left (maxRetries 3)"],
  ])("gives a reason for not retrying %s", (_label, given, reason) => {
    expect(decideRetry(given, settings)).toEqual({ retry: false, reason });
  });

  test.each<[string, AttemptOutcome, string]>([
    ["a 503 with its status text", { status: 503, statusText: "Service Unavailable" }, "503 Service Unavailable"],
    ["a network failure with a code", network, "network: ECONNRESET"],
    ["a network failure without a code", { failure: "network" }, "network: failure"],
    ["an attempt timeout", timeout, "timeout: no complete answer within 30000 ms"],
  ])("names what it retries: %s", (_label, outcome, reason) => {
    expect(decideRetry(input(outcome), settings)).toMatchObject({ retry: true, reason });
  });

  test("depends on nothing but its input: the same input gives the same decision", () => {
    const given = input(status(503), { attempt: 2, random: 0.3 });
    expect(decideRetry(given, settings)).toEqual(decideRetry(given, settings));
  });

  test("the defaults are 3 retries from 500 ms capped at 20 s, 30 s per attempt, 120 s per call", () => {
    expect(RETRY_DEFAULTS).toEqual({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 30_000, totalTimeoutMs: 120_000 });
  });
});

describe("parseRetryAfterMs", () => {
  test.each<[string | null, number | undefined]>([
    ["0", 0],
    ["5", 5000],
    [" 12 ", 12_000],
    ["Sat, 28 Nov 2026 12:00:30 GMT", 30_000],
    ["Saturday, 28-Nov-26 12:00:30 GMT", 30_000],
    [null, undefined],
    ["", undefined],
    ["1.5", undefined],
    ["-1", undefined],
    ["2026-11-28", undefined],
    ["tomorrow", undefined],
    ["Tue 1", undefined],
    ["Sat, 28 Nov 2026", undefined],
    ["Sat Nov 28 12:00:30 2026", 30_000],
  ])("reads %p as %p ms", (value, ms) => {
    expect(parseRetryAfterMs(value, NOW)).toBe(ms);
  });
});

describe("the retry layer over a stub transport", () => {
  const instant: RetryClock = { ...realClock, sleep: async () => undefined };
  const url = "http://127.0.0.1:9/v2.0/vpn/ipsec-site-connections";
  const retrying = (next: Next, options: RetryOptions = {}) => stack([retryLayer({ clock: instant, ...options })], next);
  const dnsFailure = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("getaddrinfo EAI_AGAIN network.example"), { code: "EAI_AGAIN" }) });
  const answer = (status: number) => ({ response: new Response(null, { status }), body: "{}" });

  test("maps a transient DNS failure to a VpnaasNetworkError after retrying it, keeping the original as cause", async () => {
    const thrown: unknown[] = [];
    const send = retrying(async () => {
      const e = dnsFailure();
      thrown.push(e);
      throw e;
    });
    const error = (await send(outgoing(url)).catch((e: unknown) => e)) as VpnaasNetworkError;
    expect(error).toBeInstanceOf(VpnaasNetworkError);
    expect(error.message).toBe(`GET ${url} failed: DNS lookup failed temporarily (EAI_AGAIN) (4 attempts); no retries left (maxRetries 3)`);
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(thrown[3]);
    expect(thrown).toHaveLength(4);
  });

  test.each([
    ["expired", DENO_EXPIRED, "CERT_HAS_EXPIRED"],
    ["not valid yet", DENO_NOT_YET_VALID, "CERT_NOT_YET_VALID"],
    ["for another host name", DENO_WRONG_NAME, "ERR_TLS_CERT_ALTNAME_INVALID"],
  ])("fails at once on Deno's certificate %s: the same certificate comes back on every attempt", async (_label, words, code) => {
    let calls = 0;
    const send = retrying(async () => {
      calls++;
      throw Object.assign(new TypeError("fetch failed"), { cause: new Error(words) });
    });
    const error = await send(outgoing(url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpnaasNetworkError);
    expect(error).toMatchObject({ code, retryable: false });
    expect(calls).toBe(1);
  });

  test("passes an error of this package from a lower layer through unchanged, without retrying", async () => {
    const denied = new VpnaasAuthError("token request refused");
    let calls = 0;
    const send = retrying(async () => {
      calls++;
      throw denied;
    });
    await expect(send(outgoing(url))).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  test("an attempt's timeout that leaves no time for another is a totalTimeoutMs timeout (timers firing late, as on a busy machine)", async () => {
    let now = 0;
    const late: RetryClock = {
      ...realClock,
      now: () => now,
      random: () => 0,
      sleep: async (ms) => void (now += ms),
      // Each attempt's timer fires 30 ms late.
      setTimer: (run, ms) => {
        const timer = setTimeout(() => ((now += ms + 30), run()), 0);
        return () => clearTimeout(timer);
      },
    };
    const hang: Next = (request) => new Promise((_resolve, reject) => request.signal!.addEventListener("abort", () => reject(request.signal!.reason)));
    const send = stack([retryLayer({ clock: late, timeoutMs: 100, totalTimeoutMs: 250, maxRetries: 10, baseDelayMs: 5, maxDelayMs: 5 })], hang);
    const error = await send(outgoing(url)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "totalTimeoutMs", limitMs: 250, attempts: 2 });
  });

  test("a timeout error's elapsed time is the time since the call started, on the clock given", async () => {
    // The clock reads ms since the epoch: a sum instead of a difference would be off by 50 years.
    let now = 1_700_000_000_000;
    const virtual: RetryClock = {
      ...realClock,
      now: () => now,
      random: () => 0,
      sleep: async (ms) => void (now += ms),
      setTimer: (run, ms) => {
        const timer = setTimeout(() => ((now += ms), run()), 0);
        return () => clearTimeout(timer);
      },
    };
    const hang: Next = (request) => new Promise((_resolve, reject) => request.signal!.addEventListener("abort", () => reject(request.signal!.reason)));
    const once = stack([retryLayer({ clock: virtual, timeoutMs: 700, maxRetries: 0 })], hang);
    expect(await once(outgoing(url)).catch((e: unknown) => e)).toMatchObject({ name: "VpnaasTimeoutError", kind: "timeoutMs", limitMs: 700, elapsedMs: 700, attempts: 1 });
    const twice = stack([retryLayer({ clock: virtual, timeoutMs: 700, totalTimeoutMs: 10_000, maxRetries: 1, baseDelayMs: 100, maxDelayMs: 100 })], hang);
    // 700 ms, a 50 ms wait (half the backoff with random 0), 700 ms.
    const error = await twice(outgoing(url)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "timeoutMs", elapsedMs: 1450, attempts: 2 });
    expect((error as Error).message).toMatch(/after 1450 ms/);
    // A call that already used part of its budget in a lower layer (startedMs) counts from then.
    const started = now - 300;
    const late = await once({ ...outgoing(url), startedMs: started }).catch((e: unknown) => e);
    expect(late).toMatchObject({ elapsedMs: 1000 });
  });

  test("reports attempts and the reason it stopped on the answer it hands up", async () => {
    const send = retrying(async () => answer(503), { maxRetries: 2 });
    const received = await send(outgoing(url));
    expect([received.response.status, received.attempts, received.stopReason]).toEqual([503, 3, "no retries left (maxRetries 2)"]);
  });

  test("retry: false in the client means one attempt", async () => {
    let calls = 0;
    const client = createVpnaasClient({ baseUrl: "http://127.0.0.1:9", retry: false, fetch: (async () => (calls++, new Response("", { status: 503 }))) as typeof fetch });
    const error = await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 503, attempts: 1, retryable: true });
    expect((error as Error).message).toMatch(/; no retries left \(maxRetries 0\)$/);
    expect(calls).toBe(1);
  });
});

describe("realClock.sleep", () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

  test("resolves after the delay", async () => {
    const started = Date.now();
    await realClock.sleep(20, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  test("rejects with the abort reason at once when aborted, and leaves no timer behind", async () => {
    const before = timers();
    const controller = new AbortController();
    const sleeping = realClock.sleep(60_000, controller.signal);
    expect(timers()).toBe(before + 1);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    expect(timers()).toBe(before);
  });

  test("rejects without starting a timer when already aborted", async () => {
    const before = timers();
    await expect(realClock.sleep(60_000, AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
    expect(timers()).toBe(before);
  });
});

describe("options", () => {
  test.each([
    ["maxRetries", -1],
    ["maxRetries", 1.5],
    ["baseDelayMs", Number.NaN],
    ["maxDelayMs", Infinity],
    ["timeoutMs", 0],
    ["totalTimeoutMs", -5],
    ["timeoutMs", "30"],
  ])("rejects %s %p when the client is created", (key, value) => {
    const options = key === "maxRetries" || key.endsWith("DelayMs") ? { retry: { [key]: value } } : { [key]: value };
    expect(() => createVpnaasClient({ baseUrl: "http://127.0.0.1:9", ...options })).toThrow(expect.objectContaining({ name: "VpnaasValidationError", parameter: key }));
  });

  test.each([-1, 1.5, Number.NaN, "16MB"])("rejects maxResponseBytes %p when the client is created, naming what it must be", (value) => {
    expect(() => createVpnaasClient({ baseUrl: "http://127.0.0.1:9", maxResponseBytes: value as number })).toThrow(
      expect.objectContaining({ name: "VpnaasValidationError", parameter: "maxResponseBytes", message: `maxResponseBytes must be an integer number of bytes ≥ 0 (Infinity for no limit), got ${typeof value === "string" ? `"${value}"` : value}.` }),
    );
  });

  test("accepts 0 and Infinity as maxResponseBytes", () => {
    for (const maxResponseBytes of [0, Infinity]) expect(() => createVpnaasClient({ baseUrl: "http://127.0.0.1:9", maxResponseBytes })).not.toThrow();
  });

  test("accepts Infinity as no time limit", () => {
    expect(() => createVpnaasClient({ baseUrl: "http://127.0.0.1:9", timeoutMs: Infinity, totalTimeoutMs: Infinity })).not.toThrow();
  });
});

describe("the signal each attempt hands to fetch", () => {
  const body = JSON.stringify({ ipsec_site_connection: { id: "851f280f-5639-4ea3-81aa-e298525ab74b" } });
  /** A client over a fetch that records the signal of every call and answers 200. */
  function recording(options: Parameters<typeof createVpnaasClient>[0]) {
    const signals: (AbortSignal | null | undefined)[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init?.signal);
      return new Response(body, { headers: { "content-type": "application/json" } });
    };
    return { signals, client: createVpnaasClient({ baseUrl: "https://network.example.com", fetch, ...options }) };
  }

  test("with a time limit, each attempt gets its own signal", async () => {
    const { signals, client } = recording({ timeoutMs: 5_000, totalTimeoutMs: Infinity });
    await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b");
    await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b");
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[1]).toBeInstanceOf(AbortSignal);
    expect(signals[0]).not.toBe(signals[1]);
  });

  test("a totalTimeoutMs alone still limits the attempt", async () => {
    const { signals, client } = recording({ timeoutMs: Infinity, totalTimeoutMs: 5_000 });
    await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b");
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });

  test("with no limit and no caller's signal, none is passed (nothing could abort the attempt)", async () => {
    const { signals, client } = recording({ timeoutMs: Infinity, totalTimeoutMs: Infinity });
    const connection = await client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b");
    expect(connection.id).toBe("851f280f-5639-4ea3-81aa-e298525ab74b");
    expect(signals).toEqual([undefined]);
  });

  test("with no limit, a caller's signal still aborts the attempt in flight", async () => {
    const controller = new AbortController();
    let received: AbortSignal | undefined;
    let sent!: () => void;
    const sending = new Promise<void>((resolve) => (sent = resolve));
    // Answers only when its signal aborts: the call can end only through the caller's signal.
    const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        received = init?.signal ?? undefined;
        received?.addEventListener("abort", () => reject(received!.reason));
        sent();
      });
    const client = createVpnaasClient({ baseUrl: "https://network.example.com", fetch, timeoutMs: Infinity, totalTimeoutMs: Infinity });
    const call = client.getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b", { signal: controller.signal });
    await sending;
    expect(received).toBeInstanceOf(AbortSignal);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
  });
});

describe("networkErrorCode", () => {
  const denoFailure = (words: string) => Object.assign(new TypeError("fetch failed"), { cause: new Error(words) });
  test.each([
    ["an undici error's nested code", Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("x"), { code: "UND_ERR_SOCKET" }) }), "UND_ERR_SOCKET"],
    ["Deno's connection refused", denoFailure("error sending request for url (http://127.0.0.1:1/): client error (Connect): tcp connect error: Connection refused (os error 111)"), "ECONNREFUSED"],
    ["Deno's untrusted certificate", denoFailure("error sending request for url (https://127.0.0.1:1/): client error (Connect): invalid peer certificate: UnknownIssuer"), "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
    ["Deno's expired certificate", denoFailure(DENO_EXPIRED), "CERT_HAS_EXPIRED"],
    ["Deno's certificate not valid yet", denoFailure(DENO_NOT_YET_VALID), "CERT_NOT_YET_VALID"],
    ["Deno's certificate for another host name", denoFailure(DENO_WRONG_NAME), "ERR_TLS_CERT_ALTNAME_INVALID"],
    ["Deno's reset", denoFailure("Connection reset by peer (os error 104)"), "ECONNRESET"],
    ["an error without code or known words", new TypeError("fetch failed"), undefined],
  ])("reads %s", (_label, error, code) => {
    expect(networkErrorCode(error)).toBe(code);
  });
});
