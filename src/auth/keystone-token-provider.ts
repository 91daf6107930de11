/** One Keystone token, as the provider caches it. */
export interface KeystoneToken {
  /** The `X-Subject-Token` value. */
  readonly value: string;
  /** `token.expires_at` in ms since the epoch; undefined when Keystone gave none (then kept until a 401). */
  readonly expiresAtMs: number | undefined;
  /** When this token was received, in ms since the epoch. */
  readonly obtainedAtMs: number;
  /** `token.catalog`, for endpoint discovery; empty when Keystone sent none. */
  readonly catalog: readonly CatalogService[];
}

/** One service of a Keystone v3 catalog. */
export interface CatalogService {
  type?: string;
  name?: string;
  endpoints?: Array<{ interface?: string; region?: string; region_id?: string; url?: string }>;
}

export interface KeystoneTokenProviderOptions {
  /** Refresh this long before `expires_at`, at most half the token's lifetime. Default: 120 000 ms. */
  refreshBeforeExpiryMs?: number;
  /** The clock, in ms since the epoch. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Caches one token for every caller and refreshes it shortly before it expires. Concurrent callers
 * needing a new token share one in-flight request; a failed request is not cached, so the next
 * caller tries again. The token lives in a private field, invisible to `util.inspect`.
 */
export class KeystoneTokenProvider {
  readonly #requestToken: () => Promise<KeystoneToken>;
  readonly #now: () => number;
  readonly #marginMs: number;
  #current: KeystoneToken | undefined;
  #inFlight: Promise<KeystoneToken> | undefined;

  constructor(requestToken: () => Promise<KeystoneToken>, options: KeystoneTokenProviderOptions = {}) {
    this.#requestToken = requestToken;
    this.#now = options.now ?? Date.now;
    this.#marginMs = options.refreshBeforeExpiryMs ?? 120_000;
  }

  /** The cached token, or a new one when there is none or it is about to expire. */
  get(): Promise<KeystoneToken> {
    const current = this.#current;
    return current && this.#fresh(current) ? Promise.resolve(current) : this.refresh(current);
  }

  /**
   * A new token in place of `stale` (e.g. one the API answered 401 to). If another caller has
   * already replaced `stale`, that newer token is returned and no request is sent.
   */
  refresh(stale: KeystoneToken | undefined): Promise<KeystoneToken> {
    const current = this.#current;
    if (current && current !== stale && this.#fresh(current)) return Promise.resolve(current);
    this.#inFlight ??= this.#requestToken()
      .then((token) => (this.#current = token))
      .finally(() => (this.#inFlight = undefined));
    return this.#inFlight;
  }

  #fresh(token: KeystoneToken): boolean {
    if (token.expiresAtMs === undefined) return true;
    const margin = Math.min(this.#marginMs, (token.expiresAtMs - token.obtainedAtMs) / 2);
    return this.#now() < token.expiresAtMs - margin;
  }
}
