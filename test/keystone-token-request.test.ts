// keystoneAuth's own request for a token, as the stand-in Keystone sees it, and the endpoint it
// then takes from the catalog for the interface asked for.
import { createVpnaasClient, isValidationError, keystoneAuth, type KeystoneAuthOptions } from "../src";
import { connectionBody, connectionId, connectionPath } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

let keystone: KeystoneStandIn;
let publicApi: TestServer;
let internalApi: TestServer;

beforeAll(async () => {
  [publicApi, internalApi, keystone] = await Promise.all([startServer(), startServer(), startKeystone({ now: Date.now() })]);
  keystone.catalog = [
    { url: publicApi.url, region: "RegionOne", interface: "public" },
    { url: internalApi.url, region: "RegionOne", interface: "internal" },
  ];
  for (const api of [publicApi, internalApi]) api.handle((_req, res) => sendJson(res, 200, connectionBody));
});
afterAll(() => Promise.all([publicApi.close(), internalApi.close(), keystone.server.close()]));
beforeEach(() => {
  keystone.reset();
  for (const api of [publicApi, internalApi]) api.requests.length = 0;
});

const client = (more: Partial<KeystoneAuthOptions> = {}, maxResponseBytes?: number) =>
  createVpnaasClient({ auth: keystoneAuth(passwordOptions(keystone, more)), allowInsecureHttp: true, maxResponseBytes });

describe("keystoneAuth's token request", () => {
  test("says it sends JSON and wants JSON back", async () => {
    await client().getIpsecSiteConnection(connectionId);
    const [sent] = keystone.tokenRequests();
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(sent!.headers.accept).toBe("application/json");
  });

  test("a token answer over maxResponseBytes fails as the transport's VpnaasResponseError naming the limit and Keystone's URL, not as a network error", async () => {
    const err = await client({}, 512).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "VpnaasResponseError", url: `${keystone.server.url}/v3/auth/tokens` });
    expect((err as Error).message).toMatch(/over maxResponseBytes 512/);
    expect(publicApi.requests).toHaveLength(0);
  });
});

describe("keystoneAuth's interface", () => {
  test("is matched without a trailing URL, as v2 catalogs name them (internalURL is internal)", async () => {
    await client({ interface: "internalURL" }).getIpsecSiteConnection(connectionId);
    expect(internalApi.requests.map((r) => r.url)).toEqual([connectionPath]);
    expect(publicApi.requests).toHaveLength(0);
  });

  test("loses only a trailing URL: URLinternal is no interface of the catalog, and the error names it", async () => {
    const err = await client({ interface: "URLinternal" }).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/no network endpoint with interface URLinternal\b/);
    expect(internalApi.requests).toHaveLength(0);
  });
});
