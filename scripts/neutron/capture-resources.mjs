#!/usr/bin/env node
// Records every operation of the five VPNaaS resources, and the errors spec/openapi.yaml declares for
// them, from the noauth neutron-server of scripts/neutron/up.sh, into
// test/fixtures/neutron-captures/<collection>/<operation>[-<case>]-<status>.json (the format of
// capture.mjs). Run it on freshly started servers (down.sh, then up.sh): the list captures hold every
// object of the database, and their pages are cut by count.
//
//   node scripts/neutron/capture-resources.mjs
//
// No agent runs, so VPN services and connections stay PENDING_CREATE and Neutron refuses to update
// them (the `update-pending-400` captures); before the `update-200` captures the script writes
// `status = 'ACTIVE'` into the database, as an agent's status report would.
import { execFileSync } from "node:child_process";
import { collection, env, exchange, expect201 } from "./capture-lib.mjs";

const base = env.neutronNoauthUrl;
const PROJECT = "9f2c1a7e4b5d4c3e8a6f0b1d2e3c4a5b";
const QUOTA_PROJECT = "0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b";
const MISSING = "6b7c1e6e-7d3f-4d0b-9d1a-1f0e2c3b4a59";
const resource = (dir, key) => collection({ baseUrl: base, path: `/v2.0/vpn/${dir}`, dir, key, projectId: PROJECT, script: "capture-resources.mjs" });

/** As an agent's status report would: the VPN plugin has no API that writes `status`. */
function setStatus(table, id, status) {
  execFileSync("mariadb", [`--defaults-file=${env.db.clientCnf}`, env.db.noauth, "-e", `UPDATE ${table} SET status = '${status}' WHERE id = '${id}'`]);
}

/** A router with a gateway on an external network and an interface on a private subnet. */
async function topology() {
  const post = (path, key, body) => expect201(base, path, key, body);
  const ext = await post("/v2.0/networks", "network", { name: "capture-public", "router:external": true });
  await post("/v2.0/subnets", "subnet", { network_id: ext.id, cidr: "172.24.4.0/24", ip_version: 4, gateway_ip: "172.24.4.1", enable_dhcp: false });
  const net = await post("/v2.0/networks", "network", { project_id: PROJECT, name: "capture-private" });
  const subnet = await post("/v2.0/subnets", "subnet", { project_id: PROJECT, network_id: net.id, cidr: "10.1.0.0/24", ip_version: 4, enable_dhcp: false });
  const routerOf = (name) => post("/v2.0/routers", "router", { project_id: PROJECT, name, external_gateway_info: { network_id: ext.id } });
  const router = await routerOf("capture-router");
  await exchange(base, "PUT", `/v2.0/routers/${router.id}/add_router_interface`, { body: { subnet_id: subnet.id } });
  return { subnetId: subnet.id, routerId: router.id, spareRouterId: (await routerOf("capture-router-2")).id };
}

const ike = resource("ikepolicies", "ikepolicy");
const ipsec = resource("ipsecpolicies", "ipsecpolicy");
const groups = resource("endpoint-groups", "endpoint_group");
const services = resource("vpnservices", "vpnservice");
const connections = resource("ipsec-site-connections", "ipsec_site_connection");

const topo = await topology();

