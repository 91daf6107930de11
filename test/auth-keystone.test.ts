import { inspect } from "node:util";
import { createVpnaasClient, isAuthError, isValidationError, keystoneAuth, type KeystoneAuthOptions, type VpnaasAuthError } from "../src";
import { networkEndpoint } from "../src/auth/keystone";
import { KeystoneTokenProvider } from "../src/auth/keystone-token-provider";
import { fromRequest } from "../src/request";
import { authStack } from "./helpers/faults";
import { connectionBody, connectionId, connectionPath, renderings } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { APP_SECRET, PASSWORD, passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

const clock = { now: Date.UTC(2026, 10, 28, 18, 0, 0) };
let keystone: KeystoneStandIn;
let api: TestServer;
let api2: TestServer;

beforeAll(async () => {
  api = await startServer();
  api2 = await startServer();
  keystone = await startKeystone(clock);
});
afterAll(async () => {
  await Promise.all([api.close(), api2.close(), keystone.server.close()]);
});
beforeEach(() => {
  for (const s of [api, api2]) s.requests.length = 0;
  keystone.reset();
  keystone.catalog = [
    { url: `${api.url}/`, region: "RegionOne", interface: "public" },
    { url: `${api2.url}/v2.0`, region: "RegionOne", interface: "internal" },
  ];
  for (const s of [api, api2]) {
    s.handle((_req, res, seen) =>
      keystone.valid(seen.headers["x-auth-token"])
        ? sendJson(res, 200, connectionBody)
        : sendJson(res, 401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }, { "X-Openstack-Request-Id": "req-api-401" }),
    );
  }
});

const password = (more: Partial<KeystoneAuthOptions> = {}): KeystoneAuthOptions => passwordOptions(keystone, { now: () => clock.now, ...more });
const client = (more: Partial<KeystoneAuthOptions> = {}, baseUrl?: string) =>
  createVpnaasClient({ baseUrl, auth: keystoneAuth(password(more)), allowInsecureHttp: true });
const get = (c: ReturnType<typeof client>) => c.getIpsecSiteConnection(connectionId);

