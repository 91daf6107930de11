// Item 4 of the trusted transport: the auth step is inside the time limits and the caller's signal.
// A Keystone that accepts the connection and never answers; a token provider that never settles.
import { createVpnaasClient, keystoneAuth, tokenAuth, type VpnaasTimeoutError } from "../../src";
import { connectionBody, connectionId } from "../helpers/auth-fixtures";
import { fetchTransport } from "../../src/transport";
import { countingClock } from "../helpers/faults";
import { sendJson, startServer, type TestServer } from "../helpers/http-server";
import { passwordOptions, startKeystone, type KeystoneStandIn } from "../helpers/keystone-server";

let api: TestServer;
let keystone: KeystoneStandIn;
let clock = countingClock();
beforeAll(async () => {
  [api, keystone] = await Promise.all([startServer(), startKeystone({ now: Date.now() }, [])]);
  keystone.catalog.push({ url: api.url, region: "RegionOne", interface: "public" });
});
afterAll(() => Promise.all([api.close(), keystone.server.close()]));
beforeEach(() => {
  keystone.reset();
  api.requests.length = 0;
  api.handle((req, res) => (keystone.valid(req.headers["x-auth-token"]) ? sendJson(res, 200, connectionBody) : sendJson(res, 401, { error: { code: 401 } })));
});
afterEach(async () => {
  await new Promise((done) => setTimeout(done, 20));
  expect(clock.pending()).toBe(0);
  clock = countingClock();
});

const hangKeystone = () => keystone.server.handle(() => undefined);
const keystoneClient = (withBaseUrl: boolean, limits: { timeoutMs?: number; totalTimeoutMs?: number } = {}) =>
  createVpnaasClient({ ...(withBaseUrl ? { baseUrl: api.url } : {}), auth: keystoneAuth(passwordOptions(keystone)), allowInsecureHttp: true, clock, retry: { baseDelayMs: 5 }, ...limits });

async function timed<T>(call: Promise<T>): Promise<{ error: any; ms: number }> {
  const started = performance.now();
  const error = await call.then(() => undefined, (e: unknown) => e);
  return { error, ms: performance.now() - started };
}

describe("a Keystone that never answers", () => {
  test.each([
    ["the first token, endpoint given", true],
    ["the first token, endpoint from the catalog", false],
  ])("%s: timeoutMs ends the call", async (_label, withBaseUrl) => {
    hangKeystone();
    const { error, ms } = await timed(keystoneClient(withBaseUrl, { timeoutMs: 300, totalTimeoutMs: 5000 }).getIpsecSiteConnection(connectionId));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError" });
    expect(ms).toBeLessThan(2500);
    expect(api.requests).toHaveLength(0);
  });

  test("totalTimeoutMs ends the call, with the retried attempts each waiting for the token", async () => {
    hangKeystone();
    const { error, ms } = await timed(keystoneClient(true, { timeoutMs: 200, totalTimeoutMs: 500 }).getIpsecSiteConnection(connectionId));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError" });
    expect(["timeoutMs", "totalTimeoutMs"]).toContain((error as VpnaasTimeoutError).kind);
    expect(ms).toBeLessThan(1500);
  });

  test("the caller's abort ends the call at once, the endpoint from the catalog", async () => {
    hangKeystone();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error, ms } = await timed(keystoneClient(false).getIpsecSiteConnection(connectionId, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    expect(ms).toBeLessThan(1000);
  });

  test("the refresh after a 401 is bounded as well", async () => {
    const client = keystoneClient(true, { timeoutMs: 300, totalTimeoutMs: 5000 });
    await client.getIpsecSiteConnection(connectionId);
    keystone.revoked.add("tok-1");
    hangKeystone();
    const { error, ms } = await timed(client.getIpsecSiteConnection(connectionId));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError" });
    expect(ms).toBeLessThan(2500);
  });

  test("with no limits at all, the caller's signal still ends the wait for the token", async () => {
    hangKeystone();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const client = keystoneClient(true, { timeoutMs: Infinity, totalTimeoutMs: Infinity });
    const { error, ms } = await timed(client.getIpsecSiteConnection(connectionId, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    expect(ms).toBeLessThan(1000);
  });
});

describe("one token request shared by many calls", () => {
  test("has its own bound, whatever the callers' signals: a VpnaasTimeoutError naming Keystone's URL and how long it waited", async () => {
    hangKeystone();
    const transport = fetchTransport(fetch);
    const layer = keystoneAuth(passwordOptions(keystone)).layer({ transport, ownRequestTimeoutMs: 150 });
    const { error, ms } = await timed(layer.discoverEndpoint!(undefined));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "timeoutMs", limitMs: 150, url: `${keystone.server.url}/v3/auth/tokens` });
    expect(ms).toBeLessThan(1000);
    expect(error.elapsedMs).toBeGreaterThanOrEqual(140);
    // Not more than this test measured around the call (a wrong sum such as now + started would be far
    // off); the SDK's clock is Date.now, in whole ms and apart from performance.now: a few ms of slack.
    expect(error.elapsedMs).toBeLessThanOrEqual(ms + 10);
    expect(error.message).toMatch(/no complete answer within timeoutMs 150 ms after \d{3} ms/);
  });

  test("one caller's abort does not fail the others waiting for the same token", async () => {
    keystone.delayMs = 150;
    const client = keystoneClient(true);
    const controller = new AbortController();
    const aborted = client.getIpsecSiteConnection(connectionId, { signal: controller.signal });
    const others = [client.getIpsecSiteConnection(connectionId), client.getIpsecSiteConnection(connectionId)];
    setTimeout(() => controller.abort(), 30);
    await expect(aborted).rejects.toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    await expect(Promise.all(others)).resolves.toEqual([connectionBody.ipsec_site_connection, connectionBody.ipsec_site_connection]);
    expect(keystone.tokenRequests()).toHaveLength(1);
  });
});

describe("a token provider whose promise never settles", () => {
  const never = () => new Promise<string>(() => undefined);

  test("timeoutMs ends the call, and nothing is sent", async () => {
    const client = createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(never), allowInsecureHttp: true, clock, timeoutMs: 200, totalTimeoutMs: 700, retry: { baseDelayMs: 5 } });
    const { error, ms } = await timed(client.getIpsecSiteConnection(connectionId));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError" });
    expect(ms).toBeLessThan(2000);
    expect(api.requests).toHaveLength(0);
  });

  test("the caller's signal ends the call", async () => {
    const client = createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(never), allowInsecureHttp: true, clock, timeoutMs: Infinity, totalTimeoutMs: Infinity });
    const { error, ms } = await timed(client.getIpsecSiteConnection(connectionId, { signal: AbortSignal.timeout(50) }));
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    expect(ms).toBeLessThan(1000);
  });

  test("a provider that throws is a VpnaasAuthError, not retried", async () => {
    let calls = 0;
    const client = createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(() => (calls++, Promise.reject(new Error("vault down")))), allowInsecureHttp: true, clock });
    await expect(client.getIpsecSiteConnection(connectionId)).rejects.toMatchObject({
      name: "VpnaasAuthError",
      message: "tokenAuth's token provider failed; nothing was sent",
      cause: { message: "vault down" },
    });
    expect(calls).toBe(1);
  });
});
