import { keystoneAuth, type KeystoneAuthOptions } from "../auth/keystone";
import type { AuthStrategy } from "../auth/strategy";
import { tokenAuth } from "../auth/token";
import { isValidationError, VpnaasValidationError } from "../errors";

type Flat = Record<string, string | undefined>;

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

/** What OpenStack settings resolve to; the caller adds TLS. */
export interface OpenStackAuth {
  auth: AuthStrategy;
  baseUrl: string | undefined;
  source: string;
  resolved: Readonly<Record<string, string>>;
}

/**
 * Keystone or token auth from settings in clouds.yaml's names (`given`), keeping those `auth_type`
 * reads. `nameOf` turns a clouds.yaml name into the one the source uses (`OS_AUTH_URL`), for messages.
 *
 * @throws VpnaasValidationError naming the settings as the source spells them.
 */
export function fromOpenStack(input: { baseUrl?: string; allowInsecureHttp?: boolean }, given: Flat, source: string, nameOf: (snakeKey: string) => string): OpenStackAuth {
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
  // Stryker disable next-line LogicalOperator: equivalent (&&), keystoneAuth, called before resolvedOf, refuses an application credential without both its id and its secret, so only both or neither reaches here
  const appCredential = (o.application_credential_id ?? o.application_credential_secret) !== undefined;
  const authType = o.auth_type ?? (o.token !== undefined ? "token" : appCredential ? "v3applicationcredential" : "password");
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
};

/** Runs `build`, rewording a validation error so it names settings as the user wrote them. */
function renamingErrors<T>(source: string, nameOf: (snakeKey: string) => string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (!isValidationError(err)) throw err;
    // An option's name, or a value the message quotes (left as the user wrote it: "ftp://token.example.com").
    const words = new RegExp(`("(?:[^"\\\\]|\\\\.)*")|\\b(${Object.keys(OPTION_KEYS).join("|")})\\b(?!: true)`, "g");
    // Stryker disable next-line Regex: equivalent, keystoneAuth's messages have this phrase only at their start
    const message = err.message.replace(/^keystoneAuth settings are incomplete: /, "").replace(words, (_all, quoted: string | undefined, w: string) => quoted ?? nameOf(OPTION_KEYS[w]!));
    const parameter = OPTION_KEYS[err.parameter] ? nameOf(OPTION_KEYS[err.parameter]!) : err.parameter;
    throw new VpnaasValidationError(parameter, `${source}: ${message}`);
  }
}

