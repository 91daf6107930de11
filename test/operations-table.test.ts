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
  test("for the current spec: getIpsecSiteConnection as the engine sends it", () => {
    expect(Object.keys(operations)).toEqual(["getIpsecSiteConnection"]);
    expect(getIpsecSiteConnection).toMatchObject({
      method: "GET",
      path: "/v2.0/vpn/ipsec-site-connections/{connection_id}",
      pathParams: ["connection_id"],
      query: ["fields"],
      response: { kind: "object", key: "ipsec_site_connection" },
      idempotent: true,
    });
    expect(getIpsecSiteConnection.queryRules.fields.items.enum).toEqual(ipsecSiteConnectionFieldValues);
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
