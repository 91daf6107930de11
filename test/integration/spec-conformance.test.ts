/**
 * spec/openapi.yaml against a real neutron-server 21 + VPNaaS (noauth), all 25 operations: every body
 * sent is one the spec allows (or, where marked, one it refuses as Neutron does), and every answer
 * validates against what the spec declares for its operation and status, with no attribute the spec
 * lacks. Objects are made in a project of their own through the REST API; nothing is mocked. Without
 * a VPN agent, VPN services and connections stay PENDING_CREATE: before updating them the test writes
 * the status an agent's report would.
 */
import { randomBytes } from "node:crypto";
import { RESOURCES, type Resource } from "../helpers/resources";
import { assertValid, checkRequest, checkResponse, operationAt, responseSchemaPointer, spec, undeclaredAttributes } from "../helpers/spec-validator";
import { neutronEnv, sql } from "./env";
import { rawRequest, type RawResponse } from "./rest";
import { asCreated, asUpdated, type Recipes, recipesFor } from "./recipes";
import { type NeutronTarget, seedTopology, type Topology } from "./seed";

type Json = Record<string, any>;
const target: NeutronTarget = { baseUrl: neutronEnv().neutronNoauthUrl, projectId: randomBytes(16).toString("hex") };
const MISSING = "6b7c1e6e-7d3f-4d0b-9d1a-1f0e2c3b4a59";
/** operationId → the statuses the real server answered it with. */
const answered = new Map<string, Set<number>>();

/** One exchange, checked against the spec both ways; `refused`: the spec refuses this body, as Neutron does. */
async function call(method: string, path: string, body?: unknown, { refused = false } = {}): Promise<RawResponse> {
  const operationId = operationAt(method, path);
  if (!operationId) throw new Error(`${method} ${path} is no operation of the spec`);
  if (body !== undefined) expect([operationId, checkRequest(operationId, body).valid]).toEqual([operationId, !refused]);
  const res = await rawRequest(target.baseUrl, method, path, body === undefined ? {} : { body });
  answered.set(operationId, new Set([...(answered.get(operationId) ?? []), res.status]));
  if (res.status === 204) {
    expect(res.text).toBe("");
    return res;
  }
  const query = { query: path };
  assertValid(checkResponse(operationId, res.status, res.body, query), `${method} ${path} → ${res.status}`);
  expect([path, undeclaredAttributes(responseSchemaPointer(operationId, res.status, query), res.body)]).toEqual([path, []]);
  return res;
}

const errorType = (res: RawResponse): string => (res.body as Json).NeutronError?.type;

let topo: Topology;
let recipes: Recipes;

beforeAll(async () => {
  topo = await seedTopology(target, "conformance");
  recipes = recipesFor(target, topo, "conformance");
}, 120_000);

