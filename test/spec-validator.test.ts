import { capture } from "./helpers/captures";
import { checkResponse, checkSchema, responseSchemaPointer, schemaNode, schemaProperties, spec } from "./helpers/spec-validator";

const ok = capture("get-connection-200").response.body as { ipsec_site_connection: Record<string, unknown> };

describe("spec-validator (the helper the integration tests rely on)", () => {
  test("a real Neutron 21 200 body is valid", () => {
    expect(checkResponse("getIpsecSiteConnection", 200, ok)).toEqual({ valid: true, errors: [] });
  });

  test("a field the spec lacks fails: the spec's objects are closed (additionalProperties: false)", () => {
    const drifted = { ipsec_site_connection: { ...ok.ipsec_site_connection, new_field: 1 } };
    const check = checkResponse("getIpsecSiteConnection", 200, drifted);
    expect(check.valid).toBe(false);
    expect(check.errors.join()).toContain('"new_field"');
    expect(checkSchema("IpsecSiteConnection", drifted.ipsec_site_connection).valid).toBe(false);
    for (const name of ["IpsecSiteConnectionResponse", "IpsecSiteConnectionAttributes", "Dpd", "NeutronErrorResponse", "NeutronError", "KeystoneErrorResponse", "HuaweiGatewayError"]) {
      expect([name, schemaNode(name).additionalProperties]).toEqual([name, false]);
    }
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

  test("with fields, a subset is valid in the response but not as a full IpsecSiteConnection", () => {
    const subset = { ipsec_site_connection: { id: ok.ipsec_site_connection.id, name: "x" } };
    expect(checkResponse("getIpsecSiteConnection", 200, subset).valid).toBe(true);
    expect(checkSchema("IpsecSiteConnection", subset.ipsec_site_connection).valid).toBe(false);
    expect(checkResponse("getIpsecSiteConnection", 200, { ipsec_site_connection: { id: "x", bogus: 1 } }).valid).toBe(false);
  });

  test("the fields enum names exactly the connection's attributes", () => {
    expect([...(schemaNode("IpsecSiteConnectionField").enum as string[])].sort()).toEqual(Object.keys(schemaProperties("IpsecSiteConnection")).sort());
    expect(schemaNode("IpsecSiteConnection", "dpd", "action").enum).toContain("hold");
  });

  test("the spec's own examples are valid", () => {
    for (const name of ["SourcePageConnection", "Neutron21Connection"]) {
      expect([name, checkResponse("getIpsecSiteConnection", 200, spec.components.examples[name].value).errors]).toEqual([name, []]);
    }
  });

  test("error statuses resolve through the spec's shared responses", () => {
    expect(responseSchemaPointer("getIpsecSiteConnection", 404)).toBe("/components/responses/NotFound/content/application~1json/schema");
    expect(checkResponse("getIpsecSiteConnection", 404, capture("get-unknown-uuid-404").response.body).valid).toBe(true);
    expect(checkResponse("getIpsecSiteConnection", 401, capture("keystone/get-connection-no-token-401").response.body).valid).toBe(true);
    expect(checkResponse("getIpsecSiteConnection", 404, { error: "nope" }).valid).toBe(false);
    expect(() => checkResponse("getIpsecSiteConnection", 418, {})).toThrow(/declares no response for status 418/);
  });
});
