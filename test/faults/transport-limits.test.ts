// Items 5, 6 and 8 of the trusted transport: Retry-After within what timers hold and above a floor;
// only transient network failures retried, bodies bounded, long error texts cut; the real endpoint
// in every error and event.
import { createVpnaasClient, keystoneAuth, tokenAuth, type RetryEvent, type VpnaasApiError, type VpnaasNetworkError } from "../../src";
import { connectionBody, connectionId, renderings } from "../helpers/auth-fixtures";
import { capture } from "../helpers/captures";
import { countingClock, fault, script } from "../helpers/faults";
import { sendJson, startServer, type TestServer } from "../helpers/http-server";
import { passwordOptions, startKeystone, type KeystoneStandIn } from "../helpers/keystone-server";

const TOKEN = "tok-LIMITS-DO-NOT-LEAK";
let server: TestServer;
let events: RetryEvent[];
let clock = countingClock();
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  events = [];
});
afterEach(async () => {
  await new Promise((done) => setTimeout(done, 20));
  expect(clock.pending()).toBe(0);
  clock = countingClock();
});

const client = (options: Parameters<typeof createVpnaasClient>[0] = {}) =>
  createVpnaasClient({ baseUrl: server.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, clock, onRetry: (e) => events.push(e), ...options });
const overLimit = { NeutronError: { type: "OverQuota", message: "slow down", detail: "" } };

describe("Retry-After", () => {
  test("3,000,000 s with no total limit is honoured: no retry after 1 ms (Node's 32-bit timer would fire at once)", async () => {
    script(server, fault.json(429, overLimit, { "Retry-After": "3000000" }), fault.json(200, connectionBody));
    const controller = new AbortController();
    const call = client({ totalTimeoutMs: Infinity }).getIpsecSiteConnection(connectionId, { signal: controller.signal });
    await new Promise((done) => setTimeout(done, 200));
    expect(server.requests).toHaveLength(1);
    expect(events.map((e) => e.delayMs)).toEqual([3_000_000_000]);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
  });

  test.each(["0", "Tue 1", "Sat, 01 Jan 2000 00:00:00 GMT"])("Retry-After %p on a 429 storm keeps the backoff between requests", async (retryAfter) => {
    script(server, fault.json(429, overLimit, { "Retry-After": retryAfter }));
    const stamps: number[] = [];
    server.handle((_req, res) => {
      stamps.push(performance.now());
      sendJson(res, 429, overLimit, { "Retry-After": retryAfter });
    });
    const error = await client({ retry: { maxRetries: 3, baseDelayMs: 60 } }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 429, attempts: 4 });
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
    // Backoff 60, 120, 240 ms, jittered to 50–100 %.
    expect(gaps[0]).toBeGreaterThanOrEqual(25);
    expect(gaps[1]).toBeGreaterThanOrEqual(55);
    expect(gaps[2]).toBeGreaterThanOrEqual(115);
  });
});

