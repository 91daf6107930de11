import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isValidationError } from "../src";
import { createVpnaasClientFromEnvironment, settingsFromEnvironment, type EnvironmentOptions } from "../src/node";
import { connectionBody, connectionId, renderings, errorOf, validationErrorOf } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { APP_SECRET, PASSWORD, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

let root: string;
let cwd: string;
let home: string;
let etc: string;
let api: TestServer;
let keystone: KeystoneStandIn;

beforeAll(async () => {
  api = await startServer((_req, res) => sendJson(res, 200, connectionBody));
  keystone = await startKeystone({ now: Date.now() }, [{ url: api.url, region: "RegionOne", interface: "public" }]);
});
afterAll(() => Promise.all([api.close(), keystone.server.close()]));
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "vpnaas-config-"));
  [cwd, home, etc] = ["cwd", "home", "etc"].map((d) => join(root, d)) as [string, string, string];
  for (const d of [cwd, join(home, ".config", "openstack"), etc]) mkdirSync(d, { recursive: true });
  api.requests.length = 0;
  keystone.reset();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Options that never touch the real home, working directory or /etc. */
const where = (env: Record<string, string>, more: Partial<EnvironmentOptions> = {}): EnvironmentOptions => ({ env, cwd, home, systemConfigDir: etc, ...more });

const cloudsYaml = (name: string, auth: string, extra = "") => `clouds:\n  ${name}:\n    auth:\n${auth.trim().split("\n").map((l) => `      ${l.trim()}`).join("\n")}\n${extra}`;


describe("createVpnaasClientFromEnvironment", () => {
  test("builds a Keystone client from OS_* variables and calls the API it finds in the catalog", async () => {
    const env = {
      OS_AUTH_URL: `${keystone.server.url}/v3`,
      OS_USERNAME: "admin",
      OS_PASSWORD: PASSWORD,
      OS_USER_DOMAIN_NAME: "Default",
      OS_PROJECT_NAME: "admin",
      OS_PROJECT_DOMAIN_NAME: "Default",
      OS_REGION_NAME: "RegionOne",
      OS_INTERFACE: "public",
    };
    const client = createVpnaasClientFromEnvironment({ ...where(env), allowInsecureHttp: true });
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(api.requests[0]!.headers["x-auth-token"]).toBe("tok-1");
  });

  test("uses the clouds.yaml cloud named by OS_CLOUD, found in ~/.config/openstack", async () => {
    writeFileSync(
      join(home, ".config", "openstack", "clouds.yaml"),
      cloudsYaml("devstack", `auth_url: ${keystone.server.url}\napplication_credential_id: ac1\napplication_credential_secret: "${APP_SECRET}"`, "    region_name: RegionOne\n"),
    );
    const client = createVpnaasClientFromEnvironment({ ...where({ OS_CLOUD: "devstack" }), allowInsecureHttp: true });
    await client.getIpsecSiteConnection(connectionId);
    expect(JSON.parse(keystone.tokenRequests()[0]!.body).auth.identity.application_credential).toEqual({ id: "ac1", secret: APP_SECRET });
  });

  test("builds an AK/SK client from HUAWEICLOUD_SDK_* variables", async () => {
    const env = { HUAWEICLOUD_SDK_AK: "AKAKAKAKAKAKAKAKAKAK", HUAWEICLOUD_SDK_SK: "sk-DO-NOT-LEAK", HUAWEICLOUD_SDK_PROJECT_ID: "p1", HUAWEICLOUD_SDK_SECURITY_TOKEN: "sts-DO-NOT-LEAK" };
    await createVpnaasClientFromEnvironment({ ...where(env), baseUrl: api.url, allowInsecureHttp: true }).getIpsecSiteConnection(connectionId);
    const seen = api.requests[0]!.headers;
    expect(seen.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKAKAKAKAKAKAKAKAKAK, /);
    expect([seen["x-project-id"], seen["x-security-token"]]).toEqual(["p1", "sts-DO-NOT-LEAK"]);
  });

  test("builds a token client from OS_TOKEN and OS_ENDPOINT", async () => {
    await createVpnaasClientFromEnvironment({ ...where({ OS_TOKEN: "tok-env", OS_ENDPOINT: api.url }), allowInsecureHttp: true }).getIpsecSiteConnection(connectionId);
    expect(api.requests[0]!.headers["x-auth-token"]).toBe("tok-env");
  });
});

