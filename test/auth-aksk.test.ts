import { akskAuth, createVpnaasClient, isValidationError } from "../src";
import { fromRequest } from "../src/request";
import { authStack } from "./helpers/faults";
import { connectionBody, connectionId, connectionPath, renderings, verifyAkSk } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";

const keys = { accessKey: "AKTESTAKTESTAKTEST01", secretKey: "SK-DO-NOT-LEAK-4c1e9b0a77" };
const SECURITY_TOKEN = "STS-DO-NOT-LEAK-9f8e7d";
const at = Date.UTC(2026, 10, 28, 18, 30, 5);

let server: TestServer;
let verified: boolean[];
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  verified = [];
  server.handle((req, res, seen) => {
    verified.push(verifyAkSk(seen, req, keys));
    sendJson(res, 200, connectionBody);
  });
});

describe("akskAuth", () => {
  test("signs an API call so that Huawei's official signer, run on the server, agrees", async () => {
    const client = createVpnaasClient({ baseUrl: server.url, auth: akskAuth({ ...keys, now: () => at }), allowInsecureHttp: true });
    await client.getIpsecSiteConnection(connectionId, { fields: ["id", "name"] });
    const seen = server.requests[0]!;
    expect(seen.url).toBe(`${connectionPath}?fields=id&fields=name`);
    expect(seen.headers["x-sdk-date"]).toBe("20261128T183005Z");
    expect(seen.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKTESTAKTESTAKTEST01, SignedHeaders=accept;host;x-sdk-date, Signature=[0-9a-f]{64}$/);
    expect(verified).toEqual([true]);
  });

  test("sends X-Project-Id and X-Security-Token and signs them", async () => {
    const client = createVpnaasClient({
      baseUrl: server.url,
      auth: akskAuth({ ...keys, projectId: "0b2d6e1f9a8c4d3e8f7a6b5c4d3e2f1a", securityToken: SECURITY_TOKEN }),
      allowInsecureHttp: true,
    });
    await client.getIpsecSiteConnection(connectionId);
    const seen = server.requests[0]!;
    expect(seen.headers["x-project-id"]).toBe("0b2d6e1f9a8c4d3e8f7a6b5c4d3e2f1a");
    expect(seen.headers["x-security-token"]).toBe(SECURITY_TOKEN);
    expect(String(seen.headers.authorization)).toContain("SignedHeaders=accept;host;x-project-id;x-sdk-date;x-security-token,");
    expect(verified).toEqual([true]);
  });

  test("signs a request body, and re-signs with a fresh X-Sdk-Date each time the same request is sent", async () => {
    let now = at;
    const send = authStack(akskAuth({ ...keys, now: () => now }));
    const request = await fromRequest(
      new Request(`${server.url}/v2.0/vpn/ipsec-site-connections?name=a%20b&name=%C3%BC`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Extra": "x" },
        body: JSON.stringify({ ipsec_site_connection: { name: "vpn €", mtu: 1500 } }),
      }),
    );
    await send(request);
    now += 61_000;
    await send(request);
    expect(server.requests.map((r) => r.headers["x-sdk-date"])).toEqual(["20261128T183005Z", "20261128T183106Z"]);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    expect(verified).toEqual([true, true]);
  });

  test("dates each request by its own second: the same within one, the next one a millisecond later", async () => {
    let now = at + 998;
    const client = createVpnaasClient({ baseUrl: server.url, auth: akskAuth({ ...keys, now: () => now++ }), allowInsecureHttp: true });
    for (let i = 0; i < 3; i++) await client.getIpsecSiteConnection(connectionId);
    expect(server.requests.map((r) => r.headers["x-sdk-date"])).toEqual(["20261128T183005Z", "20261128T183005Z", "20261128T183006Z"]);
    expect(verified).toEqual([true, true, true]);
  });

  test("signs every attempt of a retried call afresh, never over the last attempt's signature", async () => {
    let attempt = 0;
    server.handle((req, res, seen) => {
      verified.push(verifyAkSk(seen, req, keys));
      if (++attempt === 1) sendJson(res, 503, { NeutronError: { type: "Busy", message: "later", detail: "" } });
      else sendJson(res, 200, connectionBody);
    });
    let now = at;
    const client = createVpnaasClient({ baseUrl: server.url, auth: akskAuth({ ...keys, now: () => (now += 1000) }), allowInsecureHttp: true, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    await client.getIpsecSiteConnection(connectionId);
    expect(server.requests.map((r) => r.headers["x-sdk-date"])).toEqual(["20261128T183006Z", "20261128T183007Z"]);
    expect(server.requests.map((r) => String(r.headers.authorization).match(/SignedHeaders=([^,]*)/)?.[1])).toEqual(["accept;host;x-sdk-date", "accept;host;x-sdk-date"]);
    expect(verified).toEqual([true, true]);
  });

  test("refuses a client that would sign for a plain http:// endpoint without allowInsecureHttp, and sends nothing", () => {
    let err: unknown;
    try {
      createVpnaasClient({ baseUrl: server.url, auth: akskAuth(keys) });
    } catch (e) {
      err = e;
    }
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/plain http:\/\/.*allowInsecureHttp: true.*Nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  test("names the missing keys", () => {
    expect(() => akskAuth({ accessKey: "", secretKey: undefined as never })).toThrow(/akskAuth needs accessKey and secretKey/);
  });

  test("keeps the secret key and security token out of the strategy object's renderings", () => {
    const auth = akskAuth({ ...keys, securityToken: SECURITY_TOKEN });
    for (const text of renderings(auth)) {
      expect(text).not.toContain(keys.secretKey);
      expect(text).not.toContain(SECURITY_TOKEN);
    }
  });
});
