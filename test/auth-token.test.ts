import { createVpnaasClient, isApiError, isValidationError, tokenAuth } from "../src";
import { connectionBody, connectionId, renderings, validationErrorOf } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";

const TOKEN = "gAAAAAB-TOKEN-DO-NOT-LEAK-51c0";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, connectionBody));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle((_req, res) => sendJson(res, 200, connectionBody));
});

const client = (auth: ReturnType<typeof tokenAuth>, allowInsecureHttp = true) => createVpnaasClient({ baseUrl: server.url, auth, allowInsecureHttp });

describe("tokenAuth", () => {
  test("sends a static token as X-Auth-Token", async () => {
    await client(tokenAuth(TOKEN)).getIpsecSiteConnection(connectionId);
    expect(server.requests[0]!.headers["x-auth-token"]).toBe(TOKEN);
  });

  test("asks an async provider for the token on every call", async () => {
    let n = 0;
    const c = client(tokenAuth(async () => `token-${++n}`));
    await c.getIpsecSiteConnection(connectionId);
    await c.getIpsecSiteConnection(connectionId);
    expect(server.requests.map((r) => r.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
  });

  test("returns a 401 as a VpnaasApiError without the token in it", async () => {
    server.handle((_req, res) => sendJson(res, 401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }));
    const err = await client(tokenAuth(TOKEN)).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(isApiError(err)).toBe(true);
    for (const text of renderings(err)) expect(text).not.toContain(TOKEN);
  });

  test("refuses a client that would send the token over plain http:// without allowInsecureHttp, and sends nothing", () => {
    let err: unknown;
    try {
      client(tokenAuth(TOKEN), false);
    } catch (e) {
      err = e;
    }
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toContain("Refusing to send credentials over plain http://");
    for (const text of renderings(err)) expect(text).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(0);
  });

  test.each([[""], ["a\nb"], [undefined]])("rejects %j as a token when the strategy is created", (bad) => {
    expect(() => tokenAuth(bad as string)).toThrow(/tokenAuth needs a non-empty token/);
  });

  test.each([
    ["a string that is not a header value", "tok\r\nX-Evil: 1", /got a string that is not \(not shown\); nothing was sent/],
    ["a number", 42, /got number; nothing was sent/],
    ["nothing", undefined, /got undefined; nothing was sent/],
  ])("says what kind of token it got, %s, without showing it", (_label, bad, kind) => {
    const err = validationErrorOf(() => tokenAuth(bad as string));
    expect(err.parameter).toBe("token");
    expect(err.message).toMatch(kind);
    expect(err.message).not.toContain("X-Evil");
  });

  test("says what kind of token a provider gave, before sending", async () => {
    const err = await client(tokenAuth(async () => ({ token: TOKEN }) as never)).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/tokenAuth needs a non-empty token .* got object; nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  test("rejects an empty token from a provider before sending", async () => {
    const err = await client(tokenAuth(() => "")).getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  test("keeps a static token out of the strategy object's renderings", () => {
    for (const text of renderings(tokenAuth(TOKEN))) expect(text).not.toContain(TOKEN);
  });
});
