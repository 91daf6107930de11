/**
 * The SDK's 25 operations, the waits and the site-to-site builder against the real neutron-server 21
 * + VPNaaS (noauth) of scripts/neutron/up.sh: every call goes through `createVpnaasClient`'s methods,
 * nothing is mocked. Objects are made in a project of their own. Without a VPN agent, VPN services and
 * connections stay PENDING_CREATE: tests that need another status write it to the database as the
 * agent's status report would, and say so.
 */
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { createVpnaasClient, isApiError, isSiteToSiteError, isValidationError, isWaitError, tokenAuth, type VpnaasClient } from "../../src";
import { RESOURCES, type Resource } from "../helpers/resources";
import { neutronEnv, sql } from "./env";
import { asCreated, asUpdated, type Recipes, recipesFor } from "./recipes";
import { type NeutronTarget, seedTopology, type Topology } from "./seed";

type Json = Record<string, any>;
type Method = (...args: unknown[]) => any;

const target: NeutronTarget = { baseUrl: neutronEnv().neutronNoauthUrl, projectId: randomBytes(16).toString("hex") };
const MISSING = "6b7c1e6e-7d3f-4d0b-9d1a-1f0e2c3b4a59";
// noauth Neutron ignores the token; the SDK needs some auth.
const client: VpnaasClient = createVpnaasClient({ baseUrl: target.baseUrl, auth: tokenAuth("noauth"), allowInsecureHttp: true, retry: { baseDelayMs: 5 } });
/** The client's method `name`, for tests that loop over the resources (typed calls are below). */
const m = (name: string): Method => {
  const method = (client as unknown as Record<string, Method>)[name];
  if (typeof method !== "function") throw new Error(`the client has no ${name}`);
  return method;
};
const renderings = (err: unknown) => [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), (err as Error).stack ?? ""];
const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error & Json);
const own = { project_id: [target.projectId] };

let topo: Topology;
let recipes: Recipes;

beforeAll(async () => {
  topo = await seedTopology(target, "sdk-ops");
  recipes = recipesFor(target, topo, "sdk");
}, 120_000);

const singular = (r: Resource) => r.plural.replace(/ies$/, "y").replace(/s$/, "");

