/**
 * Every error this package throws is a {@link VpnaasError}. Guards check `name` rather than
 * `instanceof`, so they hold across realms (iframes, vm contexts) and across two copies of the
 * package in one bundle.
 *
 * Nothing secret is ever stored on an error: no request headers, no credentials, no request body,
 * and response text only as a short excerpt passed through {@link redactSecrets}.
 */
import { describeNetworkFailure, networkErrorCode } from "./network-failure";
import { excerptOf as excerpt, limitText, redactKnown, redactParsed, redactSecrets } from "./redaction";

export { isTransientCode, networkErrorCode } from "./network-failure";
export { EXCERPT_LENGTH, redactHeaders, redactSecrets } from "./redaction";

/** Common base. `cause` keeps the original error where there was one. */
export class VpnaasError extends Error {
  override name: string = "VpnaasError";
}

/** The caller's input is invalid. Nothing was sent. */
export class VpnaasValidationError extends VpnaasError {
  override name = "VpnaasValidationError";
  /** The option or argument at fault, e.g. `connectionId`. */
  declare readonly parameter: string;
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
  /** How many times the request was sent, retries included. Default 1. */
  attempts?: number;
  /** Whether the status is transient (408, 429, 500, 502, 503, 504): the same request may succeed later. */
  retryable?: boolean;
  /** Why the retry layer stopped, e.g. a `Retry-After` beyond the time budget; shown for retryable statuses. */
  stopReason?: string;
}

/**
 * What every error about an answered exchange carries: the request, the status, the server's
 * request id, and how often it was sent. The message is `METHOD URL → STATUS TEXT: {what}`,
 * then the request id and attempts, then why the retry layer stopped (for a retryable status).
 */
abstract class AnsweredExchangeError extends VpnaasError {
  declare readonly status: number;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly requestId: string | undefined;
  /**
   * The status is transient (408, 429, 500, 502, 503, 504): sending the same request later may
   * succeed. For a non-idempotent method (POST) whether that is safe is the caller's judgement.
   */
  declare readonly retryable: boolean;
  /** How many times the request was sent, retries included. */
  declare readonly attempts: number;
  constructor(exchange: HttpExchange, what: string, cause?: unknown) {
    const attempts = exchange.attempts ?? 1;
    const retryable = exchange.retryable ?? false;
    const notes = [exchange.requestId && `request ${exchange.requestId}`, attempts > 1 && `${attempts} attempts`].filter(Boolean);
    super(
      `${exchange.method} ${exchange.url} → ${exchange.status} ${exchange.statusText}${what}` +
        (notes.length ? ` (${notes.join(", ")})` : "") +
        (retryable && exchange.stopReason ? `; ${exchange.stopReason}` : ""),
      cause === undefined ? undefined : { cause },
    );
    this.status = exchange.status;
    this.method = exchange.method;
    this.url = exchange.url;
    this.requestId = exchange.requestId;
    this.retryable = retryable;
    this.attempts = attempts;
  }
}

/** The server answered with a non-2xx status. */
export class VpnaasApiError extends AnsweredExchangeError {
  override name = "VpnaasApiError";
  /** Neutron's `NeutronError.type`, or Huawei Cloud's `error_code`. */
  declare readonly errorType: string | undefined;
  /** Neutron's `NeutronError.message`, Keystone's `error.message` or Huawei Cloud's `error_msg`. */
  declare readonly errorMessage: string | undefined;
  /** @param secrets what the client sent (tokens, header values, passwords): cut out of the body wherever the server echoes them. */
  // Stryker disable next-line ArrayDeclaration: equivalent but for Stryker's own text: the mutant only adds "Stryker was here" to the secrets cut out of a body
  constructor(exchange: HttpExchange, body: unknown, secrets: readonly string[] = []) {
    // A string body too: redactParsed cuts `secrets` out of every string, this one included.
    const redacted = redactParsed(body, secrets);
    const { errorType, errorMessage } = describeErrorBody(redacted);
    const what = [errorType, errorMessage].filter(Boolean).join(": ") || excerpt(redacted);
    super(exchange, what ? `: ${what}` : "");
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }
}

/**
 * The server answered, but not with what the spec promises: not JSON, truncated JSON, an empty
 * body, an HTML page from a proxy, or JSON of the wrong shape. `retryable` is `false` for a 2xx
 * answer: the server did answer, sending again is not expected to help.
 */
export class VpnaasResponseError extends AnsweredExchangeError {
  override name = "VpnaasResponseError";
  declare readonly contentType: string | undefined;
  /** At most `EXCERPT_LENGTH` (200) characters of the body, secrets redacted. */
  declare readonly excerpt: string;
  /** @param secrets what the client sent: cut out of the excerpt wherever the body echoes it. */
  // Stryker disable next-line ArrayDeclaration: equivalent but for Stryker's own text: the mutant only adds "Stryker was here" to the secrets cut out of a body
  constructor(exchange: HttpExchange, problem: string, body: string, contentType: string | undefined, cause?: unknown, secrets: readonly string[] = []) {
    const shown = excerpt(body, secrets);
    super(exchange, `: ${problem}` + (contentType ? ` (content-type ${contentType})` : "") + (shown ? `; body starts: ${shown}` : "; body is empty"), cause);
    this.contentType = contentType;
    this.excerpt = shown;
  }
}

/** A request that got no (complete) HTTP answer, and how often it was tried. */
export interface FailedRequest {
  method: string;
  url: string;
  /** How many times the request was sent, retries included; 0 if it was never sent. */
  attempts: number;
  /** Why the retry layer stopped, e.g. "POST is not retried without retryNonIdempotent". */
  stopReason?: string;
}

