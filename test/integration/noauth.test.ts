/**
 * The SDK and the spec against a real neutron-server 21 + VPNaaS (auth_strategy = noauth: every
 * request is admin), started by scripts/neutron/up.sh. Everything is seeded through Neutron's REST
 * API; nothing is mocked.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type IpsecSiteConnection, isApiError, VpnaasApiError, VpnaasValidationError } from "../../src";
import { assertValid, checkResponse, checkSchema, responseSchemaPointer, schemaNode, schemaProperties, undeclaredAttributes } from "../helpers/spec-validator";
import { neutronEnv, sql } from "./env";
import { expectStatus, rawRequest, type RawResponse } from "./rest";
import { expectAllConformant, recordingClient } from "./sdk";
import { type NeutronTarget, postConnection, seedTopology, type Topology } from "./seed";

const env = neutronEnv();
const target: NeutronTarget = { baseUrl: env.neutronNoauthUrl, projectId: randomBytes(16).toString("hex") };
const CONNECTIONS = "/v2.0/vpn/ipsec-site-connections";
const PSK = `psk-${randomBytes(8).toString("hex")}`;

/** The attributes the main connection is created with (every defaulted one set to a non-default). */
const SENT = {
  name: "vpnconnection1",
  description: "seeded by the integration tests",
  psk: PSK,
  mtu: 1400,
  initiator: "response-only",
  admin_state_up: false,
  local_id: "vpn.example.org",
  peer_id: "peer.example.net",
  dpd: { action: "restart", interval: 15, timeout: 60 },
} as const;

/** The id of the connection a 201 created. */
const createdId = (res: RawResponse): string => (res.body as { ipsec_site_connection: IpsecSiteConnection }).ipsec_site_connection.id;

let topo: Topology;
let created: RawResponse;
let connection: IpsecSiteConnection;

/**
 * A raw GET of a connection path, its body checked against the spec for whatever status came back
 * (a 200 without `fields` against the complete envelope), with no attribute the spec lacks.
 */
async function rawGet(path: string): Promise<RawResponse> {
  const res = await rawRequest(target.baseUrl, "GET", path);
  const answered = { query: path };
  assertValid(checkResponse("getIpsecSiteConnection", res.status, res.body, answered), `GET ${path} → ${res.status}`);
  expect([path, undeclaredAttributes(responseSchemaPointer("getIpsecSiteConnection", res.status, answered), res.body)]).toEqual([path, []]);
  return res;
}

/** Sets a connection's status the way the VPN agent's status report does (no agent runs here). */
function setStatusAsAgentWould(id: string, status: string): void {
  // The agent reports through RPC and the plugin writes the status column (update_status_by_agent);
  // without an agent, the same write is done directly.
  sql("noauth", `UPDATE ipsec_site_connections SET status = '${status}' WHERE id = '${id}'`);
}

beforeAll(async () => {
  topo = await seedTopology(target, "noauth");
  created = await postConnection(target, topo, SENT);
  if (created.status !== 201) throw new Error(`seeding the connection failed: ${created.status} ${created.text}`);
  connection = (created.body as { ipsec_site_connection: IpsecSiteConnection }).ipsec_site_connection;
});

