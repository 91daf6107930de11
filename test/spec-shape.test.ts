// The one shape every resource of spec/openapi.yaml has (its info.description states it), which the
// generator's operation table and vpnaas-sdk's methods rely on: 25 operations named by the client's
// contract, the same schemas per resource, the same envelopes, request bodies that hold exactly what
// Neutron lets a create or an update send.
import { capture } from "./helpers/captures";
import { RESOURCES } from "./helpers/resources";
import { checkRequest, schemaProperties, spec } from "./helpers/spec-validator";

type Json = Record<string, any>;
const schemas = spec.components.schemas;
const deref = (node: Json): Json => (typeof node?.$ref === "string" ? node.$ref.slice(2).split("/").reduce((n: Json, k: string) => n[k.replace(/~1/g, "/")], spec) : node);
/** A schema with every `$ref` on the way followed (a property's `$ref` may name another property). */
const resolve = (node: Json): Json => (typeof node?.$ref === "string" ? { ...resolve(deref(node)), ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== "$ref")) } : node);
const operations = Object.entries<Json>(spec.paths).flatMap(([path, item]) => Object.entries<Json>(item).map(([method, op]) => ({ path, method, op })));
const byId = (id: string) => operations.find((o) => o.op.operationId === id)!;
const bodySchema = (id: string, status: string): Json => deref(deref(byId(id).op.responses[status]).content["application/json"].schema);

/** What Neutron lets a create send but not an update (`allow_put: False`), per neutron-lib 3.1.0's attribute maps. */
const CREATE_ONLY: Record<string, string[]> = {
  IpsecSiteConnection: ["ikepolicy_id", "ipsecpolicy_id", "project_id", "tenant_id", "vpnservice_id"],
  VpnService: ["flavor_id", "project_id", "router_id", "subnet_id", "tenant_id"],
  IkePolicy: ["project_id", "tenant_id"],
  IpsecPolicy: ["project_id", "tenant_id"],
  EndpointGroup: ["endpoints", "project_id", "tenant_id", "type"],
};
/** What Neutron sets itself (`allow_post: False`). */
const READ_ONLY: Record<string, string[]> = {
  IpsecSiteConnection: ["auth_mode", "id", "route_mode", "status"],
  VpnService: ["external_v4_ip", "external_v6_ip", "id", "status"],
  IkePolicy: ["id"],
  IpsecPolicy: ["id"],
  EndpointGroup: ["id"],
};
/** What a create must send (no `default` in the attribute map, or refused when empty), and the capture of Neutron refusing its absence. */
const REQUIRED_ON_CREATE: Record<string, [string[], string?]> = {
  IpsecSiteConnection: [["ikepolicy_id", "ipsecpolicy_id", "peer_address", "peer_id", "psk", "vpnservice_id"], "ipsec-site-connections/create-missing-psk-400"],
  VpnService: [["router_id"], "vpnservices/create-missing-router-400"],
  IkePolicy: [[]],
  IpsecPolicy: [[]],
  EndpointGroup: [["endpoints", "type"], "endpoint-groups/create-missing-type-400"],
};

test("the operationIds are the client's 25 method names", () => {
  const expected = RESOURCES.flatMap(({ type, plural }) => [`list${plural}`, `get${type}`, `create${type}`, `update${type}`, `delete${type}`]);
  expect(operations.map((o) => o.op.operationId).sort()).toEqual(expected.sort());
});

