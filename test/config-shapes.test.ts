// clouds.yaml shapes that settingsFrom (the pure resolver behind settingsFromEnvironment) must read or
// refuse by name: regions entries, empty (null) values, lists in secure.yaml, missing files and clouds.
import { settingsFrom, type SettingsInput } from "../src/config/settings";
import { renderings, validationErrorOf } from "./helpers/auth-fixtures";

const PATH = "/x/clouds.yaml";
const AUTH = "    auth:\n      auth_url: https://k.example.com/v3\n      application_credential_id: ac\n      application_credential_secret: s-DO-NOT-LEAK\n";
/** clouds.yaml with cloud "c": its auth plus `extra` (lines indented by four). */
const cloud = (extra: string) => `clouds:\n  c:\n${AUTH}${extra}`;
const resolve = (text: string, more: Partial<SettingsInput> = {}) => settingsFrom({ env: { OS_CLOUD: "c" }, cloudsYaml: { path: PATH, text }, ...more });
const SOURCE = `clouds.yaml cloud "c" (${PATH})`;

describe("regions entries", () => {
  test.each([
    ["a name alone", "      - name: RegionTwo\n", "RegionTwo"],
    ["a name with values", "      - name: RegionTwo\n        values:\n          interface: internal\n", "RegionTwo"],
  ])("a mapping with %s is a region", (_label, entry, name) => {
    expect(resolve(cloud(`    regions:\n${entry}      - RegionOne\n`)).resolved.region_name).toBe(name);
  });

  test.each([
    ["an empty entry", "      - RegionOne\n      - ~\n", 2],
    ["a list", "      - [RegionOne]\n", 1],
    ["a mapping without name", "      - values:\n          interface: internal\n", 1],
    ["a name that is not text", "      - name: [RegionOne]\n", 1],
    ["values that are not a mapping", "      - name: RegionOne\n        values: s-DO-NOT-LEAK\n", 1],
    ["values left empty", "      - name: RegionOne\n        values: ~\n", 1],
  ])("%s is refused, naming the entry and showing none of it", (_label, entries, n) => {
    const err = validationErrorOf(() => resolve(cloud(`    regions:\n${entries}`)));
    expect(err.parameter).toBe("regions");
    expect(err.message).toBe(`${SOURCE}: regions entry ${n} must be a region name or a mapping with name (and values). Nothing was sent.`);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
  });

  test("regions that are not a list are refused, naming regions", () => {
    const err = validationErrorOf(() => resolve(cloud("    regions: RegionOne\n")));
    expect(err.parameter).toBe("regions");
    expect(err.message).toMatch(/^clouds\.yaml cloud "c" \(\/x\/clouds\.yaml\): regions must be a list of region names or \{name, values\} mappings/);
  });

  test("empty regions (regions: ~) are as if absent: a comma-separated region_name still lists the regions", () => {
    expect(resolve(cloud("    regions: ~\n    region_name: RegionOne,RegionTwo\n")).resolved.region_name).toBe("RegionOne");
    expect(resolve(cloud("    regions:\n    region_name: RegionOne\n")).resolved.region_name).toBe("RegionOne");
  });

  test("a comma-separated region_name may have spaces after its commas", () => {
    const text = cloud("    region_name: RegionOne, RegionTwo\n");
    expect(resolve(text, { env: { OS_CLOUD: "c", OS_REGION_NAME: "RegionTwo" } }).resolved.region_name).toBe("RegionTwo");
    expect(resolve(text, { region: "RegionTwo" }).resolved.region_name).toBe("RegionTwo");
  });
});

describe("clouds and files", () => {
  test("a cloud left empty is no cloud; the message lists the clouds the file has", () => {
    const err = validationErrorOf(() => resolve(`clouds:\n  c:\n  d:\n${AUTH}`));
    expect([err.parameter, err.message]).toEqual(["cloud", `${PATH} has no cloud "c" (it has: c, d). Nothing was sent.`]);
  });

  test.each([
    ["no clouds key", "other: 1\n"],
    ["an empty clouds", "clouds:\n"],
    ["clouds as a list", "clouds: [c]\n"],
  ])("a file with %s has no cloud, and lists none", (_label, text) => {
    expect(validationErrorOf(() => resolve(text)).message).toBe(`${PATH} has no cloud "c". Nothing was sent.`);
  });

  test("an auth given as a list is refused as not a mapping", () => {
    const err = validationErrorOf(() => resolve("clouds:\n  c:\n    auth:\n      - auth_url: https://k.example.com/v3\n"));
    expect(err.parameter).toBe("auth");
    expect(err.message).toMatch(/auth is not a mapping of settings/);
  });

  test("a list in secure.yaml replaces the list of clouds.yaml (mappings alone are merged key by key)", () => {
    const secureYaml = { path: "/x/secure.yaml", text: "clouds:\n  c:\n    regions: [RegionThree]\n" };
    const settings = resolve(cloud("    regions: [RegionOne, RegionTwo]\n"), { secureYaml });
    expect(settings.resolved.region_name).toBe("RegionThree");
    expect(settings.source).toBe('clouds.yaml cloud "c" (/x/clouds.yaml + /x/secure.yaml)');
  });

  test("a cloud asked for without a clouds.yaml says where it was looked for, or that it was looked for nowhere", () => {
    const missing = (searched?: string[]) => validationErrorOf(() => settingsFrom({ env: {}, cloud: "c", searched })).message;
    expect(missing()).toMatch(/^Cloud "c" was asked for, but no clouds\.yaml was found \(searched nowhere\)\./);
    expect(missing([])).toMatch(/\(searched nowhere\)/);
    expect(missing(["/a/clouds.yaml", "/b/clouds.yaml"])).toMatch(/\(searched \/a\/clouds\.yaml, \/b\/clouds\.yaml\)/);
  });
});

describe("HUAWEICLOUD_SDK_REGION that is not a region id", () => {
  const AKSK = { HUAWEICLOUD_SDK_AK: "AKAKAKAKAKAKAKAKAKAK", HUAWEICLOUD_SDK_SK: "sk" };
  test.each([
    ["up to 40 characters is quoted", "x".repeat(40), `"${"x".repeat(40)}"`],
    ["longer is only counted", "x".repeat(41), "a value of 41 characters"],
  ])("%s", (_label, region, shown) => {
    const err = validationErrorOf(() => settingsFrom({ env: { ...AKSK, HUAWEICLOUD_SDK_REGION: region } }));
    expect(err.parameter).toBe("HUAWEICLOUD_SDK_REGION");
    expect(err.message).toBe(`HUAWEICLOUD_SDK_REGION must be a Huawei Cloud region id such as cn-north-4, not ${shown}. Nothing was sent.`);
  });
});
