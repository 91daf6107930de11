import type { CallOptions } from "../call";
import { VpnaasError } from "../errors";
import type { OperationMethods } from "./method-types";

type M = OperationMethods;
type Body<K extends keyof M> = M[K] extends (...args: infer A) => unknown ? (K extends `create${string}` ? A[0] : never) : never;
type Made<K extends keyof M> = M[K] extends (...args: never[]) => Promise<infer R> ? R : never;

/** What {@link SiteToSiteMethods.createSiteToSiteVpn} makes: the attributes of each object, in its create's terms. */
export interface SiteToSiteVpnSpec {
  /** An existing VPN service (`{ id }`), or one to create (its attributes, `router_id` required). */
  vpnService: { id: string } | Body<"createVpnService">;
  ikePolicy: Body<"createIkePolicy">;
  ipsecPolicy: Body<"createIpsecPolicy">;
  /** The local subnets (`type: "subnet"`). */
  localEndpointGroup: Body<"createEndpointGroup">;
  /** The peer's CIDRs (`type: "cidr"`). */
  peerEndpointGroup: Body<"createEndpointGroup">;
  /** The connection, without the ids of the objects above, which are filled in. */
  connection: Omit<Body<"createIpsecSiteConnection">, "vpnservice_id" | "ikepolicy_id" | "ipsecpolicy_id" | "local_ep_group_id" | "peer_ep_group_id">;
}

/** A site-to-site VPN as made: each object as stored, and whether the VPN service was made with it. */
export interface SiteToSiteVpn {
  vpnService: Made<"createVpnService"> | { id: string };
  /** Whether `vpnService` was created with the VPN (and so is deleted with it). */
  ownsVpnService: boolean;
  ikePolicy: Made<"createIkePolicy">;
  ipsecPolicy: Made<"createIpsecPolicy">;
  localEndpointGroup: Made<"createEndpointGroup">;
  peerEndpointGroup: Made<"createEndpointGroup">;
  connection: Made<"createIpsecSiteConnection">;
}

/**
 * A step of the build failed; what had been made was deleted again, in reverse order. `cause` is
 * the step's error; `leftBehind` names what could not be deleted (empty when nothing is left).
 */
export class VpnaasSiteToSiteError extends VpnaasError {
  override name = "VpnaasSiteToSiteError";
  /** The step that failed, e.g. `createIpsecSiteConnection`. */
  declare readonly step: string;
  /** `"<operation> <id>"` of each object that could not be deleted. */
  declare readonly leftBehind: readonly string[];
  constructor(step: string, cause: unknown, leftBehind: string[]) {
    super(`${step} failed; ${leftBehind.length ? `could not delete ${leftBehind.join(", ")}` : "everything made before it was deleted"}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.step = step;
    this.leftBehind = leftBehind;
  }
}

export const isSiteToSiteError = (e: unknown): e is VpnaasSiteToSiteError => typeof e === "object" && e !== null && (e as { name?: unknown }).name === "VpnaasSiteToSiteError";

export interface SiteToSiteMethods {
  /**
   * Builds a whole site-to-site VPN in order: the two endpoint groups, the IKE and IPsec policies,
   * the VPN service unless an existing one is given, then the connection. When a step fails, what
   * was made is deleted in reverse order and the call rejects with a {@link VpnaasSiteToSiteError}.
   */
  createSiteToSiteVpn(spec: SiteToSiteVpnSpec, options?: CallOptions): Promise<SiteToSiteVpn>;
  /**
   * Deletes what {@link SiteToSiteMethods.createSiteToSiteVpn} made, in reverse order (a VPN service
   * it did not make is left); what is already gone is skipped; the first other failure rejects.
   */
  deleteSiteToSiteVpn(vpn: SiteToSiteVpn, options?: CallOptions): Promise<void>;
}

type Undo = [operation: string, id: string];

/** The builder over a client's methods. */
export function siteToSiteMethods(m: M): SiteToSiteMethods {
  const undo = async (made: Undo[], options: CallOptions) => {
    const left: string[] = [];
    for (const [op, id] of [...made].reverse()) {
      await (m[op as keyof M] as (id: string, o: object) => Promise<void>)(id, { ...options, ignoreMissing: true }).catch(() => left.push(`${op} ${id}`));
    }
    return left;
  };
  return {
    async createSiteToSiteVpn(spec, options = {}) {
      const made: Undo[] = [];
      const step = async <T extends { id: string }>(create: string, remove: string, run: () => Promise<T>): Promise<T> => {
        try {
          const object = await run();
          made.push([remove, object.id]);
          return object;
        } catch (error) {
          // The rollback runs even when the caller's signal ended the build: nothing may be left behind.
          throw new VpnaasSiteToSiteError(create, error, await undo(made, {}));
        }
      };
      const localEndpointGroup = await step("createEndpointGroup", "deleteEndpointGroup", () => m.createEndpointGroup(spec.localEndpointGroup, options));
      const peerEndpointGroup = await step("createEndpointGroup", "deleteEndpointGroup", () => m.createEndpointGroup(spec.peerEndpointGroup, options));
      const ikePolicy = await step("createIkePolicy", "deleteIkePolicy", () => m.createIkePolicy(spec.ikePolicy, options));
      const ipsecPolicy = await step("createIpsecPolicy", "deleteIpsecPolicy", () => m.createIpsecPolicy(spec.ipsecPolicy, options));
      const ownsVpnService = !("id" in spec.vpnService);
      const vpnService = ownsVpnService ? await step("createVpnService", "deleteVpnService", () => m.createVpnService(spec.vpnService as Body<"createVpnService">, options)) : (spec.vpnService as { id: string });
      const ids = { vpnservice_id: vpnService.id, ikepolicy_id: ikePolicy.id, ipsecpolicy_id: ipsecPolicy.id, local_ep_group_id: localEndpointGroup.id, peer_ep_group_id: peerEndpointGroup.id };
      // Stryker disable next-line StringLiteral: equivalent, the connection is the last step: no later one can fail and undo it
      const connection = await step("createIpsecSiteConnection", "deleteIpsecSiteConnection", () => m.createIpsecSiteConnection({ ...spec.connection, ...ids } as Body<"createIpsecSiteConnection">, options));
      return { vpnService, ownsVpnService, ikePolicy, ipsecPolicy, localEndpointGroup, peerEndpointGroup, connection };
    },
    async deleteSiteToSiteVpn(vpn, options = {}) {
      const o = { ...options, ignoreMissing: true };
      await m.deleteIpsecSiteConnection(vpn.connection.id, o);
      if (vpn.ownsVpnService) await m.deleteVpnService(vpn.vpnService.id, o);
      await m.deleteIpsecPolicy(vpn.ipsecPolicy.id, o);
      await m.deleteIkePolicy(vpn.ikePolicy.id, o);
      await m.deleteEndpointGroup(vpn.peerEndpointGroup.id, o);
      await m.deleteEndpointGroup(vpn.localEndpointGroup.id, o);
    },
  };
}
