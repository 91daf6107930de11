// Item 1 of the trusted transport: a credential never follows a redirect to another origin or to
// plain http. Two real servers on 127.0.0.1 (two ports, so two origins): the API, and "elsewhere".
import { akskAuth, createVpnaasClient, isRedirectError, keystoneAuth, tokenAuth, type VpnaasRedirectError } from "../src";
import { redirectLayer } from "../src/redirect";
import { stack, type Received } from "../src/request";
import { connectionBody, connectionId, connectionPath, renderings, verifyAkSk } from "./helpers/auth-fixtures";
import { outgoing } from "./helpers/faults";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { PASSWORD, passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

const TOKEN = "tok-REDIRECT-DO-NOT-LEAK";
const keys = { accessKey: "AKREDIRECT", secretKey: "sk-REDIRECT-DO-NOT-LEAK", projectId: "proj-REDIRECT", securityToken: "sectok-REDIRECT-DO-NOT-LEAK" };
let api: TestServer;
let elsewhere: TestServer;
let keystone: KeystoneStandIn;
beforeAll(async () => {
  [api, elsewhere, keystone] = await Promise.all([startServer(), startServer(), startKeystone({ now: Date.now() })]);
  elsewhere.handle((_req, res) => sendJson(res, 200, { ipsec_site_connection: { id: "from-elsewhere" } }));
});
afterAll(() => Promise.all([api.close(), elsewhere.close(), keystone.server.close()]));
beforeEach(() => {
  api.requests.length = 0;
  elsewhere.requests.length = 0;
  keystone.reset();
});

const redirectTo = (status: number, location: () => string) => api.handle((_req, res) => void res.writeHead(status, { Location: location(), "Content-Length": 0 }).end());
const tokenClient = () => createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, retry: false });

describe("a redirect to another origin is refused, and nothing goes there", () => {
  test.each([301, 302, 303, 307, 308])("token auth, %i: a VpnaasRedirectError naming the status and the target's origin, not its query", async (status) => {
    redirectTo(status, () => `${elsewhere.url}/steal?token=${TOKEN}&x=1`);
    const error = (await tokenClient().getIpsecSiteConnection(connectionId).catch((e: unknown) => e)) as VpnaasRedirectError;
    expect(isRedirectError(error)).toBe(true);
    expect(error).toMatchObject({ status, location: `${elsewhere.url}/steal` });
    expect(error.message).toContain(`→ ${status} redirect to ${elsewhere.url}/steal not followed`);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(elsewhere.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });

  test("AK/SK: neither the security token nor the project id nor a signature reaches the other origin", async () => {
    redirectTo(307, () => `${elsewhere.url}${connectionPath}`);
    const client = createVpnaasClient({ baseUrl: api.url, auth: akskAuth(keys), allowInsecureHttp: true });
    await expect(client.getIpsecSiteConnection(connectionId)).rejects.toMatchObject({ name: "VpnaasRedirectError", status: 307 });
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("Keystone answering the token request with 307 gets no password re-sent anywhere", async () => {
    keystone.server.handle((_req, res) => void res.writeHead(307, { Location: `${elsewhere.url}/v3/auth/tokens` }).end());
    api.handle((_req, res) => sendJson(res, 200, connectionBody));
    const client = createVpnaasClient({ baseUrl: api.url, auth: keystoneAuth(passwordOptions(keystone)), allowInsecureHttp: true });
    const error = await client.getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasRedirectError", status: 307, location: `${elsewhere.url}/v3/auth/tokens` });
    for (const text of renderings(error)) expect(text).not.toContain(PASSWORD);
    expect(elsewhere.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(0);
  });

  test("client.api refuses too: no token to the other origin, a typed error", async () => {
    redirectTo(302, () => `${elsewhere.url}${connectionPath}`);
    await expect(tokenClient().api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: connectionId } } })).rejects.toMatchObject({
      name: "VpnaasRedirectError",
    });
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe("a redirect within the same origin", () => {
  test("is followed for a GET, with the credential sent again to the new path", async () => {
    api.handle((req, res) =>
      req.url === "/moved" ? sendJson(res, 200, connectionBody) : void res.writeHead(301, { Location: "/moved" }).end(),
    );
    await expect(tokenClient().getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(api.requests.map((r) => [r.url, r.headers["x-auth-token"]])).toEqual([
      [connectionPath, TOKEN],
      ["/moved", TOKEN],
    ]);
  });

  test("is signed afresh for the new URL under AK/SK (the signature covers the path)", async () => {
    const verified: boolean[] = [];
    api.handle((req, res, seen) => {
      verified.push(verifyAkSk(seen, req, keys));
      return req.url === "/moved" ? sendJson(res, 200, connectionBody) : void res.writeHead(308, { Location: "/moved" }).end();
    });
    const client = createVpnaasClient({ baseUrl: api.url, auth: akskAuth(keys), allowInsecureHttp: true });
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(verified).toEqual([true, true]);
  });

  test("a 302 for a PUT is refused: fetch would turn it into a GET without its body", async () => {
    redirectTo(302, () => "/elsewhere-on-the-same-origin");
    const error = await tokenClient().api.PUT("/v2.0/vpn/ipsec-site-connections/{connection_id}" as never, { params: { path: { connection_id: connectionId } }, body: {} } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasRedirectError", status: 302 });
    expect(api.requests).toHaveLength(1);
  });

  test("a loop ends after 5 hops with a typed error", async () => {
    let hop = 0;
    api.handle((_req, res) => void res.writeHead(307, { Location: `/hop-${++hop}` }).end());
    await expect(tokenClient().getIpsecSiteConnection(connectionId)).rejects.toMatchObject({ name: "VpnaasRedirectError", message: expect.stringContaining("more than 5 redirects") });
    expect(api.requests).toHaveLength(6);
  });
});

describe("redirectLayer, by origin rule", () => {
  const answer = (status: number, location?: string): Received => ({ response: new Response(null, { status, headers: location ? { location } : {} }), body: null });
  const sent: string[] = [];
  const send = stack([redirectLayer], async (request) => {
    sent.push(request.url);
    return sent.length === 1 ? answer(302, new URL(request.url).searchParams.get("to")!) : answer(200);
  });
  beforeEach(() => (sent.length = 0));

  test.each([
    ["https to plain http on the same host", "https://api.example/x?to=http://api.example/y"],
    ["another port", "https://api.example/x?to=https://api.example:8443/y"],
    ["another host", "https://api.example/x?to=https://evil.example/y"],
    ["a user name in the target", "https://api.example/x?to=https://user:pw@api.example/y"],
  ])("refuses %s", async (_label, url) => {
    await expect(send(outgoing(url))).rejects.toMatchObject({ name: "VpnaasRedirectError" });
    expect(sent).toHaveLength(1);
  });

  test("follows a relative Location on the same origin", async () => {
    await expect(send(outgoing("https://api.example/x?to=/y"))).resolves.toMatchObject({ response: { status: 200 } });
    expect(sent).toEqual(["https://api.example/x?to=/y", "https://api.example/y"]);
  });

  test("hands a 3xx without a Location up as it is", async () => {
    const only = stack([redirectLayer], async () => answer(304));
    await expect(only(outgoing("https://api.example/x"))).resolves.toMatchObject({ response: { status: 304 } });
  });
});