describe.each(RESOURCES)("$type", ({ type, dir, member, collection, plural }) => {
  const collectionPath = `/v2.0/vpn/${dir}`;
  const itemPath = Object.keys(spec.paths).find((p) => p.startsWith(`${collectionPath}/{`))!;

  test("list and create on the collection; show, update and delete on one object", () => {
    expect(Object.keys(spec.paths[collectionPath]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(spec.paths[itemPath]).sort()).toEqual(["delete", "get", "put"]);
    expect([byId(`list${plural}`).path, byId(`create${type}`).path]).toEqual([collectionPath, collectionPath]);
    expect(["get", "update", "delete"].map((verb) => byId(`${verb}${type}`).path)).toEqual([itemPath, itemPath, itemPath]);
  });

  test("the complete object requires every attribute, and the attributes' schema none", () => {
    const complete = schemas[type];
    expect(complete.allOf).toEqual([{ $ref: `#/components/schemas/${type}Attributes` }]);
    expect(schemas[`${type}Attributes`].required).toBeUndefined();
    // The source page's example (Open Telekom Cloud's, Huawei Cloud's answer) has no local_id.
    const optional = type === "IpsecSiteConnection" ? ["local_id"] : [];
    expect([...complete.required].sort()).toEqual(Object.keys(schemaProperties(type)).filter((k) => !optional.includes(k)).sort());
  });

  test("envelopes: one object under its member key, a list under its collection key with <collection>_links", () => {
    const one = (name: string) => ({ required: schemas[name].required, keys: Object.keys(schemas[name].properties), ref: schemas[name].properties[member]?.$ref });
    expect(one(`${type}Response`)).toEqual({ required: [member], keys: [member], ref: `#/components/schemas/${type}` });
    expect(one(`${type}FieldsResponse`)).toEqual({ required: [member], keys: [member], ref: `#/components/schemas/${type}Attributes` });
    for (const [name, item] of [[`${type}ListResponse`, type], [`${type}FieldsListResponse`, `${type}Attributes`]] as const) {
      expect(schemas[name].required).toEqual([collection]);
      expect(Object.keys(schemas[name].properties)).toEqual([collection, `${collection}_links`]);
      expect(schemas[name].properties[collection].items).toEqual({ $ref: `#/components/schemas/${item}` });
      expect(schemas[name].properties[`${collection}_links`]).toEqual({ $ref: "#/components/schemas/Links" });
    }
    expect(bodySchema(`list${plural}`, "200").anyOf).toEqual([{ $ref: `#/components/schemas/${type}ListResponse` }, { $ref: `#/components/schemas/${type}FieldsListResponse` }]);
    expect(bodySchema(`get${type}`, "200").anyOf).toEqual([{ $ref: `#/components/schemas/${type}Response` }, { $ref: `#/components/schemas/${type}FieldsResponse` }]);
    expect(bodySchema(`create${type}`, "201")).toBe(schemas[`${type}Response`]);
    expect(bodySchema(`update${type}`, "200")).toBe(schemas[`${type}Response`]);
    expect(byId(`delete${type}`).op.responses["204"].content).toBeUndefined();
    for (const [id, body] of [[`create${type}`, "Create"], [`update${type}`, "Update"]] as const) {
      const request = byId(id).op.requestBody;
      expect(request.required).toBe(true);
      expect(request.content["application/json"].schema).toEqual({ $ref: `#/components/schemas/${type}${body}Request` });
      expect(schemas[`${type}${body}Request`]).toMatchObject({ required: [member], additionalProperties: false, properties: { [member]: { $ref: `#/components/schemas/${type}${body}` } } });
    }
  });

  test("request bodies: closed, only attributes of the resource, none Neutron sets itself; create-only ones left out of the update", () => {
    const attributes = schemaProperties(type);
    const create = schemas[`${type}Create`];
    const update = schemas[`${type}Update`];
    for (const body of [create, update]) {
      expect(body.additionalProperties).toBe(false);
      expect(Object.keys(body.properties).filter((k) => !(k in attributes))).toEqual([]);
      expect(Object.entries<Json>(body.properties).filter(([, p]) => resolve(p).readOnly).map(([k]) => k)).toEqual([]);
    }
    const readOnly = Object.entries<Json>(attributes).filter(([, p]) => resolve(p).readOnly).map(([k]) => k).sort();
    expect(readOnly).toEqual(READ_ONLY[type]);
    expect(Object.keys(attributes).filter((k) => !(k in create.properties)).sort()).toEqual(READ_ONLY[type]);
    expect(Object.keys(create.properties).filter((k) => !(k in update.properties)).sort()).toEqual(CREATE_ONLY[type]);
    expect(Object.keys(update.properties).filter((k) => !(k in create.properties))).toEqual([]);
    expect(update.required).toBeUndefined();
  });

  test("required on create, as Neutron requires it: the minimal body is valid, each one left out is refused", () => {
    const [required, refusal] = REQUIRED_ON_CREATE[type]!;
    expect([...(schemas[`${type}Create`].required ?? [])].sort()).toEqual(required);
    if (refusal) expect(capture(refusal).response).toMatchObject({ status: 400 });
    const minimal = Object.fromEntries(required.map((k) => [k, k === "endpoints" ? ["10.2.0.0/24"] : k === "type" ? "cidr" : k.endsWith("_id") && k !== "peer_id" ? "851f280f-5639-4ea3-81aa-e298525ab74b" : "x"]));
    expect(checkRequest(`create${type}`, { [member]: minimal }).errors).toEqual([]);
    for (const k of required) {
      const { [k]: _left, ...rest } = minimal;
      expect([k, checkRequest(`create${type}`, { [member]: rest }).valid]).toEqual([k, false]);
    }
  });

  test("a list takes fields, the filters (each an attribute of the resource, never psk), sorting where Neutron sorts, and the page parameters", () => {
    const params = byId(`list${plural}`).op.parameters.map((p: Json) => deref(p));
    const names = params.map((p: Json) => p.name as string);
    expect(names).toEqual(expect.arrayContaining(["fields", "limit", "marker", "page_reverse"]));
    expect(params.every((p: Json) => p.in === "query" && p.required !== true)).toBe(true);
    const filters = names.filter((n: string) => !["fields", "limit", "marker", "page_reverse", "sort_key", "sort_dir"].includes(n));
    expect(filters.filter((n: string) => !(n in schemaProperties(type)))).toEqual([]);
    expect(filters).not.toContain("psk");
    expect(filters).toEqual(expect.arrayContaining(["id", "name", "project_id"]));
    for (const p of params.filter((q: Json) => q.schema.type === "array")) expect([p.name, p.style ?? "form", p.explode ?? true]).toEqual([p.name, "form", true]);
    const sortKey = params.find((p: Json) => p.name === "sort_key");
    if (type === "EndpointGroup") {
      expect(names).not.toContain("sort_key");
      expect(names).not.toContain("sort_dir");
    } else {
      expect(names).toContain("sort_dir");
      expect(sortKey.schema.items.enum.filter((k: string) => !(k in schemaProperties(type)))).toEqual([]);
    }
  });

  test("show, update and delete take the object's id, a UUID, in the path; show also takes fields", () => {
    for (const verb of ["get", "update", "delete"]) {
      const params = byId(`${verb}${type}`).op.parameters.map((p: Json) => deref(p));
      const id = params.find((p: Json) => p.in === "path");
      expect([verb, itemPath.includes(`{${id.name}}`), id.schema.format]).toEqual([verb, true, "uuid"]);
      expect(params.map((p: Json) => p.name)).toEqual(verb === "get" ? [id.name, "fields"] : [id.name]);
    }
  });
});

test("the filter, sort and page parameters of lists read what captures of Neutron show they do", () => {
  const page1 = capture("ikepolicies/list-limit1-page1-200").response.body as Json;
  expect(page1.ikepolicies).toHaveLength(1);
  expect(page1.ikepolicies_links.map((l: Json) => l.rel)).toEqual(["next", "previous"]);
  const last = capture("ikepolicies/list-limit1-page5-200").response.body as Json;
  expect([last.ikepolicies, last.ikepolicies_links.map((l: Json) => l.rel)]).toEqual([[], ["previous"]]);
  const byName = capture("ikepolicies/list-by-name-200");
  expect((byName.response.body as Json).ikepolicies.map((p: Json) => p.name).sort()).toEqual(["ike-a", "ike-c"]);
  // Ignored, not refused: the reason vpnaas-sdk refuses a parameter the spec does not declare.
  expect((capture("ikepolicies/list-unknown-filter-200").response.body as Json).ikepolicies).toHaveLength((capture("ikepolicies/list-200").response.body as Json).ikepolicies.length);
  const types = new Set((capture("endpoint-groups/list-type-filter-ignored-200").response.body as Json).endpoint_groups.map((g: Json) => g.type));
  expect([...types].sort()).toEqual(["cidr", "subnet"]);
});