// IKE policies: every attribute set, then Neutron's defaults; bounds and enums refused.
const ikeFull = (await ike.create("create-201", { name: "ike-a", description: "every attribute", auth_algorithm: "sha256", encryption_algorithm: "aes-256", phase1_negotiation_mode: "main", ike_version: "v2", pfs: "group14", lifetime: { units: "seconds", value: 7200 } })).body.ikepolicy;
const ikeDefaults = (await ike.create("create-defaults-201", { name: "ike-b" })).body.ikepolicy;
await ike.make({ name: "ike-c" });
await ike.create("create-lifetime-59-400", { name: "too-short", lifetime: { value: 59 } });
await ike.create("create-lifetime-kilobytes-400", { name: "kilobytes", lifetime: { units: "kilobytes", value: 7200 } });
await ike.create("create-pfs-unknown-400", { name: "pfs", pfs: "group15" });
await ike.create("create-read-only-id-400", { name: "with-id", id: MISSING });
await ike.create("create-unknown-attribute-400", { name: "bogus", bogus: 1 });
await ike.createRaw("create-no-envelope-400", { name: "bare" });
// Quotas: one IKE policy, nothing else, in a second project; Neutron checks them before anything else.
await exchange(base, "PUT", `/v2.0/quotas/${QUOTA_PROJECT}`, { body: { quota: { ikepolicy: 1, ipsecpolicy: 0, endpoint_group: 0, vpnservice: 0, ipsec_site_connection: 0 } } });
const overQuota = (r, body) => r.createRaw("create-over-quota-409", { [r.key]: { project_id: QUOTA_PROJECT, ...body } });
await expect201(base, ike.path, "ikepolicy", { project_id: QUOTA_PROJECT, name: "quota-1" });
await ike.createRaw("create-over-quota-409", { ikepolicy: { project_id: QUOTA_PROJECT, name: "quota-2" } });
await ike.get("get-200", ikeFull.id);
await ike.get("get-fields-200", ikeFull.id, "?fields=id&fields=lifetime&fields=no_such_attribute");
await ike.get("get-404", MISSING);
await ike.list("list-200");
await ike.list("list-by-name-200", "?name=ike-a&name=ike-c");
await ike.list("list-by-pfs-and-name-200", "?pfs=group5&name=ike-a&name=ike-b");
await ike.list("list-unknown-filter-200", "?no_such_attribute=1");
await ike.list("list-fields-200", "?fields=id&fields=name");
await ike.list("list-sorted-200", "?sort_key=name&sort_dir=desc&sort_key=id&sort_dir=asc");
await ike.list("list-sort-key-invalid-400", "?sort_key=pfs&sort_dir=asc");
await ike.list("list-sort-unpaired-400", "?sort_key=name");
await ike.list("list-limit-negative-400", "?limit=-1");
await ike.list("list-marker-unknown-200", `?limit=2&marker=${MISSING}`);
await ike.list("list-page-reverse-200", "?limit=2&page_reverse=true");
await ike.pages();
await ike.update("update-200", ikeDefaults.id, { name: "ike-b-renamed", lifetime: { value: 28800 } });
await ike.update("update-read-only-tenant-400", ikeDefaults.id, { tenant_id: PROJECT });
await ike.update("update-404", MISSING, { name: "nobody" });

// IPsec policies.
const ipsecFull = (await ipsec.create("create-201", { name: "ipsec-a", description: "every attribute", transform_protocol: "esp", auth_algorithm: "sha512", encryption_algorithm: "aes-192", encapsulation_mode: "tunnel", pfs: "group2", lifetime: { units: "seconds", value: 1800 } })).body.ipsecpolicy;
const ipsecDefaults = (await ipsec.create("create-defaults-201", { name: "ipsec-b" })).body.ipsecpolicy;
const ahEsp = (await ipsec.create("create-ah-esp-201", { name: "ipsec-ah-esp", transform_protocol: "ah-esp" })).body.ipsecpolicy;
await ipsec.create("create-encapsulation-unknown-400", { name: "bad", encapsulation_mode: "beet" });
await ipsec.get("get-200", ipsecFull.id);
await ipsec.get("get-fields-200", ipsecFull.id, "?fields=id&fields=transform_protocol");
await ipsec.get("get-404", MISSING);
await ipsec.list("list-200");
await ipsec.list("list-by-transform-protocol-200", "?transform_protocol=ah-esp");
await ipsec.list("list-sorted-200", "?sort_key=name&sort_dir=asc");
await ipsec.list("list-sort-key-invalid-400", "?sort_key=pfs&sort_dir=asc");
await ipsec.pages("&sort_key=name&sort_dir=desc");
await ipsec.update("update-200", ipsecDefaults.id, { description: "changed", pfs: "group14" });
await ipsec.update("update-pfs-unknown-400", ipsecDefaults.id, { pfs: "group1" });
await ipsec.update("update-404", MISSING, { name: "nobody" });
await overQuota(ipsec, { name: "quota" });

