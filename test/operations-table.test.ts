// The generator's operation table (scripts/operations-table.mjs → generated/operations.ts): what it
// states for the current spec, for the five shapes of operation, and that it refuses what it cannot state.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { getIpsecSiteConnection, operations } from "../generated/operations";
import { ipsecSiteConnectionFieldValues } from "../generated/openapi";

const root = resolve(__dirname, "..");

/** scripts/operations-table.mjs's operationSpecs(doc) in a child node (the script is an ES module), or its error. */
function specsOf(doc: unknown): { specs?: Record<string, any>; error?: string } {
  const script = `import { operationSpecs } from ${JSON.stringify(join(root, "scripts/operations-table.mjs"))};
    let text = ""; for await (const c of process.stdin) text += c;
    try { console.log(JSON.stringify({ specs: Object.fromEntries(operationSpecs(JSON.parse(text))) })); }
    catch (e) { console.log(JSON.stringify({ error: e.message })); }`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { input: JSON.stringify(doc), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** scripts/operation-functions.mjs's text for `doc`, in a child node, or its error. */
function functionsOf(doc: unknown): { text?: string; error?: string } {
  const script = `import { operationFunctions } from ${JSON.stringify(join(root, "scripts/operation-functions.mjs"))};
    let text = ""; for await (const c of process.stdin) text += c;
    try { console.log(JSON.stringify({ text: operationFunctions(JSON.parse(text)) })); }
    catch (e) { console.log(JSON.stringify({ error: e.message })); }`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { input: JSON.stringify(doc), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const uuidParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const envelope = (key: string, schema: unknown) => ({ type: "object", required: [key], properties: { [key]: schema } });
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A spec with the five operations of one resource, as the contract between spec and engine describes them. */
function ikeSpec(overrides: { create?: Record<string, unknown> } = {}) {
  return {
    openapi: "3.1.0",
    paths: {
      "/v2.0/vpn/ikepolicies": {
        get: {
          operationId: "listIkePolicies",
          parameters: [
            { name: "fields", in: "query", explode: true, schema: { type: "array", items: { type: "string", enum: ["id", "name"] } } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, description: "page size" } },
          ],
          responses: {
            "200": { description: "ok", ...json({ type: "object", required: ["ikepolicies"], properties: { ikepolicies: { type: "array", items: ref("IkePolicy") }, ikepolicies_links: { type: "array" } } }) },
            "404": { description: "no" },
          },
        },
        post: {
          operationId: "createIkePolicy",
          requestBody: { required: true, ...json(envelope("ikepolicy", ref("IkePolicyCreate"))) },
          responses: { "201": { description: "made", ...json(envelope("ikepolicy", ref("IkePolicy"))) } },
          ...overrides.create,
        },
      },
      "/v2.0/vpn/ikepolicies/{ikepolicy_id}": {
        parameters: [uuidParam("ikepolicy_id")],
        get: { operationId: "getIkePolicy", responses: { "200": { description: "ok", ...json(envelope("ikepolicy", ref("IkePolicy"))) } } },
        put: {
          operationId: "updateIkePolicy",
          requestBody: { required: true, ...json(envelope("ikepolicy", ref("IkePolicyUpdate"))) },
          responses: { "200": { description: "ok", ...json(envelope("ikepolicy", ref("IkePolicy"))) } },
        },
        delete: { operationId: "deleteIkePolicy", responses: { "204": { description: "gone" } } },
      },
    },
    components: {
      schemas: {
        IkePolicy: { type: "object", properties: { id: { type: "string", readOnly: true } } },
        Lifetime: { type: "object", additionalProperties: false, properties: { units: { type: "string", enum: ["seconds"] }, value: { type: "integer", minimum: 60 } } },
        IkePolicyCreate: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: { name: { type: "string", maxLength: 255, default: "" }, psk_like: { type: "string", format: "password" }, lifetime: ref("Lifetime"), phase1: { type: ["string", "null"] } },
        },
        IkePolicyUpdate: { type: "object", additionalProperties: false, properties: { name: { type: "string", maxLength: 255 } } },
      },
    },
  };
}

describe("the operation table", () => {
  test("for the current spec: the 25 operations, each as the engine sends it", () => {
    const resources = [
      ["IpsecSiteConnection", "IpsecSiteConnections", "ipsec-site-connections", "connection_id", "ipsec_site_connection", "ipsec_site_connections"],
      ["VpnService", "VpnServices", "vpnservices", "service_id", "vpnservice", "vpnservices"],
      ["IkePolicy", "IkePolicies", "ikepolicies", "ikepolicy_id", "ikepolicy", "ikepolicies"],
      ["IpsecPolicy", "IpsecPolicies", "ipsecpolicies", "ipsecpolicy_id", "ipsecpolicy", "ipsecpolicies"],
      ["EndpointGroup", "EndpointGroups", "endpoint-groups", "endpoint_group_id", "endpoint_group", "endpoint_groups"],
    ] as const;
    const table = operations as Record<string, any>;
    expect(Object.keys(table).sort()).toEqual(resources.flatMap(([one, many]) => [`list${many}`, `get${one}`, `create${one}`, `update${one}`, `delete${one}`]).sort());
    for (const [one, many, collection, param, key, plural] of resources) {
      const path = `/v2.0/vpn/${collection}`;
      const item = `${path}/{${param}}`;
      expect(table[`list${many}`]).toMatchObject({ method: "GET", path, pathParams: [], response: { kind: "list", key: plural, links: `${plural}_links` }, idempotent: true });
      expect(table[`list${many}`].query).toEqual(expect.arrayContaining(["fields", "limit", "marker", "page_reverse"]));
      // Neutron sorts every collection but endpoint groups (capture endpoint-groups/list-sort-400).
      expect(table[`list${many}`].query.includes("sort_key")).toBe(collection !== "endpoint-groups");
      expect(table[`get${one}`]).toMatchObject({ method: "GET", path: item, pathParams: [param], query: ["fields"], response: { kind: "object", key }, idempotent: true });
      expect(table[`create${one}`]).toMatchObject({ method: "POST", path, pathParams: [], request: { key }, response: { kind: "object", key }, idempotent: false });
      expect(table[`update${one}`]).toMatchObject({ method: "PUT", path: item, pathParams: [param], request: { key, required: [] }, response: { kind: "object", key }, idempotent: true });
      expect(table[`delete${one}`]).toMatchObject({ method: "DELETE", path: item, pathParams: [param], response: { kind: "none" }, idempotent: true });
      // Server-set attributes are in no request body.
      for (const verb of ["create", "update"]) for (const attr of ["id", "status"]) expect(Object.keys(table[`${verb}${one}`].request.properties)).not.toContain(attr);
    }
    expect(table.createIpsecSiteConnection.request.secret).toEqual(["psk"]);
    expect(table.updateIpsecSiteConnection.request.secret).toEqual(["psk"]);
    expect(getIpsecSiteConnection.queryRules.fields.items.enum).toEqual(ipsecSiteConnectionFieldValues);
  });

  test("the functions of vpnaas-sdk/operations follow from the spec: one per operation, each calling its kind's engine function over its own entry", () => {
    const { text } = functionsOf(ikeSpec());
    const exported = [...text!.matchAll(/^export const (\w+) = \((async )?\(session, ([\w, ]+)\) => (\w+)\(stackOf\(session\), (\w+)Spec, \3\)\)/gm)].map((m) => [m[1], Boolean(m[2]), m[3], m[4], m[5]]);
    expect(exported).toEqual([
      ["createIkePolicy", true, "attributes, options", "createCall", "createIkePolicy"],
      ["deleteIkePolicy", true, "id, options", "deleteCall", "deleteIkePolicy"],
      ["getIkePolicy", true, "id, options", "getCall", "getIkePolicy"],
      ["listIkePolicies", false, "query, options", "listCall", "listIkePolicies"],
      ["updateIkePolicy", true, "id, changes, options", "updateCall", "updateIkePolicy"],
    ]);
    expect(readFileSync(join(root, "generated/operation-functions.ts"), "utf8").match(/^export const /gm)).toHaveLength(Object.keys(operations).length);
  });

  test("the generator gives the committed table for the spec", () => {
    const specs = specsOf(parse(readFileSync(join(root, "spec/openapi.yaml"), "utf8"))).specs!;
    expect(specs).toEqual(JSON.parse(JSON.stringify(operations)));
  });

  test("states list, get, create, update and delete with envelopes, $refs resolved, rules without documentation", () => {
    const { specs, error } = specsOf(ikeSpec());
    expect(error).toBeUndefined();
    expect(Object.keys(specs!)).toEqual(["createIkePolicy", "deleteIkePolicy", "getIkePolicy", "listIkePolicies", "updateIkePolicy"]);
    expect(specs!.listIkePolicies).toEqual({
      method: "GET",
      path: "/v2.0/vpn/ikepolicies",
      pathParams: [],
      query: ["fields", "limit"],
      queryRules: { fields: { type: "array", items: { type: "string", enum: ["id", "name"] } }, limit: { type: "integer", minimum: 1 } },
      response: { kind: "list", key: "ikepolicies", links: "ikepolicies_links" },
      idempotent: true,
    });
    expect(specs!.createIkePolicy).toMatchObject({ method: "POST", idempotent: false, response: { kind: "object", key: "ikepolicy" } });
    expect(specs!.createIkePolicy.request).toEqual({
      key: "ikepolicy",
      required: ["name"],
      properties: {
        name: { type: "string", maxLength: 255 },
        psk_like: { type: "string", format: "password" },
        lifetime: { type: "object", additionalProperties: false, properties: { units: { type: "string", enum: ["seconds"] }, value: { type: "integer", minimum: 60 } } },
        phase1: { type: "string", nullable: true },
      },
      secret: ["psk_like"],
    });
    expect(specs!.updateIkePolicy).toMatchObject({ method: "PUT", pathParams: ["ikepolicy_id"], idempotent: true, request: { required: [], secret: [] } });
    expect(specs!.deleteIkePolicy).toMatchObject({ method: "DELETE", response: { kind: "none" }, idempotent: true });
  });

  test.each([
    ["a request schema with allOf", { requestBody: json(envelope("ikepolicy", { allOf: [ref("IkePolicyCreate")] })) }, /createIkePolicy .*allOf .* is not a rule the engine can check/],
    ["an open request schema", { requestBody: json(envelope("ikepolicy", { type: "object", properties: { a: { type: "string" } } })) }, /is not closed/],
    ["two 2xx responses", { responses: { "200": json(envelope("ikepolicy", ref("IkePolicy"))), "201": json(envelope("ikepolicy", ref("IkePolicy"))) } }, /has 2 2xx responses/],
    ["a body that is not an envelope", { responses: { "201": json(ref("IkePolicy")) } }, /not an envelope/],
    ["a dangling $ref", { requestBody: json(envelope("ikepolicy", ref("Nope"))) }, /#\/components\/schemas\/Nope does not exist/],
    ["no operationId", { operationId: undefined }, /POST \/v2.0\/vpn\/ikepolicies has no operationId/],
  ])("refuses %s, naming the operation", (_label, create, message) => {
    expect(specsOf(ikeSpec({ create })).error).toMatch(message);
  });

  test("states x-greater-than as greaterThan, and refuses any other vendor keyword of a rule", () => {
    const doc = ikeSpec() as any;
    doc.components.schemas.Lifetime.properties.value["x-greater-than"] = "floor";
    expect(specsOf(doc).specs!.createIkePolicy.request.properties.lifetime.properties.value).toEqual({ type: "integer", minimum: 60, greaterThan: "floor" });
    doc.components.schemas.Lifetime.properties.value["x-multiple-of-60"] = true;
    expect(specsOf(doc).error).toMatch(/x-multiple-of-60 true is not a rule the engine can check/);
  });

  test("refuses a path parameter that is not a UUID", () => {
    const doc = ikeSpec();
    doc.paths["/v2.0/vpn/ikepolicies/{ikepolicy_id}"].parameters = [{ name: "ikepolicy_id", in: "path", required: true, schema: { type: "string" } as never }];
    expect(specsOf(doc).error).toMatch(/path parameter ikepolicy_id is not a string of format uuid/);
  });

  test("refuses a list envelope without its links", () => {
    const doc = ikeSpec() as any;
    delete doc.paths["/v2.0/vpn/ikepolicies"].get.responses["200"].content["application/json"].schema.properties.ikepolicies_links;
    expect(specsOf(doc).error).toMatch(/declares no ikepolicies_links/);
  });
});
