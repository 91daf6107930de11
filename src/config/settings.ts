import { keystoneAuth, type KeystoneAuthOptions } from "../auth/keystone";
import type { AuthStrategy } from "../auth/strategy";
import { tokenAuth } from "../auth/token";
import { isValidationError, VpnaasValidationError } from "../errors";
import { parseConfigFile, type ConfigValue } from "./clouds-file";
import { HUAWEI_CREDENTIALS, huaweiSettings } from "./huawei";

/** Environment variables, e.g. `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface SettingsInput {
  env: Environment;
  /** The first `clouds.yaml` found, if any. */
  cloudsYaml?: { path: string; text: string };
  /** The first `secure.yaml` found, if any: merged into `clouds.yaml`, its values winning. */
  secureYaml?: { path: string; text: string };
  /** Paths searched for `clouds.yaml`, for messages. */
  searched?: readonly string[];
  /** A cloud of `clouds.yaml` chosen by the caller; wins over `OS_CLOUD` and all other variables. */
  cloud?: string;
  baseUrl?: string;
  /**
   * The region, winning over `OS_REGION_NAME` (a cloud's or the `OS_*` variables') and
   * `HUAWEICLOUD_SDK_REGION` (for AK/SK it builds the endpoint when there is no `baseUrl`).
   */
  region?: string;
  allowInsecureHttp?: boolean;
}

export interface Settings {
  auth: AuthStrategy;
  /** Undefined when Keystone's catalog supplies the endpoint. */
  baseUrl: string | undefined;
  /** Where the credentials came from, e.g. `clouds.yaml cloud "devstack" (/home/me/clouds.yaml)`. */
  source: string;
  /**
   * What was resolved, without secrets, in clouds.yaml's names: `auth_type` (as given, or inferred:
   * `password`, `v3applicationcredential` or `token`), `auth_url`, `username`, `user_id`,
   * `user_domain_name`/`_id`, `project_name`/`_id`, `project_domain_name`/`_id`,
   * `application_credential_id`, `region_name`, `interface`, `endpoint`. Keys not set are absent;
   * for HUAWEICLOUD_SDK_*, `region_name` and `endpoint` when the endpoint was built from the region.
   */
  resolved: Readonly<Record<string, string>>;
  /**
   * TLS settings (`cacert`, `verify`/`insecure`, `cert`, `key` of the cloud; `OS_CACERT`,
   * `OS_INSECURE`, `OS_CERT`, `OS_KEY`, which win, as the openstack CLI's options do). Undefined
   * when none is set. Paths are not read here.
   */
  tls?: TlsSettings;
}

/** How to reach an endpoint over TLS; see {@link Settings.tls}. */
export interface TlsSettings {
  /** A CA bundle (PEM) trusted instead of the system's, for Keystone and the API alike. */
  cacert?: string;
  /** A client certificate (PEM); may hold its key too. */
  cert?: string;
  /** The client certificate's key (PEM). */
  key?: string;
  /** `false`: certificates are not checked (`verify: false`, `insecure: true` or `OS_INSECURE`). */
  verify: boolean;
  /** The name each setting was given under, for messages, e.g. `{ cacert: "OS_CACERT" }` or `{ cacert: "cacert" }`. */
  names: Readonly<Partial<Record<"cacert" | "cert" | "key" | "verify", string>>>;
  /** Where the settings came from, e.g. `clouds.yaml cloud "devstack" (/home/me/clouds.yaml)`. */
  source: string;
}

// OS_* variables that mean "authenticate this way"; region, interface and the like do not count.
const OS_CREDENTIALS = ["OS_AUTH_URL", "OS_TOKEN", "OS_USERNAME", "OS_USER_ID", "OS_PASSWORD", "OS_APPLICATION_CREDENTIAL_ID", "OS_APPLICATION_CREDENTIAL_SECRET"];

/**
 * Chooses one way to authenticate from OpenStack and Huawei Cloud conventions: a `clouds.yaml`
 * cloud (`cloud` or `OS_CLOUD`), the `OS_*` variables, or `HUAWEICLOUD_SDK_*`. Pure: the caller
 * reads the environment and the file.
 *
 * @throws VpnaasValidationError naming what is missing, or the sources that contradict each other.
 */
