import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import {
  createVpnaasClient,
  createVpnaasCoreClient,
  isApiError,
  isResponseError,
  isValidationError,
  type IpsecSiteConnection,
  VpnaasApiError,
  VpnaasResponseError,
  VpnaasValidationError,
  tokenAuth,
} from "../src";
import { capture } from "./helpers/captures";
import { fault, script } from "./helpers/faults";
import { sendJson, suiteServer } from "./helpers/http-server";

const ok = capture("get-connection-200");
const id = (ok.response.body as { ipsec_site_connection: IpsecSiteConnection }).ipsec_site_connection.id;
const okConnection = (ok.response.body as { ipsec_site_connection: IpsecSiteConnection }).ipsec_site_connection;
const PSK = "psk-DO-NOT-LEAK-7f3a9c";
const TOKEN = "gAAAAAB-api-token";

const server = suiteServer();

// Retries are the fault suite's concern (test/faults); here each request is sent once.
const client = () => createVpnaasClient({ baseUrl: server.url, retry: false });

/** Replays a captured Neutron response verbatim: status, Content-Type, request id, raw body. */
function replay(name: string) {
  const c = capture(name);
  server.handle((_req, res) =>
    sendJson(res, c.response.status, c.response.body_raw, {
      "X-Openstack-Request-Id": c.response.headers["X-Openstack-Request-Id"] ?? "",
    }),
  );
  return c;
}

/** Every way an error can be turned into text by a caller or a logger. */
function renderings(err: unknown): string[] {
  return [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), (err as Error).stack ?? ""];
}

