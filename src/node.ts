// Node-only entry point (`vpnaas-sdk/node`): reads clouds.yaml and environment variables.
// The root entry point stays free of `node:` imports, so it runs in browsers.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { createVpnaasClient, type VpnaasClient, type VpnaasClientOptions } from "./client";
import { settingsFrom, type Environment, type Settings } from "./config/settings";
import { tlsFetch } from "./config/tls";
import { VpnaasValidationError } from "./errors";

export type { Environment, Settings, TlsSettings } from "./config/settings";

/** A client made from the environment; `close()` closes what it holds (its TLS agent, if any). */
export type VpnaasEnvironmentClient = VpnaasClient & {
  /**
   * Closes the connections of the client's own TLS agent (made for `cacert`, `verify: false` or
   * `cert`/`key`); later calls then fail. Resolves at once for a client without TLS settings.
   */
  close(): Promise<void>;
};

export interface EnvironmentOptions {
  /** A cloud of clouds.yaml to use; wins over `OS_CLOUD` and all other variables. Default: none. */
  cloud?: string;
  /** The variables to read. Default: `process.env`. */
  env?: Environment;
  /** Directory searched first for `clouds.yaml`. Default: `process.cwd()`. */
  cwd?: string;
  /** Home directory; `{home}/.config/openstack/clouds.yaml` is searched second. Default: `os.homedir()`. */
  home?: string;
  /** Searched last. Default: `/etc/openstack`. */
  systemConfigDir?: string;
  /** The network endpoint; required with a token or AK/SK, optional with Keystone (catalog). */
  baseUrl?: string;
  /**
   * The region, as the openstack CLI's `--os-region-name`: wins over `OS_REGION_NAME` and a cloud's
   * `region_name`. With `HUAWEICLOUD_SDK_*` it wins over `HUAWEICLOUD_SDK_REGION`, and without a
   * `baseUrl` the endpoint is built from it: `https://vpc.{region}.myhuaweicloud.com`.
   * Default: from the environment and clouds.yaml.
   */
  region?: string;
  /** Allows plain `http://` for the token request and API calls (e.g. DevStack). Default: `false`. */
  allowInsecureHttp?: boolean;
}

const SUFFIXES = [".yaml", ".yml", ".json"];

function configPaths(options: EnvironmentOptions, base: string, override: string | undefined): string[] {
  const cwd = options.cwd ?? process.cwd();
  const dirs = [cwd, join(options.home ?? homedir(), ".config", "openstack"), options.systemConfigDir ?? "/etc/openstack"];
  return [...(override ? [resolve(cwd, override)] : []), ...dirs.flatMap((dir) => SUFFIXES.map((suffix) => join(dir, base + suffix)))];
}

/**
 * Where `clouds.yaml` is looked for, as openstacksdk does: `OS_CLIENT_CONFIG_FILE` if set, then
 * `./`, `~/.config/openstack/` and `/etc/openstack/`, each as `clouds.yaml`, `clouds.yml` and
 * `clouds.json`. The first file found is used.
 */
export function cloudsYamlPaths(options: EnvironmentOptions = {}): string[] {
  return configPaths(options, "clouds", (options.env ?? process.env).OS_CLIENT_CONFIG_FILE);
}

/**
 * Where `secure.yaml` (secrets kept apart from `clouds.yaml`) is looked for: `OS_CLIENT_SECURE_FILE`
 * if set, then the same directories and suffixes as {@link cloudsYamlPaths}. The first file found is
 * merged into `clouds.yaml`, cloud by cloud, its values winning.
 */
export function secureYamlPaths(options: EnvironmentOptions = {}): string[] {
  return configPaths(options, "secure", (options.env ?? process.env).OS_CLIENT_SECURE_FILE);
}

/**
 * Resolves the credentials found in the environment (see {@link createVpnaasClientFromEnvironment})
 * without creating a client. Reads files, sends nothing.
 */
export function settingsFromEnvironment(options: EnvironmentOptions = {}): Settings {
  const env = options.env ?? process.env;
  const searched = cloudsYamlPaths(options);
  const wanted = options.cloud ?? env.OS_CLOUD;
  const firstOf = (paths: string[]) => {
    // Stryker disable next-line ArrayDeclaration: equivalent, the replacement's one relative path is never a file (readIfExists gives undefined for it), so nothing is read either way
    for (const path of wanted ? paths : []) {
      const text = readIfExists(path);
      if (text !== undefined) return { path, text };
    }
    return undefined;
  };
  const cloudsYaml = firstOf(searched);
  const secureYaml = firstOf(secureYamlPaths(options));
  return settingsFrom({ env, cloudsYaml, secureYaml, searched, cloud: options.cloud, baseUrl: options.baseUrl, region: options.region, allowInsecureHttp: options.allowInsecureHttp });
}

/**
 * Creates a client from where users keep their credentials: a `clouds.yaml` cloud (`cloud` or
 * `OS_CLOUD`), the `OS_*` variables (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, …,
 * `OS_APPLICATION_CREDENTIAL_ID`/`_SECRET`, or `OS_TOKEN`), or `HUAWEICLOUD_SDK_AK`/`_SK`
 * (+ `_PROJECT_ID`, `_SECURITY_TOKEN`; the endpoint from `baseUrl`, else from `region` or
 * `HUAWEICLOUD_SDK_REGION`).
 *
 * TLS: `cacert` (a private CA, for Keystone and the API alike), `verify: false` (with a warning
 * naming the cloud), `cert`/`key` (a client certificate), or `OS_CACERT`, `OS_INSECURE`, `OS_CERT`,
 * `OS_KEY`, give the client its own undici Agent, its files read now; `close()` closes it.
 *
 * @throws VpnaasValidationError naming what is missing or contradictory, or a TLS file that cannot
 * be read (its setting and path); nothing is sent then.
 */
export function createVpnaasClientFromEnvironment(options: EnvironmentOptions & Omit<VpnaasClientOptions, "auth" | "baseUrl"> = {}): VpnaasEnvironmentClient {
  const { auth, baseUrl, tls } = settingsFromEnvironment(options);
  const { cloud: _cloud, env: _env, cwd: _cwd, home: _home, systemConfigDir: _dir, baseUrl: _baseUrl, region: _region, ...clientOptions } = options;
  if (!tls) return Object.assign(createVpnaasClient({ ...clientOptions, baseUrl, auth }), { close: async () => {} });
  if (clientOptions.fetch) {
    throw new VpnaasValidationError("fetch", `${tls.source} has TLS settings (${Object.values(tls.names).join(", ")}), which need the client's own fetch: pass no fetch, or remove them. Nothing was sent.`);
  }
  const { fetch, close } = tlsFetch(tls);
  try {
    return Object.assign(createVpnaasClient({ ...clientOptions, baseUrl, auth, fetch }), { close });
  } catch (err) {
    void close();
    throw err;
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    // Missing, or not readable by this user (as openstacksdk, which then tries the next file).
    // Stryker disable next-line StringLiteral: equivalent, an error without a code is thrown whatever stands in for it (none is in the list)
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (["ENOENT", "ENOTDIR", "EACCES", "EISDIR"].includes(code)) return undefined;
    throw err;
  }
}
