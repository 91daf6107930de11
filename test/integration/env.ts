/**
 * The fixture data of the real servers scripts/neutron/up.sh started: URLs, the Keystone user,
 * password and project, application credentials, database access. Everything here reads
 * `<state>/env.json` (written by up.sh; default state folder `.cache/neutron`, or $NEUTRON_STATE).
 *
 * Meant for the SDK's Keystone tests too (keystone-sdk.test.ts.pending): {@link keystoneFixture}
 * gives exactly the inputs of `keystoneAuth({ authUrl, username, password, userDomainName,
 * projectName, projectDomainName })`, and {@link createApplicationCredential} the inputs of the
 * application-credential variant.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { rawRequest, type RawResponse } from "./rest";

export interface NeutronEnv {
  stateDir: string;
  /** neutron-server with `auth_strategy = noauth`: every request is admin, tokens are ignored. */
  neutronNoauthUrl: string;
  /** neutron-server with `auth_strategy = keystone`; also the `network` endpoint in the catalog. */
  neutronKeystoneUrl: string;
  keystoneUrl: string;
  /** `<keystoneUrl>/v3` */
  authUrl: string;
  /** The same Keystone over https (`https://127.0.0.1:<KEYSTONE_TLS_PORT>/v3`), its certificate from the rig's own CA. */
  authTlsUrl: string;
  /** The rig's throw-away CA (PEM) and the server certificate and key it signed for 127.0.0.1 and localhost. */
  tls: { caCert: string; serverCert: string; serverKey: string };
  regionId: string;
  /** How long the keystone-auth neutron-server trusts a validated token without asking Keystone again. */
  tokenCacheSeconds: number;
  db: { clientCnf: string; noauth: string; keystone: string };
  keystone: {
    userDomainName: string;
    projectDomainName: string;
    adminUsername: string;
    adminProjectName: string;
    adminPassword: string;
    username: string;
    userId: string;
    password: string;
    projectName: string;
    projectId: string;
    networkServiceId: string;
    networkEndpointIds: Record<string, string>;
  };
  pids: Record<string, number>;
}

export const stateDir = (): string => resolve(process.env.NEUTRON_STATE ?? join(__dirname, "../../.cache/neutron"));

let cached: NeutronEnv | undefined;
/** The servers' env.json; throws with instructions when up.sh has not run. */
export function neutronEnv(): NeutronEnv {
  if (cached) return cached;
  const file = join(stateDir(), "env.json");
  try {
    cached = JSON.parse(readFileSync(file, "utf8")) as NeutronEnv;
  } catch (cause) {
    throw new Error(`${file} is missing: run \`bash scripts/neutron/up.sh\` first (npm run test:integration does it when needed)`, { cause });
  }
  return cached;
}

/** What the SDK's `keystoneAuth({...})` password strategy takes, for the demo user (role `member`). */
export interface KeystonePasswordFixture {
  authUrl: string;
  username: string;
  password: string;
  userDomainName: string;
  projectName: string;
  projectDomainName: string;
  regionId: string;
  /** Where the catalog's `network` endpoint points (the keystone-auth neutron-server). */
  expectedNetworkUrl: string;
}

export function keystoneFixture(): KeystonePasswordFixture {
  const env = neutronEnv();
  return {
    authUrl: env.authUrl,
    username: env.keystone.username,
    password: env.keystone.password,
    userDomainName: env.keystone.userDomainName,
    projectName: env.keystone.projectName,
    projectDomainName: env.keystone.projectDomainName,
    regionId: env.regionId,
    expectedNetworkUrl: env.neutronKeystoneUrl,
  };
}

export interface IssuedToken {
  token: string;
  /** The parsed `POST /v3/auth/tokens` body (`{token: {expires_at, catalog, ...}}`). */
  body: { token: { expires_at: string; catalog?: CatalogEntry[]; project?: { id: string; name: string }; user: { id: string } } };
  response: RawResponse;
}
export interface CatalogEntry {
  type: string;
  name: string;
  endpoints: { interface: string; url: string; region_id: string; region: string; id: string }[];
}

