import type { CallOptions } from "./call";
import type { IpsecSiteConnection, IpsecSiteConnectionField } from "./types";

export interface GetIpsecSiteConnectionOptions<F extends IpsecSiteConnectionField = IpsecSiteConnectionField> extends CallOptions {
  /** Return only these attributes (sent as `?fields=a&fields=b`); the result type narrows to them. */
  fields?: readonly F[];
}

/**
 * `getIpsecSiteConnection`'s public signature, as two overloads. The method itself is made from the
 * operation table like every other; this keeps the overloads its callers and docs already name.
 */
export interface IpsecSiteConnectionOperations {
  /**
   * `GET /v2.0/vpn/ipsec-site-connections/{connection_id}`: one connection, unwrapped from its
   * `ipsec_site_connection` envelope. The result includes the secret `psk`.
   *
   * @throws VpnaasValidationError when `connectionId` is not a UUID or `fields` names an unknown
   *   attribute; nothing is sent then.
   * @throws VpnaasApiError on a non-2xx answer, e.g. 404 `IPsecSiteConnectionNotFound`.
   * @throws VpnaasResponseError when a 2xx body is not the JSON envelope the spec describes.
   * @throws VpnaasNetworkError when no complete answer arrived (after retries).
   * @throws VpnaasTimeoutError when `timeoutMs` or `totalTimeoutMs` ran out, or `signal` aborted.
   */
  getIpsecSiteConnection(connectionId: string, options?: CallOptions & { fields?: undefined }): Promise<IpsecSiteConnection>;
  getIpsecSiteConnection<F extends IpsecSiteConnectionField>(
    connectionId: string,
    options: GetIpsecSiteConnectionOptions<F> & { fields: readonly F[] },
  ): Promise<Pick<IpsecSiteConnection, F & keyof IpsecSiteConnection>>;
}
