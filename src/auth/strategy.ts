import type { Fetch } from "../call";
import { VpnaasValidationError } from "../errors";

/** What a strategy learns from the client that uses it. */
export interface AuthContext {
  /** The client's `allowInsecureHttp`: credentials may go to `http://` URLs. */
  allowInsecureHttp: boolean;
}

/**
 * A way to authenticate: `keystoneAuth()`, `tokenAuth()` or `akskAuth()`. Pass it as
 * `createVpnaasClient({ auth })`. A strategy holds its secrets in closures, never as properties,
 * so logging the object shows nothing secret.
 */
export interface AuthStrategy {
  /** `"token"`, `"keystone"` or `"aksk"`. */
  readonly kind: string;
  /** True when the strategy finds the API endpoint itself (Keystone's catalog), so `baseUrl` may be omitted. */
  readonly discoversBaseUrl?: boolean;
  /**
   * Returns a Fetch that authenticates every request it is given (again on each call: a retry
   * layer outside it re-signs and re-authenticates each attempt), sending through `next`.
   */
  wrap(next: Fetch, context: AuthContext): AuthenticatedFetch;
}

/** An authenticating Fetch, plus endpoint discovery where the strategy can do it. */
export interface AuthenticatedFetch extends Fetch {
  /** The API endpoint found by authenticating (Keystone's catalog), when no `baseUrl` is given. */
  discoverBaseUrl?: () => Promise<string>;
}

/**
 * Throws unless `url` is https, or http with the caller's explicit opt-in. Called before anything
 * secret is sent, so nothing is.
 */
export function requireSecureUrl(url: string, allowInsecureHttp: boolean, optInto: "createVpnaasClient" | "keystoneAuth"): void {
  const { protocol, host } = new URL(url);
  if (protocol === "https:" || (protocol === "http:" && allowInsecureHttp)) return;
  throw new VpnaasValidationError(
    "allowInsecureHttp",
    protocol === "http:"
      ? `Refusing to send credentials over plain http:// to ${host}; use https, or pass allowInsecureHttp: true to ${optInto} for a local test cloud. Nothing was sent.`
      : `Refusing to send credentials to a ${protocol} URL; only https (or http with allowInsecureHttp: true) is allowed. Nothing was sent.`,
  );
}

/**
 * The request's body, read once so that copies of the request can be sent more than once
 * (a Request body is single-use). `null` when there is none.
 */
export async function bodyOf(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  if (request.body === null) return null;
  return new Uint8Array(await request.clone().arrayBuffer());
}

/** A fresh copy of `request` with `headers` set on it and `body` as its body. */
export function withHeaders(request: Request, body: Uint8Array<ArrayBuffer> | null, headers: Record<string, string>): Request {
  const merged = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Request(request, { headers: merged, body });
}
