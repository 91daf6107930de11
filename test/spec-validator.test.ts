import { capture } from "./helpers/captures";
import { checkResponse, checkSchema, responseSchemaPointer, schemaNode, schemaProperties, spec, undeclaredAttributes } from "./helpers/spec-validator";

const ok = capture("get-connection-200").response.body as { ipsec_site_connection: Record<string, unknown> };

describe("spec-validator (the helper the integration tests rely on)", () => {
  test("a real Neutron 21 200 body is valid", () => {
    expect(checkResponse("getIpsecSiteConnection", 200, ok)).toEqual({ valid: true, errors: [] });
  });

  test("an attribute the spec lacks is valid (responses are open) and undeclaredAttributes names it", () => {
    // Fujitsu's Neutron-compatible cloud documents availability_zone on this very response.
    const drifted = { ipsec_site_connection: { ...ok.ipsec_site_connection, availability_zone: "AZ1", dpd: { ...(ok.ipsec_site_connection.dpd as object), probe: 1 } } };
    expect(checkResponse("getIpsecSiteConnection", 200, drifted)).toEqual({ valid: true, errors: [] });
    expect(checkSchema("IpsecSiteConnection", drifted.ipsec_site_connection).valid).toBe(true);
    expect(undeclaredAttributes(responseSchemaPointer("getIpsecSiteConnection", 200), drifted).sort()).toEqual(["/ipsec_site_connection/availability_zone", "/ipsec_site_connection/dpd/probe"]);
    expect(undeclaredAttributes(responseSchemaPointer("getIpsecSiteConnection", 200), ok)).toEqual([]);
    // Through the 200's anyOf too (the envelope with fields), and through error bodies' oneOf.
    expect(undeclaredAttributes(responseSchemaPointer("getIpsecSiteConnection", 200, { query: "?fields=id" }), { ipsec_site_connection: { id: "x", extra: 1 } })).toEqual(["/ipsec_site_connection/extra"]);
    expect(undeclaredAttributes(responseSchemaPointer("getIpsecSiteConnection", 404), { NeutronError: { type: "t", message: "m", detail: "", hint: 1 } })).toEqual(["/NeutronError/hint"]);
  });

  test("no schema a response reaches closes an object; the request bodies, which responses never reach, are closed", () => {
    // The component schemas each response names, and all they name in turn.
    const reached = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        const ref = key === "$ref" && typeof value === "string" ? /^#\/components\/(schemas|responses)\/([^/]+)/.exec(value) : null;
        if (ref && !reached.has(value as string)) {
          reached.add(value as string);
          visit(spec.components[ref[1]!][ref[2]!]);
        } else visit(value);
      }
    };
    visit(Object.values<any>(spec.paths).flatMap((item) => Object.values<any>(item).map((op) => op.responses)));
    const closed = (name: string) => JSON.stringify(spec.components.schemas[name]).includes('"additionalProperties":false');
    const names = Object.keys(spec.components.schemas);
    const fromResponses = names.filter((name) => reached.has(`#/components/schemas/${name}`));
    expect(fromResponses.length).toBeGreaterThan(40);
    expect(fromResponses.filter(closed)).toEqual([]);
    expect(names.filter((name) => /(Create|Update)(Request)?$|Settings$/.test(name)).filter((name) => !closed(name))).toEqual([]);
  });

  test("wrong types, enum values, formats and missing required fields fail", () => {
    const conn = ok.ipsec_site_connection;
    for (const bad of [
      { ...conn, admin_state_up: "true" },
      { ...conn, mtu: "1500" },
      { ...conn, status: "UP" },
      { ...conn, id: "not-a-uuid" },
      { ...conn, dpd: { action: "hold", interval: 30 } },
      Object.fromEntries(Object.entries(conn).filter(([k]) => k !== "psk")),
    ]) {
      expect(checkSchema("IpsecSiteConnection", bad).valid).toBe(false);
    }
  });

  test("without fields a 200 must be complete; with fields a subset, even an empty one, is valid", () => {
    const subset = { ipsec_site_connection: { id: ok.ipsec_site_connection.id, name: "x" } };
    const empty = capture("get-connection-fields-unknown-200").response.body; // {"ipsec_site_connection": {}}
    expect(empty).toEqual({ ipsec_site_connection: {} });
    for (const body of [subset, empty]) {
      expect(checkResponse("getIpsecSiteConnection", 200, body).valid).toBe(false);
      expect(checkResponse("getIpsecSiteConnection", 200, body, { query: "?fields=id&fields=name" }).valid).toBe(true);
    }
    expect(checkResponse("getIpsecSiteConnection", 200, empty).errors.join()).toContain("must have required property 'id'");
    expect(checkSchema("IpsecSiteConnection", subset.ipsec_site_connection).valid).toBe(false);
    // A path or URL with its query works too.
    expect(checkResponse("getIpsecSiteConnection", 200, subset, { query: "/v2.0/vpn/ipsec-site-connections/x?fields=id" }).valid).toBe(true);
  });

  test("the complete envelope the tests use without fields is the 200's first anyOf member, named in its description", () => {
    const ok200 = spec.paths["/v2.0/vpn/ipsec-site-connections/{connection_id}"].get.responses["200"];
    expect(ok200.content["application/json"].schema.anyOf.map((m: { $ref: string }) => m.$ref)).toEqual([
      "#/components/schemas/IpsecSiteConnectionResponse",
      "#/components/schemas/IpsecSiteConnectionFieldsResponse",
    ]);
    expect(responseSchemaPointer("getIpsecSiteConnection", 200)).toBe("/components/schemas/IpsecSiteConnectionResponse");
    expect(ok200.description).toMatch(/Without `fields`: every attribute,\s+`IpsecSiteConnectionResponse`/);
    expect(schemaNode("IpsecSiteConnectionResponse", "ipsec_site_connection")).toBe(schemaNode("IpsecSiteConnection"));
  });

  test("the fields enum names exactly the connection's attributes", () => {
    expect([...(schemaNode("IpsecSiteConnectionField").enum as string[])].sort()).toEqual(Object.keys(schemaProperties("IpsecSiteConnection")).sort());
    expect(schemaNode("IpsecSiteConnection", "dpd", "action").enum).toContain("hold");
  });

  test("the spec's own examples are valid", () => {
    for (const name of ["SourcePageConnection", "Neutron21Connection", "Neutron21ConnectionLocalIdNull"]) {
      expect([name, checkResponse("getIpsecSiteConnection", 200, spec.components.examples[name].value).errors]).toEqual([name, []]);
    }
    expect(checkResponse("getIpsecSiteConnection", 200, spec.components.examples.Neutron21ConnectionFields.value, { query: "?fields=id&fields=name&fields=status" }).errors).toEqual([]);
  });

  test("error statuses resolve through the spec's shared responses", () => {
    expect(responseSchemaPointer("getIpsecSiteConnection", 404)).toBe("/components/responses/NotFound/content/application~1json/schema");
    expect(checkResponse("getIpsecSiteConnection", 404, capture("get-unknown-uuid-404").response.body).valid).toBe(true);
    expect(checkResponse("getIpsecSiteConnection", 401, capture("keystone/get-connection-no-token-401").response.body).valid).toBe(true);
    expect(checkResponse("getIpsecSiteConnection", 404, { error: "nope" }).valid).toBe(false);
    expect(() => checkResponse("getIpsecSiteConnection", 418, {})).toThrow(/declares no response for status 418/);
  });
});
