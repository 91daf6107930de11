// vpnaas-sdk/operations: the per-operation functions over a session, against a real node:http
// server on 127.0.0.1; and their list against the generated table, so none is missing or extra.
import { inspect } from "node:util";
import * as table from "../generated/operations";
import { createVpnaasSession, isValidationError, tokenAuth, type VpnaasSession } from "../src";
import { WAITS } from "../src/operations/method-types";
import * as perOperation from "../src/per-operation";
import { createIpsecSiteConnection, getIkePolicy, listIkePolicies, waitForVpnService } from "../src/per-operation";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";

const ID = "851f280f-5639-4ea3-81aa-e298525ab74b";
const TOKEN = "tok-DO-NOT-LEAK-2b9e";
const PSK = "psk-DO-NOT-LEAK-7f3a9c";

let server: TestServer;
let session: VpnaasSession;
beforeAll(async () => {
  server = await startServer();
  session = createVpnaasSession({ baseUrl: server.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, retry: false });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

test("there is one function per operation of the table, plus the waits, and nothing else", () => {
  const operations = Object.keys(table.operations);
  expect(operations).toHaveLength(25);
  expect(Object.keys(perOperation).sort()).toEqual([...operations, ...WAITS.map(([name]) => name)].sort());
  for (const name of operations) expect(typeof (perOperation as Record<string, unknown>)[name]).toBe("function");
});

test("a get sends its path and fields with the session's token, and unwraps the envelope", async () => {
  server.handle((_req, res) => sendJson(res, 200, { ikepolicy: { id: ID, name: "ike" } }));
  const policy = await getIkePolicy(session, ID, { fields: ["id", "name"] });
  expect(policy).toEqual({ id: ID, name: "ike" });
  expect(server.requests.map((r) => [r.method, r.url, r.headers["x-auth-token"]])).toEqual([["GET", `/v2.0/vpn/ikepolicies/${ID}?fields=id&fields=name`, TOKEN]]);
});

test("a list follows the next link to the second page, lazily", async () => {
  server.handle((req, res) =>
    req.url!.includes("marker=")
      ? sendJson(res, 200, { ikepolicies: [{ id: "b" }] })
      : sendJson(res, 200, { ikepolicies: [{ id: "a" }], ikepolicies_links: [{ rel: "next", href: `${server.url}/v2.0/vpn/ikepolicies?limit=1&marker=a` }] }),
  );
  const listing = listIkePolicies(session, { limit: 1 });
  expect(server.requests).toHaveLength(0);
  expect((await listing.all()).map((p) => p.id)).toEqual(["a", "b"]);
  expect(server.requests.map((r) => r.url)).toEqual(["/v2.0/vpn/ikepolicies?limit=1", "/v2.0/vpn/ikepolicies?limit=1&marker=a"]);
});

test("a create sends the envelope as JSON and returns the created object", async () => {
  server.handle((_req, res) => sendJson(res, 201, { ipsec_site_connection: { id: ID, status: "PENDING_CREATE" } }));
  const attributes = { vpnservice_id: ID, ikepolicy_id: ID, ipsecpolicy_id: ID, peer_address: "192.0.2.1", peer_id: "192.0.2.1", psk: PSK, peer_cidrs: ["10.1.0.0/24"] };
  const created = await createIpsecSiteConnection(session, attributes);
  expect(created.id).toBe(ID);
  const [sent] = server.requests;
  expect([sent!.method, sent!.url, JSON.parse(sent!.body)]).toEqual(["POST", "/v2.0/vpn/ipsec-site-connections", { ipsec_site_connection: attributes }]);
});

test("bad input is refused before anything is sent, naming the argument and not the psk", async () => {
  await expect(getIkePolicy(session, "not-a-uuid")).rejects.toMatchObject({ name: "VpnaasValidationError", parameter: "ikepolicyId" });
  // @ts-expect-error fields only takes the policy's attribute names
  await expect(getIkePolicy(session, ID, { fields: ["bogus"] })).rejects.toMatchObject({ name: "VpnaasValidationError" });
  expect(() => listIkePolicies(session, { limit: -1 })).toThrow(expect.objectContaining({ name: "VpnaasValidationError", parameter: "limit" }));
  // @ts-expect-error peer_address is missing
  const missing = createIpsecSiteConnection(session, { vpnservice_id: ID, ikepolicy_id: ID, ipsecpolicy_id: ID, peer_id: "x", psk: PSK });
  const error = await missing.catch((e: unknown) => e);
  expect(isValidationError(error)).toBe(true);
  expect(`${String(error)} ${(error as Error).stack} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(PSK);
  await expect(waitForVpnService(session, ID, { status: [] })).rejects.toMatchObject({ name: "VpnaasValidationError", parameter: "status" });
  expect(server.requests).toHaveLength(0);
});

test("a session must come from createVpnaasSession; its options are checked as a client's are", async () => {
  const notMade = { name: "VpnaasValidationError", parameter: "session", message: "session must be made by createVpnaasSession; nothing was sent." };
  await expect(getIkePolicy({ kind: "VpnaasSession" }, ID)).rejects.toMatchObject(notMade);
  expect(() => listIkePolicies(undefined as unknown as VpnaasSession)).toThrow(expect.objectContaining(notMade));
  for (const value of [null, "session", 42]) expect(() => listIkePolicies(value as unknown as VpnaasSession)).toThrow(expect.objectContaining(notMade));
  expect(server.requests).toHaveLength(0);
  expect(() => createVpnaasSession({ baseUrl: "https://user:pw@network.example.com" })).toThrow(expect.objectContaining({ name: "VpnaasValidationError", parameter: "baseUrl" }));
  // tokenAuth over plain http without allowInsecureHttp, as createVpnaasCoreClient refuses it.
  expect(() => createVpnaasSession({ baseUrl: server.url, auth: tokenAuth(TOKEN) })).toThrow(expect.objectContaining({ name: "VpnaasValidationError" }));
  expect(server.requests).toHaveLength(0);
});

test("a session shows nothing of its stack: no header, token or endpoint in JSON or inspect", () => {
  const withHeader = createVpnaasSession({ baseUrl: server.url, headers: { "X-Auth-Token": TOKEN } });
  const shown = `${JSON.stringify(withHeader)} ${inspect(withHeader, { depth: 10 })} ${String(withHeader)}`;
  expect(shown).not.toContain(TOKEN);
  expect(shown).not.toContain(server.url);
  expect(Object.isFrozen(withHeader)).toBe(true);
});

test("a session keeps its stack under the registered symbol vpnaas-sdk.session-stack, which any copy of the SDK finds", async () => {
  const made = createVpnaasSession({ baseUrl: server.url });
  expect(Object.getOwnPropertySymbols(made).map((s) => Symbol.keyFor(s))).toEqual(["vpnaas-sdk.session-stack"]);
  // As a session of another copy of the module holds it: a plain object with the stack under that name.
  const stack = Object.getOwnPropertyDescriptor(made, Symbol.for("vpnaas-sdk.session-stack"))!.value as unknown;
  const foreign = Object.defineProperty({ kind: "VpnaasSession" as const }, Symbol.for("vpnaas-sdk.session-stack"), { value: stack });
  server.handle((_req, res) => sendJson(res, 200, { ikepolicy: { id: ID } }));
  await expect(getIkePolicy(foreign, ID)).resolves.toEqual({ id: ID });
});

test("a session made by another copy of the module (the CJS build next to the ESM one) works", async () => {
  jest.resetModules();
  const other = (await import("../src/session")) as typeof import("../src/session");
  server.handle((_req, res) => sendJson(res, 200, { ikepolicy: { id: ID } }));
  await expect(getIkePolicy(other.createVpnaasSession({ baseUrl: server.url }), ID)).resolves.toEqual({ id: ID });
});
