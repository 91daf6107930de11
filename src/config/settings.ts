import type { AuthStrategy } from "../auth/strategy";
import { VpnaasValidationError } from "../errors";
import { parseConfigFile, type ConfigValue } from "./clouds-file";
import { isRecord, member, mergeClouds, str } from "./config-values";
import { fromOpenStack } from "./openstack-auth";
import { chooseRegion } from "./regions";
import { HUAWEI_CREDENTIALS, huaweiSettings } from "./huawei";
import { tlsSettingsOf, type TlsSettings } from "./tls-settings";

export type { TlsSettings } from "./tls-settings";

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

/** `settings` with the TLS settings of the cloud (`values`) and of the environment, which wins. */
function withTls(settings: Settings, values: ConfigValue, env: Environment): Settings {
  const tls = tlsSettingsOf(values, env, settings.source);
  return tls ? { ...settings, tls } : settings;
}

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
