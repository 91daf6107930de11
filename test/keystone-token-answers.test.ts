// How keystoneAuth reads Keystone's answer to its token request when it is not a token: a 3xx is a
// redirect it never follows, any other failure a VpnaasAuthError carrying Keystone's error as cause.
import { createVpnaasClient, isApiError, isAuthError, isRedirectError, keystoneAuth, type VpnaasApiError } from "../src";
import { connectionId } from "./helpers/auth-fixtures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";
import { passwordOptions, startKeystone, type KeystoneStandIn } from "./helpers/keystone-server";

let keystone: KeystoneStandIn;
let api: TestServer;

beforeAll(async () => {
  [api, keystone] = await Promise.all([startServer(), startKeystone({ now: Date.now() })]);
});
afterAll(() => Promise.all([api.close(), keystone.server.close()]));
beforeEach(() => {
  keystone.reset();
  api.requests.length = 0;
});

const tokensUrl = () => `${keystone.server.url}/v3/auth/tokens`;
const failure = (): Promise<Error> =>
  createVpnaasClient({ baseUrl: api.url, auth: keystoneAuth(passwordOptions(keystone)), allowInsecureHttp: true })
    .getIpsecSiteConnection(connectionId)
    .then(() => new Error("the call succeeded"), (e: unknown) => e as Error);
const answer = (status: number, headers: Record<string, string> = {}) =>
  keystone.server.handle((_req, res) => sendJson(res, status, { error: { code: status, title: "Refused", message: `refused with ${status}` } }, { "X-Openstack-Request-Id": "req-kst", ...headers }));

describe("keystoneAuth: a token request answered with a redirect", () => {
  test.each([300, 399])("%i (the edges of 3xx) is a VpnaasRedirectError that says why the token request follows none", async (status) => {
    answer(status, { Location: "/v3/elsewhere?x=1" });
    const err = await failure();
    expect(isRedirectError(err)).toBe(true);
    expect(err).toMatchObject({ status, method: "POST", url: tokensUrl(), location: `${keystone.server.url}/v3/elsewhere` });
    expect(err.message).toMatch(/redirect to \S+\/v3\/elsewhere not followed: the token request carries the credentials and follows no redirect\./);
    expect(keystone.tokenRequests()).toHaveLength(1);
    expect(api.requests).toHaveLength(0);
  });
});

describe("keystoneAuth: a token request refused with another status", () => {
  test.each([400, 403, 500])("%i is a VpnaasAuthError quoting Keystone, its VpnaasApiError as cause, without the 401's credentials hint", async (status) => {
    answer(status);
    const err = await failure();
    expect(isAuthError(err)).toBe(true);
    expect(err.message).toMatch(new RegExp(`^Keystone refused the token request: POST \\S+/v3/auth/tokens → ${status}\\b.*refused with ${status} \\(request req-kst\\)$`));
    expect(err.message).not.toMatch(/check the user name/);
    expect(isApiError(err.cause)).toBe(true);
    expect(err.cause as VpnaasApiError).toMatchObject({ status, method: "POST", url: tokensUrl(), requestId: "req-kst" });
    expect(api.requests).toHaveLength(0);
  });

  test("401 carries the same cause, and the hint to check the credentials", async () => {
    answer(401);
    const err = await failure();
    expect(err.message).toMatch(/→ 401\b.*; check the user name, password, domains and project \(or the application credential\)$/);
    expect(err.cause).toMatchObject({ name: "VpnaasApiError", status: 401 });
  });
});