describe("a connection seeded through Neutron's REST API", () => {
  test("the create response is the spec's connection envelope (the same resource representation as GET)", () => {
    assertValid(checkSchema("IpsecSiteConnectionResponse", created.body), "POST 201 body");
  });

  test("getIpsecSiteConnection returns exactly what Neutron stored, with the spec's types", async () => {
    const { client, exchanges } = recordingClient(target.baseUrl);
    const got = await client.getIpsecSiteConnection(connection.id);
    expectAllConformant(exchanges);
    expect(exchanges).toHaveLength(1);

    // What the raw API returns, byte-parsed, is what the SDK returns.
    const raw = await rawGet(`${CONNECTIONS}/${connection.id}`);
    expect(got).toEqual((raw.body as { ipsec_site_connection: unknown }).ipsec_site_connection);
    expect(got).toEqual(connection);

    // ...and it is what is in Neutron's database row.
    const [row] = sql(
      "noauth",
      `SELECT id, project_id, name, description, peer_address, peer_id, local_id, route_mode, mtu, initiator, auth_mode, psk, dpd_action, dpd_interval, dpd_timeout, status, admin_state_up, vpnservice_id, ipsecpolicy_id, ikepolicy_id, local_ep_group_id, peer_ep_group_id FROM ipsec_site_connections WHERE id = '${connection.id}'`,
    )
      .trim()
      .split("\n")
      .map((line) => line.split("\t"));
    const [id, project, name, description, peerAddress, peerId, localId, routeMode, mtu, initiator, authMode, psk, dpdAction, dpdInterval, dpdTimeout, status, adminStateUp, vpnservice, ipsecpolicy, ikepolicy, localEp, peerEp] = row!;
    expect(got).toEqual({
      id,
      tenant_id: project,
      project_id: project,
      name,
      description,
      peer_address: peerAddress,
      peer_id: peerId,
      local_id: localId,
      route_mode: routeMode,
      mtu: Number(mtu),
      initiator,
      auth_mode: authMode,
      psk,
      dpd: { action: dpdAction, interval: Number(dpdInterval), timeout: Number(dpdTimeout) },
      status,
      admin_state_up: adminStateUp === "1",
      vpnservice_id: vpnservice,
      ipsecpolicy_id: ipsecpolicy,
      ikepolicy_id: ikepolicy,
      peer_cidrs: [],
      local_ep_group_id: localEp,
      peer_ep_group_id: peerEp,
    });

    // The values that were sent came back, with JSON types (not strings).
    expect(got).toMatchObject({
      ...SENT,
      project_id: target.projectId,
      vpnservice_id: topo.vpnserviceId,
      ikepolicy_id: topo.ikepolicyId,
      ipsecpolicy_id: topo.ipsecpolicyId,
      local_ep_group_id: topo.localEpGroupId,
      peer_ep_group_id: topo.peerEpGroupId,
    });
    expect(typeof got.mtu).toBe("number");
    expect(typeof got.admin_state_up).toBe("boolean");
    expect(Array.isArray(got.peer_cidrs)).toBe(true);
    expect(typeof got.dpd.interval).toBe("number");
  });

  test("fields: only the named attributes come back, and the body still matches the spec", async () => {
    const { client, exchanges } = recordingClient(target.baseUrl);
    const got = await client.getIpsecSiteConnection(connection.id, { fields: ["id", "name", "status"] });
    expect(got).toEqual({ id: connection.id, name: "vpnconnection1", status: connection.status });
    expect(exchanges[0]!.url).toBe(`${target.baseUrl}${CONNECTIONS}/${connection.id}?fields=id&fields=name&fields=status`);
    expectAllConformant(exchanges);
  });
});

describe("status: what Neutron really does without an agent, and what the agent's report would do", () => {
  test("a new connection stays PENDING_CREATE and Neutron refuses to update it", async () => {
    const res = await postConnection(target, topo, { name: "pending" });
    expect(res.status).toBe(201);
    const id = createdId(res);
    const { client, exchanges } = recordingClient(target.baseUrl);
    await expect(client.getIpsecSiteConnection(id)).resolves.toMatchObject({ status: "PENDING_CREATE" });

    const put = await rawRequest(target.baseUrl, "PUT", `${CONNECTIONS}/${id}`, { body: { ipsec_site_connection: { name: "renamed" } } });
    expect(put.status).toBe(400);
    expect(put.body).toEqual({ NeutronError: { type: "VPNStateInvalidToUpdate", message: `Invalid state PENDING_CREATE of vpnaas resource ${id} for updating`, detail: "" } });
    assertValid(checkSchema("NeutronErrorResponse", put.body), "PUT 400 body");
    await expect(client.getIpsecSiteConnection(id)).resolves.toMatchObject({ name: "pending" });
    expectAllConformant(exchanges);
  });

  test("after the status an agent would report (ACTIVE), an update goes through and the SDK sees it", async () => {
    const res = await postConnection(target, topo, { name: "to-activate" });
    const id = createdId(res);
    setStatusAsAgentWould(id, "ACTIVE");
    const { client, exchanges } = recordingClient(target.baseUrl);
    await expect(client.getIpsecSiteConnection(id)).resolves.toMatchObject({ status: "ACTIVE" });

    const put = await expectStatus<{ ipsec_site_connection: IpsecSiteConnection }>(200, target.baseUrl, "PUT", `${CONNECTIONS}/${id}`, {
      body: { ipsec_site_connection: { name: "activated", mtu: 1380 } },
    });
    assertValid(checkSchema("IpsecSiteConnectionResponse", put), "PUT 200 body");
    const got = await client.getIpsecSiteConnection(id);
    expect(got).toEqual(put.ipsec_site_connection);
    expect(got).toMatchObject({ name: "activated", mtu: 1380 });
    // Neutron 21 keeps the status through an update; only the agent's next report would change it.
    expect(got.status).toBe("ACTIVE");
    expectAllConformant(exchanges);
  });

  test("every status of the spec's enum, as stored by Neutron, comes back through the SDK and matches the spec", async () => {
    const res = await postConnection(target, topo, { name: "statuses" });
    const id = createdId(res);
    const { client, exchanges } = recordingClient(target.baseUrl);
    const statuses = schemaNode("IpsecSiteConnection", "status").enum as string[];
    for (const status of statuses) {
      setStatusAsAgentWould(id, status);
      await expect(client.getIpsecSiteConnection(id)).resolves.toMatchObject({ status });
    }
    expect(exchanges).toHaveLength(statuses.length);
    expectAllConformant(exchanges);
  });
});

