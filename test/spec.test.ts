import { readFileSync } from "node:fs";
import { join } from "node:path";
import { capture } from "./helpers/captures";
import { schemaProperties, schemaValidator as validator, spec } from "./helpers/spec-validator";

const schemas = spec.components.schemas;

describe("spec/openapi.yaml", () => {
  test.each(Object.keys(spec.components.examples))("example %s validates against IpsecSiteConnectionResponse", (name) => {
    const validate = validator("IpsecSiteConnectionResponse");
    expect(validate(spec.components.examples[name].value)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  test("the source page's example is attached verbatim to the operation's 200 response", () => {
    const page = readFileSync(join(__dirname, "fixtures/querying-ipsec-vpn-connection.md"), "utf8");
    const json = page.slice(page.indexOf("{", page.indexOf("Example Response")), page.lastIndexOf("}") + 1);
    expect(spec.components.examples.SourcePageConnection.value).toEqual(JSON.parse(json));
  });

  test("real Neutron 21 responses validate against the schema of their status", () => {
    const validate = validator("IpsecSiteConnectionResponse");
    expect(validate(capture("get-connection-200").response.body)).toBe(true);
    expect(validate(capture("post-connection-201").response.body)).toBe(true);
    const error = validator("NeutronErrorResponse");
    for (const name of ["get-unknown-uuid-404", "get-malformed-id-404", "put-connection-bad-mtu-400", "get-dotdot-raw-path-404"]) {
      expect(error(capture(name).response.body)).toBe(true);
    }
    expect(validator("KeystoneErrorResponse")(capture("keystone/get-connection-no-token-401").response.body)).toBe(true);
  });

  test("a field the spec does not declare fails validation, so the spec cannot silently drift", () => {
    const body = structuredClone(capture("get-connection-200").response.body) as any;
    body.ipsec_site_connection.surprise = 1;
    expect(validator("IpsecSiteConnectionResponse")(body)).toBe(false);
  });

  test("the fields enum lists exactly the attributes of IpsecSiteConnection", () => {
    expect([...schemas.IpsecSiteConnectionField.enum].sort()).toEqual(Object.keys(schemaProperties("IpsecSiteConnection")).sort());
  });

  test("corrects the source page: admin_state_up is boolean, dpd is an object, endpoint groups may be null", () => {
    const props: Record<string, any> = schemaProperties("IpsecSiteConnection");
    expect(props.admin_state_up.type).toBe("boolean");
    expect(props.admin_state_up.description).toMatch(/Correction of the source page.*"Boo"/);
    expect(schemas.Dpd.type).toBe("object");
    expect(Object.keys(schemas.Dpd.properties).sort()).toEqual(["action", "interval", "timeout"]);
    expect(props).not.toHaveProperty("interval");
    expect(props.local_ep_group_id.type).toEqual(["string", "null"]);
    expect(props.peer_cidrs.deprecated).toBe(true);
    expect(props.psk.format).toBe("password");
  });

  test("declares the defaults Neutron applies", () => {
    const props: Record<string, any> = schemaProperties("IpsecSiteConnection");
    expect([props.mtu.default, props.initiator.default, props.admin_state_up.default]).toEqual([1500, "bi-directional", true]);
    expect([schemas.Dpd.properties.action.default, schemas.Dpd.properties.interval.default, schemas.Dpd.properties.timeout.default]).toEqual(["hold", 30, 120]);
  });
});