describe("settingsFromEnvironment", () => {
  test("searches ./ before ~/.config/openstack/ before /etc/openstack/", () => {
    const put = (dir: string, url: string) => writeFileSync(join(dir, "clouds.yaml"), cloudsYaml("c", `endpoint: ${url}\ntoken: t`));
    put(etc, "https://etc.example.com");
    put(join(home, ".config", "openstack"), "https://home.example.com");
    expect(settingsFromEnvironment(where({ OS_CLOUD: "c" })).source).toBe(`clouds.yaml cloud "c" (${join(home, ".config", "openstack", "clouds.yaml")})`);
    put(cwd, "https://cwd.example.com");
    expect(settingsFromEnvironment(where({ OS_CLOUD: "c" })).source).toBe(`clouds.yaml cloud "c" (${join(cwd, "clouds.yaml")})`);
  });

  test("a cloud passed by name wins over OS_CLOUD and other variables", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("mine", "auth_url: https://k.example.com\napplication_credential_id: a\napplication_credential_secret: s"));
    const settings = settingsFromEnvironment(where({ OS_CLOUD: "other", HUAWEICLOUD_SDK_AK: "x" }, { cloud: "mine" }));
    expect(settings.auth.kind).toBe("keystone");
  });

  test.each([
    ["nothing set", {}, /No credentials found\. Set OS_CLOUD .* HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/],
    ["OS_CLOUD and HUAWEICLOUD_SDK_AK", { OS_CLOUD: "x", HUAWEICLOUD_SDK_AK: "a" }, /Contradictory settings: found more than one way to authenticate \(OS_CLOUD=x; HUAWEICLOUD_SDK_AK\)/],
    ["OS_AUTH_URL and HUAWEICLOUD_SDK_SK", { OS_AUTH_URL: "https://k", HUAWEICLOUD_SDK_SK: "s" }, /Contradictory settings: .*OS_AUTH_URL; HUAWEICLOUD_SDK_SK/],
    ["OS_TOKEN and OS_PASSWORD", { OS_TOKEN: "t", OS_PASSWORD: "p", OS_ENDPOINT: "https://n" }, /OS_\* variables: contradictory: both OS_TOKEN and OS_PASSWORD/],
    ["OS_TOKEN without an endpoint", { OS_TOKEN: "t" }, /OS_TOKEN given without OS_ENDPOINT \(the network API URL\): pass baseUrl or set OS_ENDPOINT/],
    ["OS_AUTH_URL alone", { OS_AUTH_URL: "https://k.example.com/v3" }, /^OS_\* variables: missing credentials: OS_PASSWORD \(with OS_USERNAME or OS_USER_ID\) or OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET/],
    ["a password without domains and project", { OS_AUTH_URL: "https://k.example.com", OS_USERNAME: "u", OS_PASSWORD: "pw-DO-NOT-LEAK" }, /missing OS_USER_DOMAIN_NAME or OS_USER_DOMAIN_ID \(for OS_USERNAME\); OS_PROJECT_NAME or OS_PROJECT_ID/],
    ["a password without OS_AUTH_URL", { OS_USERNAME: "u", OS_PASSWORD: "p" }, /OS_\* variables: keystoneAuth needs OS_AUTH_URL/],
    ["HUAWEICLOUD_SDK_AK alone", { HUAWEICLOUD_SDK_AK: "a" }, /HUAWEICLOUD_SDK_\* credentials are incomplete: missing HUAWEICLOUD_SDK_SK, baseUrl/],
    ["OS_CLOUD without a clouds.yaml", { OS_CLOUD: "x" }, /Cloud "x" was asked for, but no clouds.yaml was found \(searched .*cwd\/clouds.yaml, .*cwd\/clouds.yml, .*cwd\/clouds.json, .*home\/.config\/openstack\/clouds.yaml, .*etc\/clouds.yaml, .*etc\/clouds.yml, .*etc\/clouds.json\)/],
  ])("%s is one VpnaasValidationError naming what is wrong", (_label, env, message) => {
    const err = errorOf(() => createVpnaasClientFromEnvironment(where(env as Record<string, string>)));
    expect(isValidationError(err)).toBe(true);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/Nothing was sent/);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test.each([
    ["nothing set", {}, "environment"],
    ["HUAWEICLOUD_SDK_AK alone", { HUAWEICLOUD_SDK_AK: "a", HUAWEICLOUD_SDK_PROJECT_ID: "p" }, "HUAWEICLOUD_SDK_SK"],
    ["OS_CLOUD without a clouds.yaml", { OS_CLOUD: "x" }, "cloud"],
    ["OS_TOKEN and OS_PASSWORD", { OS_TOKEN: "t", OS_PASSWORD: "p", OS_ENDPOINT: "https://n" }, "OS_TOKEN"],
    ["OS_AUTH_TYPE v3token without OS_TOKEN", { OS_AUTH_TYPE: "v3token", OS_AUTH_URL: "https://k.example.com", OS_ENDPOINT: "https://n" }, "OS_TOKEN"],
  ])("%s: the error's parameter names the setting at fault", (_label, env, parameter) => {
    expect(validationErrorOf(() => settingsFromEnvironment(where(env as Record<string, string>))).parameter).toBe(parameter);
  });

  test("option names are renamed to the variables' names, but not inside a value the message quotes", () => {
    const err = validationErrorOf(() => settingsFromEnvironment(where({ OS_AUTH_URL: "ftp://token.password.example.com/", OS_USERNAME: "u", OS_PASSWORD: "p" })));
    expect(err.parameter).toBe("OS_AUTH_URL");
    expect(err.message).toMatch(/^OS_\* variables: keystoneAuth needs OS_AUTH_URL, .*; got "ftp:\/\/token\.password\.example\.com\/"\. Nothing was sent\.$/);
  });

  test("an unknown cloud names the clouds the file has", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("a", "token: t") + cloudsYaml("b", "token: t").replace("clouds:\n", ""));
    expect(errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" }))).message).toBe(`${join(cwd, "clouds.yaml")} has no cloud "c" (it has: a, b). Nothing was sent.`);
  });

  test("names a missing clouds.yaml setting as the file spells it", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("a", "auth_url: https://k.example.com\nusername: u\npassword: p\nuser_domain_name: Default"));
    expect(errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "a" }))).message).toBe(
      `clouds.yaml cloud "a" (${join(cwd, "clouds.yaml")}): missing project_name or project_id. Nothing was sent.`,
    );
  });

  test("secure.yaml is merged into clouds.yaml cloud by cloud, and may sit in another directory (as openstacksdk)", async () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("devstack", `auth_url: ${keystone.server.url}\napplication_credential_id: ac1`, "    region_name: RegionOne\n"));
    writeFileSync(join(home, ".config", "openstack", "secure.yaml"), `clouds:\n  devstack:\n    auth:\n      application_credential_secret: "${APP_SECRET}"\n`);
    const settings = settingsFromEnvironment(where({ OS_CLOUD: "devstack" }, { allowInsecureHttp: true }));
    expect(settings.source).toBe(`clouds.yaml cloud "devstack" (${join(cwd, "clouds.yaml")} + ${join(home, ".config", "openstack", "secure.yaml")})`);
    await createVpnaasClientFromEnvironment({ ...where({ OS_CLOUD: "devstack" }), allowInsecureHttp: true }).getIpsecSiteConnection(connectionId);
    expect(JSON.parse(keystone.tokenRequests()[0]!.body).auth.identity.application_credential).toEqual({ id: "ac1", secret: APP_SECRET });
  });

  test("an auth that is not a mapping (e.g. its only line lacks the space after a colon) is named, not shown", () => {
    writeFileSync(join(cwd, "clouds.yaml"), "clouds:\n  c:\n    auth:\n      password:pw-DO-NOT-LEAK\n");
    const err = errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" })));
    expect(err.message).toBe(`clouds.yaml cloud "c" (${join(cwd, "clouds.yaml")}): auth is not a mapping of settings (is a space missing after a colon?). Nothing was sent.`);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test("secure.yaml values win over clouds.yaml; OS_CLIENT_SECURE_FILE comes first; clouds.yml is found too", () => {
    writeFileSync(join(cwd, "clouds.yml"), cloudsYaml("c", "endpoint: https://n.example.com\ntoken: from-clouds"));
    writeFileSync(join(cwd, "secure.yaml"), "clouds:\n  c:\n    auth:\n      token: from-cwd-secure\n");
    const file = join(root, "my-secure.yaml");
    writeFileSync(file, "clouds:\n  c:\n    auth:\n      token: from-env-secure\n");
    expect(settingsFromEnvironment(where({ OS_CLOUD: "c" })).source).toBe(`clouds.yaml cloud "c" (${join(cwd, "clouds.yml")} + ${join(cwd, "secure.yaml")})`);
    expect(settingsFromEnvironment(where({ OS_CLOUD: "c", OS_CLIENT_SECURE_FILE: file })).source).toBe(`clouds.yaml cloud "c" (${join(cwd, "clouds.yml")} + ${file})`);
  });

  test("a syntax error in secure.yaml names the file and line and shows none of it", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("c", "auth_url: https://k.example.com\nusername: u"));
    writeFileSync(join(etc, "secure.yaml"), "clouds:\n  c:\n    auth:\n      password:pw-DO-NOT-LEAK\n      project_name: p\n");
    const err = errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" })));
    expect(isValidationError(err)).toBe(true);
    expect(err.message).toMatch(new RegExp(`^${join(etc, "secure.yaml")} line 4: YAML syntax error`));
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test("OS_CLIENT_CONFIG_FILE points at a clouds.yaml anywhere", () => {
    const file = join(root, "elsewhere.yaml");
    writeFileSync(file, cloudsYaml("z", "token: t\nendpoint: https://n.example.com"));
    expect(settingsFromEnvironment(where({ OS_CLOUD: "z", OS_CLIENT_CONFIG_FILE: file })).source).toBe(`clouds.yaml cloud "z" (${file})`);
  });
});