describe("the spec's defaults and enums are the server's", () => {
  test("a connection created without the defaulted attributes gets exactly the spec's defaults", async () => {
    const res = await postConnection(target, topo); // no name, description, mtu, initiator, admin_state_up, dpd, local_id
    expect(res.status).toBe(201);
    const got = (res.body as { ipsec_site_connection: Record<string, unknown> }).ipsec_site_connection;
    const props = schemaProperties("IpsecSiteConnection") as Record<string, { default?: unknown }>;
    const defaulted = Object.entries(props).filter(([, p]) => p.default !== undefined);
    expect(defaulted.map(([k]) => k).sort()).toEqual(["admin_state_up", "auth_mode", "initiator", "mtu", "route_mode"]);
    for (const [key, p] of defaulted) expect([key, got[key]]).toEqual([key, p.default]);
    const dpd = schemaNode("Dpd").properties as Record<string, { default?: unknown }>;
    expect(got.dpd).toEqual({ action: dpd.action!.default, interval: dpd.interval!.default, timeout: dpd.timeout!.default });
    // Attributes the spec gives no default to: what the server fills in.
    expect(got).toMatchObject({ name: "", description: "", local_id: "", peer_cidrs: [], status: "PENDING_CREATE" });
    const { client, exchanges } = recordingClient(target.baseUrl);
    await expect(client.getIpsecSiteConnection(got.id as string)).resolves.toEqual(got);
    expectAllConformant(exchanges);
  });

  test.each([
    ["dpd.action", "Dpd", "action", (v: string) => ({ dpd: { action: v } }), (c: IpsecSiteConnection) => c.dpd.action, ["none", "reset", "HOLD", "restart_by_peer", ""]],
    ["initiator", "IpsecSiteConnection", "initiator", (v: string) => ({ initiator: v }), (c: IpsecSiteConnection) => c.initiator, ["both", "initiator-only", "BI-DIRECTIONAL", ""]],
  ] as const)("%s: the server accepts every value of the spec's enum and refuses others", async (_label, schema, prop, body, read, others) => {
    const values = schemaNode(schema, prop).enum as string[];
    const { client, exchanges } = recordingClient(target.baseUrl);
    for (const value of values) {
      const res = await postConnection(target, topo, body(value));
      expect([value, res.status]).toEqual([value, 201]);
      const id = createdId(res);
      expect(read(await client.getIpsecSiteConnection(id))).toBe(value);
    }
    for (const value of others) {
      const res = await postConnection(target, topo, body(value));
      expect([value, res.status]).toEqual([value, 400]);
      assertValid(checkSchema("NeutronErrorResponse", res.body), `POST 400 for ${value}`);
      expect((res.body as { NeutronError: { message: string } }).NeutronError.message).toMatch(/is not in valid_values/);
    }
    expectAllConformant(exchanges);
  });

  test("the database's own enum columns hold exactly the spec's values", () => {
    const columnValues = (column: string) =>
      /^enum\((.*)\)$/
        .exec(sql("noauth", `SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${env.db.noauth}' AND TABLE_NAME = 'ipsec_site_connections' AND COLUMN_NAME = '${column}'`).trim())![1]!
        .split(",")
        .map((v) => v.replace(/^'|'$/g, ""))
        .sort();
    expect(columnValues("dpd_action")).toEqual([...(schemaNode("Dpd", "action").enum as string[])].sort());
    expect(columnValues("initiator")).toEqual([...(schemaNode("IpsecSiteConnection", "initiator").enum as string[])].sort());
  });

  test("auth_mode and route_mode are server-set: clients cannot POST them, the server returns the spec's only value", async () => {
    for (const attr of ["auth_mode", "route_mode"]) {
      const res = await postConnection(target, topo, { [attr]: "psk" });
      expect(res.status).toBe(400);
      expect((res.body as { NeutronError: { message: string } }).NeutronError.message).toBe(`Attribute '${attr}' not allowed in POST`);
    }
    expect(schemaNode("IpsecSiteConnection", "auth_mode").enum).toEqual([connection.auth_mode]);
    expect(schemaNode("IpsecSiteConnection", "route_mode").enum).toEqual([connection.route_mode]);
  });

  test("mtu: 1-67 are refused for IPv4, 68 is accepted, and 0 is accepted and stored (the spec's lower bound is 0)", async () => {
    const { client, exchanges } = recordingClient(target.baseUrl);
    const refused = await postConnection(target, topo, { mtu: 67 });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ NeutronError: { type: "IPsecSiteConnectionMtuError", message: "ipsec_site_connection MTU 67 is too small for ipv4", detail: "" } });
    assertValid(checkSchema("NeutronErrorResponse", refused.body), "POST 400 body");
    // Above the 32-bit column: the database refuses and Neutron answers 500 (the spec's maximum is right).
    const tooBig = await postConnection(target, topo, { mtu: 2147483648 });
    expect(tooBig.status).toBe(500);
    assertValid(checkResponse("getIpsecSiteConnection", 500, tooBig.body), "POST 500 body (the spec's 500 schema)");
    for (const mtu of [0, 68, 2147483647]) {
      const res = await postConnection(target, topo, { mtu });
      expect([mtu, res.status]).toEqual([mtu, 201]);
      const got = await client.getIpsecSiteConnection(createdId(res));
      expect(got.mtu).toBe(mtu);
    }
    expect(schemaNode("IpsecSiteConnection", "mtu")).toMatchObject({ minimum: 0, maximum: 2147483647 });
    expectAllConformant(exchanges);
  });

  test("dpd: interval 0 is accepted and stored; timeout must exceed interval", async () => {
    const { client, exchanges } = recordingClient(target.baseUrl);
    const res = await postConnection(target, topo, { dpd: { interval: 0, timeout: 1 } });
    expect(res.status).toBe(201);
    const got = await client.getIpsecSiteConnection(createdId(res));
    expect(got.dpd).toEqual({ action: "hold", interval: 0, timeout: 1 });
    const bad = await postConnection(target, topo, { dpd: { interval: 30, timeout: 30 } });
    expect(bad.status).toBe(400);
    assertValid(checkSchema("NeutronErrorResponse", bad.body), "POST 400 body");
    expect((bad.body as { NeutronError: { type: string } }).NeutronError.type).toBe("IPsecSiteConnectionDpdIntervalValueError");
    expect(schemaNode("Dpd", "interval").minimum).toBe(0);
    expect(schemaNode("Dpd", "timeout").minimum).toBe(1);
    expectAllConformant(exchanges);
  });

  test("legacy mode (peer_cidrs, VPN service on a subnet): the endpoint group ids are null, as the spec allows", async () => {
    const legacyService = await expectStatus<{ vpnservice: { id: string } }>(201, target.baseUrl, "POST", "/v2.0/vpn/vpnservices", {
      body: { vpnservice: { project_id: target.projectId, name: "legacy", router_id: topo.routerId, subnet_id: topo.subnetId } },
    });
    const res = await postConnection(target, { ...topo, vpnserviceId: legacyService.vpnservice.id }, { local_ep_group_id: null, peer_ep_group_id: null, peer_cidrs: ["10.3.0.0/24", "10.4.0.0/24"] });
    expect(res.status).toBe(201);
    const { client, exchanges } = recordingClient(target.baseUrl);
    const got = await client.getIpsecSiteConnection(createdId(res));
    expect(got).toMatchObject({ local_ep_group_id: null, peer_ep_group_id: null });
    expect([...got.peer_cidrs].sort()).toEqual(["10.3.0.0/24", "10.4.0.0/24"]);
    expectAllConformant(exchanges);
  });
});