describe("getIpsecSiteConnection", () => {
  test("sends GET to the connection's path with Accept: application/json and returns the unwrapped connection", async () => {
    replay("get-connection-200");
    const connection = await client().getIpsecSiteConnection(id);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe("GET");
    expect(server.requests[0]!.url).toBe(`/v2.0/vpn/ipsec-site-connections/${id}`);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
    expect(connection).toEqual((ok.response.body as { ipsec_site_connection: unknown }).ipsec_site_connection);
    expect(connection.dpd).toEqual({ action: "hold", interval: 30, timeout: 120 });
    expect(typeof connection.admin_state_up).toBe("boolean");
  });

  test("serializes fields as repeated query parameters, as Neutron expects", async () => {
    replay("get-connection-fields-200");
    const connection = await client().getIpsecSiteConnection(id, { fields: ["id", "name", "status"] });
    expect(server.requests[0]!.url).toBe(`/v2.0/vpn/ipsec-site-connections/${id}?fields=id&fields=name&fields=status`);
    expect(connection).toEqual({ id, name: "vpnconnection1", status: "ACTIVE" });
  });

  test("returns the psk to the caller: it is the caller's data", async () => {
    server.handle((_req, res) => sendJson(res, 200, { ipsec_site_connection: { ...(ok.response.body as any).ipsec_site_connection, psk: PSK } }));
    await expect(client().getIpsecSiteConnection(id)).resolves.toMatchObject({ psk: PSK });
  });

  test("one AbortSignal shared by many concurrent calls gets no listener per call (Node warns past 10)", async () => {
    const waiting: Array<() => void> = [];
    let allArrived: () => void = () => undefined;
    const arrived = new Promise<void>((done) => (allArrived = done));
    server.handle((_req, res) => {
      waiting.push(() => sendJson(res, 200, ok.response.body_raw));
      if (waiting.length === 20) allArrived();
    });
    const shared = new AbortController().signal;
    const c = client();
    const calls = Promise.all(Array.from({ length: 20 }, () => c.getIpsecSiteConnection(id, { signal: shared })));
    await arrived;
    const listeners = getEventListeners(shared, "abort").length;
    for (const answer of waiting) answer();
    await calls;
    expect(listeners).toBeLessThanOrEqual(1);
  });

  test("passes the caller's AbortSignal to the request", async () => {
    server.handle(() => undefined); // never answers
    const controller = new AbortController();
    const call = client().getIpsecSiteConnection(id, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toThrow(/abort/i);
  });
});

describe("invalid input sends nothing", () => {
  // Answer at once, so that a validation that lets a bad id through fails the test here rather
  // than waiting on the previous test's silent handler until the test timeout.
  beforeEach(() => server.handle((_req, res) => sendJson(res, 200, ok.response.body_raw)));

  test.each([
    ["an empty string", ""],
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["an object", { id }],
    ["a non-UUID", "not-a-uuid"],
    ["a path traversal", "../ikepolicies"],
    ["an encoded slash", "..%2Fvpnservices"],
    ["a UUID with a suffix", `${id}/extra`],
    ["a UUID with a query", `${id}?fields=psk`],
    ["a path before a UUID", `../${id}`],
    ["a character before a UUID", `x${id}`],
    ["a UUID without its dashes", id.replaceAll("-", "")],
    ["a UUID one digit short", id.slice(1)],
    ["a UUID with a non-hex digit", `g${id.slice(1)}`],
  ])("rejects %s as connectionId with a VpnaasValidationError", async (_label, bad) => {
    const err = await client()
      .getIpsecSiteConnection(bad as string)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VpnaasValidationError);
    expect(isValidationError(err)).toBe(true);
    expect((err as VpnaasValidationError).parameter).toBe("connectionId");
    expect((err as Error).message).toMatch(/nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  test.each([
    ["an empty list", []],
    ["an unknown attribute", ["id", "bogus"]],
    ["a non-array", "id"],
  ])("rejects fields that are %s", async (_label, fields) => {
    const err = await client()
      .getIpsecSiteConnection(id, { fields: fields as never })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VpnaasValidationError);
    expect((err as VpnaasValidationError).parameter).toBe("fields");
    expect(server.requests).toHaveLength(0);
  });

  test("rejects an invalid header when the client is created, naming it without showing its value", () => {
    const token = "tok-DO-NOT-LEAK-\nInjected: yes";
    const err = (() => {
      try {
        createVpnaasClient({ baseUrl: server.url, headers: { "User-Agent": "ok", "X-Auth-Token": token } });
      } catch (e) {
        return e;
      }
    })();
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toContain('"X-Auth-Token"');
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
    expect(server.requests).toHaveLength(0);
  });

  test("rejects a baseUrl that is not an http(s) URL when the client is created", () => {
    expect(() => createVpnaasClient({ baseUrl: "ftp://example.com" })).toThrow(VpnaasValidationError);
    expect(() => createVpnaasClient({ baseUrl: "" })).toThrow(VpnaasValidationError);
    expect(() => createVpnaasClient(undefined as never)).toThrow(VpnaasValidationError);
  });
});

describe("error mapping", () => {
  test("a real Neutron 404 becomes a VpnaasApiError with status, type, message and request id", async () => {
    const c = replay("get-unknown-uuid-404");
    const missing = c.request.path.split("/").pop()!;
    const err = (await client()
      .getIpsecSiteConnection(missing)
      .catch((e: unknown) => e)) as VpnaasApiError;
    expect(err).toBeInstanceOf(VpnaasApiError);
    expect(isApiError(err)).toBe(true);
    expect(err.status).toBe(404);
    expect(err.errorType).toBe("IPsecSiteConnectionNotFound");
    expect(err.errorMessage).toBe(`ipsec_site_connection ${missing} not found`);
    expect(err.requestId).toBe(c.response.headers["X-Openstack-Request-Id"]);
    expect(err.method).toBe("GET");
    expect(err.message).toBe(
      `GET ${server.url}/v2.0/vpn/ipsec-site-connections/${missing} → 404 Not Found: IPsecSiteConnectionNotFound: ipsec_site_connection ${missing} not found (request ${err.requestId})`,
    );
  });

  test("a Keystone-style 401 body is described", async () => {
    const c = capture("keystone/get-connection-no-token-401");
    server.handle((_req, res) => sendJson(res, 401, c.response.body_raw, { "X-Openstack-Request-Id": "req-1" }));
    const err = (await client()
      .getIpsecSiteConnection(id)
      .catch((e: unknown) => e)) as VpnaasApiError;
    expect(err.status).toBe(401);
    expect(err.errorMessage).toBe("The request you have made requires authentication.");
  });

  test("a Huawei Cloud gateway error body is described, with x-request-id", async () => {
    server.handle((_req, res) =>
      sendJson(res, 403, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information", request_id: "abc" }, { "X-Request-Id": "abc" }),
    );
    const err = (await client()
      .getIpsecSiteConnection(id)
      .catch((e: unknown) => e)) as VpnaasApiError;
    expect(err.errorType).toBe("APIGW.0301");
    expect(err.errorMessage).toBe("Incorrect IAM authentication information");
    expect(err.requestId).toBe("abc");
  });

  test.each([
    ["an empty 200", 200, "", "application/json", /the body is empty where JSON was expected/],
    ["truncated JSON", 200, `{"ipsec_site_connection": {"id": "${id}", "psk": "${PSK}`, "application/json", /not valid JSON/],
    ["an HTML page", 200, "<html><body>Bad gateway</body></html>", "text/html", /expected a JSON body \(content-type text\/html\)/],
    ["JSON without the envelope", 200, JSON.stringify({ ipsec_site_connections: [{ id, psk: PSK }] }), "application/json", /no "ipsec_site_connection" object/],
    ["a null envelope", 200, JSON.stringify({ ipsec_site_connection: null }), "application/json", /no "ipsec_site_connection" object/],
    ["an array envelope", 200, JSON.stringify({ ipsec_site_connection: [okConnection] }), "application/json", /no "ipsec_site_connection" object/],
    ["a JSON array", 200, JSON.stringify([okConnection]), "application/json", /the JSON body is not an object/],
    ["JSON null", 200, "null", "application/json", /the JSON body is not an object/],
    ["a JSON string", 200, '"x"', "application/json", /the JSON body is not an object/],
    ["JSON sent as text/json", 200, ok.response.body_raw, "text/json", /expected a JSON body \(content-type text\/json\)/],
    ["JSON under a type that only starts like it", 200, ok.response.body_raw, "application/jsonp", /expected a JSON body \(content-type application\/jsonp\)/],
    ["JSON named only in a parameter of another type", 200, ok.response.body_raw, "text/plain; format=application/json", /expected a JSON body \(content-type text\/plain; format=application\/json\)/],
  ])("%s is a VpnaasResponseError, not undefined or a SyntaxError", async (_label, status, body, type, message) => {
    server.handle((_req, res) => {
      res.writeHead(status, { "Content-Type": type });
      res.end(body);
    });
    const err = await client()
      .getIpsecSiteConnection(id)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VpnaasResponseError);
    expect(isResponseError(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
    for (const text of renderings(err)) expect(text).not.toContain(PSK);
  });

  test.each(["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json", "application/vnd.openstack.network+json;v=2"])("accepts JSON sent as %s", async (type) => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": type });
      res.end(ok.response.body_raw);
    });
    await expect(client().getIpsecSiteConnection(id)).resolves.toEqual(okConnection);
  });

  test("accepts JSON without a Content-Type", async () => {
    server.handle((_req, res) => void res.end(ok.response.body_raw));
    await expect(client().getIpsecSiteConnection(id)).resolves.toEqual(okConnection);
  });

  test("the psk never appears in any rendering of an error whose body held it", async () => {
    const leaky = { NeutronError: { type: "Boom", message: "failed", detail: "" }, ipsec_site_connection: { psk: PSK } };
    server.handle((_req, res) => sendJson(res, 500, leaky));
    const err = await client()
      .getIpsecSiteConnection(id)
      .catch((e: unknown) => e);
    expect(isApiError(err)).toBe(true);
    for (const text of renderings(err)) expect(text).not.toContain(PSK);
  });

  test("an unparseable error body is shown as a short redacted excerpt", async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end(`<html>${"x".repeat(1000)} "psk": "${PSK}"</html>`);
    });
    const err = (await client()
      .getIpsecSiteConnection(id)
      .catch((e: unknown) => e)) as VpnaasApiError;
    expect(err.status).toBe(502);
    expect(err.message.length).toBeLessThan(400);
    for (const text of renderings(err)) expect(text).not.toContain(PSK);
  });
});

