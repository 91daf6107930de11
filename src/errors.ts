/**
 * Every error this package throws is a {@link VpnaasError}. Guards check `name` rather than
 * `instanceof`, so they hold across realms (iframes, vm contexts) and across two copies of the
 * package in one bundle.
 *
 * Nothing secret is ever stored on an error: no request headers, no credentials, no request body,
 * and response text only as a short excerpt passed through {@link redactSecrets}.
 */

/** Common base. `cause` keeps the original error where there was one. */
export class VpnaasError extends Error {
  override name: string = "VpnaasError";
}

/** The caller's input is invalid. Nothing was sent. */
export class VpnaasValidationError extends VpnaasError {
  override name = "VpnaasValidationError";
  /** The option or argument at fault, e.g. `connectionId`. */
  readonly parameter: string;
  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }
}

/** What a failed or malformed exchange is about: enough to find it in the server's logs. */
export interface HttpExchange {
  method: string;
  url: string;
  status: number;
  statusText: string;
  /** From `x-openstack-request-id` (Neutron) or `x-request-id` (Huawei Cloud). */
  requestId: string | undefined;
}

/** The server answered with a non-2xx status. */
export class VpnaasApiError extends VpnaasError {
  override name = "VpnaasApiError";
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  /** Neutron's `NeutronError.type`, or Huawei Cloud's `error_code`. */
  readonly errorType: string | undefined;
  /** Neutron's `NeutronError.message`, Keystone's `error.message` or Huawei Cloud's `error_msg`. */
  readonly errorMessage: string | undefined;
  constructor(exchange: HttpExchange, body: unknown) {
    const { errorType, errorMessage } = describeErrorBody(body);
    const what = [errorType, errorMessage].filter(Boolean).join(": ") || excerpt(body);
    super(
      `${exchange.method} ${exchange.url} → ${exchange.status} ${exchange.statusText}` +
        (what ? `: ${what}` : "") +
        (exchange.requestId ? ` (request ${exchange.requestId})` : ""),
    );
    this.status = exchange.status;
    this.method = exchange.method;
    this.url = exchange.url;
    this.requestId = exchange.requestId;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }
}

/**
 * The server answered, but not with what the spec promises: not JSON, truncated JSON, an empty
 * body, an HTML page from a proxy, or JSON of the wrong shape.
 */
export class VpnaasResponseError extends VpnaasError {
  override name = "VpnaasResponseError";
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly contentType: string | undefined;
  /** At most {@link EXCERPT_LENGTH} characters of the body, secrets redacted. */
  readonly excerpt: string;
  constructor(exchange: HttpExchange, problem: string, body: string, contentType: string | undefined, cause?: unknown) {
    const shown = excerpt(body);
    super(
      `${exchange.method} ${exchange.url} → ${exchange.status} ${exchange.statusText}: ${problem}` +
        (contentType ? ` (content-type ${contentType})` : "") +
        (shown ? `; body starts: ${shown}` : "; body is empty") +
        (exchange.requestId ? ` (request ${exchange.requestId})` : ""),
      cause === undefined ? undefined : { cause },
    );
    this.status = exchange.status;
    this.method = exchange.method;
    this.url = exchange.url;
    this.requestId = exchange.requestId;
    this.contentType = contentType;
    this.excerpt = shown;
  }
}

/** No HTTP answer arrived: connection refused or reset, DNS failure, socket hang-up. */
export class VpnaasNetworkError extends VpnaasError {
  override name = "VpnaasNetworkError";
}

/** The call ran out of time (per-attempt or total budget) or the caller aborted it. */
export class VpnaasTimeoutError extends VpnaasError {
  override name = "VpnaasTimeoutError";
}

