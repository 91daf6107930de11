// What the config modules (src/config/, src/node.ts) set up when they load — tables of words, key
// lists, a region pattern, small readers — checked on a copy of the module loaded inside the test
// itself. The other suites import each module once, when their file loads, so the mutation gate
// (perTest coverage) sees these lines as run by no test and cannot tell whether any test would notice
// a change to them: here every test loads its own copy, which the gate then runs with each such
// change in place. Each test checks every entry of its table, so that emptying any one of them, or the
// whole table, fails it. Jest-only (jest.isolateModules), so the runtime matrix leaves this file out
// (scripts/test-runtimes.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "yaml";
import * as aksk from "../src/auth/aksk";
import * as keystone from "../src/auth/keystone";
import * as token from "../src/auth/token";
import * as client from "../src/client";
import * as cloudsFile from "../src/config/clouds-file";
import * as configValues from "../src/config/config-values";
import * as huawei from "../src/config/huawei";
import * as openstackAuth from "../src/config/openstack-auth";
import * as regions from "../src/config/regions";
import * as settings from "../src/config/settings";
import * as tls from "../src/config/tls";
import * as tlsSettings from "../src/config/tls-settings";
import * as errors from "../src/errors";

/**
 * A new copy of the module at `path` (relative to this file). Its imports are given the copies this
 * file loaded (`kept`, by the path this file would import them under), so only the module's own
 * load-time code runs inside the test: the gate then ties that code, and not all of its imports', to
 * the test.
 */
function fresh<T>(path: string, kept: Record<string, unknown>): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    for (const [dependency, module] of Object.entries(kept)) jest.doMock(dependency, () => module);
    loaded = require(path) as T;
  });
  for (const dependency of Object.keys(kept)) jest.dontMock(dependency);
  return loaded!;
}

/** The validation error `run` throws, as parameter and message; fails the test when it throws none or another error. */
function refusal(run: () => unknown): { parameter: string; message: string } {
  try {
    run();
  } catch (e) {
    expect(errors.isValidationError(e)).toBe(true);
    const { parameter, message } = e as errors.VpnaasValidationError;
    return { parameter, message };
  }
  throw new Error("accepted");
}

const ERRORS = { "../src/errors": errors };

test("clouds-file: every yaml error code we word is shown in our words", () => {
  const { parseConfigFile } = fresh<typeof cloudsFile>("../src/config/clouds-file", { yaml, ...ERRORS });
  const cases: [string, string, string][] = [
    ["a:\n  b: 1\n c: 2\n", "bad indentation", "line 3"],
    ["a:\n\tb: 1\n", "a tab used for indentation", "line 2"],
    ['x: "abc\n', 'a missing character (e.g. "key:value" needs a space after the colon)', "line 2"],
    ["clouds:\n  a: 1\n  a: 2\n", "a key given twice", "line 3"],
    ['a: "\\q"\n', "a bad escape in a double-quoted string", "line 1"],
    ["a\nb: 1\n", "a key that spans lines", "line 1"],
    ["k: v\n  bad: indent\n", "a block used as a key", "line 1"],
    ["a: 1\n]\n", "an unexpected character", "line 2"],
    ["a: @b\n", "a value that cannot start with this character", "line 1"],
    ["a: 1\n---\nb: 2\n", "more than one document", "line 2"],
  ];
  for (const [text, words, line] of cases) {
    expect([text, refusal(() => parseConfigFile(text, "/c.yaml")).message]).toEqual([text, expect.stringMatching(new RegExp(`^/c\\.yaml ${line}: YAML syntax error: ${words.replace(/[.()]/g, "\\$&")} at column \\d+ \\(`))]);
  }
});

test("config-values: what counts as a mapping, a string and a member", () => {
  const { isRecord, str, member } = fresh<typeof configValues>("../src/config/config-values", {});
  expect([{}, { a: "1" }].map(isRecord)).toEqual([true, true]);
  expect([[], null, undefined, "a", true].map(isRecord)).toEqual([false, false, false, false, false]);
  expect([str("a"), str(""), str(true), str(null), str(["a"]), str({ a: "a" })]).toEqual(["a", "", undefined, undefined, undefined, undefined]);
  expect([member({ a: "x" }, "a"), member({ a: "x" }, "b"), member(["x"], "0"), member("x", "length"), member(null, "a")]).toEqual(["x", undefined, undefined, undefined, undefined]);
});

