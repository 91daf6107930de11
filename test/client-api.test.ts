// `client.api`, the openapi-fetch client, shares the client's transport: auth and retries apply
// to any call made through it, and it gets a readable Response back.
import { createVpnaasClient, type IpsecSiteConnection, tokenAuth } from "../src";
import { capture } from "./helpers/captures";
import { fault, script } from "./helpers/faults";
import { startServer, type TestServer } from "./helpers/http-server";

const ok = capture("get-connection-200");
const okBody = JSON.parse(ok.response.body_raw) as { ipsec_site_connection: IpsecSiteConnection };
const id = okBody.ipsec_site_connection.id;
const TOKEN = "gAAAAAB-api-token";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createVpnaasClient({ baseUrl: server.url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, headers: { "User-Agent": "api-test/1.0" }, retry: { baseDelayMs: 1, maxDelayMs: 1 } });

describe("client.api", () => {
  test("retries a 503 and authenticates every attempt, then returns the parsed 200 with its headers", async () => {
    script(server, fault.json(503, { NeutronError: { type: "Busy", message: "later", detail: "" } }), fault.json(200, okBody, { "X-Openstack-Request-Id": "req-api" }));
    const { data, response } = await client().api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id }, query: { fields: ["id", "status"] } } });
    expect(data?.ipsec_site_connection).toEqual(okBody.ipsec_site_connection);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-openstack-request-id")).toBe("req-api");
    expect(server.requests.map((r) => [r.method, r.url, r.headers["x-auth-token"], r.headers["user-agent"], r.headers.accept])).toEqual([
      ["GET", `/v2.0/vpn/ipsec-site-connections/${id}?fields=id&fields=status`, TOKEN, "api-test/1.0", "application/json"],
      ["GET", `/v2.0/vpn/ipsec-site-connections/${id}?fields=id&fields=status`, TOKEN, "api-test/1.0", "application/json"],
    ]);
  });

  test("returns a non-2xx answer as openapi-fetch's error, after the retries", async () => {
    script(server, fault.json(404, { NeutronError: { type: "IPsecSiteConnectionNotFound", message: "not found", detail: "" } }));
    const { data, error, response } = await client().api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id } } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ NeutronError: { type: "IPsecSiteConnectionNotFound", message: "not found", detail: "" } });
    expect(response.status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  test("sends a request body, and does not retry a POST", async () => {
    script(server, fault.json(503, { NeutronError: { type: "Busy", message: "later", detail: "" } }));
    const api = client().api as unknown as { POST(path: string, init: { body: unknown }): Promise<{ response: Response }> };
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
    const error = await client()
      .api.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id } }, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted", attempts: 1 });
  });
});