// Endpoint groups: no attribute of theirs is a sort key; `type` is not a working filter.
const local = (await groups.create("create-subnet-201", { name: "local", type: "subnet", endpoints: [topo.subnetId] })).body.endpoint_group;
const peer = (await groups.create("create-cidr-201", { name: "peer", description: "the remote side", type: "cidr", endpoints: ["10.2.0.0/24", "10.3.0.0/24"] })).body.endpoint_group;
const spare = await groups.make({ name: "spare", type: "cidr", endpoints: ["10.9.0.0/24"] });
await groups.create("create-no-endpoints-400", { name: "empty", type: "cidr", endpoints: [] });
await groups.create("create-missing-type-400", { name: "untyped", endpoints: ["10.4.0.0/24"] });
await groups.create("create-bad-cidr-400", { name: "bad-cidr", type: "cidr", endpoints: ["10.4.0.0/33"] });
await groups.create("create-unknown-subnet-400", { name: "no-subnet", type: "subnet", endpoints: [MISSING] });
await groups.get("get-200", peer.id);
await groups.get("get-fields-200", peer.id, "?fields=type&fields=endpoints");
await groups.get("get-404", MISSING);
await groups.list("list-200");
await groups.list("list-by-name-200", "?name=local&name=spare");
await groups.list("list-type-filter-ignored-200", "?type=subnet");
await groups.list("list-sort-400", "?sort_key=name&sort_dir=asc");
await groups.pages();
await groups.update("update-200", spare.id, { name: "spare-renamed", description: "renamed" });
await groups.update("update-endpoints-400", spare.id, { endpoints: ["10.8.0.0/24"] });
await groups.update("update-404", MISSING, { name: "nobody" });
await overQuota(groups, { name: "quota", type: "cidr", endpoints: ["10.7.0.0/24"] });

// VPN services: new ones stay PENDING_CREATE without an agent.
const service = (await services.create("create-201", { name: "vpn-a", description: "site A", router_id: topo.routerId })).body.vpnservice;
const spareService = (await services.create("create-admin-down-201", { name: "vpn-b", router_id: topo.spareRouterId, admin_state_up: false })).body.vpnservice;
await services.create("create-missing-router-400", { name: "no-router" });
await services.create("create-unknown-router-404", { name: "unknown-router", router_id: MISSING });
await services.get("get-200", service.id);
await services.get("get-fields-200", service.id, "?fields=id&fields=status&fields=external_v4_ip");
await services.get("get-404", MISSING);
await services.list("list-200");
await services.list("list-by-router-200", `?router_id=${topo.routerId}`);
await services.list("list-by-admin-state-200", "?admin_state_up=false");
await services.list("list-admin-state-invalid-400", "?admin_state_up=maybe");
await services.list("list-sorted-200", "?sort_key=router_id&sort_dir=desc");
await services.pages();
await services.update("update-pending-400", service.id, { name: "vpn-a-renamed" });
await services.update("update-router-400", service.id, { router_id: topo.spareRouterId });
await services.update("update-404", MISSING, { name: "nobody" });
await overQuota(services, { name: "quota", router_id: topo.spareRouterId });

