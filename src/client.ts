import createClient, { type Client } from "openapi-fetch";
import type { AuthStrategy } from "./auth/strategy";
import { DISCOVERED_BASE_URL, withAuth } from "./auth/with-auth";
import type { Fetch } from "./call";
import { VpnaasValidationError } from "./errors";
import { ipsecSiteConnectionOperations, type IpsecSiteConnectionOperations } from "./ipsec-site-connections";
import type { paths } from "./types";

export interface VpnaasClientOptions {
  /**
   * The network endpoint, e.g. `https://network.example.com:9696` (Neutron) or
   * `https://vpc.cn-north-4.myhuaweicloud.com` (Huawei Cloud); without `/v2.0`.
   * Required, except with an `auth` that discovers it (`keystoneAuth`: the `network` endpoint of
   * the token's catalog).
   */
  baseUrl?: string;
  /** The fetch to send with. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every call, e.g. `{"User-Agent": "my-tool/1.0"}`. */
  headers?: Record<string, string>;
  /** How requests are authenticated: `tokenAuth()`, `keystoneAuth()` or `akskAuth()`. Default: none. */
  auth?: AuthStrategy;
  /**
   * Lets `auth` send tokens and signatures to plain `http://` endpoints (e.g. DevStack). Default:
   * `false`: such a call fails with a `VpnaasValidationError` and nothing is sent.
   */
  allowInsecureHttp?: boolean;
}

/** A client: one method per operation, plus `api`, the typed openapi-fetch client for anything else. */
export interface VpnaasClient extends IpsecSiteConnectionOperations {
  /** The underlying openapi-fetch client over the spec's `paths`; it shares this client's transport. */
  readonly api: Client<paths>;
}

/** Creates a client. Nothing is sent until an operation is called. */
export function createVpnaasClient(options: VpnaasClientOptions): VpnaasClient {
  const baseUrl = options?.auth?.discoversBaseUrl && options.baseUrl === undefined ? DISCOVERED_BASE_URL : requireBaseUrl(options?.baseUrl);
  const userFetch = options.fetch ?? globalThis.fetch;
  // Everything cross-cutting (auth, retries) wraps this one function, built once per client.
  const transport: Fetch = withAuth((request) => userFetch(request), options);
  const api = createClient<paths>({
    baseUrl,
    headers: { Accept: "application/json", ...options.headers },
    fetch: transport,
  });
  return { api, ...ipsecSiteConnectionOperations(api, transport) };
}

function requireBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== "string" || !URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new VpnaasValidationError("baseUrl", `baseUrl must be an http(s) URL such as https://network.example.com:9696, got ${typeof baseUrl === "string" ? JSON.stringify(baseUrl) : typeof baseUrl}.`);
  }
  return baseUrl.replace(/\/+$/, "");
}
