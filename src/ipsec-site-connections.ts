import { type CallOptions, callJson } from "./call";
import type { ClientStack } from "./pipeline";
import type { IpsecSiteConnection, IpsecSiteConnectionField, paths, ResponseBody } from "./types";
import { optionalFields, requireUuid } from "./validation";

export interface GetIpsecSiteConnectionOptions<F extends IpsecSiteConnectionField = IpsecSiteConnectionField> extends CallOptions {
  /** Return only these attributes (sent as `?fields=a&fields=b`); the result type narrows to them. */
  fields?: readonly F[];
}

/** Operations on `/v2.0/vpn/ipsec-site-connections`. */
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

type Envelope = ResponseBody<"getIpsecSiteConnection", 200>;

/** The path of one connection, as the spec names it; the compiler checks it is one of `paths`. */
const CONNECTION_PATH = "/v2.0/vpn/ipsec-site-connections/{connection_id}" satisfies keyof paths;

/**
 * The operations over the client's stack. They build their requests themselves rather than
 * through openapi-fetch: the path is the spec's, the id a validated UUID (nothing to escape),
 * `fields` repeated as Neutron and openapi-fetch's default serializer write it.
 */
export function ipsecSiteConnectionOperations(stack: ClientStack): IpsecSiteConnectionOperations {
  return {
    async getIpsecSiteConnection(connectionId: string, options: GetIpsecSiteConnectionOptions = {}) {
      const path = CONNECTION_PATH.replace("{connection_id}", requireUuid("connectionId", connectionId));
      const fields = optionalFields(options.fields);
      const query = fields ? `?${fields.map((f) => `fields=${encodeURIComponent(f)}`).join("&")}` : "";
      return callJson<Envelope["ipsec_site_connection"]>(stack, { method: "GET", path: path + query }, "ipsec_site_connection", options);
    },
  } as IpsecSiteConnectionOperations;
}
