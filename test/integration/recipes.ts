import { randomBytes } from "node:crypto";
import type { NeutronTarget, Topology } from "./seed";

type Json = Record<string, any>;

/** What each resource is made from in the real-server tests: three creates, an update, and the database table of its status if it has one. */
export type Recipes = Record<string, { creates: Json[]; update: Json; statusTable?: string }>;

/**
 * Three objects of each resource in `target`'s project, on `topo`; names carry `prefix` and a random
 * tag, so runs against the same servers never collide. Peer addresses are data only.
 */
export function recipesFor(target: NeutronTarget, topo: Topology, prefix: string): Recipes {
  const tag = randomBytes(3).toString("hex");
  const named = (kind: string, extra: (i: number) => Json = () => ({})) => [1, 2, 3].map((i) => ({ project_id: target.projectId, name: `${prefix}-${kind}-${tag}-${i}`, ...extra(i) }));
  return {
    IkePolicy: { creates: named("ike", (i) => ({ pfs: "group14", lifetime: { value: 600 * i } })), update: { description: "changed", ike_version: "v2" } },
    IpsecPolicy: { creates: named("ipsec", () => ({ encapsulation_mode: "transport" })), update: { description: "changed", lifetime: { value: 7200 } } },
    EndpointGroup: { creates: named("epg", (i) => ({ type: "cidr", endpoints: [`10.${20 + i}.0.0/24`] })), update: { description: "changed" } },
    VpnService: { creates: named("vpn", () => ({ router_id: topo.routerId })), update: { admin_state_up: false }, statusTable: "vpnservices" },
    IpsecSiteConnection: {
      creates: named("conn", (i) => ({
        vpnservice_id: topo.vpnserviceId, ikepolicy_id: topo.ikepolicyId, ipsecpolicy_id: topo.ipsecpolicyId, local_ep_group_id: topo.localEpGroupId,
        peer_ep_group_id: topo.peerEpGroupId, peer_address: "172.24.4.226", peer_id: `peer-${i}.example.net`, psk: `psk-${randomBytes(6).toString("hex")}`, mtu: 1400,
      })),
      update: { mtu: 1380, dpd: { action: "hold", interval: 10, timeout: 40 } },
      statusTable: "ipsec_site_connections",
    },
  };
}

/** An attribute as Neutron stores what was sent: a lifetime gets its default units. */
export const asCreated = (key: string, sent: unknown): unknown => (key === "lifetime" ? { units: "seconds", ...(sent as Json) } : sent);
/** An attribute as Neutron stores an update: a lifetime's sent members over the stored ones. */
export const asUpdated = (key: string, sent: unknown, before: Json): unknown => (key === "lifetime" ? { ...before[key], ...(sent as Json) } : sent);