/** Issues a project-scoped token with a password, through Keystone's REST API. Throws unless 201. */
export async function issueToken(options: { username?: string; password?: string; projectName?: string } = {}): Promise<IssuedToken> {
  const f = keystoneFixture();
  const response = await rawRequest(neutronEnv().keystoneUrl, "POST", "/v3/auth/tokens", {
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: options.username ?? f.username, domain: { name: f.userDomainName }, password: options.password ?? f.password } },
        },
        scope: { project: { name: options.projectName ?? f.projectName, domain: { name: f.projectDomainName } } },
      },
    },
  });
  if (response.status !== 201) throw new Error(`token request failed: ${response.status} ${response.text.slice(0, 200)}`);
  return { token: String(response.headers["x-subject-token"]), body: response.body as IssuedToken["body"], response };
}

/** An admin token (admin project), for what a `member` may not do (e.g. external networks). */
export const issueAdminToken = (): Promise<IssuedToken> => {
  const env = neutronEnv();
  return issueToken({ username: env.keystone.adminUsername, password: env.keystone.adminPassword, projectName: env.keystone.adminProjectName });
};

/** What the SDK's application-credential strategy takes. */
export interface ApplicationCredentialFixture {
  authUrl: string;
  applicationCredentialId: string;
  applicationCredentialSecret: string;
  /** Also accepted by Keystone together with the user's name and domain. */
  applicationCredentialName: string;
  username: string;
  userDomainName: string;
  regionId: string;
  expectedNetworkUrl: string;
}

/**
 * Creates a fresh application credential for the demo user through Keystone's REST API
 * (`POST /v3/users/{id}/application_credentials`, with the user's own token, as Keystone requires).
 * `expiresAt` lets a test make one that expires soon.
 */
export async function createApplicationCredential(options: { name?: string; expiresAt?: Date } = {}): Promise<ApplicationCredentialFixture> {
  const env = neutronEnv();
  const { token } = await issueToken();
  const name = options.name ?? `vpnaas-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const response = await rawRequest(env.keystoneUrl, "POST", `/v3/users/${env.keystone.userId}/application_credentials`, {
    token,
    body: { application_credential: { name, description: "vpnaas-sdk integration tests", ...(options.expiresAt ? { expires_at: options.expiresAt.toISOString() } : {}) } },
  });
  if (response.status !== 201) throw new Error(`application credential request failed: ${response.status} ${response.text.slice(0, 200)}`);
  const created = (response.body as { application_credential: { id: string; secret: string; name: string } }).application_credential;
  return {
    authUrl: env.authUrl,
    applicationCredentialId: created.id,
    applicationCredentialSecret: created.secret,
    applicationCredentialName: created.name,
    username: env.keystone.username,
    userDomainName: env.keystone.userDomainName,
    regionId: env.regionId,
    expectedNetworkUrl: env.neutronKeystoneUrl,
  };
}

/** Revokes a token (`DELETE /v3/auth/tokens`), e.g. to make the next call with it answer 401. */
export async function revokeToken(token: string): Promise<void> {
  const response = await rawRequest(neutronEnv().keystoneUrl, "DELETE", "/v3/auth/tokens", { token, headers: { "X-Subject-Token": token } });
  if (response.status !== 204) throw new Error(`token revocation failed: ${response.status}`);
}

/** Runs SQL on the database of the noauth or keystone neutron-server (as MariaDB's root, over the socket). */
export function sql(mode: "noauth" | "keystone", statement: string): string {
  const env = neutronEnv();
  return execFileSync("mariadb", [`--defaults-file=${env.db.clientCnf}`, "--batch", "--skip-column-names", env.db[mode], "-e", statement], { encoding: "utf8" });
}
