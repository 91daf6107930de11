// createSiteToSiteVpn / deleteSiteToSiteVpn against a node:http server that stores what is created
// as Neutron would (ids, 201, 204, 404): the order of the steps, the ids handed on, and the rollback.
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { createVpnaasClient, VpnaasSiteToSiteError } from "../src";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";

const PSK = "psk-DO-NOT-LEAK-7f3a9c";
const KEYS: Record<string, string> = { "endpoint-groups": "endpoint_group", ikepolicies: "ikepolicy", ipsecpolicies: "ipsecpolicy", vpnservices: "vpnservice", "ipsec-site-connections": "ipsec_site_connection" };
const ROUTER = "0b2e8e4a-0f55-4d8c-9a43-1d3f3a1e2b7c";

let server: TestServer;
let stored: Map<string, { collection: string; body: Record<string, unknown> }>;
/** Collection whose next POST fails with 400, echoing the body (as Neutron's messages may). */
let failOn: string | undefined;
/** POSTs to `failOn` that succeed before it fails. */
let failAfter = 0;
/** Collection whose DELETEs fail with 409. */
let refuseDelete: string | undefined;
/** Collection whose objects are gone by the time they are deleted (404). */
let vanished: string | undefined;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  stored = new Map();
  failOn = refuseDelete = vanished = undefined;
  failAfter = 0;
  server.handle((req, res, seen) => {
    const [, collection, id] = /^\/v2\.0\/vpn\/([a-z-]+)(?:\/([0-9a-f-]+))?$/.exec(req.url ?? "") ?? [];
    const key = KEYS[collection ?? ""]!;
    if (req.method === "POST") {
      const body = JSON.parse(seen.body)[key];
      if (failOn === collection && failAfter-- <= 0) return sendJson(res, 400, { NeutronError: { type: "BadRequest", message: `refused ${JSON.stringify(body)}` } });
      const made = { ...body, id: randomUUID(), status: "PENDING_CREATE" };
      stored.set(made.id, { collection: collection!, body: made });
      return sendJson(res, 201, { [key]: made });
    }
    if (req.method === "DELETE") {
      if (refuseDelete === collection) return sendJson(res, 409, { NeutronError: { type: "InUse", message: "in use" } });
      if (vanished === collection || !stored.delete(id!)) return sendJson(res, 404, { NeutronError: { type: "NotFound", message: "gone" } });
      return void res.writeHead(204).end();
    }
    sendJson(res, 405, {});
  });
});

const client = () => createVpnaasClient({ baseUrl: server.url, retry: false });
const spec = (vpnService: { id: string } | { router_id: string } = { router_id: ROUTER }) => ({
  vpnService,
  ikePolicy: { name: "ike" },
  ipsecPolicy: { name: "ipsec" },
  localEndpointGroup: { type: "subnet" as const, endpoints: [randomUUID()] },
  peerEndpointGroup: { type: "cidr" as const, endpoints: ["10.2.0.0/24"] },
  connection: { name: "conn", peer_address: "192.0.2.1", peer_id: "192.0.2.1", psk: PSK },
});
const calls = () => server.requests.map((r) => `${r.method} ${r.url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "{id}")}`);

test("creates the groups, the policies, the VPN service and the connection, in that order, handing on their ids", async () => {
  const vpn = await client().createSiteToSiteVpn(spec());
  expect(calls()).toEqual([
    "POST /v2.0/vpn/endpoint-groups",
    "POST /v2.0/vpn/endpoint-groups",
    "POST /v2.0/vpn/ikepolicies",
    "POST /v2.0/vpn/ipsecpolicies",
    "POST /v2.0/vpn/vpnservices",
    "POST /v2.0/vpn/ipsec-site-connections",
  ]);
  expect(vpn.connection).toMatchObject({
    vpnservice_id: vpn.vpnService.id,
    ikepolicy_id: vpn.ikePolicy.id,
    ipsecpolicy_id: vpn.ipsecPolicy.id,
    local_ep_group_id: vpn.localEndpointGroup.id,
    peer_ep_group_id: vpn.peerEndpointGroup.id,
  });
  expect(vpn.ownsVpnService).toBe(true);
  expect(stored.size).toBe(6);
});

test("uses a given VPN service and leaves it at teardown", async () => {
  const existing = randomUUID();
  stored.set(existing, { collection: "vpnservices", body: { id: existing } });
  const c = client();
  const vpn = await c.createSiteToSiteVpn(spec({ id: existing }));
  expect(calls()).not.toContain("POST /v2.0/vpn/vpnservices");
  expect(vpn.connection).toMatchObject({ vpnservice_id: existing });
  server.requests.length = 0;
  await c.deleteSiteToSiteVpn(vpn);
  expect(calls()).toEqual(["DELETE /v2.0/vpn/ipsec-site-connections/{id}", "DELETE /v2.0/vpn/ipsecpolicies/{id}", "DELETE /v2.0/vpn/ikepolicies/{id}", "DELETE /v2.0/vpn/endpoint-groups/{id}", "DELETE /v2.0/vpn/endpoint-groups/{id}"]);
  expect([...stored.keys()]).toEqual([existing]);
});