describe.each(RESOURCES)("$type through the SDK", (r: Resource) => {
  const one = singular(r);
  const made: Json[] = [];

  test("create returns the object as stored, get reads it back equal", async () => {
    for (const body of recipes[r.type]!.creates) {
      const object = await m(`create${one}`)(body);
      for (const [k, v] of Object.entries(body)) expect([k, object[k]]).toEqual([k, asCreated(k, v)]);
      expect(object.id).toMatch(/^[0-9a-f-]{36}$/);
      made.push(object);
      expect(await m(`get${one}`)(object.id)).toEqual(object);
    }
  });

  test("list: a repeated filter is OR, fields narrows, limit 1 walks every page lazily", async () => {
    const [a, , c] = made;
    const byName = await m(`list${r.plural}`)({ ...own, name: [a!.name, c!.name] }).all();
    expect(byName.map((o: Json) => o.id).sort()).toEqual([a!.id, c!.id].sort());
    const cut = await m(`list${r.plural}`)({ ...own, fields: ["id", "name"] }).all();
    expect(cut.every((o: Json) => Object.keys(o).sort().join() === "id,name")).toBe(true);
    const all = (await m(`list${r.plural}`)(own).all()).map((o: Json) => o.id).sort();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const pages: number[] = [];
    for await (const page of m(`list${r.plural}`)({ ...own, limit: 1 }).pages()) pages.push(page.length);
    expect(pages.filter((n) => n === 1).length).toBe(all.length);
    const walked: string[] = [];
    for await (const item of m(`list${r.plural}`)({ ...own, limit: 1 })) walked.push(item.id);
    expect(walked.sort()).toEqual(all);
  });

  test("list: sorted where Neutron sorts; endpoint groups have no sort key, refused before sending", async () => {
    if (r.type === "EndpointGroup") {
      // A listing checks its query when it is made, before it is iterated.
      let err: unknown;
      try {
        m(`list${r.plural}`)({ ...own, sort_key: ["name"], sort_dir: ["desc"] });
      } catch (e) {
        err = e;
      }
      expect(isValidationError(err)).toBe(true);
      return;
    }
    const names = (await m(`list${r.plural}`)({ ...own, sort_key: ["name"], sort_dir: ["desc"] }).all()).map((o: Json) => o.name as string);
    expect(names).toEqual([...names].sort().reverse());
  });

  test("update: Neutron's 400 before the agent's report (where there is a status), the stored object after; SDK refusals send nothing", async () => {
    const { update, statusTable } = recipes[r.type]!;
    const object = made[1]!;
    if (statusTable) {
      const pending = await failureOf(m(`update${one}`)(object.id, update));
      expect(isApiError(pending)).toBe(true);
      expect([pending!.status, pending!.errorType]).toEqual([400, "VPNStateInvalidToUpdate"]);
      sql("noauth", `UPDATE ${statusTable} SET status = 'ACTIVE' WHERE id = '${object.id}'`); // the agent's report, simulated
    }
    const after = await m(`update${one}`)(object.id, update);
    for (const [k, v] of Object.entries(update)) expect([k, after[k]]).toEqual([k, asUpdated(k, v, object)]);
    expect(await m(`get${one}`)(object.id)).toEqual(after);
    const unknown = await failureOf(m(`update${one}`)(object.id, { no_such_attribute: 1 }));
    expect(isValidationError(unknown)).toBe(true);
    const notUuid = await failureOf(m(`update${one}`)("../x", { name: "x" }));
    expect(isValidationError(notUuid)).toBe(true);
    const missing = await failureOf(m(`update${one}`)(MISSING, { name: "nobody" }));
    expect([isApiError(missing), missing!.status]).toEqual([true, 404]);
  });

  test("delete resolves on 204; a second delete is a 404 unless ignoreMissing", async () => {
    const object = made[0]!;
    await expect(m(`delete${one}`)(object.id)).resolves.toBeUndefined();
    expect((await failureOf(m(`get${one}`)(object.id)))!.status).toBe(404);
    const again = await failureOf(m(`delete${one}`)(object.id));
    expect([isApiError(again), again!.status]).toEqual([true, 404]);
    await expect(m(`delete${one}`)(object.id, { ignoreMissing: true })).resolves.toBeUndefined();
  });
});

test("in use: Neutron's 409 for a VPN service and an IKE policy a connection stands on, as a VpnaasApiError with its type", async () => {
  const service = await failureOf(client.deleteVpnService(topo.vpnserviceId));
  expect([isApiError(service), service!.status, service!.errorType]).toEqual([true, 409, "VPNServiceInUse"]);
  const ike = await failureOf(client.deleteIkePolicy(topo.ikepolicyId));
  expect([ike!.status, ike!.errorType]).toEqual([409, "IKEPolicyInUse"]);
});

