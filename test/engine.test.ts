import type { OperationSpec } from "../generated/operations";
import { bodyRequestOf, pathOf, requestOf } from "../src/operations/engine";
import { validationErrorOf } from "./helpers/auth-fixtures";

const A = "851f280f-5639-4ea3-81aa-e298525ab74b";
const B = "0f0e0d0c-0b0a-4909-8807-060504030201";

const spec = (method: OperationSpec["method"], request?: OperationSpec["request"]): OperationSpec => ({
  method,
  path: "/v2.0/vpn/things/{thing_id}/parts/{part_id}",
  pathParams: ["thing_id", "part_id"],
  query: ["name"],
  queryRules: { name: { type: "string" } },
  ...(request ? { request } : {}),
  response: { kind: "object", key: "thing" },
  idempotent: method !== "POST",
});
const body = { key: "thing", required: [], secret: ["psk", "other_psk"], properties: { name: {}, psk: {}, other_psk: {}, extra: { type: "object" } } } as const satisfies OperationSpec["request"];

describe("pathOf and requestOf", () => {
  test("each parameter in its place, the query after", () => {
    expect(pathOf(spec("GET"), [A, B])).toBe(`/v2.0/vpn/things/${A}/parts/${B}`);
    expect(requestOf(spec("GET"), [A, B], { name: "n" })).toEqual({ method: "GET", path: `/v2.0/vpn/things/${A}/parts/${B}?name=n` });
  });
  test("a bad id is named by its argument, in camelCase", () => {
    expect(validationErrorOf(() => pathOf(spec("GET"), [A, "nope"])).parameter).toBe("partId");
    expect(validationErrorOf(() => pathOf(spec("GET"), [undefined, B])).parameter).toBe("thingId");
  });
});

describe("bodyRequestOf", () => {
  test("the envelope as JSON, its content type, and the secret values to cut from errors", () => {
    const call = bodyRequestOf(spec("PUT", body), [A, B], { name: "n", psk: "sekrit", other_psk: 7 });
    expect(call.method).toBe("PUT");
    expect(call.path).toBe(`/v2.0/vpn/things/${A}/parts/${B}`);
    expect(new TextDecoder().decode(call.body!)).toBe('{"thing":{"name":"n","psk":"sekrit","other_psk":7}}');
    expect(call.headers).toEqual({ "content-type": "application/json" });
    expect(call.secrets).toEqual(["sekrit"]);
  });
  test("an operation without a body sends none", () => {
    expect(bodyRequestOf(spec("POST"), [A, B], { anything: 1 })).toEqual({ method: "POST", path: `/v2.0/vpn/things/${A}/parts/${B}` });
  });
  test("a create names its argument attributes, an update changes", () => {
    expect(validationErrorOf(() => bodyRequestOf(spec("POST", body), [A, B], { color: 1 })).parameter).toBe("attributes");
    expect(validationErrorOf(() => bodyRequestOf(spec("PUT", body), [A, B], { color: 1 })).parameter).toBe("changes");
  });
  test.each([["POST", "attributes"], ["PUT", "changes"]] as const)("%s of a value JSON cannot write: refused, naming %s", (method, parameter) => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const extra of [cycle, { n: 1n }]) {
      const err = validationErrorOf(() => bodyRequestOf(spec(method, body), [A, B], { extra }));
      expect([err.parameter, err.message]).toEqual([parameter, "the attributes cannot be written as JSON (a cycle or a BigInt); nothing was sent."]);
    }
  });
});
