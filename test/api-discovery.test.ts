// client.api (openapi-fetch) over a client whose endpoint comes from Keystone's catalog: the
// request is sent to the endpoint found, under the path asked for.
import { createVpnaasClient, keystoneAuth } from "../src";
import { connectionBody, connectionId, connectionPath } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

let api: TestServer;
let keystone: KeystoneStandIn;
beforeAll(async () => {
  api = await startServer((_req, res) => sendJson(res, 200, connectionBody));
  keystone = await startKeystone({ now: Date.now() }, [{ url: `${api.url}/v2.0`, region: "RegionOne", interface: "public" }]);
});
afterAll(() => Promise.all([api.close(), keystone.server.close()]));

test("client.api without a baseUrl sends to the catalog's network endpoint, with the token", async () => {
  const client = createVpnaasClient({ auth: keystoneAuth(passwordOptions(keystone)), allowInsecureHttp: true, retry: false });
  const { data, response } = await client.api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: connectionId } } });
  expect(response.status).toBe(200);
  expect(data).toEqual(connectionBody);
  expect(api.requests.map((r) => [r.method, r.url, r.headers["x-auth-token"]])).toEqual([["GET", connectionPath, "tok-1"]]);
});