/** A request as an error shows it: credentials in its headers replaced by {@link redactHeaders}. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Authentication failed: bad credentials, a refused token request, or a 401 after one refresh. */
export class VpnaasAuthError extends VpnaasError {
  override name = "VpnaasAuthError";
  /** The API request that was refused, with its credentials redacted; absent for a token request. */
  readonly request: RedactedRequest | undefined;
  constructor(message: string, options: { cause?: unknown; request?: RedactedRequest } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.request = options.request;
  }
}

// `instanceof Error` would fail for an error from another realm, so only `name` is looked at.
const nameOf = (e: unknown): unknown => (typeof e === "object" && e !== null ? (e as { name?: unknown }).name : undefined);

export const isVpnaasError = (e: unknown): e is VpnaasError => {
  const name = nameOf(e);
  return typeof name === "string" && /^Vpnaas\w*Error$/.test(name);
};
export const isValidationError = (e: unknown): e is VpnaasValidationError => nameOf(e) === "VpnaasValidationError";
export const isApiError = (e: unknown): e is VpnaasApiError => nameOf(e) === "VpnaasApiError";
export const isNetworkError = (e: unknown): e is VpnaasNetworkError => nameOf(e) === "VpnaasNetworkError";
export const isTimeoutError = (e: unknown): e is VpnaasTimeoutError => nameOf(e) === "VpnaasTimeoutError";
export const isAuthError = (e: unknown): e is VpnaasAuthError => nameOf(e) === "VpnaasAuthError";
export const isResponseError = (e: unknown): e is VpnaasResponseError => nameOf(e) === "VpnaasResponseError";

/** Longest body excerpt an error carries, in characters. */
export const EXCERPT_LENGTH = 200;

// JSON members whose values are secret wherever they appear (psk in a connection, password and
// secret in Keystone auth bodies, tokens). The value may be cut off (truncated JSON), hence `"?`.
const SECRET_MEMBER = /("(?:psk|password|secret|[a-z_]*_secret|token|[a-z_]*_token|sk)"\s*:\s*)"(?:[^"\\]|\\.)*"?/gi;

/** Replaces the values of secret JSON members (psk, password, secret, token…) with `[REDACTED]`. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_MEMBER, '$1"[REDACTED]"');
}

// Headers whose whole value is a credential.
const SECRET_HEADERS = new Set(["x-auth-token", "x-subject-token", "x-security-token", "cookie", "proxy-authorization"]);

/**
 * Header names lowercased, credentials replaced: `x-auth-token: [REDACTED]`, and `authorization`
 * keeps its scheme, access key and signed header names but not its signature
 * (`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=[REDACTED]`).
 */
export function redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of headers) {
    const name = rawName.toLowerCase();
    out[name] = SECRET_HEADERS.has(name)
      ? "[REDACTED]"
      : name === "authorization"
        ? /^SDK-HMAC-SHA256 /i.test(value)
          ? value.replace(/Signature=[^,\s]*/i, "Signature=[REDACTED]")
          : `${value.split(" ")[0]} [REDACTED]`
        : value;
  }
  return out;
}

function excerpt(body: unknown): string {
  if (body === undefined || body === null || body === "") return "";
  const text = typeof body === "string" ? body : JSON.stringify(body);
  // Redact before cutting, so a cut cannot split a secret's member name from its value.
  const redacted = redactSecrets(text).replace(/\s+/g, " ").trim();
  return redacted.length > EXCERPT_LENGTH ? `${redacted.slice(0, EXCERPT_LENGTH)}…` : redacted;
}

function describeErrorBody(body: unknown): { errorType?: string; errorMessage?: string } {
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, any>;
  const neutron = b.NeutronError;
  if (neutron && typeof neutron === "object") return { errorType: str(neutron.type), errorMessage: str(neutron.message) };
  if (b.error && typeof b.error === "object") return { errorType: str(b.error.title), errorMessage: str(b.error.message) };
  if ("error_code" in b || "error_msg" in b) return { errorType: str(b.error_code), errorMessage: str(b.error_msg) };
  return {};
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? redactSecrets(v) : undefined);