describe("keystoneAuth: the token request", () => {
  test.each([["/v3"], ["/v3/"], [""], ["/"]])("posts to /v3/auth/tokens for an authUrl ending in %j", async (suffix) => {
    await get(client({ authUrl: keystone.server.url + suffix }));
    expect(keystone.tokenRequests().map((r) => `${r.method} ${r.url}`)).toEqual(["POST /v3/auth/tokens"]);
  });

  test("sends password auth by names, scoped to the project, and no X-Auth-Token", async () => {
    await get(client());
    const sent = keystone.tokenRequests()[0]!;
    expect(sent.headers["x-auth-token"]).toBeUndefined();
    expect(JSON.parse(sent.body)).toEqual({
      auth: {
        identity: { methods: ["password"], password: { user: { name: "admin", domain: { name: "Default" }, password: PASSWORD } } },
        scope: { project: { name: "admin", domain: { name: "Default" } } },
      },
    });
  });

  test("looks a project up in the user's domain when its own domain is not given", async () => {
    await get(client({ projectDomainName: undefined, userDomainName: undefined, userDomainId: "default" }));
    expect(JSON.parse(keystone.tokenRequests()[0]!.body).auth.scope).toEqual({ project: { name: "admin", domain: { id: "default" } } });
  });

  test("sends password auth by ids", async () => {
    await get(client({ username: undefined, userDomainName: undefined, projectName: undefined, projectDomainName: undefined, userId: "u1", projectId: "p1" }));
    expect(JSON.parse(keystone.tokenRequests()[0]!.body).auth).toEqual({
      identity: { methods: ["password"], password: { user: { id: "u1", password: PASSWORD } } },
      scope: { project: { id: "p1" } },
    });
  });

  test("sends an application credential", async () => {
    const auth = keystoneAuth({ authUrl: keystone.server.url, applicationCredentialId: "ac1", applicationCredentialSecret: APP_SECRET, allowInsecureHttp: true });
    await get(createVpnaasClient({ auth, allowInsecureHttp: true }));
    expect(JSON.parse(keystone.tokenRequests()[0]!.body)).toEqual({
      auth: { identity: { methods: ["application_credential"], application_credential: { id: "ac1", secret: APP_SECRET } } },
    });
  });

  test("a wrong password is a clear VpnaasAuthError, without the password, and the API is never called", async () => {
    const err = await get(client({ password: "wrong-DO-NOT-LEAK" })).catch((e: unknown) => e);
    expect(isAuthError(err)).toBe(true);
    expect((err as Error).message).toBe(
      `Keystone refused the token request: POST ${keystone.server.url}/v3/auth/tokens → 401 Unauthorized: Unauthorized: The request you have made requires authentication. (request req-kst-401); check the user name, password, domains and project (or the application credential)`,
    );
    for (const text of renderings(err)) expect(text).not.toMatch(/wrong-DO-NOT-LEAK|pw-DO-NOT-LEAK/);
    expect(keystone.tokenRequests()).toHaveLength(1); // a 401 to the token request is not retried
    expect(api.requests).toHaveLength(0);
  });

  test("refuses a plain http:// authUrl without allowInsecureHttp, before anything is sent", () => {
    expect(() => keystoneAuth(password({ allowInsecureHttp: undefined }))).toThrow(/Refusing to send credentials over plain http:\/\/.*allowInsecureHttp: true to keystoneAuth/);
    expect(keystone.server.requests).toHaveLength(0);
  });

  test.each([
    ["no credentials", { username: undefined, password: undefined, userDomainName: undefined }, /missing credentials: password \(with username or userId\) or applicationCredentialId/],
    ["no password", { password: undefined, username: "admin" }, /missing password/],
    ["a username without a user domain", { userDomainName: undefined }, /missing userDomainName or userDomainId \(for username\)/],
    ["no project", { projectName: undefined }, /missing projectName or projectId/],
    ["a project name without any domain", { projectDomainName: undefined, username: undefined, userDomainName: undefined, userId: "u1" }, /missing projectDomainName or projectDomainId/],
    ["both username and userId", { userId: "u1" }, /contradictory: both username and userId/],
    ["a password and an application credential", { applicationCredentialId: "ac1" }, /contradictory: both an application credential and a password/],
    ["an application credential without its secret", { username: undefined, password: undefined, applicationCredentialId: "ac1" }, /missing applicationCredentialSecret/],
    ["no authUrl", { authUrl: undefined }, /needs authUrl/],
  ])("%s is one VpnaasValidationError naming it", (_label, more, message) => {
    let err: unknown;
    try {
      keystoneAuth(password(more as Partial<KeystoneAuthOptions>));
    } catch (e) {
      err = e;
    }
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/Nothing was sent/);
    for (const text of renderings(err)) expect(text).not.toContain(PASSWORD);
  });
});

describe("keystoneAuth: endpoint discovery", () => {
  test("uses the catalog's public network endpoint when no baseUrl is given", async () => {
    await get(client());
    expect(api.requests.map((r) => r.url)).toEqual([connectionPath]);
    expect(api.requests[0]!.headers["x-auth-token"]).toBe("tok-1");
  });

  test("uses the interface asked for, and strips /v2.0 from the catalog URL", async () => {
    await get(client({ interface: "internal" }));
    expect(api2.requests.map((r) => r.url)).toEqual([connectionPath]);
  });

  test("selects the region asked for, and refuses to guess between regions", async () => {
    keystone.catalog = [
      { url: api.url, region: "RegionOne", interface: "public" },
      { url: api2.url, region: "RegionTwo", interface: "public" },
    ];
    await get(client({ region: "RegionTwo" }));
    expect(api2.requests).toHaveLength(1);
    const err = await get(client()).catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toBe("The Keystone catalog has 2 network endpoints with interface public (regions: RegionOne, RegionTwo); pass region or baseUrl to choose one.");
    expect(api.requests).toHaveLength(0);
  });

  test("names the regions that have a network endpoint when the asked region has none", async () => {
    const err = await get(client({ region: "Nowhere" })).catch((e: unknown) => e);
    expect((err as Error).message).toBe("The Keystone catalog has no network endpoint with interface public in region Nowhere (network regions: RegionOne); pass region, interface or baseUrl.");
  });

  test("a baseUrl given explicitly wins over the catalog", async () => {
    await get(client({}, api2.url));
    expect(api2.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(0);
  });

  test("refuses to send the token to a discovered http:// endpoint without the client's allowInsecureHttp", async () => {
    const c = createVpnaasClient({ auth: keystoneAuth(password()) });
    const err = await get(c).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/allowInsecureHttp: true to createVpnaasClient/);
    expect(api.requests).toHaveLength(0);
  });
});

