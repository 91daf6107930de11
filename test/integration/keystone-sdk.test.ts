/**
 * The SDK's Keystone strategy (`keystoneAuth`) against the real servers. Runs against the real Keystone 22 and keystone-auth neutron-server 21 that scripts/neutron/up.sh
 * starts; env.ts provides the fixture data (user, password, project, application credentials).
 */
import { inspect } from "node:util";
import { createVpnaasClient, isAuthError, keystoneAuth, VpnaasAuthError } from "../../src";
import { createApplicationCredential, issueAdminToken, issueToken, keystoneFixture, neutronEnv, revokeToken } from "./env";
import { type NeutronTarget, postConnection, removeTopology, seedTopology, type Topology } from "./seed";

const env = neutronEnv();
let connectionId: string;
let stored: Record<string, unknown>;

/** A fetch that records every request (URL, method) and answer status; the bodies are not kept. */
function recordingFetch() {
  const seen: { method: string; url: string; status: number; token: string | null }[] = [];
  const f = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    seen.push({ method: request.method, url: request.url, status: response.status, token: request.headers.get("x-auth-token") });
    return response;
  };
  return {
    fetch: f as typeof fetch,
    seen,
    tokenRequests: () => seen.filter((s) => s.method === "POST" && s.url.endsWith("/v3/auth/tokens")),
    /** The token the SDK last sent to Neutron. */
    lastToken: () => seen.filter((s) => s.token).at(-1)?.token,
  };
}

/** Everything an error can be turned into by a caller or a logger. */
const renderings = (err: unknown) => [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), (err as Error).stack ?? ""];

let topo: Topology;

beforeAll(async () => {
  const target: NeutronTarget = { baseUrl: env.neutronKeystoneUrl, token: (await issueToken()).token, adminToken: (await issueAdminToken()).token };
  topo = await seedTopology(target, "keystone-sdk");
  const res = await postConnection(target, topo, { name: "keystone-sdk-conn" });
  stored = (res.body as { ipsec_site_connection: Record<string, unknown> }).ipsec_site_connection;
  connectionId = stored.id as string;
});

// Fresh tokens: a test may have revoked the one seeding used.
afterAll(async () => {
  if (topo) await removeTopology({ baseUrl: env.neutronKeystoneUrl, token: (await issueToken()).token, adminToken: (await issueAdminToken()).token }, topo);
});