export function settingsFrom(input: SettingsInput): Settings {
  const { env } = input;
  const set = (name: string) => env[name] !== undefined && env[name] !== "";
  const cloud = input.cloud ?? (set("OS_CLOUD") ? env.OS_CLOUD : undefined);
  if (input.cloud === undefined) {
    const found = [
      cloud !== undefined ? `OS_CLOUD=${cloud}` : "",
      OS_CREDENTIALS.filter(set).join(", "),
      HUAWEI_CREDENTIALS.filter(set).join(", "),
    ].filter(Boolean);
    if (found.length > 1) {
      throw new VpnaasValidationError("environment", `Contradictory settings: found more than one way to authenticate (${found.join("; ")}). Unset all but one, or pass cloud. Nothing was sent.`);
    }
  }
  if (cloud !== undefined) return fromCloudsYaml(input, cloud);
  if (OS_CREDENTIALS.some(set)) return withTls(fromOpenStack(input, { ...osVariables(env), ...(input.region !== undefined ? { region_name: input.region } : {}) }, "OS_* variables", (key) => `OS_${key.toUpperCase()}`), undefined, env);
  if (HUAWEI_CREDENTIALS.some(set)) {
    const { auth, baseUrl, region } = huaweiSettings(env, input.baseUrl, input.region);
    return withTls({ auth, baseUrl, source: "HUAWEICLOUD_SDK_* variables", resolved: region ? { region_name: region, endpoint: baseUrl } : {} }, undefined, env);
  }
  throw new VpnaasValidationError(
    "environment",
    "No credentials found. Set OS_CLOUD (with a clouds.yaml in ./, ~/.config/openstack/ or /etc/openstack/); or OS_AUTH_URL with OS_USERNAME, OS_PASSWORD, OS_USER_DOMAIN_NAME, OS_PROJECT_NAME and OS_PROJECT_DOMAIN_NAME (or OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET); or OS_TOKEN; or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK. Nothing was sent.",
  );
}

type Flat = Record<string, string | undefined>;

function osVariables(env: Environment): Flat {
  const out: Flat = {};
  for (const [name, value] of Object.entries(env)) if (name.startsWith("OS_") && value !== "") out[name.slice(3).toLowerCase()] = value;
  out.project_name ??= out.tenant_name;
  out.project_id ??= out.tenant_id;
  return out;
}

function fromCloudsYaml(input: SettingsInput, cloud: string): Settings {
  const { cloudsYaml, secureYaml } = input;
  if (!cloudsYaml && !secureYaml) {
    throw new VpnaasValidationError("cloud", `Cloud "${cloud}" was asked for, but no clouds.yaml was found (searched ${(input.searched ?? []).join(", ") || "nowhere"}). Nothing was sent.`);
  }
  const files = [cloudsYaml, secureYaml].filter((f) => f !== undefined);
  // As openstacksdk's merge_clouds: secure.yaml merged into clouds.yaml, mappings key by key.
  const merged = files.map((f) => parseConfigFile(f.text, f.path)).reduce(mergeClouds, undefined);
  const paths = files.map((f) => f.path).join(" + ");
  const clouds = member(merged, "clouds");
  const entry = member(clouds, cloud);
  if (!isRecord(entry)) {
    const known = isRecord(clouds) ? Object.keys(clouds) : [];
    throw new VpnaasValidationError("cloud", `${paths} has no cloud "${cloud}"${known.length ? ` (it has: ${known.join(", ")})` : ""}. Nothing was sent.`);
  }
  const source = `clouds.yaml cloud "${cloud}" (${paths})`;
  const region = chooseRegion(entry, input.region ?? (input.env.OS_REGION_NAME || undefined), input.region !== undefined ? "region" : "OS_REGION_NAME", source);
  // A region's values override the cloud's (its auth merged key by key), as in openstacksdk.
  const settings = region ? mergeClouds(entry, region.values) : entry;
  const flat: Flat = {};
  const auth = member(settings, "auth");
  if (auth !== undefined && auth !== null && !isRecord(auth)) {
    throw new VpnaasValidationError("auth", `${source}: auth is not a mapping of settings (is a space missing after a colon?). Nothing was sent.`);
  }
  for (const [key, value] of Object.entries(auth ?? {})) if (typeof value === "string") flat[key] = value;
  for (const key of ["interface", "auth_type", "identity_api_version"]) flat[key] = str(member(settings, key));
  flat.auth_type ??= str(member(settings, "auth_plugin")); // older names
  flat.interface ??= str(member(settings, "endpoint_type"));
  flat.region_name = region?.name;
  // Like the openstack CLI, OS_INTERFACE wins over the file (OS_REGION_NAME too, above).
  if (input.env.OS_INTERFACE) flat.interface = input.env.OS_INTERFACE;
  return withTls(fromOpenStack(input, flat, source, (key) => key), settings, input.env);
}