describe("keystoneAuth: caching and refresh", () => {
  test("uses one token for many calls", async () => {
    const c = client();
    for (let i = 0; i < 5; i++) await get(c);
    expect(keystone.tokenRequests()).toHaveLength(1);
    expect(new Set(api.requests.map((r) => r.headers["x-auth-token"]))).toEqual(new Set(["tok-1"]));
  });

  test("refreshes shortly before expires_at, not after", async () => {
    keystone.ttlMs = 600_000;
    const c = client({ refreshBeforeExpiryMs: 60_000 });
    await get(c);
    clock.now += 539_000; // 61 s before expiry: still fresh
    await get(c);
    expect(keystone.tokenRequests()).toHaveLength(1);
    clock.now += 2_000; // 59 s before expiry: refresh
    await get(c);
    expect(keystone.tokenRequests()).toHaveLength(2);
    expect(api.requests.map((r) => r.headers["x-auth-token"])).toEqual(["tok-1", "tok-1", "tok-2"]);
  });

  test("a local clock hours away from Keystone's neither refreshes on every call nor keeps an expired token", async () => {
    for (const skewMs of [3 * 3600_000, -3 * 3600_000]) {
      keystone.reset();
      keystone.ttlMs = 600_000;
      const c = client({ now: () => clock.now + skewMs });
      await get(c);
      clock.now += 60_000;
      await get(c);
      expect(keystone.tokenRequests()).toHaveLength(1);
      clock.now += 600_000; // the token's ten minutes, on Keystone's clock, are over
      await get(c);
      expect(keystone.tokenRequests()).toHaveLength(2);
    }
  });

  test("50 concurrent calls share one token request, also when the token expires", async () => {
    keystone.ttlMs = 5_000;
    keystone.delayMs = 30;
    const c = client();
    await Promise.all(Array.from({ length: 50 }, () => get(c)));
    expect(keystone.tokenRequests()).toHaveLength(1);
    clock.now += 5_000;
    await Promise.all(Array.from({ length: 50 }, () => get(c)));
    expect(keystone.tokenRequests()).toHaveLength(2);
    expect(api.requests).toHaveLength(100);
  });

  test("on a 401 it fetches a new token once and resends the request once", async () => {
    const c = client();
    await get(c);
    keystone.revoked.add("tok-1");
    api.requests.length = 0;
    await expect(get(c)).resolves.toMatchObject({ id: connectionId });
    expect(api.requests.map((r) => r.headers["x-auth-token"])).toEqual(["tok-1", "tok-2"]);
    expect(keystone.tokenRequests()).toHaveLength(2);
  });

  test("resends the same body after a 401 (a Request body is single-use)", async () => {
    const send = authStack(keystoneAuth(password()));
    keystone.revoked.add("tok-1");
    const body = JSON.stringify({ ipsec_site_connection: { name: "vpn-é" } });
    const { response } = await send(await fromRequest(new Request(`${api.url}/v2.0/vpn/ipsec-site-connections`, { method: "POST", headers: { "Content-Type": "application/json" }, body })));
    expect(response.status).toBe(200);
    expect(api.requests.map((r) => [r.headers["x-auth-token"], r.body])).toEqual([["tok-1", body], ["tok-2", body]]);
  });

  test("concurrent 401s share one refresh", async () => {
    const c = client();
    await get(c);
    keystone.revoked.add("tok-1");
    keystone.delayMs = 30;
    await Promise.all(Array.from({ length: 20 }, () => get(c)));
    expect(keystone.tokenRequests()).toHaveLength(2);
  });

  test("a second 401 is a VpnaasAuthError showing the request with X-Auth-Token redacted", async () => {
    api.handle((_req, res) => sendJson(res, 401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }, { "X-Openstack-Request-Id": "req-api-401" }));
    const err = (await get(client()).catch((e: unknown) => e)) as VpnaasAuthError;
    expect(isAuthError(err)).toBe(true);
    expect(err.message).toBe(
      `GET ${api.url}${connectionPath} → 401 Unauthorized: Unauthorized: The request you have made requires authentication. (request req-api-401), again after a fresh Keystone token; check the user's roles on the project`,
    );
    expect(err.request).toEqual({ method: "GET", url: `${api.url}${connectionPath}`, headers: { accept: "application/json", "x-auth-token": "[REDACTED]" } });
    expect(api.requests).toHaveLength(2);
    expect(keystone.tokenRequests()).toHaveLength(2);
    for (const text of renderings(err)) expect(text).not.toMatch(/tok-\d|DO-NOT-LEAK/);
  });

  test("a second 401 whose body echoes the token: the token is redacted from the error", async () => {
    api.handle((req, res) => sendJson(res, 401, { error: { code: 401, title: "Unauthorized", message: `token ${String(req.headers["x-auth-token"])} is not valid` } }));
    const err = (await get(client()).catch((e: unknown) => e)) as VpnaasAuthError;
    expect(isAuthError(err)).toBe(true);
    expect(err.message).toMatch(/→ 401 Unauthorized: Unauthorized: token \S+ is not valid/);
    for (const text of renderings(err)) expect(text).not.toMatch(/tok-\d/);
  });

  test.each([
    ["no X-Subject-Token header", {}, JSON.stringify({ token: { expires_at: "2099-01-01T00:00:00Z" } }), "no X-Subject-Token header"],
    ["no token object", { "X-Subject-Token": "tok-9" }, JSON.stringify({ something: "else" }), "no token object in the JSON body"],
    ["a token that is not an object", { "X-Subject-Token": "tok-9" }, JSON.stringify({ token: null }), "no token object in the JSON body"],
    ["a body that is not JSON", { "X-Subject-Token": "tok-9" }, "<html>ok</html>", "no token object in the JSON body"],
  ])("Keystone answering 201 with %s is a VpnaasAuthError, and nothing is sent to the API", async (_label, headers, body, what) => {
    keystone.server.handle((_req, res) => {
      res.writeHead(201, { "Content-Type": "application/json", ...headers });
      res.end(body);
    });
    const err = (await get(client()).catch((e: unknown) => e)) as VpnaasAuthError;
    expect(isAuthError(err)).toBe(true);
    expect(err.message).toBe(`Keystone answered POST ${keystone.server.url}/v3/auth/tokens with 201 but ${what}`);
    expect(api.requests).toHaveLength(0);
    for (const text of renderings(err)) expect(text).not.toMatch(/tok-9|DO-NOT-LEAK/);
  });

  test("a failed token request is not cached: the next call tries again", async () => {
    const c = client();
    keystone.server.handle((_req, res) => sendJson(res, 503, { error: { code: 503, title: "Service Unavailable", message: "down" } }));
    await expect(get(c)).rejects.toThrow(/Keystone refused the token request: .* 503/);
    keystone.reset();
    await expect(get(c)).resolves.toMatchObject({ id: connectionId });
  });

  test("neither the strategy nor the token provider shows its secrets when inspected", async () => {
    const auth = keystoneAuth(password());
    const provider = new KeystoneTokenProvider(async () => ({ value: "tok-SECRET", expiresAtMs: undefined, obtainedAtMs: 0, catalog: [] }));
    await provider.get();
    for (const text of [...renderings(auth), inspect(provider, { showHidden: true, depth: 10 })]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain("tok-SECRET");
    }
  });
});


describe("a malformed catalog", () => {
  test.each<[string, unknown[]]>([
    ["a null service", [null]],
    ["a null endpoint", [{ type: "network", endpoints: [null] }]],
    ["endpoints that are not a list", [{ type: "network", endpoints: "https://x" }]],
    ["a numeric interface", [{ type: "network", endpoints: [{ interface: 5, url: "https://x" }] }]],
  ])("with %s is a VpnaasValidationError, not a TypeError", (_label, catalog) => {
    expect(() => networkEndpoint(catalog as never, { interface: "public" })).toThrow(expect.objectContaining({ name: "VpnaasValidationError" }));
  });
});