describe("keystoneAuth against real Keystone 22 and neutron-server 21", () => {
  test("password auth, endpoint discovered from the catalog (no baseUrl)", async () => {
    const f = keystoneFixture();
    const rec = recordingFetch();
    const client = createVpnaasClient({
      auth: keystoneAuth({
        authUrl: f.authUrl,
        username: f.username,
        password: f.password,
        userDomainName: f.userDomainName,
        projectName: f.projectName,
        projectDomainName: f.projectDomainName,
        region: f.regionId,
        allowInsecureHttp: true,
      }),
      allowInsecureHttp: true,
      fetch: rec.fetch,
    });
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toEqual(stored);
    expect(rec.tokenRequests()).toHaveLength(1);
    expect(rec.seen.at(-1)!.url).toBe(`${f.expectedNetworkUrl}/v2.0/vpn/ipsec-site-connections/${connectionId}`);
    // One token for many calls.
    await Promise.all(Array.from({ length: 10 }, () => client.getIpsecSiteConnection(connectionId)));
    expect(rec.tokenRequests()).toHaveLength(1);
  });

  test("authUrl without /v3 works as well", async () => {
    const f = keystoneFixture();
    const client = createVpnaasClient({
      auth: keystoneAuth({ ...f, authUrl: env.keystoneUrl, allowInsecureHttp: true }),
      allowInsecureHttp: true,
    });
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
  });

  test("application credential auth", async () => {
    const ac = await createApplicationCredential();
    const rec = recordingFetch();
    const client = createVpnaasClient({
      auth: keystoneAuth({
        authUrl: ac.authUrl,
        applicationCredentialId: ac.applicationCredentialId,
        applicationCredentialSecret: ac.applicationCredentialSecret,
        allowInsecureHttp: true,
      }),
      allowInsecureHttp: true,
      fetch: rec.fetch,
    });
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toEqual(stored);
    expect(rec.seen.at(-1)!.url.startsWith(ac.expectedNetworkUrl)).toBe(true);
  });

  test("refreshes before expires_at", async () => {
    const f = keystoneFixture();
    const rec = recordingFetch();
    // Keystone's tokens live an hour: the SDK's injected clock moves past expires_at instead of waiting.
    let clock = Date.now();
    const client = createVpnaasClient({ auth: keystoneAuth({ ...f, allowInsecureHttp: true, now: () => clock }), allowInsecureHttp: true, fetch: rec.fetch });
    await client.getIpsecSiteConnection(connectionId);
    await client.getIpsecSiteConnection(connectionId);
    expect(rec.tokenRequests()).toHaveLength(1);
    clock += 2 * 3600_000;
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(rec.tokenRequests()).toHaveLength(2);
    // The new token's lifetime counts from when it arrived (Keystone's issued_at → expires_at), so
    // a clock far ahead of Keystone's does not make every later call ask for another one.
    await client.getIpsecSiteConnection(connectionId);
    expect(rec.tokenRequests()).toHaveLength(2);
  });

  test("refreshes once on a 401 and resends", async () => {
    const f = keystoneFixture();
    const rec = recordingFetch();
    const client = createVpnaasClient({ auth: keystoneAuth({ ...f, allowInsecureHttp: true }), allowInsecureHttp: true, fetch: rec.fetch });
    await client.getIpsecSiteConnection(connectionId);
    expect(rec.tokenRequests()).toHaveLength(1);
    // Revoke the token the SDK holds; Neutron notices once its token cache (env.tokenCacheSeconds) expires.
    await revokeToken(rec.lastToken()!);
    await new Promise((r) => setTimeout(r, env.tokenCacheSeconds * 1000 + 1500));
    await expect(client.getIpsecSiteConnection(connectionId)).resolves.toEqual(stored);
    expect(rec.seen.filter((s) => s.status === 401)).toHaveLength(1);
    expect(rec.tokenRequests()).toHaveLength(2);
  });

  test("a wrong password is a VpnaasAuthError, with nothing secret in any rendering", async () => {
    const f = keystoneFixture();
    const wrong = "wrong-password-a7c3e9";
    const client = createVpnaasClient({ auth: keystoneAuth({ ...f, password: wrong, allowInsecureHttp: true }), allowInsecureHttp: true });
    const err = await client.getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VpnaasAuthError);
    expect(isAuthError(err)).toBe(true);
    for (const text of renderings(err)) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(f.password);
    }
  });

  test("a wrong application-credential secret is a VpnaasAuthError without the secret", async () => {
    // Keystone hashes secrets with bcrypt, which reads only the first 72 bytes: a secret changed
    // after that still authenticates (seen on this server). So the first character is changed.
    const wrongSecret = (secret: string) => (secret[0] === "x" ? "y" : "x") + secret.slice(1);
    const ac = await createApplicationCredential();
    const client = createVpnaasClient({
      auth: keystoneAuth({ authUrl: ac.authUrl, applicationCredentialId: ac.applicationCredentialId, applicationCredentialSecret: wrongSecret(ac.applicationCredentialSecret), allowInsecureHttp: true }),
      allowInsecureHttp: true,
    });
    const err = await client.getIpsecSiteConnection(connectionId).catch((e: unknown) => e);
    expect(isAuthError(err)).toBe(true);
    for (const text of renderings(err)) expect(text).not.toContain(ac.applicationCredentialSecret);
  });

  test("without allowInsecureHttp, nothing is sent to the http:// Keystone", async () => {
    const f = keystoneFixture();
    const rec = recordingFetch();
    // Refused when the strategy is created, before any client could send anything.
    expect(() => createVpnaasClient({ auth: keystoneAuth(f), fetch: rec.fetch })).toThrow(/plain http:\/\/.*allowInsecureHttp: true.*Nothing was sent/);
    expect(rec.seen).toHaveLength(0);
  });
});