describe("auth_type", () => {
  const both = "auth_url: https://k.example.com/v3\nusername: u\npassword: pw\nuser_domain_name: Default\nproject_name: p\nproject_domain_name: Default\napplication_credential_id: ac\napplication_credential_secret: acs\ntoken: tok\nendpoint: https://n.example.com";
  test.each([
    ["password", "keystone", "password"],
    ["v3password", "keystone", "password"],
    ["v3applicationcredential", "keystone", "application_credential"],
    ["token", "token", undefined],
    ["v3token", "token", undefined],
  ])("auth_type %s uses only its own settings of the cloud", async (type, kind, method) => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("c", both.replace("https://k.example.com/v3", keystone.server.url), `    auth_type: ${type}\n`));
    const settings = settingsFromEnvironment(where({ OS_CLOUD: "c" }, { allowInsecureHttp: true }));
    expect(settings.auth.kind).toBe(kind);
    if (method) {
      await createVpnaasClientFromEnvironment({ ...where({ OS_CLOUD: "c" }), allowInsecureHttp: true, baseUrl: api.url })
        .getIpsecSiteConnection(connectionId)
        .catch(() => undefined);
      expect(JSON.parse(keystone.tokenRequests()[0]!.body).auth.identity.methods).toEqual([method]);
    } else {
      expect(settings.baseUrl).toBe("https://n.example.com");
    }
  });

  test("without auth_type, contradictory credentials are still refused", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("c", both));
    expect(errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" }))).message).toMatch(/contradictory: both token and password and application_credential_secret/);
  });

  test.each([
    ["clouds.yaml", (type: string) => [cloudsYaml("c", "auth_url: https://k.example.com\npassword: pw-DO-NOT-LEAK", `    auth_type: ${type}\n`), { OS_CLOUD: "c" }] as const, /^clouds\.yaml cloud "c" \(.*\): auth_type "v3oidcpassword" is not supported; use password, v3password, token, v3token, v3applicationcredential/],
    ["OS_* variables", (type: string) => [undefined, { OS_AUTH_TYPE: type, OS_AUTH_URL: "https://k.example.com", OS_PASSWORD: "pw-DO-NOT-LEAK" }] as const, /^OS_\* variables: OS_AUTH_TYPE "v3oidcpassword" is not supported/],
  ])("an unsupported auth_type in %s is a VpnaasValidationError naming it", (_label, make, message) => {
    const [file, env] = make("v3oidcpassword");
    if (file) writeFileSync(join(cwd, "clouds.yaml"), file);
    const err = errorOf(() => settingsFromEnvironment(where(env as Record<string, string>)));
    expect(isValidationError(err)).toBe(true);
    expect(err.message).toMatch(message);
    expect((err as Error & { parameter: string }).parameter).toMatch(/^(auth_type|OS_AUTH_TYPE)$/);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test("auth_type token without a token says so", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("c", "auth_url: https://k.example.com\nusername: u\npassword: pw", "    auth_type: v3token\n"));
    expect(errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" }))).message).toMatch(/: auth_type v3token needs token\. Nothing was sent\.$/);
  });

  test("auth_plugin, its older name, is read too", () => {
    writeFileSync(join(cwd, "clouds.yaml"), cloudsYaml("c", "token: t\nendpoint: https://n.example.com\npassword: pw", "    auth_plugin: token\n"));
    expect(settingsFromEnvironment(where({ OS_CLOUD: "c" })).auth.kind).toBe("token");
  });
});