const TRUE_WORDS = ["1", "true", "yes", "on"];
const FALSE_WORDS = ["0", "false", "no", "off"];

/** Adds the TLS settings of the cloud (`values`) and of the environment, which wins. */
function withTls(settings: Settings, values: ConfigValue, env: Environment): Settings {
  const tls: { cacert?: string; cert?: string; key?: string; verify: boolean; names: Partial<Record<"cacert" | "cert" | "key" | "verify", string>> } = { verify: true, names: {} };
  const flag = (name: string, value: ConfigValue): boolean => {
    if (typeof value === "boolean") return value;
    const word = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    throw new VpnaasValidationError(name, `${settings.source}: ${name} must be true or false. Nothing was sent.`);
  };
  for (const key of ["cacert", "cert", "key"] as const) {
    const value = member(values, key);
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") throw new VpnaasValidationError(key, `${settings.source}: ${key} must be a file path. Nothing was sent.`);
    [tls[key], tls.names[key]] = [value, key];
  }
  const verify = member(values, "verify");
  if (verify !== undefined && verify !== null) {
    // As requests (and openstacksdk): verify may also name the CA bundle.
    if (typeof verify === "string" && !TRUE_WORDS.includes(verify.trim().toLowerCase()) && !FALSE_WORDS.includes(verify.trim().toLowerCase())) {
      if (tls.cacert === undefined) [tls.cacert, tls.names.cacert] = [verify, "verify"];
    } else if (!flag("verify", verify)) [tls.verify, tls.names.verify] = [false, "verify"];
  }
  const insecure = member(values, "insecure");
  if (insecure !== undefined && insecure !== null && flag("insecure", insecure)) [tls.verify, tls.names.verify] = [false, "insecure"];
  for (const [name, key] of [["OS_CACERT", "cacert"], ["OS_CERT", "cert"], ["OS_KEY", "key"]] as const) {
    if (env[name]) [tls[key], tls.names[key]] = [env[name], name];
  }
  if (env.OS_INSECURE) [tls.verify, tls.names.verify] = flag("OS_INSECURE", env.OS_INSECURE) ? [false, "OS_INSECURE"] : [true, undefined];
  if (tls.key !== undefined && tls.cert === undefined) {
    throw new VpnaasValidationError(tls.names.key!, `${settings.source}: ${tls.names.key} given without cert (the client certificate). Nothing was sent.`);
  }
  if (tls.cacert === undefined && tls.cert === undefined && tls.verify) return settings;
  return { ...settings, tls: { ...tls, source: settings.source } };
}

interface Region {
  name: string;
  values: ConfigValue;
}

/**
 * The cloud's region: `wanted` (the `region` option or OS_REGION_NAME, named by `wantedName`),
 * else `region_name`, else the first of `regions`.
 * With `regions` (names, or `{name, values}`), the region chosen must be one of them.
 */
