import { secretsOf } from "../redaction";
import { abortable } from "../abortable";
import { isVpnaasError, redactHeaders, sanitizedCause, VpnaasAuthError, VpnaasNetworkError, VpnaasRedirectError, VpnaasTimeoutError, VpnaasValidationError } from "../errors";
import { apiErrorOf, textOf } from "../exchange";
import type { Next, OutgoingRequest, Received } from "../request";
import { isTransientNetworkFailure } from "../retry-policy";
import { requireSecureUrl } from "../secure-url";
import { checkEndpointUrl } from "../endpoint-url";
import { KeystoneTokenProvider, type CatalogService, type KeystoneToken } from "./keystone-token-provider";
import type { AuthLayer, AuthStrategy } from "./strategy";

/**
 * Keystone v3 credentials, named as in `clouds.yaml` / `OS_*` (camelCased). Either a password
 * (`username` + user domain, or `userId`; `projectName` + project domain, or `projectId`) or an
 * application credential (`applicationCredentialId` + `applicationCredentialSecret`).
 */
export interface KeystoneAuthOptions {
  /** Keystone's URL as in `OS_AUTH_URL`, with or without a trailing `/v3`, e.g. `https://iam.example.com:5000/v3`. */
  authUrl: string;
  /** User name (`OS_USERNAME`); needs `userDomainName` or `userDomainId`. Default: none. */
  username?: string;
  /** User id (`OS_USER_ID`), instead of `username` + domain. Default: none. */
  userId?: string;
  /** The user's password (`OS_PASSWORD`). Only ever sent to `authUrl`. Default: none. */
  password?: string;
  /** Domain of `username`, e.g. `Default` (Huawei Cloud: the account name). Default: none. */
  userDomainName?: string;
  userDomainId?: string;
  /** Project to scope the token to (Huawei Cloud: the region's project, e.g. `cn-north-4`). Default: none. */
  projectName?: string;
  /** Project id, instead of `projectName` + domain. Default: none. */
  projectId?: string;
  /** Domain of `projectName`. Default: the user's domain. */
  projectDomainName?: string;
  projectDomainId?: string;
  /** Application credential id (`OS_APPLICATION_CREDENTIAL_ID`), instead of a password. Default: none. */
  applicationCredentialId?: string;
  /** Application credential secret. Only ever sent to `authUrl`. Default: none. */
  applicationCredentialSecret?: string;
  /** Region of the `network` endpoint taken from the catalog. Default: any, if only one region has one. */
  region?: string;
  /** Interface of the `network` endpoint taken from the catalog: `public`, `internal` or `admin`. Default: `public`. */
  interface?: string;
  /** Lets the token request go to a plain `http://` authUrl (e.g. DevStack). Default: `false`. */
  allowInsecureHttp?: boolean;
  /** Refresh this long before the token's `expires_at` (at most half its lifetime). Default: 120 000 ms. */
  refreshBeforeExpiryMs?: number;
  /** The clock, in ms since the epoch. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Authenticates with Keystone v3 (`POST {authUrl}/v3/auth/tokens`) and sends the token as
 * `X-Auth-Token`. One token is cached per client and refreshed before it expires; on a 401 the
 * token is refreshed once and the request resent once. Without a `baseUrl`, the client uses the
 * catalog's `network` endpoint. Each client using the strategy keeps its own token.
 *
 * @throws VpnaasValidationError when settings are missing or contradictory; nothing is sent then.
 */
export function keystoneAuth(options: KeystoneAuthOptions): AuthStrategy {
  const o = options ?? ({} as KeystoneAuthOptions);
  const tokensUrl = keystoneTokensUrl(o.authUrl);
  const body = utf8.encode(JSON.stringify(authRequestBody(o)));
  requireSecureUrl(tokensUrl, o.allowInsecureHttp === true, "keystoneAuth");
  const selection = { region: o.region, interface: String(o.interface ?? "public").replace(/URL$/, "") };
  // Stryker disable next-line ConditionalExpression: equivalent (true), every use of these secrets (redaction.ts, cutterOf) skips entries that are not strings
  const secrets = [o.password, o.applicationCredentialSecret].filter((s): s is string => typeof s === "string");

  return {
    kind: "keystone",
    layer({ transport, ownRequestTimeoutMs }) {
      const provider = new KeystoneTokenProvider(
        async (): Promise<KeystoneToken> => {
          // Straight to the transport: the token request is never authenticated, retried or redirected.
          // One request may serve many calls, so it has its own bound rather than one caller's signal.
          const request: OutgoingRequest = { method: "POST", url: tokensUrl, headers: { accept: "application/json", "content-type": "application/json" }, body, read: "text" };
          const received = await sendOwnRequest(transport, request, ownRequestTimeoutMs, secrets);
          return readToken(received, tokensUrl, (o.now ?? Date.now)(), secrets);
        },
        { now: o.now, refreshBeforeExpiryMs: o.refreshBeforeExpiryMs },
      );
      const layer: AuthLayer = async (request, next) => {
        const token = await abortable(provider.get(), request.signal);
        request.headers["x-auth-token"] = token.value;
        const first = await next(request);
        if (first.response.status !== 401) return first;
        const fresh = await abortable(provider.refresh(token), request.signal);
        request.headers["x-auth-token"] = fresh.value;
        const second = await next(request);
        if (second.response.status !== 401) return second;
        const cause = apiErrorOf(request.method, request.url, second, [token.value, fresh.value, ...secretsOf(request.headers)]);
        throw new VpnaasAuthError(`${cause.message}, again after a fresh Keystone token; check the user's roles on the project`, {
          cause,
          request: { method: request.method, url: request.url, headers: redactHeaders(Object.entries(request.headers)) },
        });
      };
      layer.discoverEndpoint = async (signal) => networkEndpoint((await abortable(provider.get(), signal)).catalog, selection);
      return layer;
    },
  };
}

/**
 * Sends a strategy's own request within `timeoutMs`, every failure a {@link VpnaasError} that
 * names the request (not retried: the call waiting for it fails, and the next call tries again).
 */
async function sendOwnRequest(transport: Next, request: OutgoingRequest, timeoutMs: number, secrets: readonly string[]): Promise<Received> {
  const started = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const failed = { method: request.method, url: request.url, attempts: 1 };
  try {
    return await transport({ ...request, signal });
  } catch (error) {
    if (signal.aborted) throw new VpnaasTimeoutError(failed, "timeoutMs", timeoutMs, Date.now() - started, signal.reason);
    if (isVpnaasError(error)) throw error;
    throw new VpnaasNetworkError(failed, sanitizedCause(error, secrets), isTransientNetworkFailure(error));
  }
}

const utf8 = /* @__PURE__ */ new TextEncoder();

/** `{authUrl}/v3/auth/tokens`, for an authUrl written with or without `/v3` and trailing slashes. */
export function keystoneTokensUrl(authUrl: unknown): string {
  return `${checkEndpointUrl("authUrl", authUrl)}/v3/auth/tokens`;
}

/** The JSON body of the token request. Throws one error naming everything missing or contradictory. */
export function authRequestBody(o: KeystoneAuthOptions): object {
  const missing: string[] = [];
  const conflicting: string[] = [];
  const both = (a: keyof KeystoneAuthOptions, b: keyof KeystoneAuthOptions) => o[a] !== undefined && o[b] !== undefined && conflicting.push(`${a} and ${b}`);
  const usesAppCredential = o.applicationCredentialId !== undefined || o.applicationCredentialSecret !== undefined;
  const usesPassword = o.password !== undefined || o.username !== undefined || o.userId !== undefined;
  let body: object = {};
  if (usesAppCredential && usesPassword) {
    conflicting.push("an application credential and a password (pass one of them)");
  } else if (usesAppCredential) {
    if (!o.applicationCredentialId) missing.push("applicationCredentialId");
    if (!o.applicationCredentialSecret) missing.push("applicationCredentialSecret");
    body = { auth: { identity: { methods: ["application_credential"], application_credential: { id: o.applicationCredentialId, secret: o.applicationCredentialSecret } } } };
  } else if (usesPassword) {
    both("username", "userId");
    both("userDomainName", "userDomainId");
    both("projectName", "projectId");
    both("projectDomainName", "projectDomainId");
    if (!o.password) missing.push("password");
    if (!o.username && !o.userId) missing.push("username or userId");
    if (o.username && !o.userId && !o.userDomainName && !o.userDomainId) missing.push("userDomainName or userDomainId (for username)");
    if (!o.projectName && !o.projectId) missing.push("projectName or projectId");
    // A project named without its domain is looked up in the user's domain (as keystoneauth's default domain does).
    const projectDomainId = o.projectDomainName === undefined ? (o.projectDomainId ?? o.userDomainId) : undefined;
    const projectDomainName = o.projectDomainId === undefined ? (o.projectDomainName ?? (projectDomainId ? undefined : o.userDomainName)) : undefined;
    if (o.projectName && !o.projectId && !projectDomainName && !projectDomainId) missing.push("projectDomainName or projectDomainId (for projectName)");
    const domain = (id?: string, name?: string) => (id ? { id } : { name });
    const user = o.userId ? { id: o.userId, password: o.password } : { name: o.username, domain: domain(o.userDomainId, o.userDomainName), password: o.password };
    const project = o.projectId ? { id: o.projectId } : { name: o.projectName, domain: domain(projectDomainId, projectDomainName) };
    body = { auth: { identity: { methods: ["password"], password: { user } }, scope: { project } } };
  } else {
    missing.push("credentials: password (with username or userId) or applicationCredentialId and applicationCredentialSecret");
  }
  if (missing.length || conflicting.length) {
    const parts = [missing.length ? `missing ${missing.join("; ")}` : "", conflicting.length ? `contradictory: both ${conflicting.join("; both ")}` : ""];
    throw new VpnaasValidationError(missing[0]?.split(/[ :]/)[0] ?? "credentials", `keystoneAuth settings are incomplete: ${parts.filter(Boolean).join(". ")}. Nothing was sent.`);
  }
  return body;
}

function readToken(received: Received, tokensUrl: string, nowMs: number, secrets: readonly string[]): KeystoneToken {
  const { response } = received;
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("location");
    const to = location && URL.canParse(location, tokensUrl) ? new URL(location, tokensUrl) : undefined;
    throw new VpnaasRedirectError({ method: "POST", url: tokensUrl }, response.status, to && `${to.origin}${to.pathname}`, "the token request carries the credentials and follows no redirect");
  }
  if (!response.ok) {
    const cause = apiErrorOf("POST", tokensUrl, received, secrets);
    const hint = response.status === 401 ? "; check the user name, password, domains and project (or the application credential)" : "";
    throw new VpnaasAuthError(`Keystone refused the token request: ${cause.message}${hint}`, { cause });
  }
  const value = response.headers.get("x-subject-token");
  const text = textOf(received.body);
  let parsed: { token?: { expires_at?: unknown; issued_at?: unknown; catalog?: unknown } } | undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: parsed stays undefined.
  }
  if (!value || typeof parsed?.token !== "object" || parsed.token === null) {
    throw new VpnaasAuthError(`Keystone answered POST ${tokensUrl} with ${response.status} but ${value ? "no token object in the JSON body" : "no X-Subject-Token header"}`);
  }
  const time = (v: unknown): number => (typeof v === "string" ? Date.parse(v) : NaN);
  const expiresAtMs = time(parsed.token.expires_at);
  // Keystone's clock and ours may disagree by minutes (or, on a test box, hours). With issued_at the
  // token's lifetime is measured on Keystone's clock and counted from when we received it, so a
  // skewed local clock neither refreshes on every call nor keeps an expired token.
  const lifetimeMs = expiresAtMs - time(parsed.token.issued_at);
  return {
    value,
    expiresAtMs: Number.isNaN(expiresAtMs) ? undefined : Number.isNaN(lifetimeMs) ? expiresAtMs : nowMs + lifetimeMs,
    obtainedAtMs: nowMs,
    catalog: Array.isArray(parsed.token.catalog) ? (parsed.token.catalog as CatalogService[]) : [],
  };
}