describe("regions, region_name, interface, identity_api_version", () => {
  const cloud = (extra: string) => cloudsYaml("c", "auth_url: https://k.example.com\napplication_credential_id: ac\napplication_credential_secret: s", extra);
  const resolved = (extra: string, env: Record<string, string> = {}) => {
    writeFileSync(join(cwd, "clouds.yaml"), cloud(extra));
    return settingsFromEnvironment(where({ OS_CLOUD: "c", ...env })).resolved;
  };

  test.each([
    ["region_name alone", "    region_name: RegionOne\n", {}, "RegionOne"],
    ["the first of regions by default", "    regions: [RegionTwo, RegionOne]\n", {}, "RegionTwo"],
    ["region_name choosing among regions", "    region_name: RegionOne\n    regions: [RegionTwo, RegionOne]\n", {}, "RegionOne"],
    ["OS_REGION_NAME choosing among regions", "    region_name: RegionOne\n    regions: [RegionTwo, RegionOne]\n", { OS_REGION_NAME: "RegionTwo" }, "RegionTwo"],
    ["OS_REGION_NAME without region_name or regions", "", { OS_REGION_NAME: "Elsewhere" }, "Elsewhere"],
    ["a comma-separated region_name (deprecated)", "    region_name: A,B\n", {}, "A"],
    ["no region at all", "", {}, undefined],
  ])("%s", (_label, extra, env, region) => {
    expect(resolved(extra, env).region_name).toBe(region);
  });

  test("a region's values override the cloud's, auth merged key by key", () => {
    const extra = "    interface: public\n    regions:\n      - name: RegionOne\n        values:\n          interface: internal\n          auth:\n            auth_url: https://k1.example.com\n      - RegionTwo\n";
    expect(resolved(extra)).toMatchObject({ region_name: "RegionOne", interface: "internal", auth_url: "https://k1.example.com", application_credential_id: "ac" });
    expect(resolved(extra, { OS_REGION_NAME: "RegionTwo" })).toMatchObject({ region_name: "RegionTwo", interface: "public", auth_url: "https://k.example.com" });
  });

  test("interface, its older name endpoint_type, and OS_INTERFACE over both", () => {
    expect(resolved("    interface: internal\n").interface).toBe("internal");
    expect(resolved("    endpoint_type: admin\n").interface).toBe("admin");
    expect(resolved("    interface: internal\n", { OS_INTERFACE: "public" }).interface).toBe("public");
  });

  test.each([
    ["a region not among regions", "    region_name: Nowhere\n    regions: [RegionOne, RegionTwo]\n", {}, "region_name", /region "Nowhere" is not one of the cloud's regions \(RegionOne, RegionTwo\)/],
    ["OS_REGION_NAME not among regions", "    regions: [RegionOne]\n", { OS_REGION_NAME: "regionone" }, "OS_REGION_NAME", /region "regionone" \(OS_REGION_NAME\) is not one of the cloud's regions \(RegionOne\); region names are case sensitive/],
    ["OS_REGION_NAME other than region_name (as openstacksdk: region_name lists the known regions)", "    region_name: RegionOne\n", { OS_REGION_NAME: "Elsewhere" }, "OS_REGION_NAME", /region "Elsewhere" \(OS_REGION_NAME\) is not one of the cloud's regions \(RegionOne\)/],
    ["a bad regions entry, not shown", "    regions:\n      - name: R\n        password: pw-DO-NOT-LEAK\n", {}, "regions", /regions entry 1 must be a region name or a mapping with name/],
    ["identity_api_version 2.0", "    identity_api_version: 2.0\n", {}, "identity_api_version", /identity_api_version "2\.0" is not supported; only Keystone v3 is/],
  ])("%s is a VpnaasValidationError", (_label, extra, env, parameter, message) => {
    writeFileSync(join(cwd, "clouds.yaml"), cloud(extra));
    const err = errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c", ...env })));
    expect(isValidationError(err)).toBe(true);
    expect((err as Error & { parameter: string }).parameter).toBe(parameter);
    expect(err.message).toMatch(message);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test("identity_api_version 3 (or 3.x) is accepted, and OS_IDENTITY_API_VERSION=2 refused", () => {
    expect(resolved("    identity_api_version: 3\n").auth_type).toBe("v3applicationcredential");
    expect(resolved("    identity_api_version: '3.0'\n").auth_type).toBe("v3applicationcredential");
    expect(errorOf(() => settingsFromEnvironment(where({ OS_AUTH_URL: "https://k", OS_TOKEN: "t", OS_ENDPOINT: "https://n", OS_IDENTITY_API_VERSION: "2" }))).message).toMatch(
      /^OS_\* variables: OS_IDENTITY_API_VERSION "2" is not supported/,
    );
  });

  test("the region option wins over OS_REGION_NAME and region_name, and is named when it is not among regions", () => {
    const extra = "    region_name: RegionOne\n    regions: [RegionOne, RegionTwo]\n";
    writeFileSync(join(cwd, "clouds.yaml"), cloud(extra));
    expect(settingsFromEnvironment(where({ OS_CLOUD: "c", OS_REGION_NAME: "RegionOne" }, { region: "RegionTwo" })).resolved.region_name).toBe("RegionTwo");
    const err = errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" }, { region: "RegionThree" })));
    expect((err as Error & { parameter: string }).parameter).toBe("region");
    expect(err.message).toMatch(/region "RegionThree" \(region\) is not one of the cloud's regions \(RegionOne, RegionTwo\)/);
    const os = { OS_AUTH_URL: "https://k.example.com", OS_APPLICATION_CREDENTIAL_ID: "ac", OS_APPLICATION_CREDENTIAL_SECRET: "s", OS_REGION_NAME: "RegionOne" };
    expect(settingsFromEnvironment(where(os, { region: "RegionTwo" })).resolved.region_name).toBe("RegionTwo");
  });

  test("the region and interface reach Keystone's catalog lookup", async () => {
    writeFileSync(
      join(cwd, "clouds.yaml"),
      cloudsYaml("c", `auth_url: ${keystone.server.url}\napplication_credential_id: ac1\napplication_credential_secret: "${APP_SECRET}"`, "    regions: [RegionOne, RegionTwo]\n    interface: public\n"),
    );
    await expect(createVpnaasClientFromEnvironment({ ...where({ OS_CLOUD: "c" }), allowInsecureHttp: true }).getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    await expect(createVpnaasClientFromEnvironment({ ...where({ OS_CLOUD: "c", OS_REGION_NAME: "RegionTwo" }), allowInsecureHttp: true }).getIpsecSiteConnection(connectionId)).rejects.toThrow(/RegionTwo/);
  });
});

test("README's clouds.yaml and secure.yaml example resolves as README says", () => {
  const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
  const block = (name: string) => new RegExp("```yaml\\n# ~/.config/openstack/" + name + "\\n([\\s\\S]*?)```").exec(readme)![1]!;
  const dir = mkdtempSync(join(tmpdir(), "vpnaas-readme-"));
  try {
    const dot = join(dir, "home", ".config", "openstack");
    mkdirSync(dot, { recursive: true });
    writeFileSync(join(dot, "clouds.yaml"), block("clouds.yaml"));
    writeFileSync(join(dot, "secure.yaml"), block("secure.yaml"));
    const options = { env: { OS_CLOUD: "prod" }, cwd: dir, home: join(dir, "home"), systemConfigDir: join(dir, "etc") };
    expect(settingsFromEnvironment(options).resolved).toEqual({
      auth_type: "password",
      auth_url: "https://keystone.example.com:5000/v3",
      username: "vpn-operator",
      user_domain_name: "Default",
      project_name: "network",
      project_domain_name: "Default",
      region_name: "RegionOne",
      interface: "public",
    });
    expect(settingsFromEnvironment({ ...options, env: { OS_CLOUD: "prod", OS_REGION_NAME: "RegionTwo" } }).resolved).toMatchObject({ region_name: "RegionTwo", interface: "internal" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("Huawei Cloud: the endpoint from the region", () => {
  const AKSK = { HUAWEICLOUD_SDK_AK: "AKAKAKAKAKAKAKAKAKAK", HUAWEICLOUD_SDK_SK: "sk-DO-NOT-LEAK" };

  test.each([
    ["HUAWEICLOUD_SDK_REGION", { HUAWEICLOUD_SDK_REGION: "cn-north-4" }, {}, "https://vpc.cn-north-4.myhuaweicloud.com", "cn-north-4"],
    ["the region option over HUAWEICLOUD_SDK_REGION", { HUAWEICLOUD_SDK_REGION: "cn-north-4" }, { region: "ap-southeast-1" }, "https://vpc.ap-southeast-1.myhuaweicloud.com", "ap-southeast-1"],
    ["eu-west-101, under myhuaweicloud.eu as Huawei's SDKs have it", { HUAWEICLOUD_SDK_REGION: "eu-west-101" }, {}, "https://vpc.eu-west-101.myhuaweicloud.eu", "eu-west-101"],
    ["baseUrl over any region", { HUAWEICLOUD_SDK_REGION: "cn-north-4" }, { baseUrl: "https://vpn.example.com", region: "cn-east-3" }, "https://vpn.example.com", undefined],
  ])("%s", (_label, env, more, endpoint, region) => {
    const settings = settingsFromEnvironment(where({ ...AKSK, ...env }, more));
    expect(settings.baseUrl).toBe(endpoint);
    expect(settings.resolved.region_name).toBe(region);
    expect(settings.auth.kind).toBe("aksk");
  });

  test("a client built from the region sends its signed request to that region's VPC endpoint", async () => {
    const urls: string[] = [];
    // The endpoint is not on loopback, so the client's fetch records the URL and answers itself.
    const fetch = async (input: RequestInfo | URL) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify(connectionBody), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createVpnaasClientFromEnvironment({ ...where({ ...AKSK, HUAWEICLOUD_SDK_REGION: "cn-north-4" }), fetch });
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(urls).toEqual([`https://vpc.cn-north-4.myhuaweicloud.com/v2.0/vpn/ipsec-site-connections/${connectionId}`]);
  });

  test.each([
    ["a host smuggled in", { HUAWEICLOUD_SDK_REGION: "cn-north-4.evil.example/x" }, {}, "HUAWEICLOUD_SDK_REGION"],
    ["upper case", {}, { region: "CN-NORTH-4" }, "region"],
    ["a URL", {}, { region: "https://vpc.cn-north-4.myhuaweicloud.com" }, "region"],
  ])("a region that is not a region id (%s) is a VpnaasValidationError naming its setting", (_label, env, more, parameter) => {
    const err = errorOf(() => createVpnaasClientFromEnvironment(where({ ...AKSK, ...env }, more)));
    expect(isValidationError(err)).toBe(true);
    expect((err as Error & { parameter: string }).parameter).toBe(parameter);
    expect(err.message).toMatch(/must be a Huawei Cloud region id such as cn-north-4/);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test("without baseUrl or a region, both are named", () => {
    const err = errorOf(() => createVpnaasClientFromEnvironment(where(AKSK)));
    expect(err.message).toMatch(/missing baseUrl or HUAWEICLOUD_SDK_REGION \(e\.g\. cn-north-4\)/);
  });
});