describe("huawei", () => {
  const load = () => fresh<typeof huawei>("../src/config/huawei", { "../src/auth/aksk": aksk, ...ERRORS });

  test("both HUAWEICLOUD_SDK_AK and _SK are needed, and each is named when missing", () => {
    const { huaweiSettings, HUAWEI_CREDENTIALS } = load();
    expect(HUAWEI_CREDENTIALS).toEqual(["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"]);
    const url = "https://vpc.example.com";
    expect(huaweiSettings({ HUAWEICLOUD_SDK_AK: "AK", HUAWEICLOUD_SDK_SK: "SK" }, url, undefined)).toMatchObject({ baseUrl: url, auth: { kind: "aksk" } });
    for (const name of HUAWEI_CREDENTIALS) {
      const env = { HUAWEICLOUD_SDK_AK: "AK", HUAWEICLOUD_SDK_SK: "SK", [name]: undefined };
      expect(refusal(() => huaweiSettings(env, url, undefined))).toEqual({ parameter: name, message: `HUAWEICLOUD_SDK_* credentials are incomplete: missing ${name}. Nothing was sent.` });
    }
  });

  test("a region id is two letters and one or more dash-separated parts; eu-west-101 is under myhuaweicloud.eu", () => {
    const { huaweiVpcEndpoint } = load();
    for (const region of ["cn-north-4", "ap-southeast-1", "la-north-2", "ae-ad-1", "cn-north-9", "zz-a"]) {
      expect(huaweiVpcEndpoint(region, "region")).toBe(`https://vpc.${region}.myhuaweicloud.com`);
    }
    expect(huaweiVpcEndpoint("eu-west-101", "region")).toBe("https://vpc.eu-west-101.myhuaweicloud.eu");
    for (const region of ["xcn-north-4", "1cn-north-4", "cn-north-4/", "cn-north-4 ", "c-north-4", "cn", "cn-", "cn-north-", "cn--4", "CN-NORTH-4", "cn-north_4", "12-north-4"]) {
      expect([region, refusal(() => huaweiVpcEndpoint(region, "region")).message]).toEqual([region, expect.stringMatching(/^region must be a Huawei Cloud region id such as cn-north-4, not /)]);
    }
  });
});