/** With auth and (fast) retries: `client.api` shares them. */
const apiClient = () =>
  createVpnaasClient({ baseUrl: server.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, headers: { "User-Agent": "api-test/1.0" }, retry: { baseDelayMs: 1, maxDelayMs: 1 } });

// `client.api`, the openapi-fetch client, shares the client's transport: auth and retries apply
// to any call made through it, and it gets a readable Response back.
describe("createVpnaasCoreClient: the same operations, auth and retries, without api", () => {
  test("has no api, sends the same authenticated GET and returns the unwrapped connection", async () => {
    replay("get-connection-200");
    const core = createVpnaasCoreClient({ baseUrl: server.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true });
    expect("api" in core).toBe(false);
    const connection = await core.getIpsecSiteConnection(id, { fields: ["id", "status"] });
    expect(connection).toEqual(okConnection);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe(`/v2.0/vpn/ipsec-site-connections/${id}?fields=id&fields=status`);
    expect(server.requests[0]!.headers["x-auth-token"]).toBe(TOKEN);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
  });

  test("retries a 503 with a fresh token on each attempt, then maps a 404 to a VpnaasApiError", async () => {
    let calls = 0;
    const notFound = capture("get-unknown-uuid-404");
    server.handle((_req, res) => (++calls === 1 ? sendJson(res, 503, "{}", { "Retry-After": "0" }) : sendJson(res, notFound.response.status, notFound.response.body_raw)));
    let issued = 0;
    const core = createVpnaasCoreClient({ baseUrl: server.url, auth: tokenAuth(() => `${TOKEN}-${++issued}`), allowInsecureHttp: true });
    const error = await core.getIpsecSiteConnection(id).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(404);
    expect((error as VpnaasApiError).attempts).toBe(2);
    expect(server.requests.map((r) => r.headers["x-auth-token"])).toEqual([`${TOKEN}-1`, `${TOKEN}-2`]);
  });

  test("rejects an invalid id before sending anything", async () => {
    const core = createVpnaasCoreClient({ baseUrl: server.url });
    await expect(core.getIpsecSiteConnection("")).rejects.toBeInstanceOf(VpnaasValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("client.api", () => {
  test("retries a 503 and authenticates every attempt, then returns the parsed 200 with its headers", async () => {
    script(server, fault.json(503, { NeutronError: { type: "Busy", message: "later", detail: "" } }), fault.json(200, { ipsec_site_connection: okConnection }, { "X-Openstack-Request-Id": "req-api" }));
    const { data, response } = await apiClient().api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id }, query: { fields: ["id", "status"] } } });
    expect(data?.ipsec_site_connection).toEqual(okConnection);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-openstack-request-id")).toBe("req-api");
    expect(server.requests.map((r) => [r.method, r.url, r.headers["x-auth-token"], r.headers["user-agent"], r.headers.accept])).toEqual([
      ["GET", `/v2.0/vpn/ipsec-site-connections/${id}?fields=id&fields=status`, TOKEN, "api-test/1.0", "application/json"],
      ["GET", `/v2.0/vpn/ipsec-site-connections/${id}?fields=id&fields=status`, TOKEN, "api-test/1.0", "application/json"],
    ]);
  });

  test("returns a non-2xx answer as openapi-fetch's error, after the retries", async () => {
    script(server, fault.json(404, { NeutronError: { type: "IPsecSiteConnectionNotFound", message: "not found", detail: "" } }));
    const { data, error, response } = await apiClient().api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id } } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ NeutronError: { type: "IPsecSiteConnectionNotFound", message: "not found", detail: "" } });
    expect(response.status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  test("sends a request body, and does not retry a POST", async () => {
    script(server, fault.json(503, { NeutronError: { type: "Busy", message: "later", detail: "" } }));
    const api = apiClient().api as unknown as { POST(path: string, init: { body: unknown }): Promise<{ response: Response }> };
    const { response } = await api.POST("/v2.0/vpn/ipsec-site-connections", { body: { ipsec_site_connection: { name: "vpn-é" } } });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ ipsec_site_connection: { name: "vpn-é" } });
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
    expect(server.requests[0]!.headers["x-auth-token"]).toBe(TOKEN);
  });

  test("stops at once when the caller's signal aborts", async () => {
    script(server, fault.hang());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await apiClient()
      .api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id } }, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted", attempts: 1 });
  });
});
