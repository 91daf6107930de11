import { operations } from "../generated/operations";
import { checkBaseUrl } from "./endpoint-url";
import type { IpsecSiteConnectionOperations } from "./ipsec-site-connections";
import { type OperationMethods, WAITS, type WaitMethods } from "./operations/method-types";
import { operationMethods, waitMethods } from "./operations/methods";
import { siteToSiteMethods, type SiteToSiteMethods } from "./operations/site-to-site";
import { type ClientStack, clientStack, type VpnaasClientOptions } from "./pipeline";

export type { VpnaasClientOptions } from "./pipeline";

/**
 * A client with the typed operations only: {@link VpnaasClient} without `api`. One method per
 * operation of the spec (`list…`, `get…`, `create…`, `update…`, `delete…`), made from the
 * generated operation table, plus `waitForIpsecSiteConnection`, `waitForVpnService`,
 * `createSiteToSiteVpn` and `deleteSiteToSiteVpn`. Same
 * options, same auth, retries and errors; it leaves openapi-fetch (about 2.7 kB minified and
 * gzipped) out of a browser bundle that does not use `api`.
 */
export interface VpnaasCoreClient extends IpsecSiteConnectionOperations, Omit<OperationMethods, keyof IpsecSiteConnectionOperations>, WaitMethods, SiteToSiteMethods {}

/**
 * Creates a client with the typed operations and no `api`: for browser bundles that want to stay
 * small. Nothing is sent until an operation is called. Use `createVpnaasClient` to also get `api`.
 *
 * @throws VpnaasValidationError when an option is invalid (a `baseUrl` with a password in it, a
 *   negative delay, an invalid header); nothing is sent then.
 */
export function createVpnaasCoreClient(options: VpnaasClientOptions): VpnaasCoreClient {
  return coreMethods(clientStack(options, requireBaseUrl));
}

/** Every operation's method, the waits and the site-to-site builder, over `stack`. */
export function coreMethods(stack: ClientStack): VpnaasCoreClient {
  const methods = operationMethods(stack, operations) as unknown as OperationMethods;
  return { ...methods, ...waitMethods(stack, operations, WAITS), ...siteToSiteMethods(methods) } as unknown as VpnaasCoreClient;
}

export function requireBaseUrl(baseUrl: unknown): string {
  return checkBaseUrl(baseUrl);
}
