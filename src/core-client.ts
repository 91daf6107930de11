import { checkBaseUrl } from "./endpoint-url";
import { ipsecSiteConnectionOperations, type IpsecSiteConnectionOperations } from "./ipsec-site-connections";
import { clientStack, type VpnaasClientOptions } from "./pipeline";

export type { VpnaasClientOptions } from "./pipeline";

/**
 * A client with the typed operations only: {@link VpnaasClient} without `api`. Same options, same
 * auth, retries and errors; it leaves openapi-fetch (about 2.7 kB minified and gzipped) out of a
 * browser bundle that does not use `api`.
 */
export type VpnaasCoreClient = IpsecSiteConnectionOperations;

/**
 * Creates a client with the typed operations and no `api`: for browser bundles that want to stay
 * small. Nothing is sent until an operation is called. Use `createVpnaasClient` to also get `api`.
 *
 * @throws VpnaasValidationError when an option is invalid (a `baseUrl` with a password in it, a
 *   negative delay, an invalid header); nothing is sent then.
 */
export function createVpnaasCoreClient(options: VpnaasClientOptions): VpnaasCoreClient {
  return ipsecSiteConnectionOperations(clientStack(options, requireBaseUrl));
}

export function requireBaseUrl(baseUrl: unknown): string {
  return checkBaseUrl(baseUrl);
}
