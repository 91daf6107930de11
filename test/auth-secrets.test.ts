// Runs every way authentication can fail and scans all text those failures produce (messages,
// String(), JSON.stringify, util.inspect, stacks, cause chains, console and stdout/stderr output)
// for every secret involved.
import { inspect } from "node:util";
import { akskAuth, createVpnaasClient, keystoneAuth, redactHeaders, tokenAuth, type AuthStrategy } from "../src";
import { createVpnaasClientFromEnvironment } from "../src/node";
import { connectionId, renderings } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { APP_SECRET, PASSWORD, passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

const SK = "SK-secret-DO-NOT-LEAK-0a1b2c";
const STS = "STS-secret-DO-NOT-LEAK-3d4e5f";
const STATIC_TOKEN = "static-token-DO-NOT-LEAK-6a7b";
const PSK = "psk-DO-NOT-LEAK-8c9d";
const SECRETS = [PASSWORD, APP_SECRET, SK, STS, STATIC_TOKEN, PSK];

let keystone: KeystoneStandIn;
let api: TestServer;
beforeAll(async () => {
  keystone = await startKeystone({ now: Date.now() });
  api = await startServer();
});
afterAll(() => Promise.all([keystone.server.close(), api.close()]));

/** Everything reachable from an error as text, following `cause`. */
function allText(err: unknown): string {
  const texts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; e = (e as { cause?: unknown }).cause, depth++) texts.push(...renderings(e));
  return texts.join("\n");
}

const keystoneOptions = () => passwordOptions(keystone);
const call = (auth: AuthStrategy, allowInsecureHttp = true, baseUrl: string | undefined = api.url) =>
  createVpnaasClient({ baseUrl, auth, allowInsecureHttp }).getIpsecSiteConnection(connectionId);
const unauthorized = { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } };

const failures: Array<[string, () => Promise<unknown>]> = [
  ["a wrong password", async () => {
    keystone.reset();
    return call(keystoneAuth({ ...keystoneOptions(), password: `${PASSWORD}x` }));
  }],
  ["Keystone echoing the password in prose and in JSON", async () => {
    keystone.server.handle((_req, res) => sendJson(res, 400, { error: { code: 400, title: "Bad Request", message: `Invalid input: '${PASSWORD}'` }, password: PASSWORD }));
    return call(keystoneAuth(keystoneOptions()));
  }],
  ["Keystone echoing an application credential secret", async () => {
    keystone.server.handle((_req, res) => sendJson(res, 500, `oops ${APP_SECRET}`));
    return call(keystoneAuth({ authUrl: keystone.server.url, applicationCredentialId: "a", applicationCredentialSecret: APP_SECRET, allowInsecureHttp: true }));
  }],
  ["a second 401 whose body echoes the token", async () => {
    keystone.reset();
    api.handle((req, res) => sendJson(res, 401, { ...unauthorized, echoed: `${req.headers["x-auth-token"]}` , note: `token ${req.headers["x-auth-token"]}` }));
    return call(keystoneAuth(keystoneOptions()));
  }],
  ["a static token refused", async () => {
    api.handle((_req, res) => sendJson(res, 401, unauthorized));
    return call(tokenAuth(STATIC_TOKEN));
  }],
  ["an AK/SK request refused with the security token echoed in JSON", async () => {
    api.handle((_req, res) => sendJson(res, 403, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information", security_token: STS }));
    return call(akskAuth({ accessKey: "AK", secretKey: SK, securityToken: STS }));
  }],
  ["a psk echoed in a Neutron error", async () => {
    api.handle((_req, res) => sendJson(res, 500, { NeutronError: { type: "X", message: "m", detail: "" }, ipsec_site_connection: { psk: PSK } }));
    return call(tokenAuth(STATIC_TOKEN));
  }],
  ["a token over plain http", async () => call(tokenAuth(STATIC_TOKEN), false)],
  ["a signature over plain http", async () => call(akskAuth({ accessKey: "AK", secretKey: SK, securityToken: STS }), false)],
  ["a Keystone token over plain http", async () => {
    keystone.reset();
    return call(keystoneAuth(keystoneOptions()), false, undefined);
  }],
  ["a password to a plain http authUrl", async () => keystoneAuth({ ...keystoneOptions(), allowInsecureHttp: false })],
  ["contradictory Keystone settings", async () => keystoneAuth({ ...keystoneOptions(), applicationCredentialSecret: APP_SECRET })],
  ["incomplete settings from the environment", async () =>
    createVpnaasClientFromEnvironment({ env: { OS_AUTH_URL: "https://k.example.com", OS_PASSWORD: PASSWORD, HUAWEICLOUD_SDK_SK: SK }, cwd: "/nonexistent", home: "/nonexistent", systemConfigDir: "/nonexistent" })],
  ["Keystone unreachable", async () => call(keystoneAuth({ ...keystoneOptions(), authUrl: "http://127.0.0.1:9" }))],
];

describe("secrets never leak", () => {
  const output: string[] = [];
  let restore: Array<() => void> = [];
  beforeAll(() => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(inspect(args)));
      restore.push(() => spy.mockRestore());
    }
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => (output.push(String(chunk)), (write as (...a: unknown[]) => boolean)(chunk, ...rest))) as typeof stream.write;
      restore.push(() => (stream.write = write));
    }
  });
  afterAll(() => restore.forEach((r) => r()));

  test.each(failures)("%s fails without any secret in what the failure produces", async (_label, run) => {
    let err: unknown;
    try {
      await run();
    } catch (e) {
      err = e;
    }
    expect(err).toHaveProperty("message"); // an Error, possibly from another realm (undici's TypeError)
    const text = allText(err) + output.join("\n");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    for (const issued of text.match(/tok-\d+/g) ?? []) throw new Error(`a Keystone token (${issued}) leaked`);
  });

  test("the strategies themselves show no secrets when inspected or serialized", () => {
    const strategies = [
      keystoneAuth(keystoneOptions()),
      keystoneAuth({ authUrl: "https://k.example.com", applicationCredentialId: "a", applicationCredentialSecret: APP_SECRET }),
      akskAuth({ accessKey: "AK", secretKey: SK, securityToken: STS }),
      tokenAuth(STATIC_TOKEN),
    ];
    const text = strategies.flatMap((s) => renderings(s)).join("\n");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  test.each([
    [[["X-Auth-Token", "abc"]], { "x-auth-token": "[REDACTED]" }],
    [[["X-Subject-Token", "abc"], ["X-Security-Token", "s"]], { "x-subject-token": "[REDACTED]", "x-security-token": "[REDACTED]" }],
    [
      [["Authorization", "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"]],
      { authorization: "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=[REDACTED]" },
    ],
    [[["Authorization", "Bearer abc.def"]], { authorization: "Bearer [REDACTED]" }],
    [[["Accept", "application/json"]], { accept: "application/json" }],
  ])("redactHeaders(%j) shows %j", (headers, expected) => {
    expect(redactHeaders(headers as Array<[string, string]>)).toEqual(expected);
  });
});
