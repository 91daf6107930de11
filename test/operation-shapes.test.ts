// The engine's guards against a table entry used the wrong way (the generator and the engine
// disagreeing): a TypeError that names the operation, and nothing sent.
import type { OperationSpec } from "../generated/operations";
import { checkBaseUrl } from "../src/endpoint-url";
import { callOperation } from "../src/operations/engine";
import { listOperation } from "../src/operations/list";
import { kindOf } from "../src/operations/methods";
import { clientStack } from "../src/pipeline";
import { sendJson, suiteServer } from "./helpers/http-server";

const server = suiteServer((_req, res) => sendJson(res, 200, { things: [], thing: {} }));
const stack = () => clientStack({ baseUrl: server.url, retry: false }, checkBaseUrl);

const base = { query: [], queryRules: {}, idempotent: true } as const;
const list: OperationSpec = { ...base, method: "GET", path: "/v2.0/vpn/things", pathParams: [], response: { kind: "list", key: "things", links: "things_links" } };
const get: OperationSpec = { ...base, method: "GET", path: "/v2.0/vpn/things/{thing_id}", pathParams: ["thing_id"], response: { kind: "object", key: "thing" } };

test("a list operation called as one object is a TypeError that says to list it; nothing is sent", async () => {
  const error = await callOperation(stack(), list, { method: "GET", path: "/v2.0/vpn/things" }, {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toBe("GET /v2.0/vpn/things answers with a list: call it as a list");
  expect(server.requests).toHaveLength(0);
});

test("an object operation listed is a TypeError naming it; nothing is sent", () => {
  expect(() => listOperation(stack(), get, undefined)).toThrow(TypeError);
  expect(() => listOperation(stack(), get, undefined)).toThrow(/^GET \/v2\.0\/vpn\/things\/\{thing_id\} does not answer with a list$/);
  expect(server.requests).toHaveLength(0);
});

test.each<[string, OperationSpec, RegExp]>([
  ["a PATCH", { ...get, method: "PATCH" as OperationSpec["method"] }, /^vpnaas-sdk has no method for PATCH \/v2\.0\/vpn\/things\/\{thing_id\} \(object\)$/],
  ["a list with a path parameter", { ...list, path: "/v2.0/vpn/things/{thing_id}/parts", pathParams: ["thing_id"] }, /^vpnaas-sdk has no method for GET \/v2\.0\/vpn\/things\/\{thing_id\}\/parts \(list\)$/],
  ["a PATCH that answers with nothing", { ...get, method: "PATCH" as OperationSpec["method"], response: { kind: "none" } }, /^vpnaas-sdk has no method for PATCH \/v2\.0\/vpn\/things\/\{thing_id\} \(none\)$/],
  ["a DELETE that answers with an object", { ...get, method: "DELETE" }, /^vpnaas-sdk has no method for DELETE .* \(object\)$/],
  ["a GET that answers with nothing", { ...get, response: { kind: "none" } }, /^vpnaas-sdk has no method for GET .* \(none\)$/],
  ["a POST that answers with nothing", { ...list, method: "POST", response: { kind: "none" } }, /^vpnaas-sdk has no method for POST .* \(none\)$/],
  ["a PUT that answers with nothing", { ...get, method: "PUT", response: { kind: "none" } }, /^vpnaas-sdk has no method for PUT .* \(none\)$/],
])("kindOf refuses %s, naming method, path and answer", (_label, spec, message) => {
  expect(() => kindOf(spec)).toThrow(TypeError);
  expect(() => kindOf(spec)).toThrow(message);
});

test("kindOf of the shapes the engine has methods for", () => {
  expect([kindOf(list), kindOf(get), kindOf({ ...get, method: "PUT" }), kindOf({ ...get, method: "DELETE", response: { kind: "none" } }), kindOf({ ...list, method: "POST", response: get.response })]).toEqual(["list", "get", "update", "delete", "create"]);
});