// IPsec site connections on that service.
const conn = (body) => ({ vpnservice_id: service.id, ikepolicy_id: ikeFull.id, ipsecpolicy_id: ipsecFull.id, local_ep_group_id: local.id, peer_ep_group_id: peer.id, peer_address: "172.24.4.226", peer_id: "172.24.4.226", psk: "capture-psk", ...body });
const c1 = (await connections.create("create-201", conn({ name: "conn-a", description: "every attribute", local_id: "site-a", mtu: 1400, initiator: "response-only", admin_state_up: true, dpd: { action: "restart", interval: 10, timeout: 60 } }))).body.ipsec_site_connection;
const c2 = (await connections.create("create-defaults-201", conn({ name: "conn-b" }))).body.ipsec_site_connection;
await connections.make(conn({ name: "conn-c" }));
const missing = (attr) => Object.fromEntries(Object.entries(conn({ name: `no-${attr}` })).filter(([k]) => k !== attr));
await connections.create("create-missing-psk-400", missing("psk"));
await connections.create("create-missing-local-group-400", missing("local_ep_group_id"));
await connections.create("create-dpd-timeout-400", conn({ name: "dpd", dpd: { interval: 30, timeout: 30 } }));
await connections.create("create-mtu-67-400", conn({ name: "mtu", mtu: 67 }));
await connections.create("create-read-only-status-400", conn({ name: "status", status: "ACTIVE" }));
await connections.create("create-peer-cidrs-with-groups-400", conn({ name: "cidrs", peer_cidrs: ["10.5.0.0/24"] }));
await connections.create("create-unknown-ikepolicy-404", conn({ name: "no-ike", ikepolicy_id: MISSING }));
await connections.create("create-unknown-vpnservice-500", conn({ name: "no-service", vpnservice_id: MISSING }));
await connections.create("create-ah-esp-policy-500", conn({ name: "ah-esp", ipsecpolicy_id: ahEsp.id }));
await connections.get("get-200", c1.id);
await connections.get("get-fields-200", c1.id, "?fields=id&fields=status&fields=dpd");
await connections.get("get-404", MISSING);
await connections.list("list-200");
await connections.list("list-by-status-200", "?status=PENDING_CREATE&status=ACTIVE");
await connections.list("list-by-vpnservice-and-name-200", `?vpnservice_id=${service.id}&name=conn-a&name=conn-c`);
await connections.list("list-fields-200", "?fields=id&fields=name&fields=status");
await connections.list("list-sorted-200", "?sort_key=name&sort_dir=desc");
await connections.pages("&sort_key=name&sort_dir=asc");
await connections.update("update-pending-400", c2.id, { name: "conn-b-renamed" });
await connections.update("update-create-only-400", c2.id, { vpnservice_id: spareService.id });
await connections.update("update-unknown-attribute-400", c2.id, { bogus: 1 });
await connections.update("update-404", MISSING, { name: "nobody" });
await connections.list("list-mtu-invalid-400", "?mtu=abc");
await overQuota(connections, conn({ name: "quota" }));

// In use: what Neutron refuses while a connection stands on an object.
await ike.update("update-in-use-409", ikeFull.id, { name: "renamed" });
await ike.remove("delete-in-use-409", ikeFull.id);
await ipsec.update("update-in-use-409", ipsecFull.id, { name: "renamed" });
await ipsec.remove("delete-in-use-409", ipsecFull.id);
await groups.remove("delete-in-use-400", peer.id);
await services.remove("delete-in-use-409", service.id);

// After the agent's (simulated) report: updates go through.
setStatus("vpnservices", service.id, "ACTIVE");
setStatus("ipsec_site_connections", c2.id, "ACTIVE");
await services.update("update-200", service.id, { name: "vpn-a-renamed", admin_state_up: false });
await connections.update("update-200", c2.id, { name: "conn-b-renamed", mtu: 1380, dpd: { action: "hold", interval: 15, timeout: 90 } });
await connections.update("update-dpd-timeout-400", c2.id, { dpd: { timeout: 15 } });

// Deletes: 204, then 404 for the same id.
const others = (await exchange(base, "GET", connections.path)).response.body.ipsec_site_connections.filter((c) => c.id !== c1.id);
for (const c of others) await exchange(base, "DELETE", `${connections.path}/${c.id}`);
await connections.remove("delete-204", c1.id);
await connections.remove("delete-404", c1.id);
await services.remove("delete-204", service.id);
await services.remove("delete-404", service.id);
await ike.remove("delete-204", ikeFull.id);
await ike.remove("delete-404", ikeFull.id);
await ipsec.remove("delete-204", ipsecFull.id);
await ipsec.remove("delete-404", ipsecFull.id);
await groups.remove("delete-204", peer.id);
await groups.remove("delete-404", peer.id);
