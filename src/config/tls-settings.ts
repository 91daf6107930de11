import { VpnaasValidationError } from "../errors";
import type { ConfigValue } from "./clouds-file";
import { member } from "./config-values";

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

const TRUE_WORDS = ["1", "true", "yes", "on"];
const FALSE_WORDS = ["0", "false", "no", "off"];

/**
 * The TLS settings of a cloud (`values`) and of the environment (`OS_CACERT`, `OS_CERT`, `OS_KEY`,
 * `OS_INSECURE`), which wins; undefined when none asks for anything but the defaults.
 */
export function tlsSettingsOf(values: ConfigValue, env: Readonly<Record<string, string | undefined>>, source: string): TlsSettings | undefined {
  const tls: { cacert?: string; cert?: string; key?: string; verify: boolean; names: Partial<Record<"cacert" | "cert" | "key" | "verify", string>> } = { verify: true, names: {} };
  const flag = (name: string, value: ConfigValue): boolean => {
    if (typeof value === "boolean") return value;
    // Stryker disable next-line StringLiteral: equivalent, "" is no flag word and neither is the replacement, so a non-string flag is refused either way
    const word = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    throw new VpnaasValidationError(name, `${source}: ${name} must be true or false. Nothing was sent.`);
  };
  for (const key of ["cacert", "cert", "key"] as const) {
    const value = member(values, key);
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") throw new VpnaasValidationError(key, `${source}: ${key} must be a file path. Nothing was sent.`);
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
    throw new VpnaasValidationError(tls.names.key!, `${source}: ${tls.names.key} given without cert (the client certificate). Nothing was sent.`);
  }
  if (tls.cacert === undefined && tls.cert === undefined && tls.verify) return undefined;
  return { ...tls, source };
}
