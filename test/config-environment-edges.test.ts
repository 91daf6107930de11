// Edges of settingsFromEnvironment: which variables count, what the OS_* variables resolve to,
// an empty or absent auth in clouds.yaml, and the TLS fetch's refusals and warning.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tlsFetch } from "../src/config/tls";
import { createVpnaasClientFromEnvironment, settingsFromEnvironment, type EnvironmentOptions } from "../src/node";
import { errorOf, validationErrorOf } from "./helpers/auth-fixtures";

let root: string;
let cwd: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "vpnaas-config-edges-"));
  cwd = join(root, "cwd");
  for (const d of [cwd, join(root, "home"), join(root, "etc")]) mkdirSync(d, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const where = (env: Record<string, string>, more: Partial<EnvironmentOptions> = {}): EnvironmentOptions => ({ env, cwd, home: join(root, "home"), systemConfigDir: join(root, "etc"), ...more });
const TOKEN = { OS_TOKEN: "t", OS_ENDPOINT: "https://network.example.com" };
const AKSK = { HUAWEICLOUD_SDK_AK: "AKAKAKAKAKAKAKAKAKAK", HUAWEICLOUD_SDK_SK: "sk" };

describe("which variables count", () => {
  test("variables set to the empty string count as unset: no contradiction, and not read as settings", () => {
    const env = { ...TOKEN, OS_CLOUD: "", OS_PASSWORD: "", HUAWEICLOUD_SDK_AK: "", HUAWEICLOUD_SDK_SK: "" };
    const settings = settingsFromEnvironment(where(env));
    expect(settings.auth.kind).toBe("token");
    expect(settings.source).toBe("OS_* variables");
  });

  test("more than one way to authenticate lists every variable found, each way apart", () => {
    const err = validationErrorOf(() => settingsFromEnvironment(where({ OS_AUTH_URL: "https://k.example.com", ...TOKEN, ...AKSK })));
    expect(err.parameter).toBe("environment");
    expect(err.message).toMatch(/\(OS_AUTH_URL, OS_TOKEN; HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK\)/);
  });

  test("resolved holds only the settings given (no key without a value), OS_REGION_NAME among them when no region is passed", () => {
    const settings = settingsFromEnvironment(where({ ...TOKEN, OS_REGION_NAME: "RegionTwo" }));
    expect(settings.resolved).toStrictEqual({ auth_type: "token", endpoint: "https://network.example.com", region_name: "RegionTwo" });
  });

  test("only OS_* variables are read as OpenStack settings, whatever other variables end with", () => {
    const settings = settingsFromEnvironment(where({ ...TOKEN, XX_REGION_NAME: "Elsewhere", NO_INTERFACE: "admin" }));
    expect(settings.resolved).toEqual({ auth_type: "token", endpoint: "https://network.example.com" });
    const err = validationErrorOf(() => settingsFromEnvironment(where({ OS_TOKEN: "t", MY_ENDPOINT: "https://network.example.com" })));
    expect(err.parameter).toBe("baseUrl");
    expect(err.message).toMatch(/OS_TOKEN given without OS_ENDPOINT/);
  });

  test("OS_TENANT_ID and OS_TENANT_NAME, the older names, stand in for the project", () => {
    const env = { OS_AUTH_URL: "https://k.example.com/v3", OS_USER_ID: "u1", OS_PASSWORD: "pw" };
    expect(settingsFromEnvironment(where({ ...env, OS_TENANT_ID: "p1" })).resolved).toMatchObject({ auth_type: "password", project_id: "p1" });
    expect(settingsFromEnvironment(where({ ...env, OS_TENANT_NAME: "demo", OS_PROJECT_DOMAIN_ID: "default" })).resolved).toMatchObject({ project_name: "demo" });
    expect(settingsFromEnvironment(where({ ...env, OS_PROJECT_ID: "p2", OS_TENANT_ID: "p1" })).resolved.project_id).toBe("p2");
  });

  test("a token without auth_type is resolved as auth_type token", () => {
    expect(settingsFromEnvironment(where(TOKEN)).resolved.auth_type).toBe("token");
  });

  test("Huawei Cloud settings say where they came from", () => {
    expect(settingsFromEnvironment(where({ ...AKSK, HUAWEICLOUD_SDK_REGION: "cn-north-4" })).source).toBe("HUAWEICLOUD_SDK_* variables");
  });
});

describe("a cloud without auth settings", () => {
  test.each([
    ["no auth key", ""],
    ["an empty auth:", "    auth:\n"],
    ["auth: ~", "    auth: ~\n"],
  ])("%s is read as no settings: the error names auth_url, not the auth key", (_label, auth) => {
    writeFileSync(join(cwd, "clouds.yaml"), `clouds:\n  c:\n${auth}    region_name: RegionOne\n`);
    const err = validationErrorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" })));
    expect(err.parameter).toBe("auth_url");
    expect(err.message).toMatch(/^clouds\.yaml cloud "c" .*: keystoneAuth needs auth_url/);
  });
});

describe("reading clouds.yaml", () => {
  test("a clouds.yaml that cannot be read for another reason (a symlink loop) is not passed over", () => {
    symlinkSync(join(cwd, "clouds.yaml"), join(cwd, "clouds.yaml"));
    expect(errorOf(() => settingsFromEnvironment(where({ OS_CLOUD: "c" })))).toMatchObject({ code: "ELOOP" });
  });
});

describe("the TLS fetch", () => {
  test("a fetch option with TLS settings is refused, naming the source and the settings", () => {
    const err = validationErrorOf(() => createVpnaasClientFromEnvironment({ ...where({ ...TOKEN, OS_CACERT: join(root, "ca.pem"), OS_INSECURE: "true" }), fetch: globalThis.fetch }));
    expect(err.parameter).toBe("fetch");
    expect(err.message).toMatch(/^OS_\* variables has TLS settings \(OS_CACERT, OS_INSECURE\), which need the client's own fetch/);
  });

  test("a file that cannot be read is named by the setting it came from", () => {
    const path = join(root, "no-such-ca.pem");
    const err = validationErrorOf(() => tlsFetch({ source: "OS_* variables", cacert: path, verify: true, names: { cacert: "OS_CACERT" } }));
    expect(err.parameter).toBe("OS_CACERT");
    expect(err.message).toContain(`OS_CACERT file ${path} cannot be read (ENOENT)`);
  });

  test("verify off emits one SecurityWarning with its code; verify on emits none", async () => {
    writeFileSync(join(root, "ca.pem"), "not read as a certificate until a connection is made");
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      await tlsFetch({ source: "src", cacert: join(root, "ca.pem"), verify: true, names: { cacert: "cacert" } }).close();
      expect(spy).not.toHaveBeenCalled();
      await tlsFetch({ source: "src", verify: false, names: { verify: "OS_INSECURE" } }).close();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]![0]).toMatch(/^src: OS_INSECURE turns off TLS certificate checks/);
      expect(spy.mock.calls[0]![1]).toEqual({ type: "SecurityWarning", code: "VPNAAS_TLS_VERIFY_OFF" });
    } finally {
      spy.mockRestore();
    }
  });
});

describe("identity_api_version", () => {
  test.each(["3", "3.0", "3.10"])("%s is Keystone v3: accepted", (version) => {
    expect(settingsFromEnvironment(where({ ...TOKEN, OS_IDENTITY_API_VERSION: version })).auth.kind).toBe("token");
  });

  test.each(["23", "3x", "3.0.1", "3.", "v3"])("%s is refused, naming the variable and the value", (version) => {
    const err = validationErrorOf(() => settingsFromEnvironment(where({ ...TOKEN, OS_IDENTITY_API_VERSION: version })));
    expect(err.parameter).toBe("OS_IDENTITY_API_VERSION");
    expect(err.message).toContain(`OS_IDENTITY_API_VERSION ${JSON.stringify(version)} is not supported; only Keystone v3 is`);
  });
});