describe("what is retried, and what is read", () => {
  test("a body over maxResponseBytes (declared) fails at once with a typed error, not retried, not read", async () => {
    script(server, fault.raw(200, "application/json", JSON.stringify(connectionBody) + " ".repeat(5000)));
    const error = await client({ maxResponseBytes: 1024 }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasResponseError", status: 200 });
    expect((error as Error).message).toMatch(/over maxResponseBytes 1024/);
    expect(server.requests).toHaveLength(1);
  });

  test("a chunked body that grows past maxResponseBytes is cut off there: the server sees the connection closed", async () => {
    let closed = false;
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const timer = setInterval(() => res.write("x".repeat(512)), 5);
      res.on("close", () => {
        clearInterval(timer);
        closed = true;
      });
    });
    const error = await client({ maxResponseBytes: 4096 }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasResponseError", message: expect.stringContaining("went past it, over maxResponseBytes 4096") });
    await new Promise((done) => setTimeout(done, 50));
    expect(closed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  test("a body read failing with ERR_STRING_TOO_LONG is not retried", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      const body = new ReadableStream({ pull: (c) => c.error(Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" })) });
      return new Response(body, { headers: { "content-type": "application/json" } });
    };
    const error = (await client({ fetch }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e)) as VpnaasNetworkError;
    expect(error).toMatchObject({ name: "VpnaasNetworkError", retryable: false, attempts: 1, code: "ERR_STRING_TOO_LONG" });
    expect(calls).toBe(1);
  });

  test("fetch's invalid-header TypeError quoting the token is not retried, and the token is nowhere in the error", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError(`Headers.append: "${TOKEN}" is an invalid header value.`);
    };
    const error = await client({ fetch }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasNetworkError", retryable: false, attempts: 1 });
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(calls).toBe(1);
  });

  test("a token that is not a valid header value is refused before sending, unquoted", async () => {
    const bad = `${TOKEN}\u0100`;
    const error = await client({ auth: tokenAuth(() => bad) }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasValidationError", parameter: "token" });
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(0);
  });

  test("a connection reset is still retried", async () => {
    script(server, fault.resetBeforeResponse(), fault.json(200, connectionBody));
    await expect(client({ retry: { baseDelayMs: 5 } }).getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(server.requests).toHaveLength(2);
  });

  test("keystonemiddleware's real 503 (WebOb's body, Keystone unreachable) is read into errorType and errorMessage", async () => {
    const real = capture("keystone/get-connection-keystone-unreachable-503");
    script(server, fault.raw(503, "application/json", real.response.body_raw));
    const error = (await client({ retry: false }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e)) as VpnaasApiError;
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 503, errorType: "Service Unavailable", errorMessage: expect.stringContaining("The Keystone service is temporarily unavailable") });
  });

  test("a 2 MB error message becomes a short err.message, not a 2 MB one", async () => {
    script(server, fault.json(400, { NeutronError: { type: "BadRequest", message: "m".repeat(2_000_000), detail: "" } }));
    const error = (await client().getIpsecSiteConnection(connectionId).catch((e: unknown) => e)) as VpnaasApiError;
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 400, errorType: "BadRequest" });
    expect(error.message.length).toBeLessThan(1000);
    expect(error.errorMessage!.length).toBeLessThanOrEqual(501);
  });
});

describe("the real endpoint in every error and event (Keystone catalog)", () => {
  let keystone: KeystoneStandIn;
  beforeAll(async () => {
    keystone = await startKeystone({ now: Date.now() }, []);
    keystone.catalog.push({ url: `${server.url}/v2.0`, region: "RegionOne", interface: "public" });
  });
  afterAll(() => keystone.server.close());

  test("onRetry and the final error name the catalog's endpoint, not a placeholder", async () => {
    script(server, fault.json(503, overLimit));
    const c = createVpnaasClient({ auth: keystoneAuth(passwordOptions(keystone)), allowInsecureHttp: true, clock, retry: { maxRetries: 1, baseDelayMs: 5 }, onRetry: (e) => events.push(e) });
    const error = (await c.getIpsecSiteConnection(connectionId).catch((e: unknown) => e)) as VpnaasApiError;
    const url = `${server.url}/v2.0/vpn/ipsec-site-connections/${connectionId}`;
    expect(events.map((e) => e.url)).toEqual([url]);
    expect(error.url).toBe(url);
    expect(error.message).toContain(`GET ${url} → 503`);
  });

  test("a catalog endpoint over plain http is refused without allowInsecureHttp, before anything is sent to it", async () => {
    const c = createVpnaasClient({ auth: keystoneAuth(passwordOptions(keystone)), clock });
    await expect(c.getIpsecSiteConnection(connectionId)).rejects.toMatchObject({ name: "VpnaasValidationError", parameter: "allowInsecureHttp" });
    expect(server.requests).toHaveLength(0);
  });
});
