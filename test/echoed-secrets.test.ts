// Item 2 of the trusted transport: what the client sent never comes back out of an error, however
// the server echoes it (raw, JSON-escaped, ASCII-escaped, under a header's name), and headers an
// error shows follow an allowlist.
import { akskAuth, createVpnaasClient, keystoneAuth, tokenAuth, type VpnaasAuthError } from "../src";
import { connectionId, renderings } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

const TOKEN = "tok-ECHO-DO-NOT-LEAK-1";
const API_KEY = "apikey-ECHO-DO-NOT-LEAK-2";
const SECURITY_TOKEN = "sectok-ECHO-DO-NOT-LEAK-3";
let api: TestServer;
beforeAll(async () => {
  api = await startServer();
});
afterAll(() => api.close());
beforeEach(() => (api.requests.length = 0));

/** Every form of `secret` a server could write back: raw, JSON-escaped, ASCII-escaped as Python's json.dumps does. */
const forms = (secret: string) => [secret, JSON.stringify(secret).slice(1, -1), JSON.stringify(secret).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)];
const expectNowhere = (error: unknown, ...secrets: string[]) => {
  expect(error).toBeDefined();
  for (const text of renderings(error)) for (const secret of secrets) for (const form of forms(secret)) expect(text).not.toContain(form);
};
const echo = (status: number, body: (seen: { headers: Record<string, unknown> }) => unknown) => api.handle((_req, res, seen) => sendJson(res, status, body(seen)));
const fail = (client: ReturnType<typeof createVpnaasClient>) => client.getIpsecSiteConnection(connectionId).catch((e: unknown) => e);

describe("a server that echoes what it was sent", () => {
  test("a 401 (Neutron) quoting the token, in prose and under its header name", async () => {
    echo(401, (seen) => ({ NeutronError: { type: "Unauthorized", message: `token ${String(seen.headers["x-auth-token"])} is not valid`, detail: "" }, request_headers: { "X-Auth-Token": seen.headers["x-auth-token"] } }));
    const error = await fail(createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true }));
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 401, errorType: "Unauthorized" });
    expectNowhere(error, TOKEN);
  });

  test("a 403 (Huawei's gateway) quoting the security token in error_msg", async () => {
    echo(403, (seen) => ({ error_code: "APIGW.0301", error_msg: `Incorrect IAM authentication information: security token ${String(seen.headers["x-security-token"])} expired`, request_id: "r1" }));
    const error = await fail(createVpnaasClient({ baseUrl: api.url, auth: akskAuth({ accessKey: "AK", secretKey: "SK-ECHO-DO-NOT-LEAK", securityToken: SECURITY_TOKEN }), allowInsecureHttp: true }));
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 403, errorType: "APIGW.0301" });
    expectNowhere(error, SECURITY_TOKEN, "SK-ECHO-DO-NOT-LEAK");
  });

  test("a custom header's value, echoed in a 403 body", async () => {
    echo(403, (seen) => ({ NeutronError: { type: "Forbidden", message: `key ${String(seen.headers["x-api-key"])} may not do this`, detail: "" } }));
    const error = await fail(createVpnaasClient({ baseUrl: api.url, headers: { "X-Api-Key": API_KEY } }));
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 403 });
    expectNowhere(error, API_KEY);
  });

  test("a 404 to a DELETE (an operation with no content) quoting the token", async () => {
    echo(404, (seen) => ({ NeutronError: { type: "IPsecSiteConnectionNotFound", message: `not found for token ${String(seen.headers["x-auth-token"])}`, detail: "" } }));
    const client = createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true });
    const error = await client.deleteIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 404, errorType: "IPsecSiteConnectionNotFound" });
    expectNowhere(error, TOKEN);
  });

  test("a 2xx body that is not JSON and quotes the token", async () => {
    api.handle((_req, res, seen) => void res.writeHead(200, { "Content-Type": "text/html" }).end(`<p>hello ${String(seen.headers["x-auth-token"])}</p>`));
    const error = await fail(createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true }));
    expect(error).toMatchObject({ name: "VpnaasResponseError" });
    expectNowhere(error, TOKEN);
  });

  test("a 2xx JSON body cut short after quoting the token (the parser's own message quotes the text)", async () => {
    api.handle((_req, res, seen) => void res.writeHead(200, { "Content-Type": "application/json" }).end(`{"ipsec_site_connection": {"name": "${String(seen.headers["x-auth-token"])}`));
    const error = await fail(createVpnaasClient({ baseUrl: api.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true }));
    expect(error).toMatchObject({ name: "VpnaasResponseError", message: expect.stringContaining("not valid JSON") });
    expectNowhere(error, TOKEN);
  });

  test("a value under a secret-looking header name is redacted even when the client did not send it", async () => {
    echo(500, () => ({ debug: { "x-subject-token": "other-ECHO-DO-NOT-LEAK", Authorization: "Bearer bearer-ECHO-DO-NOT-LEAK" } }));
    const error = await fail(createVpnaasClient({ baseUrl: api.url, retry: false }));
    expect(error).toMatchObject({ name: "VpnaasApiError", status: 500 });
    expectNowhere(error, "other-ECHO-DO-NOT-LEAK", "bearer-ECHO-DO-NOT-LEAK");
  });
});

describe("Keystone echoing the password", () => {
  // Non-ASCII, a quote and a backslash: each JSON-escaped differently by Keystone (ensure_ascii).
  const PASSWORD = 'pä"ss\\wörd-ECHO-DO-NOT-LEAK';
  let keystone: KeystoneStandIn;
  beforeAll(async () => {
    keystone = await startKeystone({ now: Date.now() }, []);
  });
  afterAll(() => keystone.server.close());

  test("a 401 whose JSON quotes the password as json.dumps writes it (\\u00e4, \\\")", async () => {
    keystone.server.handle((_req, res, seen) => {
      const sent = JSON.parse(seen.body).auth.identity.password.user.password as string;
      const ascii = JSON.stringify(`Invalid password '${sent}' for user admin`).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      const text = `{"error": {"code": 401, "title": "Unauthorized", "message": ${ascii}}}`;
      res.writeHead(401, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) }).end(text);
    });
    const error = await fail(createVpnaasClient({ baseUrl: api.url, auth: keystoneAuth(passwordOptions(keystone, { password: PASSWORD })), allowInsecureHttp: true }));
    expect(error).toMatchObject({ name: "VpnaasAuthError" });
    expect((error as Error).message).toContain("Invalid password");
    expectNowhere(error, PASSWORD);
  });

  test("the refused request an auth error shows has only allowlisted header values", async () => {
    keystone.reset();
    api.handle((_req, res) => sendJson(res, 401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }));
    const client = createVpnaasClient({ baseUrl: api.url, headers: { "X-Api-Key": API_KEY, "User-Agent": "echo-test/1" }, auth: keystoneAuth(passwordOptions(keystone)), allowInsecureHttp: true });
    const error = (await fail(client)) as VpnaasAuthError;
    expect(error).toMatchObject({ name: "VpnaasAuthError" });
    expect(error.request?.headers).toMatchObject({ accept: "application/json", "user-agent": "echo-test/1", "x-api-key": "[REDACTED]", "x-auth-token": "[REDACTED]" });
    expectNowhere(error, API_KEY, "tok-1", "tok-2");
  });
});
