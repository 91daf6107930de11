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
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const state = process.env.NEUTRON_STATE ?? join(root, ".cache/neutron");
const env = JSON.parse(readFileSync(join(state, "env.json"), "utf8"));
const out = join(root, "test/fixtures/neutron-captures");
const pkg = (name) => execFileSync("dpkg-query", ["-W", "-f=${Version}", name], { encoding: "utf8" });
const meta = (authStrategy) => ({
  server: "neutron",
  auth_strategy: authStrategy,
  neutron_server: pkg("neutron-server"),
  neutron_vpnaas: pkg("python3-neutron-vpnaas"),
  ...(authStrategy === "keystone" ? { keystonemiddleware: pkg("python3-keystonemiddleware"), webob: pkg("python3-webob") } : {}),
  source: "real server from Debian 12 packages (scripts/neutron/up.sh); recorded by scripts/neutron/capture.mjs",
});

/** One request with node:http, the path sent as written; resolves to the capture's two halves. */
function exchange(baseUrl, method, path, { body, headers = {} } = {}) {
  const base = new URL(baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const sent = { Accept: "application/json", ...(payload === undefined ? {} : { "Content-Type": "application/json" }), ...headers };
  return new Promise((done, fail) => {
    const req = request({ host: base.hostname, port: base.port, method, path, headers: { ...sent, Connection: "close" }, timeout: 60_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        let parsed;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = null;
        }
        // Header names as the server wrote them (rawHeaders keeps their case), tokens never kept.
        const responseHeaders = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) responseHeaders[res.rawHeaders[i]] = res.rawHeaders[i + 1];
        const requestHeaders = { ...sent };
        if (requestHeaders["X-Auth-Token"]) requestHeaders["X-Auth-Token"] = "<redacted>";
        done({
          request: { method, path, headers: requestHeaders, ...(body === undefined ? {} : { body }) },
          response: { status: res.statusCode, status_line: `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}`, headers: responseHeaders, body: parsed, body_raw: raw },
        });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on("error", fail);
    req.end(payload);
  });
}

async function expect201(baseUrl, path, key, body, headers) {
  const { response } = await exchange(baseUrl, "POST", path, { body: { [key]: body }, headers });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${response.body_raw.slice(0, 300)}`);
  return response.body[key];
}

function save(name, authStrategy, captured) {
  const file = join(out, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ _meta: meta(authStrategy), ...captured }, null, 2)}\n`);
  console.log(`captured ${name}: ${captured.response.status_line}`);
}

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
