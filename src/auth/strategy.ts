import type { Layer, Next } from "../request";

/** What a strategy learns from the client that uses it. */
export interface AuthContext {
  /**
   * The client's transport, below retries, redirects and auth: for a strategy's own requests
   * (Keystone's token request), which must never be authenticated or redirected themselves.
   */
  transport: Next;
  /**
   * The bound of a strategy's own request when it is shared by several calls (one Keystone token
   * request serves every call waiting for it, so no one caller's signal may end it): the client's
   * `timeoutMs`, or 60 000 ms when that is `Infinity`.
   */
  ownRequestTimeoutMs: number;
}

/**
 * A way to authenticate: `keystoneAuth()`, `tokenAuth()` or `akskAuth()`. Pass it as
 * `createVpnaasClient({ auth })`. A strategy holds its secrets in closures, never as properties,
 * so logging the object shows nothing secret.
 */
export interface AuthStrategy {
  /** `"token"`, `"keystone"` or `"aksk"`. */
  readonly kind: string;
  /** Returns the client's auth layer. The client calls it once, when it is created. */
  layer(context: AuthContext): AuthLayer;
}

/**
 * A layer that authenticates every request it is given (each attempt again: the retry layer sits
 * above it, so tokens and signatures are fresh), setting its headers on the request in place.
 * Every wait in it ends when `request.signal` (the attempt's) aborts.
 */
export interface AuthLayer extends Layer {
  /**
   * The API endpoint found by authenticating (Keystone's catalog), for a client without `baseUrl`:
   * without a trailing `/` or `/v2.0`. The client calls it before a call's first attempt.
   */
  discoverEndpoint?: (signal: AbortSignal | undefined) => Promise<string>;
}