test("teardown deletes everything in reverse order, and skips what is already gone", async () => {
  const c = client();
  const vpn = await c.createSiteToSiteVpn(spec());
  stored.delete(vpn.ikePolicy.id);
  server.requests.length = 0;
  await c.deleteSiteToSiteVpn(vpn);
  expect(calls()).toEqual([
    "DELETE /v2.0/vpn/ipsec-site-connections/{id}",
    "DELETE /v2.0/vpn/vpnservices/{id}",
    "DELETE /v2.0/vpn/ipsecpolicies/{id}",
    "DELETE /v2.0/vpn/ikepolicies/{id}",
    "DELETE /v2.0/vpn/endpoint-groups/{id}",
    "DELETE /v2.0/vpn/endpoint-groups/{id}",
  ]);
  expect(stored.size).toBe(0);
});

test("a failed connection deletes what was made, in reverse, leaves nothing behind, and shows no psk", async () => {
  failOn = "ipsec-site-connections";
  const err = await client()
    .createSiteToSiteVpn(spec())
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ name: "VpnaasSiteToSiteError", step: "createIpsecSiteConnection", leftBehind: [], cause: { name: "VpnaasApiError", status: 400 } });
  expect(calls().slice(6)).toEqual(["DELETE /v2.0/vpn/vpnservices/{id}", "DELETE /v2.0/vpn/ipsecpolicies/{id}", "DELETE /v2.0/vpn/ikepolicies/{id}", "DELETE /v2.0/vpn/endpoint-groups/{id}", "DELETE /v2.0/vpn/endpoint-groups/{id}"]);
  expect(stored.size).toBe(0);
  for (const text of [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), (err as Error).stack]) expect(text).not.toContain(PSK);
});

test("a failed second step deletes only the first", async () => {
  failOn = "ikepolicies";
  await expect(client().createSiteToSiteVpn(spec())).rejects.toMatchObject({ step: "createIkePolicy", leftBehind: [] });
  expect(calls()).toEqual(["POST /v2.0/vpn/endpoint-groups", "POST /v2.0/vpn/endpoint-groups", "POST /v2.0/vpn/ikepolicies", "DELETE /v2.0/vpn/endpoint-groups/{id}", "DELETE /v2.0/vpn/endpoint-groups/{id}"]);
  expect(stored.size).toBe(0);
});

test("what the rollback could not delete is named", async () => {
  failOn = "ipsec-site-connections";
  refuseDelete = "ikepolicies";
  const err = (await client()
    .createSiteToSiteVpn(spec())
    .catch((e: unknown) => e)) as { leftBehind: string[]; message: string };
  expect(err.leftBehind).toEqual([expect.stringMatching(/^deleteIkePolicy [0-9a-f-]{36}$/)]);
  expect(err.message).toMatch(/could not delete deleteIkePolicy/);
  expect([...stored.values()].map((s) => s.collection)).toEqual(["ikepolicies"]);
});

test.each([
  ["the first endpoint group", "endpoint-groups", 0, "createEndpointGroup", 0],
  ["the peer endpoint group", "endpoint-groups", 1, "createEndpointGroup", 1],
  ["the IPsec policy", "ipsecpolicies", 0, "createIpsecPolicy", 3],
  ["the VPN service", "vpnservices", 0, "createVpnService", 4],
])("when %s fails, it is named as the step; the message says all made before it was deleted, then the cause's message", async (_label, collection, after, step, made) => {
  [failOn, failAfter] = [collection, after];
  const err = (await client()
    .createSiteToSiteVpn(spec())
    .catch((e: unknown) => e)) as VpnaasSiteToSiteError & { cause: Error };
  expect(err).toMatchObject({ step, leftBehind: [], cause: { name: "VpnaasApiError", status: 400 } });
  expect(err.message).toBe(`${step} failed; everything made before it was deleted: ${err.cause.message}`);
  expect(calls().filter((c) => c.startsWith("DELETE"))).toHaveLength(made);
  expect(stored.size).toBe(0);
});

test("the rollback names every object it could not delete, and passes over what is already gone", async () => {
  failOn = "ipsec-site-connections";
  refuseDelete = "endpoint-groups";
  vanished = "ikepolicies";
  const err = (await client()
    .createSiteToSiteVpn(spec())
    .catch((e: unknown) => e)) as VpnaasSiteToSiteError;
  expect(err.leftBehind).toEqual([expect.stringMatching(/^deleteEndpointGroup /), expect.stringMatching(/^deleteEndpointGroup /)]);
  expect(err.message).toContain(`createIpsecSiteConnection failed; could not delete ${err.leftBehind.join(", ")}: `);
});

test("VpnaasSiteToSiteError takes a cause that is not an error", () => {
  expect(new VpnaasSiteToSiteError("createIkePolicy", undefined, []).message).toBe("createIkePolicy failed; everything made before it was deleted: undefined");
  expect(new VpnaasSiteToSiteError("createIkePolicy", "refused", ["deleteEndpointGroup x"]).message).toBe("createIkePolicy failed; could not delete deleteEndpointGroup x: refused");
});
