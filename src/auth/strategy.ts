import type { Send } from "../request";
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
   * Returns a layer that authenticates every request it is given (again on each call: a retry
   * layer outside it re-signs and re-authenticates each attempt), sending through `next`. It sets
   * its headers on the request in place, replacing those of an earlier attempt.
   */
  wrap(next: Send, context: AuthContext): AuthenticatedFetch;
}

/** An authenticating layer, plus endpoint discovery where the strategy can do it. */
export interface AuthenticatedFetch extends Send {
  /** The API endpoint found by authenticating (Keystone's catalog), when no `baseUrl` is given. */
  discoverBaseUrl?: () => Promise<string>;
}

/**
 * Throws unless `url` is https, or http with the caller's explicit opt-in. Called before anything
 * secret is sent, so nothing is. It runs on every request, so the usual lowercase prefix is
 * accepted without parsing the URL.
 */
export function requireSecureUrl(url: string, allowInsecureHttp: boolean, optInto: "createVpnaasClient" | "keystoneAuth"): void {
  if (url.startsWith("https://") || (allowInsecureHttp && url.startsWith("http://"))) return;
  const { protocol, host } = new URL(url);
  if (protocol === "https:" || (protocol === "http:" && allowInsecureHttp)) return;
  throw new VpnaasValidationError(
    "allowInsecureHttp",
    protocol === "http:"
      ? `Refusing to send credentials over plain http:// to ${host}; use https, or pass allowInsecureHttp: true to ${optInto} for a local test cloud. Nothing was sent.`
      : `Refusing to send credentials to a ${protocol} URL; only https (or http with allowInsecureHttp: true) is allowed. Nothing was sent.`,
  );
}