describe.each(RESOURCES)("$type", (r: Resource) => {
  const path = `/v2.0/vpn/${r.dir}`;
  const own = `?project_id=${target.projectId}`;
  const made: Json[] = [];

  test("create: 201 with the object as stored; show reads it back equal", async () => {
    for (const body of recipes[r.type]!.creates) {
      const res = await call("POST", path, { [r.member]: body });
      expect(res.status).toBe(201);
      const object = (res.body as Json)[r.member];
      for (const [k, v] of Object.entries(body)) expect([k, object[k]]).toEqual([k, asCreated(k, v)]);
      made.push(object);
      expect(((await call("GET", `${path}/${object.id}`)).body as Json)[r.member]).toEqual(object);
    }
  });

  test("list: a repeated filter is OR, fields cuts each object down, and limit=1 pages through all of them", async () => {
    const [a, , c] = made;
    const byName = (await call("GET", `${path}${own}&name=${a!.name}&name=${c!.name}`)).body as Json;
    expect(byName[r.collection].map((o: Json) => o.id).sort()).toEqual([a!.id, c!.id].sort());
    const cut = (await call("GET", `${path}${own}&fields=id&fields=name`)).body as Json;
    expect(cut[r.collection].every((o: Json) => Object.keys(o).sort().join() === "id,name")).toBe(true);
    const all = ((await call("GET", `${path}${own}`)).body as Json)[r.collection].map((o: Json) => o.id).sort();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    for (let next: string | undefined = `${path}${own}&limit=1`; next; ) {
      const page = (await call("GET", next)).body as Json;
      expect(page[r.collection].length).toBeLessThanOrEqual(1);
      paged.push(...page[r.collection].map((o: Json) => o.id));
      const href = page[`${r.collection}_links`]?.find((l: Json) => l.rel === "next")?.href;
      next = href ? new URL(href).pathname + new URL(href).search : undefined;
      expect(paged.length).toBeLessThanOrEqual(all.length + 1);
    }
    expect(paged.sort()).toEqual(all);
  });

  test("list: sorted where Neutron sorts (400 for endpoint groups, which have no sort key)", async () => {
    const res = await call("GET", `${path}${own}&sort_key=name&sort_dir=desc`);
    if (r.type === "EndpointGroup") {
      expect([res.status, errorType(res)]).toEqual([400, "HTTPBadRequest"]);
      expect(spec.paths[path].get.parameters.map((p: Json) => p.$ref)).not.toContain("#/components/parameters/SortDir");
      return;
    }
    const names = ((res.body as Json)[r.collection] as Json[]).map((o) => o.name as string);
    expect(names).toEqual([...names].sort().reverse());
  });

  test("update: 200 with the change (after the agent's status report where there is a status), 400 before it", async () => {
    const { update, statusTable } = recipes[r.type]!;
    const object = made[1]!;
    if (statusTable) {
      const pending = await call("PUT", `${path}/${object.id}`, { [r.member]: update });
      expect([pending.status, errorType(pending)]).toEqual([400, "VPNStateInvalidToUpdate"]);
      sql("noauth", `UPDATE ${statusTable} SET status = 'ACTIVE' WHERE id = '${object.id}'`);
    }
    const res = await call("PUT", `${path}/${object.id}`, { [r.member]: update });
    expect(res.status).toBe(200);
    const after = (res.body as Json)[r.member];
    for (const [k, v] of Object.entries(update)) expect([k, after[k]]).toEqual([k, asUpdated(k, v, object)]);
    const unknown = await call("PUT", `${path}/${object.id}`, { [r.member]: { no_such_attribute: 1 } }, { refused: true });
    expect([unknown.status, errorType(unknown)]).toEqual([400, "HTTPBadRequest"]);
    expect((await call("PUT", `${path}/${MISSING}`, { [r.member]: { name: "nobody" } })).status).toBe(404);
  });

  test("delete: 204, then 404 for show and for a second delete", async () => {
    const object = made[0]!;
    expect((await call("DELETE", `${path}/${object.id}`)).status).toBe(204);
    expect((await call("GET", `${path}/${object.id}`)).status).toBe(404);
    expect((await call("DELETE", `${path}/${object.id}`)).status).toBe(404);
  });
});

// After the resources' tests (jest runs them in this order): two of the connections made there still
// stand on the topology's VPN service, policies and endpoint groups.
test("in use: 409 for a VPN service, IKE or IPsec policy a connection stands on; 400 for an endpoint group", async () => {
  const inUse = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    return [res.status, errorType(res)];
  };
  expect(await inUse("DELETE", `/v2.0/vpn/vpnservices/${topo.vpnserviceId}`)).toEqual([409, "VPNServiceInUse"]);
  expect(await inUse("DELETE", `/v2.0/vpn/ikepolicies/${topo.ikepolicyId}`)).toEqual([409, "IKEPolicyInUse"]);
  expect(await inUse("PUT", `/v2.0/vpn/ipsecpolicies/${topo.ipsecpolicyId}`, { ipsecpolicy: { name: "renamed" } })).toEqual([409, "IPsecPolicyInUse"]);
  expect(await inUse("DELETE", `/v2.0/vpn/endpoint-groups/${topo.peerEpGroupId}`)).toEqual([400, "EndpointGroupInUse"]);
});

test("refusals the spec states too: Neutron's 400 for a body the spec refuses", async () => {
  const refused = async (path: string, body: Json) => (await call("POST", path, body, { refused: true })).status;
  expect(await refused("/v2.0/vpn/ikepolicies", { ikepolicy: { project_id: target.projectId, lifetime: { value: 59 } } })).toBe(400);
  expect(await refused("/v2.0/vpn/endpoint-groups", { endpoint_group: { project_id: target.projectId, type: "cidr", endpoints: [] } })).toBe(400);
  expect(await refused("/v2.0/vpn/vpnservices", { vpnservice: { project_id: target.projectId, name: "no-router" } })).toBe(400);
});

afterAll(() => {
  // Every operation was called on the real server and answered with its success status.
  const success = (id: string) => Object.values<Json>(spec.paths).flatMap((item) => Object.values<Json>(item)).find((op) => op.operationId === id)!;
  const missing = [...new Set(Object.values<Json>(spec.paths).flatMap((item) => Object.values<Json>(item).map((op) => op.operationId as string)))].filter(
    (id) => !Object.keys(success(id).responses).some((code) => /^2/.test(code) && answered.get(id)?.has(Number(code))),
  );
  expect(missing).toEqual([]);
});