describe("openstack-auth", () => {
  const load = () => fresh<typeof openstackAuth>("../src/config/openstack-auth", { "../src/auth/keystone": keystone, "../src/auth/token": token, ...ERRORS });
  const osName = (key: string) => `OS_${key.toUpperCase()}`;
  const PASSWORD = { auth_url: "https://k.example.com", username: "u", password: "pw", user_domain_name: "Default", project_name: "p", project_domain_name: "Default" };
  const PASSWORD_BY_ID = { user_id: "u1", user_domain_id: "d1", project_id: "p1", project_domain_id: "d2" };
  const TOKEN = { token: "t", endpoint: "https://network.example.com" };
  const APPLICATION_CREDENTIAL = { application_credential_id: "ac1", application_credential_secret: "acs" };

  test("each auth_type keeps its own settings and drops the other types'", () => {
    const { fromOpenStack } = load();
    const resolved = (given: Record<string, string>) => fromOpenStack({}, given, "src", osName).resolved;
    const everything = { ...PASSWORD, ...PASSWORD_BY_ID, ...TOKEN, ...APPLICATION_CREDENTIAL };
    const { auth_url, username, user_domain_name, project_name, project_domain_name } = PASSWORD;
    for (const type of ["password", "v3password"]) {
      // user_id and the other ids are the password type's too: given with the names, keystoneAuth refuses the pair
      expect(resolved({ ...PASSWORD, ...TOKEN, ...APPLICATION_CREDENTIAL, auth_type: type })).toEqual({ auth_type: type, auth_url, username, user_domain_name, project_name, project_domain_name });
      expect(resolved({ auth_url, password: "pw", ...PASSWORD_BY_ID, ...TOKEN, ...APPLICATION_CREDENTIAL, auth_type: type })).toEqual({ auth_type: type, auth_url, ...PASSWORD_BY_ID });
    }
    for (const type of ["token", "v3token"]) expect(resolved({ ...everything, auth_type: type })).toEqual({ auth_type: type, endpoint: TOKEN.endpoint });
    expect(resolved({ ...everything, auth_type: "v3applicationcredential" })).toEqual({ auth_type: "v3applicationcredential", auth_url, application_credential_id: "ac1" });
    expect(refusal(() => resolved({ ...everything, auth_type: "v2password" }))).toEqual({
      parameter: "OS_AUTH_TYPE",
      message: 'src: OS_AUTH_TYPE "v2password" is not supported; use password, v3password, token, v3token, v3applicationcredential, or leave it out to infer it from the credentials given. Nothing was sent.',
    });
  });

  test("every setting resolved is reported, without secrets", () => {
    const { fromOpenStack } = load();
    const resolved = (given: Record<string, string>) => fromOpenStack({}, given, "src", osName).resolved;
    const { password: _password, ...shown } = PASSWORD;
    expect(resolved({ ...PASSWORD, region_name: "RegionOne", interface: "internal" })).toEqual({ auth_type: "password", ...shown, region_name: "RegionOne", interface: "internal" });
    expect(resolved({ auth_url: PASSWORD.auth_url, password: "pw", ...PASSWORD_BY_ID })).toEqual({ auth_type: "password", auth_url: PASSWORD.auth_url, ...PASSWORD_BY_ID });
    expect(resolved({ auth_url: PASSWORD.auth_url, ...APPLICATION_CREDENTIAL })).toEqual({ auth_type: "v3applicationcredential", auth_url: PASSWORD.auth_url, application_credential_id: "ac1" });
    expect(resolved(TOKEN)).toEqual({ auth_type: "token", endpoint: TOKEN.endpoint });
  });

  test("keystoneAuth's and tokenAuth's refusals name each setting as the source spells it", () => {
    const { fromOpenStack } = load();
    const refused = (given: Record<string, string>) => refusal(() => fromOpenStack({}, given, "src", osName));
    const auth_url = PASSWORD.auth_url;
    expect(refused({})).toEqual({ parameter: "OS_AUTH_URL", message: expect.stringMatching(/^src: keystoneAuth needs OS_AUTH_URL, /) });
    expect(refused({ auth_url, username: "u", project_name: "p" })).toEqual({
      parameter: "OS_PASSWORD",
      message: "src: missing OS_PASSWORD; OS_USER_DOMAIN_NAME or OS_USER_DOMAIN_ID (for OS_USERNAME); OS_PROJECT_DOMAIN_NAME or OS_PROJECT_DOMAIN_ID (for OS_PROJECT_NAME). Nothing was sent.",
    });
    expect(refused({ auth_url, password: "pw" })).toEqual({ parameter: "OS_USERNAME", message: "src: missing OS_USERNAME or OS_USER_ID; OS_PROJECT_NAME or OS_PROJECT_ID. Nothing was sent." });
    expect(refused({ auth_url, application_credential_id: "ac1" })).toEqual({ parameter: "OS_APPLICATION_CREDENTIAL_SECRET", message: "src: missing OS_APPLICATION_CREDENTIAL_SECRET. Nothing was sent." });
    expect(refused({ auth_url, application_credential_secret: "acs" })).toEqual({ parameter: "OS_APPLICATION_CREDENTIAL_ID", message: "src: missing OS_APPLICATION_CREDENTIAL_ID. Nothing was sent." });
    expect(refused({ token: "t" })).toEqual({ parameter: "baseUrl", message: expect.stringMatching(/^src: OS_TOKEN given without OS_ENDPOINT \(the network API URL\): pass baseUrl or set OS_ENDPOINT\. /) });
  });
});

