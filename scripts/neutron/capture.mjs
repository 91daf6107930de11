#!/usr/bin/env node
// Records the real-server responses the spec cites and the older captures do not cover, into
// test/fixtures/neutron-captures/ (same format: request, response status/headers/parsed body/raw body).
// Needs the servers of scripts/neutron/up.sh (NEUTRON_STATE and the port variables as for up.sh).
//
//   node scripts/neutron/capture.mjs             the noauth captures
//   node scripts/neutron/capture.mjs --keystone  also the 503 of Neutron's auth middleware while
//                                                Keystone is down: stops the `keystone` service that
//                                                up.sh started, captures, then runs up.sh again
//
// What is captured, and which claim of spec/openapi.yaml each one backs:
//   post-connection-mtu-2147483648-500     mtu above the signed 32-bit column: Neutron answers 500
//   get-connection-fields-unknown-200      ?fields=<unknown>: 200, the unknown name dropped (no 400)
//   get-connection-fields-partly-unknown-200  ?fields=id&fields=<unknown>: 200 with `id` only
//   post-connection-peer-hostname-201      peer_address "localhost" is stored and returned resolved
//                                          (127.0.0.1; resolved by the server's own resolver)
//   get-connection-local-id-null-200       a row whose local_id column is NULL (as rows created before
//                                          Newton's migration 52783a36bd67 are): `"local_id": null`
//   keystone/get-connection-keystone-unreachable-503  keystonemiddleware's 503 (webob's JSON body)
import { execFileSync } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { env, exchange, expect201, root, save } from "./capture-lib.mjs";

/** The smallest topology a connection needs (as test/integration/seed.ts builds it), on the noauth server. */
async function seedConnection(baseUrl, projectId) {
  const tag = `capture-${Date.now().toString(36)}`;
  const own = (body) => ({ project_id: projectId, ...body });
  const ext = await expect201(baseUrl, "/v2.0/networks", "network", { name: `${tag}-public`, "router:external": true });
  await expect201(baseUrl, "/v2.0/subnets", "subnet", { network_id: ext.id, cidr: "172.24.4.0/24", ip_version: 4, gateway_ip: "172.24.4.1", enable_dhcp: false });
  const net = await expect201(baseUrl, "/v2.0/networks", "network", own({ name: `${tag}-private` }));
  const subnet = await expect201(baseUrl, "/v2.0/subnets", "subnet", own({ network_id: net.id, cidr: "10.1.0.0/24", ip_version: 4, enable_dhcp: false }));
  const router = await expect201(baseUrl, "/v2.0/routers", "router", own({ name: `${tag}-router`, external_gateway_info: { network_id: ext.id } }));
  await exchange(baseUrl, "PUT", `/v2.0/routers/${router.id}/add_router_interface`, { body: { subnet_id: subnet.id } });
  const connection = {
    project_id: projectId,
    vpnservice_id: (await expect201(baseUrl, "/v2.0/vpn/vpnservices", "vpnservice", own({ name: `${tag}-vpn`, router_id: router.id }))).id,
    ikepolicy_id: (await expect201(baseUrl, "/v2.0/vpn/ikepolicies", "ikepolicy", own({ name: `${tag}-ike` }))).id,
    ipsecpolicy_id: (await expect201(baseUrl, "/v2.0/vpn/ipsecpolicies", "ipsecpolicy", own({ name: `${tag}-ipsec` }))).id,
    local_ep_group_id: (await expect201(baseUrl, "/v2.0/vpn/endpoint-groups", "endpoint_group", own({ name: `${tag}-local`, type: "subnet", endpoints: [subnet.id] }))).id,
    peer_ep_group_id: (await expect201(baseUrl, "/v2.0/vpn/endpoint-groups", "endpoint_group", own({ name: `${tag}-peer`, type: "cidr", endpoints: ["10.2.0.0/24"] }))).id,
    peer_address: "172.24.4.226",
    peer_id: "172.24.4.226",
    psk: "secret",
  };
  return connection;
}

const CONNECTIONS = "/v2.0/vpn/ipsec-site-connections";

async function noauthCaptures() {
  const baseUrl = env.neutronNoauthUrl;
  const base = await seedConnection(baseUrl, "9f2c1a7e4b5d4c3e8a6f0b1d2e3c4a5b");
  save("post-connection-mtu-2147483648-500", "noauth", await exchange(baseUrl, "POST", CONNECTIONS, { body: { ipsec_site_connection: { ...base, name: "mtu-too-big", mtu: 2147483648 } } }));
  const id = await expect201(baseUrl, CONNECTIONS, "ipsec_site_connection", { ...base, name: "fields" });
  save("get-connection-fields-unknown-200", "noauth", await exchange(baseUrl, "GET", `${CONNECTIONS}/${id.id}?fields=no_such_attribute`));
  save("get-connection-fields-partly-unknown-200", "noauth", await exchange(baseUrl, "GET", `${CONNECTIONS}/${id.id}?fields=id&fields=no_such_attribute`));
  save("post-connection-peer-hostname-201", "noauth", await exchange(baseUrl, "POST", CONNECTIONS, { body: { ipsec_site_connection: { ...base, name: "peer-by-name", peer_address: "localhost" } } }));
  // The column is nullable and the Newton migration that added it set no value on existing rows;
  // Neutron's API has no way to write NULL (its default is ""), so the old row is made directly.
  const legacy = await expect201(baseUrl, CONNECTIONS, "ipsec_site_connection", { ...base, name: "pre-newton-row" });
  execFileSync("mariadb", [`--defaults-file=${env.db.clientCnf}`, env.db.noauth, "-e", `UPDATE ipsec_site_connections SET local_id = NULL WHERE id = '${legacy.id}'`]);
  save("get-connection-local-id-null-200", "noauth", await exchange(baseUrl, "GET", `${CONNECTIONS}/${legacy.id}`));
}

async function keystoneUnreachable() {
  const { keystone } = env;
  const auth = {
    auth: {
      identity: { methods: ["password"], password: { user: { name: keystone.username, domain: { name: keystone.userDomainName }, password: keystone.password } } },
      scope: { project: { name: keystone.projectName, domain: { name: keystone.projectDomainName } } },
    },
  };
  // A token Neutron has never seen, so its middleware must ask Keystone to validate it.
  const issued = await new Promise((done, fail) => {
    const base = new URL(env.keystoneUrl);
    const body = JSON.stringify(auth);
    const req = request({ host: base.hostname, port: base.port, method: "POST", path: "/v3/auth/tokens", headers: { "Content-Type": "application/json", Connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 201 ? done(res.headers["x-subject-token"]) : fail(new Error(`token: ${res.statusCode}`))));
    });
    req.on("error", fail);
    req.end(body);
  });
  const common = join(root, "scripts/neutron/common.sh");
  execFileSync("bash", ["-c", `source "${common}" && stop_service keystone`], { stdio: "inherit", env: process.env });
  try {
    save("keystone/get-connection-keystone-unreachable-503", "keystone", await exchange(env.neutronKeystoneUrl, "GET", `${CONNECTIONS}/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9`, { headers: { "X-Auth-Token": issued } }));
  } finally {
    execFileSync("bash", [join(root, "scripts/neutron/up.sh")], { stdio: "inherit", env: process.env });
  }
}

await noauthCaptures();
if (process.argv.includes("--keystone")) await keystoneUnreachable();