describe("waitForIpsecSiteConnection on the real server", () => {
  const connection = async () =>
    client.createIpsecSiteConnection({
      project_id: target.projectId, vpnservice_id: topo.vpnserviceId, ikepolicy_id: topo.ikepolicyId, ipsecpolicy_id: topo.ipsecpolicyId,
      local_ep_group_id: topo.localEpGroupId, peer_ep_group_id: topo.peerEpGroupId, peer_address: "172.24.4.227", peer_id: "wait.example.net",
      psk: `psk-${randomBytes(6).toString("hex")}`,
    });

  test("resolves once the status is reached (the agent's report simulated while it polls)", async () => {
    const made = await connection();
    expect(made.status).toBe("PENDING_CREATE");
    setTimeout(() => sql("noauth", `UPDATE ipsec_site_connections SET status = 'ACTIVE' WHERE id = '${made.id}'`), 300);
    const active = await client.waitForIpsecSiteConnection(made.id, { status: "ACTIVE", intervalMs: 100, timeoutMs: 10_000 });
    expect([active.id, active.status]).toEqual([made.id, "ACTIVE"]);
    await client.deleteIpsecSiteConnection(made.id);
  });

  test("ERROR rejects at once with the last state, its psk redacted; PENDING_CREATE runs out of time", async () => {
    const made = await connection();
    const timeout = await failureOf(client.waitForIpsecSiteConnection(made.id, { status: "ACTIVE", intervalMs: 100, timeoutMs: 400 }));
    expect([isWaitError(timeout), timeout!.reason, timeout!.status]).toEqual([true, "timeout", "PENDING_CREATE"]);
    sql("noauth", `UPDATE ipsec_site_connections SET status = 'ERROR' WHERE id = '${made.id}'`);
    const started = Date.now();
    const failed = await failureOf(client.waitForIpsecSiteConnection(made.id, { status: "ACTIVE", intervalMs: 5_000, timeoutMs: 60_000 }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect([isWaitError(failed), failed!.reason, failed!.lastState.id]).toEqual([true, "error-status", made.id]);
    for (const text of [...renderings(timeout), ...renderings(failed)]) expect(text).not.toContain(made.psk);
    await client.deleteIpsecSiteConnection(made.id);
  });
});

describe("the site-to-site builder on the real server", () => {
  const spec = (tag: string, transform: "esp" | "ah-esp" = "esp") => ({
    vpnService: { project_id: target.projectId, name: `s2s-${tag}-vpn`, router_id: topo.routerId },
    ikePolicy: { project_id: target.projectId, name: `s2s-${tag}-ike` },
    ipsecPolicy: { project_id: target.projectId, name: `s2s-${tag}-ipsec`, transform_protocol: transform },
    localEndpointGroup: { project_id: target.projectId, name: `s2s-${tag}-local`, type: "subnet" as const, endpoints: [topo.subnetId] },
    peerEndpointGroup: { project_id: target.projectId, name: `s2s-${tag}-peer`, type: "cidr" as const, endpoints: ["10.9.0.0/24"] },
    connection: { project_id: target.projectId, name: `s2s-${tag}-conn`, peer_address: "172.24.4.228", peer_id: "s2s.example.net", psk: `psk-${tag}-${randomBytes(6).toString("hex")}` },
  });
  /** Every object named `s2s-<tag>-…` that still exists, by its list operation. */
  const leftOf = async (tag: string) => {
    const names = (await Promise.all(RESOURCES.map((r) => m(`list${r.plural}`)({ ...own, fields: ["name"] }).all()))).flat().map((o: Json) => o.name as string);
    return names.filter((n) => n.startsWith(`s2s-${tag}-`)).sort();
  };

  test("builds the VPN in order with a new VPN service, and its teardown leaves nothing", async () => {
    const tag = randomBytes(3).toString("hex");
    const vpn = await client.createSiteToSiteVpn(spec(tag));
    expect(vpn.ownsVpnService).toBe(true);
    expect(vpn.connection).toMatchObject({ vpnservice_id: vpn.vpnService.id, ikepolicy_id: vpn.ikePolicy.id, ipsecpolicy_id: vpn.ipsecPolicy.id, local_ep_group_id: vpn.localEndpointGroup.id, peer_ep_group_id: vpn.peerEndpointGroup.id });
    expect(await client.getIpsecSiteConnection(vpn.connection.id)).toEqual(vpn.connection);
    expect(await leftOf(tag)).toHaveLength(6);
    await client.deleteSiteToSiteVpn(vpn);
    expect(await leftOf(tag)).toEqual([]);
  });

  test("a step Neutron refuses (a connection on an ah-esp policy: 500) rolls back what was made, in reverse; no psk in the error", async () => {
    const tag = randomBytes(3).toString("hex");
    const s = spec(tag, "ah-esp");
    const err = await failureOf(client.createSiteToSiteVpn(s));
    expect([isSiteToSiteError(err), err!.step, err!.leftBehind]).toEqual([true, "createIpsecSiteConnection", []]);
    expect(isApiError(err!.cause)).toBe(true);
    expect(await leftOf(tag)).toEqual([]);
    for (const text of renderings(err)) expect(text).not.toContain(s.connection.psk);
  });
});