describe("errors from the real server", () => {
  test("an unknown id: 404 IPsecSiteConnectionNotFound becomes a VpnaasApiError with the request id", async () => {
    const missing = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    const { client, exchanges } = recordingClient(target.baseUrl);
    const err = (await client.getIpsecSiteConnection(missing).catch((e: unknown) => e)) as VpnaasApiError;
    expect(err).toBeInstanceOf(VpnaasApiError);
    expect(isApiError(err)).toBe(true);
    expect(err).toMatchObject({ status: 404, method: "GET", errorType: "IPsecSiteConnectionNotFound", errorMessage: `ipsec_site_connection ${missing} not found` });
    expect(err.requestId).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(err.requestId).toBe(exchanges[0]!.requestId);
    expect(err.message).toContain(`(request ${err.requestId})`);
    // It is the server's own id for this request: its log has it.
    expect(readFileSync(join(env.stateDir, "log/neutron-noauth.log"), "utf8")).toContain(err.requestId);
    expectAllConformant(exchanges);
  });

  test("a deleted connection: 404 through the SDK", async () => {
    const res = await postConnection(target, topo, { name: "to-delete" });
    const id = createdId(res);
    const del = await rawRequest(target.baseUrl, "DELETE", `${CONNECTIONS}/${id}`);
    expect(del.status).toBe(204);
    const { client, exchanges } = recordingClient(target.baseUrl);
    await expect(client.getIpsecSiteConnection(id)).rejects.toMatchObject({ name: "VpnaasApiError", status: 404, errorType: "IPsecSiteConnectionNotFound" });
    expectAllConformant(exchanges);
  });

  test("a non-UUID id is answered 404 IPsecSiteConnectionNotFound by the raw server (it does not validate the id on GET)", async () => {
    const res = await rawGet(`${CONNECTIONS}/not-a-uuid`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ NeutronError: { type: "IPsecSiteConnectionNotFound", message: "ipsec_site_connection not-a-uuid not found", detail: "" } });
  });

  describe("ids with /, .. or %2F never reach another resource", () => {
    const attempts = ["../ikepolicies", "..", "..%2Fvpnservices", "..%2F", "%2E%2E%2Fikepolicies", "x/../../vpnservices", `\u2024\u2024/ikepolicies`];
    const withId = () => [`${connection.id}/..`, `${connection.id}%2F..%2Fikepolicies`, `${connection.id}/../../ikepolicies`];

    test.each(attempts)("the SDK refuses %p before sending anything", async (bad) => {
      const { client, exchanges } = recordingClient(target.baseUrl);
      const err = await client.getIpsecSiteConnection(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VpnaasValidationError);
      expect(exchanges).toHaveLength(0);
    });

    test("the SDK refuses a real id with a traversal suffix before sending anything", async () => {
      const { client, exchanges } = recordingClient(target.baseUrl);
      for (const bad of withId()) await expect(client.getIpsecSiteConnection(bad)).rejects.toBeInstanceOf(VpnaasValidationError);
      expect(exchanges).toHaveLength(0);
    });

    test("what the raw server does with them: 404 (never another resource's 200), and the bodies match the spec", async () => {
      const seen: Record<string, [number, string]> = {};
      for (const bad of [...attempts.filter((a) => /^[\x20-\x7e]+$/.test(a)), ...withId()]) {
        const res = await rawGet(`${CONNECTIONS}/${bad}`);
        seen[bad] = [res.status, (res.body as { NeutronError: { type: string } }).NeutronError.type];
      }
      for (const [bad, [status]] of Object.entries(seen)) expect([bad, status]).toEqual([bad, 404]);
      // Neutron's router does not resolve "..": the raw path never lands on /v2.0/vpn/ikepolicies.
      expect(seen["../ikepolicies"]).toEqual([404, "HTTPNotFound"]);
      expect(seen["..%2Fvpnservices"]).toEqual([404, "HTTPNotFound"]);
      expect(seen[".."]).toEqual([404, "IPsecSiteConnectionNotFound"]);
    });

    test("why the SDK must refuse them: a URL-normalizing client (fetch) would turn ../ikepolicies into another collection", async () => {
      const normalized = new URL(`${target.baseUrl}${CONNECTIONS}/../ikepolicies`).pathname;
      expect(normalized).toBe("/v2.0/vpn/ikepolicies");
      const other = await rawRequest(target.baseUrl, "GET", normalized);
      expect(other.status).toBe(200);
      expect((other.body as { ikepolicies: { id: string }[] }).ikepolicies.map((p) => p.id)).toContain(topo.ikepolicyId);
    });
  });
});