/**
 * The URL of the catalog's `network` endpoint with the given interface (and region, if given),
 * without a trailing `/` or `/v2.0`. Throws when there is none, or several in different regions.
 */
export function networkEndpoint(catalog: readonly CatalogService[], selection: { region?: string; interface: string }): string {
  const candidates = catalog
    .filter((s) => s?.type === "network")
    // Only null and undefined would throw below; any other non-object has no string url and is dropped there.
    .flatMap((s) => (Array.isArray(s.endpoints) ? s.endpoints.filter((e) => e != null) : []))
    .filter((e) => String(e.interface ?? "").replace(/URL$/, "") === selection.interface && typeof e.url === "string")
    .filter((e) => selection.region === undefined || e.region_id === selection.region || e.region === selection.region);
  const urls = [...new Set(candidates.map((e) => e.url!.replace(/\/+$/, "")))];
  const where = `interface ${selection.interface}${selection.region === undefined ? "" : ` in region ${selection.region}`}`;
  if (urls.length === 0) {
    const regions = [...new Set(catalog.filter((s) => s?.type === "network").flatMap((s) => (Array.isArray(s.endpoints) ? s.endpoints : [])).map((e) => e?.region_id ?? e?.region))];
    throw new VpnaasValidationError("baseUrl", `The Keystone catalog has no network endpoint with ${where}${regions.length ? ` (network regions: ${regions.join(", ")})` : ""}; pass region, interface or baseUrl.`);
  }
  if (urls.length > 1) {
    const regions = [...new Set(candidates.map((e) => e.region_id ?? e.region))];
    throw new VpnaasValidationError("region", `The Keystone catalog has ${urls.length} network endpoints with ${where} (regions: ${regions.join(", ")}); pass region or baseUrl to choose one.`);
  }
  return checkEndpointUrl("catalog endpoint", urls[0]);
}
