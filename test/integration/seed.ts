import { expectStatus, rawRequest, type RawResponse } from "./rest";

/**
 * How to reach one neutron-server for seeding. With noauth, Neutron has no project in the request
 * context, so `projectId` goes into every body; with Keystone, `token` (and `adminToken` for the
 * external network, which a `member` may not create).
 */
export interface NeutronTarget {
  baseUrl: string;
  projectId?: string;
  token?: string;
  adminToken?: string;
}

/** Everything an IPsec site connection needs, created through Neutron's REST API. */
export interface Topology {
  externalNetworkId: string;
  networkId: string;
  subnetId: string;
  routerId: string;
  vpnserviceId: string;
  ikepolicyId: string;
  ipsecpolicyId: string;
  localEpGroupId: string;
  peerEpGroupId: string;
  peerCidr: string;
}

const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function post<T = any>(t: NeutronTarget, path: string, key: string, body: Record<string, unknown>, admin = false): Promise<T> {
  const owned = t.projectId ? { project_id: t.projectId, ...body } : body;
  return expectStatus<Record<string, T>>(201, t.baseUrl, "POST", path, { token: admin ? t.adminToken ?? t.token : t.token, body: { [key]: owned } }).then((b) => b[key]!);
}

/**
 * network + subnet, an external network (router:external) + subnet, a router with its gateway on
 * the external network and an interface on the subnet, a VPN service on the router, IKE and IPsec
 * policies, and endpoint groups (local: the subnet; peer: a CIDR). Names carry `tag` and a unique
 * suffix, so repeated runs against the same servers never collide. The peer CIDR and addresses are
 * data only: no agent runs, nothing connects anywhere.
 */
export async function seedTopology(t: NeutronTarget, tag: string): Promise<Topology> {
  const n = `${tag}-${uniq()}`;
  // The external network is "shared" by nature; created by an admin (noauth: every request is).
  const ext = await post(t, "/v2.0/networks", "network", { name: `${n}-public`, "router:external": true }, true);
  await post(t, "/v2.0/subnets", "subnet", { network_id: ext.id, cidr: "172.24.4.0/24", ip_version: 4, gateway_ip: "172.24.4.1", enable_dhcp: false }, true);
  const net = await post(t, "/v2.0/networks", "network", { name: `${n}-private` });
  const subnet = await post(t, "/v2.0/subnets", "subnet", { network_id: net.id, name: `${n}-subnet`, cidr: "10.1.0.0/24", ip_version: 4, enable_dhcp: false });
  const router = await post(t, "/v2.0/routers", "router", { name: `${n}-router`, external_gateway_info: { network_id: ext.id } });
  await expectStatus(200, t.baseUrl, "PUT", `/v2.0/routers/${router.id}/add_router_interface`, { token: t.token, body: { subnet_id: subnet.id } });
  const vpnservice = await post(t, "/v2.0/vpn/vpnservices", "vpnservice", { name: `${n}-vpn`, router_id: router.id });
  const ike = await post(t, "/v2.0/vpn/ikepolicies", "ikepolicy", { name: `${n}-ike` });
  const ipsec = await post(t, "/v2.0/vpn/ipsecpolicies", "ipsecpolicy", { name: `${n}-ipsec` });
  const local = await post(t, "/v2.0/vpn/endpoint-groups", "endpoint_group", { name: `${n}-local`, type: "subnet", endpoints: [subnet.id] });
  const peerCidr = "10.2.0.0/24";
  const peer = await post(t, "/v2.0/vpn/endpoint-groups", "endpoint_group", { name: `${n}-peer`, type: "cidr", endpoints: [peerCidr] });
  return {
    externalNetworkId: ext.id,
    networkId: net.id,
    subnetId: subnet.id,
    routerId: router.id,
    vpnserviceId: vpnservice.id,
    ikepolicyId: ike.id,
    ipsecpolicyId: ipsec.id,
    localEpGroupId: local.id,
    peerEpGroupId: peer.id,
    peerCidr,
  };
}

/** The minimum a connection needs on top of the topology; `extra` adds or overrides attributes. */
export function connectionBody(t: NeutronTarget, topo: Topology, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ipsec_site_connection: {
      ...(t.projectId ? { project_id: t.projectId } : {}),
      vpnservice_id: topo.vpnserviceId,
      ikepolicy_id: topo.ikepolicyId,
      ipsecpolicy_id: topo.ipsecpolicyId,
      local_ep_group_id: topo.localEpGroupId,
      peer_ep_group_id: topo.peerEpGroupId,
      peer_address: "172.24.4.226",
      peer_id: "172.24.4.226",
      psk: "secret",
      ...extra,
    },
  };
}

/** `POST /v2.0/vpn/ipsec-site-connections` as sent; returns the raw response (201 or an error). */
export function postConnection(t: NeutronTarget, topo: Topology, extra: Record<string, unknown> = {}): Promise<RawResponse> {
  return rawRequest(t.baseUrl, "POST", "/v2.0/vpn/ipsec-site-connections", { token: t.token, body: connectionBody(t, topo, extra) });
}

/**
 * Deletes what seedTopology made, and every connection on its VPN service, in reverse order: suites
 * that share a project (Keystone's demo project) would otherwise fill its quota (10 routers) after a
 * few runs against servers kept running. What is gone already (404) is fine.
 */
export async function removeTopology(t: NeutronTarget, topo: Topology): Promise<void> {
  const del = async (path: string, admin = false) => {
    const res = await rawRequest(t.baseUrl, "DELETE", path, { token: admin ? t.adminToken ?? t.token : t.token });
    if (res.status !== 204 && res.status !== 404) throw new Error(`DELETE ${path}: ${res.status} ${res.text.slice(0, 300)}`);
  };
  const owned = (await expectStatus<{ ipsec_site_connections: { id: string }[] }>(200, t.baseUrl, "GET", `/v2.0/vpn/ipsec-site-connections?vpnservice_id=${topo.vpnserviceId}&fields=id`, { token: t.token })).ipsec_site_connections;
  for (const { id } of owned) await del(`/v2.0/vpn/ipsec-site-connections/${id}`);
  await del(`/v2.0/vpn/vpnservices/${topo.vpnserviceId}`);
  for (const id of [topo.localEpGroupId, topo.peerEpGroupId]) await del(`/v2.0/vpn/endpoint-groups/${id}`);
  await del(`/v2.0/vpn/ikepolicies/${topo.ikepolicyId}`);
  await del(`/v2.0/vpn/ipsecpolicies/${topo.ipsecpolicyId}`);
  await expectStatus(200, t.baseUrl, "PUT", `/v2.0/routers/${topo.routerId}/remove_router_interface`, { token: t.token, body: { subnet_id: topo.subnetId } });
  await del(`/v2.0/routers/${topo.routerId}`);
  await del(`/v2.0/networks/${topo.networkId}`);
  await del(`/v2.0/networks/${topo.externalNetworkId}`, true);
}
