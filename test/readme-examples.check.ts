// README's "Every operation" examples, type-checked by `npm run typecheck`; test/readme-examples.test.ts
// checks that every line of them is here, so README cannot drift from what compiles.
import { createVpnaasClient, tokenAuth } from "../src";

const client = createVpnaasClient({ baseUrl: "https://network.example.com:9696", auth: tokenAuth("token") });
declare const id: string;
declare const routerId: string;
declare const localSubnetId: string;
declare const psk: string;

export async function readmeOperations(): Promise<void> {
  // Lazily, page by page (limit is the page size), following Neutron's next links:
  for await (const c of client.listIpsecSiteConnections({ status: ["DOWN", "ERROR"], limit: 100, fields: ["id", "name"] })) {
    console.log(c.id, c.name); // the item type is narrowed to the fields asked for
  }
  const pages = client.listIkePolicies({ limit: 50 }).pages(); // AsyncIterable of arrays
  const all = await client.listVpnServices().all(); // every item, in one array

  const policy = await client.createIkePolicy({ name: "ike-1", ike_version: "v2" }); // the stored object
  await client.updateIkePolicy(policy.id, { description: "rotated" });
  await client.deleteIkePolicy(policy.id, { ignoreMissing: true }); // 204, or 404 when ignoreMissing

  const up = await client.waitForIpsecSiteConnection(id, { status: "ACTIVE", timeoutMs: 300_000, intervalMs: 2_000 });

  const vpn = await client.createSiteToSiteVpn({
    vpnService: { router_id: routerId }, // or { id } of an existing VPN service, which teardown leaves
    localEndpointGroup: { type: "subnet", endpoints: [localSubnetId] },
    peerEndpointGroup: { type: "cidr", endpoints: ["10.2.0.0/24"] },
    ikePolicy: { name: "ike", ike_version: "v2" },
    ipsecPolicy: { name: "ipsec" },
    connection: { name: "to-site-b", peer_address: "203.0.113.7", peer_id: "203.0.113.7", psk },
  });
  await client.waitForIpsecSiteConnection(vpn.connection.id, { status: "ACTIVE" });
  await client.deleteSiteToSiteVpn(vpn); // reverse order; what is already gone is skipped
  // IPsec site connections: the DOWN ones on a router's VPN service, and a change to one of them
  const [service] = await client.listVpnServices({ router_id: [routerId], fields: ["id"] }).all();
  const down = await client.listIpsecSiteConnections({ vpnservice_id: [service!.id], status: ["DOWN"] }).all();
  await client.updateIpsecSiteConnection(down[0]!.id, { mtu: 1400, dpd: { action: "restart", interval: 30, timeout: 120 } });

  // VPN services: one on a router, then wait for the agent to report it
  const vpnService = await client.createVpnService({ name: "vpn-a", router_id: routerId, admin_state_up: true });
  await client.waitForVpnService(vpnService.id, { status: ["ACTIVE", "DOWN"] });

  // IKE policies: read two attributes of one (the result type has only those)
  const ike = await client.getIkePolicy(id, { fields: ["name", "ike_version"] });

  // IPsec policies: create one, list them all by name, delete it
  const ipsec = await client.createIpsecPolicy({ name: "ipsec-aes256", encryption_algorithm: "aes-256", pfs: "group14", lifetime: { units: "seconds", value: 3600 } });
  const byName = await client.listIpsecPolicies({ sort_key: ["name"], sort_dir: ["asc"] }).all();
  await client.deleteIpsecPolicy(ipsec.id);

  // Endpoint groups: the peer's CIDRs, renamed, and removed when no connection uses them
  const peers = await client.createEndpointGroup({ name: "site-b", type: "cidr", endpoints: ["10.2.0.0/24", "10.3.0.0/24"] });
  await client.updateEndpointGroup(peers.id, { name: "site-b-cidrs" });
  await client.deleteEndpointGroup(peers.id, { ignoreMissing: true });
  void [pages, all, up, ike, byName];
}
