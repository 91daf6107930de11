import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cloudsYamlPaths, secureYamlPaths, settingsFromEnvironment } from "../src/node";

const each = (dir: string, base: string) => [".yaml", ".yml", ".json"].map((suffix) => join(dir, base + suffix));

describe("where clouds.yaml and secure.yaml are looked for", () => {
  const cwd = resolve("/work/project");
  const home = resolve("/home/me");

  test("./, then ~/.config/openstack/, then /etc/openstack/ when no system directory is given", () => {
    expect(cloudsYamlPaths({ env: {}, cwd, home })).toEqual([...each(cwd, "clouds"), ...each(join(home, ".config", "openstack"), "clouds"), ...each("/etc/openstack", "clouds")]);
  });

  test("OS_CLIENT_CONFIG_FILE / OS_CLIENT_SECURE_FILE first, relative to the working directory; a given system directory last", () => {
    const etc = resolve("/opt/etc");
    const clouds = cloudsYamlPaths({ env: { OS_CLIENT_CONFIG_FILE: "conf/mine.yaml" }, cwd, home, systemConfigDir: etc });
    expect(clouds[0]).toBe(join(cwd, "conf", "mine.yaml"));
    expect(clouds.slice(-3)).toEqual(each(etc, "clouds"));
    const secure = secureYamlPaths({ env: { OS_CLIENT_SECURE_FILE: "/abs/secure.yaml" }, cwd, home, systemConfigDir: etc });
    expect(secure).toEqual([resolve("/abs/secure.yaml"), ...each(cwd, "secure"), ...each(join(home, ".config", "openstack"), "secure"), ...each(etc, "secure")]);
  });
});

describe("a path that cannot be read as a file is passed over for the next, as openstacksdk does", () => {
  let root: string;
  let cwd: string;
  let home: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "vpnaas-paths-"));
    [cwd, home] = [join(root, "cwd"), join(root, "home")];
    mkdirSync(cwd);
    mkdirSync(join(home, ".config", "openstack"), { recursive: true });
    writeFileSync(join(home, ".config", "openstack", "clouds.yaml"), "clouds:\n  c:\n    auth:\n      endpoint: https://home.example.com\n      token: t\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const sourceOf = (env: Record<string, string> = {}) => settingsFromEnvironment({ env: { OS_CLOUD: "c", ...env }, cwd, home, systemConfigDir: join(root, "etc") }).source;
  const fromHome = () => `clouds.yaml cloud "c" (${join(home, ".config", "openstack", "clouds.yaml")})`;

  test("a directory named clouds.yaml (EISDIR)", () => {
    mkdirSync(join(cwd, "clouds.yaml"));
    expect(sourceOf()).toBe(fromHome());
  });

  test("OS_CLIENT_CONFIG_FILE under a path whose parent is a file (ENOTDIR)", () => {
    writeFileSync(join(cwd, "conf"), "a file, not a directory");
    expect(sourceOf({ OS_CLIENT_CONFIG_FILE: "conf/clouds.yaml" })).toBe(fromHome());
  });

  // root reads any file: the refusal this needs cannot happen then.
  (process.getuid?.() === 0 ? test.skip : test)("a clouds.yaml this user may not read (EACCES)", () => {
    writeFileSync(join(cwd, "clouds.yaml"), "clouds: {}\n");
    chmodSync(join(cwd, "clouds.yaml"), 0o000);
    expect(sourceOf()).toBe(fromHome());
  });

  // Root reads any file whatever its mode, but Linux refuses to read a write-only sysctl even to root
  // (sysctl_perm): a link to one is a clouds.yaml that EACCES keeps from being read, as root too.
  const WRITE_ONLY = "/proc/sys/vm/compact_memory";
  const refusedToAll = (() => {
    try {
      readFileSync(WRITE_ONLY);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === "EACCES";
    }
  })();
  (refusedToAll ? test : test.skip)("a clouds.yaml linked to a file no user may read (EACCES)", () => {
    symlinkSync(WRITE_ONLY, join(cwd, "clouds.yaml"));
    expect(sourceOf()).toBe(fromHome());
  });
});