function chooseRegion(entry: Record<string, ConfigValue>, wanted: string | undefined, wantedName: string, source: string): Region | undefined {
  const listed = entry.regions;
  const regionName = str(entry.region_name);
  let regions: Region[];
  if (listed !== undefined && listed !== null) {
    if (!Array.isArray(listed)) throw new VpnaasValidationError("regions", `${source}: regions must be a list of region names or {name, values} mappings. Nothing was sent.`);
    regions = listed.map((item, i) => {
      if (typeof item === "string") return { name: item, values: undefined };
      if (isRecord(item) && typeof item.name === "string" && Object.keys(item).every((k) => k === "name" || k === "values") && (item.values === undefined || isRecord(item.values))) {
        return { name: item.name, values: item.values };
      }
      // The entry is not shown: its values may hold a password.
      throw new VpnaasValidationError("regions", `${source}: regions entry ${i + 1} must be a region name or a mapping with name (and values). Nothing was sent.`);
    });
  } else {
    // A comma-separated region_name, deprecated in openstacksdk but still read.
    regions = (regionName ?? "").split(",").filter(Boolean).map((name) => ({ name: name.trim(), values: undefined }));
  }
  const name = wanted ?? (listed !== undefined && listed !== null ? regionName : undefined) ?? regions[0]?.name;
  if (name === undefined) return undefined;
  if (regions.length === 0) return { name, values: undefined };
  const region = regions.find((r) => r.name === name);
  if (!region) {
    throw new VpnaasValidationError(
      wanted !== undefined ? wantedName : "region_name",
      `${source}: region ${JSON.stringify(name)}${wanted !== undefined ? ` (${wantedName})` : ""} is not one of the cloud's regions (${regions.map((r) => r.name).join(", ")}); region names are case sensitive. Nothing was sent.`,
    );
  }
  return region;
}

/** Deep merge of two parsed files: mappings merged key by key, anything else from `over`. */
function mergeClouds(base: ConfigValue, over: ConfigValue): ConfigValue {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over;
  const out: Record<string, ConfigValue> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeClouds(base[key], value);
  return out;
}

// The auth_type values (keystoneauth plugin names) supported, with the auth keys each one reads;
// as keystoneauth, a plugin ignores the keys of the others.
const PASSWORD_KEYS = ["auth_url", "username", "user_id", "password", "user_domain_name", "user_domain_id", "project_name", "project_id", "project_domain_name", "project_domain_id"];
const TOKEN_KEYS = ["token", "endpoint"];
const APPLICATION_CREDENTIAL_KEYS = ["auth_url", "application_credential_id", "application_credential_secret"];
const AUTH_TYPES: Record<string, readonly string[]> = {
  password: PASSWORD_KEYS,
  v3password: PASSWORD_KEYS,
  token: TOKEN_KEYS,
  v3token: TOKEN_KEYS,
  v3applicationcredential: APPLICATION_CREDENTIAL_KEYS,
};
const ALL_AUTH_KEYS = new Set([...PASSWORD_KEYS, ...TOKEN_KEYS, ...APPLICATION_CREDENTIAL_KEYS]);

/** Keeps the settings `auth_type` reads, or all of them without `auth_type` (inferred, as before). */
function forAuthType(o: Flat, source: string, nameOf: (snakeKey: string) => string): Flat {
  const version = o.identity_api_version;
  if (version !== undefined && !/^3(\.\d+)?$/.test(version)) {
    throw new VpnaasValidationError(nameOf("identity_api_version"), `${source}: ${nameOf("identity_api_version")} ${JSON.stringify(version)} is not supported; only Keystone v3 is (set 3 or remove it). Nothing was sent.`);
  }
  const type = o.auth_type;
  if (type === undefined) return o;
  const keys = AUTH_TYPES[type];
  if (!keys) {
    throw new VpnaasValidationError(
      nameOf("auth_type"),
      `${source}: ${nameOf("auth_type")} ${JSON.stringify(type)} is not supported; use ${Object.keys(AUTH_TYPES).join(", ")}, or leave it out to infer it from the credentials given. Nothing was sent.`,
    );
  }
  const kept: Flat = {};
  for (const [key, value] of Object.entries(o)) if (!ALL_AUTH_KEYS.has(key) || keys.includes(key)) kept[key] = value;
  if (keys === TOKEN_KEYS && kept.token === undefined) {
    throw new VpnaasValidationError(nameOf("token"), `${source}: ${nameOf("auth_type")} ${type} needs ${nameOf("token")}. Nothing was sent.`);
  }
  return kept;
}