test("settings: every OS_* credential variable is a way to authenticate, and contradicts HUAWEICLOUD_SDK_*", () => {
  const { settingsFrom } = fresh<typeof settings>("../src/config/settings", {
    ...ERRORS,
    "../src/config/clouds-file": cloudsFile,
    "../src/config/config-values": configValues,
    "../src/config/openstack-auth": openstackAuth,
    "../src/config/regions": regions,
    "../src/config/huawei": huawei,
    "../src/config/tls-settings": tlsSettings,
  });
  const names = ["OS_AUTH_URL", "OS_TOKEN", "OS_USERNAME", "OS_USER_ID", "OS_PASSWORD", "OS_APPLICATION_CREDENTIAL_ID", "OS_APPLICATION_CREDENTIAL_SECRET"];
  const AKSK = { HUAWEICLOUD_SDK_AK: "AK", HUAWEICLOUD_SDK_SK: "SK", HUAWEICLOUD_SDK_REGION: "cn-north-4" };
  for (const name of names) {
    const value = name === "OS_AUTH_URL" ? "https://k.example.com" : "x";
    expect([name, refusal(() => settingsFrom({ env: { [name]: value } })).message]).toEqual([name, expect.stringMatching(/^OS_\* variables: /)]);
    expect([name, refusal(() => settingsFrom({ env: { [name]: value, ...AKSK } })).message]).toEqual([
      name,
      expect.stringContaining(`found more than one way to authenticate (${name}; HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)`),
    ]);
  }
  // region, interface and the like are no way to authenticate
  expect(settingsFrom({ env: { OS_REGION_NAME: "RegionOne", OS_INTERFACE: "internal", OS_PROJECT_NAME: "p", ...AKSK } }).source).toBe("HUAWEICLOUD_SDK_* variables");
});

test("tls-settings: every true and false word is read, in any case, for verify, insecure and OS_INSECURE", () => {
  const { tlsSettingsOf } = fresh<typeof tlsSettings>("../src/config/tls-settings", { ...ERRORS, "../src/config/config-values": configValues });
  const off = (name: string) => ({ verify: false, names: { verify: name }, source: "src" });
  for (const word of ["1", "true", "yes", "on", "TRUE", " Yes ", "ON"]) {
    expect([word, tlsSettingsOf({ verify: word }, {}, "src")]).toEqual([word, undefined]);
    expect([word, tlsSettingsOf({ insecure: word }, {}, "src")]).toEqual([word, off("insecure")]);
    expect([word, tlsSettingsOf({}, { OS_INSECURE: word }, "src")]).toEqual([word, off("OS_INSECURE")]);
  }
  for (const word of ["0", "false", "no", "off", "FALSE", " No ", "OFF"]) {
    expect([word, tlsSettingsOf({ verify: word }, {}, "src")]).toEqual([word, off("verify")]);
    expect([word, tlsSettingsOf({ insecure: word }, {}, "src")]).toEqual([word, undefined]);
    expect([word, tlsSettingsOf({ insecure: true }, { OS_INSECURE: word }, "src")]).toEqual([word, undefined]);
  }
});

describe("node", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "vpnaas-load-time-config-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("clouds.yaml is found under each of its suffixes: .yaml, .yml and .json", () => {
    const node = fresh<typeof import("../src/node")>("../src/node", {
      ...ERRORS,
      "../src/client": client,
      "../src/config/settings": settings,
      "../src/config/tls": tls,
    });
    for (const suffix of [".yaml", ".yml", ".json"]) {
      const cwd = join(root, suffix.slice(1));
      mkdirSync(cwd);
      writeFileSync(join(cwd, `clouds${suffix}`), `{"clouds": {"c": {"auth": {"token": "t", "endpoint": "https://network.example.com"}}}}`);
      const options = { env: { OS_CLOUD: "c" }, cwd, home: join(root, "home"), systemConfigDir: join(root, "etc") };
      expect(node.settingsFromEnvironment(options).source).toBe(`clouds.yaml cloud "c" (${join(cwd, `clouds${suffix}`)})`);
    }
  });
});