/** What a network error and a timeout share: the request, how often it was sent, and a message saying so. */
abstract class FailedRequestError extends VpnaasError {
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;
  constructor(request: FailedRequest, what: string, cause: unknown) {
    super(
      `${request.method} ${request.url} ${what} (${request.attempts} attempt${request.attempts === 1 ? "" : "s"})` +
        (request.stopReason ? `; ${request.stopReason}` : ""),
      { cause },
    );
    this.method = request.method;
    this.url = request.url;
    this.attempts = request.attempts;
  }
}

/**
 * No complete HTTP answer arrived: connection refused or reset (also in the middle of the body),
 * socket hang-up, DNS failure. `cause` is the original error from `fetch`.
 */
export class VpnaasNetworkError extends FailedRequestError {
  override name = "VpnaasNetworkError";
  /** The system error code when there is one, e.g. `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`. */
  declare readonly code: string | undefined;
  /**
   * `true` for a connection that failed or broke (sending again may work; whether resending a POST
   * is safe is the caller's judgement); `false` when `fetch` failed in a way that sending again
   * would not mend (an invalid header value, a body too large for a string).
   */
  declare readonly retryable: boolean;
  constructor(request: FailedRequest, cause: unknown, retryable = true) {
    const code = networkErrorCode(cause);
    super(request, `failed: ${describeNetworkFailure(code, cause)}`, cause);
    this.code = code;
    this.retryable = retryable;
  }
}

/**
 * Which limit ended a call: `timeoutMs` for one attempt, `totalTimeoutMs` for the whole call, or
 * the caller's `AbortSignal`.
 */
export type TimeoutKind = "timeoutMs" | "totalTimeoutMs" | "aborted";

/**
 * The call ran out of time or the caller aborted it; {@link VpnaasTimeoutError.kind} says which.
 * `cause` is the original `AbortError`/`TimeoutError` (for `aborted`, the caller's abort reason).
 */
export class VpnaasTimeoutError extends FailedRequestError {
  override name = "VpnaasTimeoutError";
  declare readonly kind: TimeoutKind;
  /** The limit that ran out, in ms; undefined when the caller aborted. */
  declare readonly limitMs: number | undefined;
  /** Time from the start of the call to the error, in ms. */
  declare readonly elapsedMs: number;
  constructor(request: FailedRequest, kind: TimeoutKind, limitMs: number | undefined, elapsedMs: number, cause: unknown) {
    const what =
      kind === "aborted"
        ? "aborted by the caller"
        : kind === "timeoutMs"
          ? `no complete answer within timeoutMs ${limitMs} ms`
          : `totalTimeoutMs ${limitMs} ms ran out`;
    super(request, `${what} after ${Math.round(elapsedMs)} ms`, cause);
    this.kind = kind;
    this.limitMs = limitMs;
    this.elapsedMs = elapsedMs;
  }
}

/** A request as an error shows it: credentials in its headers replaced by {@link redactHeaders}. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * The server answered with a redirect the client will not follow: to another origin or to plain
 * http (a credential would go with it), a method change, or too many hops. `location` is the
 * target's origin and path, never its query (which may carry a token).
 */
export class VpnaasRedirectError extends VpnaasError {
  override name = "VpnaasRedirectError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly url: string;
  /** Where the server pointed, as origin and path; undefined when it did not say or a browser hid it. */
  declare readonly location: string | undefined;
  constructor(request: { method: string; url: string }, status: number, location: string | undefined, why: string) {
    super(`${request.method} ${request.url} → ${status || "opaque"} redirect${location ? ` to ${location}` : ""} not followed: ${why}. Nothing was sent there.`);
    this.status = status;
    this.method = request.method;
    this.url = request.url;
    this.location = location;
  }
}

/** Authentication failed: bad credentials, a refused token request, or a 401 after one refresh. */
export class VpnaasAuthError extends VpnaasError {
  override name = "VpnaasAuthError";
  /** The API request that was refused, with its credentials redacted; absent for a token request. */
  declare readonly request: RedactedRequest | undefined;
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
export const isRedirectError = (e: unknown): e is VpnaasRedirectError => nameOf(e) === "VpnaasRedirectError";

function describeErrorBody(body: unknown): { errorType?: string; errorMessage?: string } {
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, any>;
  const neutron = b.NeutronError;
  if (neutron && typeof neutron === "object") return { errorType: str(neutron.type), errorMessage: str(neutron.message) };
  if (b.error && typeof b.error === "object") return { errorType: str(b.error.title), errorMessage: str(b.error.message) };
  // WebOb's own error body, as keystonemiddleware answers when Keystone is unreachable.
  if (typeof b.title === "string" && typeof b.message === "string") return { errorType: str(b.title), errorMessage: str(b.message) };
  // Stryker disable next-line ConditionalExpression: equivalent, without either member str() gives undefined for both, the same as {}
  if ("error_code" in b || "error_msg" in b) return { errorType: str(b.error_code), errorMessage: str(b.error_msg) };
  return {};
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? redactSecrets(limitText(v)) : undefined);

/**
 * A stand-in for an error that must not be kept as it is: same name and code, its message cut to
 * 300 characters with `secrets` removed. (fetch's invalid-header TypeError quotes the value.)
 */
export function sanitizedCause(error: unknown, secrets: readonly string[]): Error {
  const { name, message } = (typeof error === "object" && error !== null ? error : { message: String(error) }) as { name?: unknown; message?: unknown };
  const copy = new Error(redactSecrets(redactKnown(typeof message === "string" ? limitText(message, 300) : "", secrets)));
  copy.name = typeof name === "string" ? name : "Error";
  // The code may sit deeper than the error (fetch's TypeError → a TLS error's
  // SELF_SIGNED_CERT_IN_CHAIN): the copy keeps it, so the message can name it.
  const code = networkErrorCode(error);
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