function fromOpenStack(input: SettingsInput, given: Flat, source: string, nameOf: (snakeKey: string) => string): Settings {
  const o = forAuthType(given, source, nameOf);
  return renamingErrors(source, nameOf, () => {
    if (o.token !== undefined) {
      const others = ["password", "application_credential_secret"].filter((k) => o[k] !== undefined);
      if (others.length) {
        throw new VpnaasValidationError("token", `contradictory: both token and ${others.join(" and ")}; keep one. Nothing was sent.`);
      }
      const baseUrl = input.baseUrl ?? o.endpoint;
      if (baseUrl === undefined) throw new VpnaasValidationError("baseUrl", "token given without endpoint (the network API URL): pass baseUrl or set endpoint. Nothing was sent.");
      return { auth: tokenAuth(o.token), baseUrl, source, resolved: resolvedOf(o) };
    }
    const options: KeystoneAuthOptions = {
      authUrl: o.auth_url!,
      username: o.username,
      userId: o.user_id,
      password: o.password,
      userDomainName: o.user_domain_name,
      userDomainId: o.user_domain_id,
      projectName: o.project_name,
      projectId: o.project_id,
      projectDomainName: o.project_domain_name,
      projectDomainId: o.project_domain_id,
      applicationCredentialId: o.application_credential_id,
      applicationCredentialSecret: o.application_credential_secret,
      region: o.region_name,
      interface: o.interface,
      allowInsecureHttp: input.allowInsecureHttp,
    };
    return { auth: keystoneAuth(options), baseUrl: input.baseUrl, source, resolved: resolvedOf(o) };
  });
}

const RESOLVED_KEYS = ["auth_url", "username", "user_id", "user_domain_name", "user_domain_id", "project_name", "project_id", "project_domain_name", "project_domain_id", "application_credential_id", "region_name", "interface", "endpoint"];

function resolvedOf(o: Flat): Record<string, string> {
  const authType = o.auth_type ?? (o.token !== undefined ? "token" : o.application_credential_id !== undefined || o.application_credential_secret !== undefined ? "v3applicationcredential" : "password");
  const out: Record<string, string> = { auth_type: authType };
  for (const key of RESOLVED_KEYS) if (o[key] !== undefined) out[key] = o[key]!;
  return out;
}

// keystoneAuth's option names (camelCase) → the source's names (OS_AUTH_URL or auth_url).
const OPTION_KEYS: Record<string, string> = {
  authUrl: "auth_url",
  username: "username",
  userId: "user_id",
  password: "password",
  userDomainName: "user_domain_name",
  userDomainId: "user_domain_id",
  projectName: "project_name",
  projectId: "project_id",
  projectDomainName: "project_domain_name",
  projectDomainId: "project_domain_id",
  applicationCredentialId: "application_credential_id",
  applicationCredentialSecret: "application_credential_secret",
  token: "token",
  endpoint: "endpoint",
  region: "region_name",
};

/** Runs `build`, rewording a validation error so it names settings as the user wrote them. */
function renamingErrors<T>(source: string, nameOf: (snakeKey: string) => string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (!isValidationError(err)) throw err;
    const words = new RegExp(`\\b(${Object.keys(OPTION_KEYS).join("|")})\\b(?!: true)`, "g");
    const message = err.message.replace(/^keystoneAuth settings are incomplete: /, "").replace(words, (w) => nameOf(OPTION_KEYS[w]!));
    const parameter = OPTION_KEYS[err.parameter] ? nameOf(OPTION_KEYS[err.parameter]!) : err.parameter;
    throw new VpnaasValidationError(parameter, `${source}: ${message}`);
  }
}

const isRecord = (v: ConfigValue): v is Record<string, ConfigValue> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: ConfigValue): string | undefined => (typeof v === "string" ? v : undefined);
const member = (v: ConfigValue, key: string): ConfigValue => (isRecord(v) ? v[key] : undefined);
