/**
 * `vpnaas-sdk/node` configuration against the real Keystone 22 of scripts/neutron/up.sh, over https
 * with the rig's own throw-away CA given as `cacert` (not NODE_EXTRA_CA_CERTS): a clouds.yaml with
 * anchors and merge keys, the password in secure.yaml, and an application-credential cloud.
 * neutron-server itself serves http in the rig; an https front with the rig's certificate
 * (tls-proxy.ts) stands where a TLS-terminating proxy would, so the whole path is https.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { isNetworkError } from "../../src";
import { createVpnaasClientFromEnvironment, type VpnaasEnvironmentClient } from "../../src/node";
import { createApplicationCredential, issueAdminToken, issueToken, keystoneFixture, neutronEnv } from "./env";
import { type NeutronTarget, postConnection, removeTopology, seedTopology, type Topology } from "./seed";
import { startTlsProxy } from "./tls-proxy";

const env = neutronEnv();
const f = keystoneFixture();
let dir: string;
let proxy: Awaited<ReturnType<typeof startTlsProxy>>;
let connectionId: string;
let stored: Record<string, unknown>;
const clients: VpnaasEnvironmentClient[] = [];

const renderings = (err: unknown) => [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), (err as Error).stack ?? ""];

/** A client for cloud `name` of the files in `dir`, reading nothing else (no OS_* variables, no home). */
const clientFor = (name: string) => {
  const client = createVpnaasClientFromEnvironment({ cloud: name, env: {}, cwd: dir, home: join(dir, "home"), systemConfigDir: join(dir, "etc"), baseUrl: proxy.url });
  clients.push(client);
  return client;
};

let topo: Topology;

beforeAll(async () => {
  // The machine may set NODE_EXTRA_CA_CERTS (to the system bundle); never to the rig's CA.
  expect(process.env.NODE_EXTRA_CA_CERTS).not.toBe(env.tls.caCert);
  const target: NeutronTarget = { baseUrl: env.neutronKeystoneUrl, token: (await issueToken()).token, adminToken: (await issueAdminToken()).token };
  topo = await seedTopology(target, "clouds-yaml");
  stored = ((await postConnection(target, topo, { name: "clouds-yaml-conn" })).body as { ipsec_site_connection: Record<string, unknown> }).ipsec_site_connection;
  connectionId = stored.id as string;
  proxy = await startTlsProxy(env.neutronKeystoneUrl, env.tls);
  const ac = await createApplicationCredential();
  dir = mkdtempSync(join(tmpdir(), "vpnaas-clouds-it-"));
  mkdirSync(join(dir, "home"));
  writeFileSync(
    join(dir, "clouds.yaml"),
    `clouds:
  rig-base: &base
    auth: &auth
      auth_url: ${env.authTlsUrl}
      user_domain_name: ${f.userDomainName}
    identity_api_version: 3
    cacert: ${env.tls.caCert}
    region_name: ${f.regionId}
  rig:
    <<: *base
    auth_type: password
    auth:
      <<: *auth
      username: ${f.username}
      project_name: ${f.projectName}
      project_domain_name: ${f.projectDomainName}
  rig-no-ca:
    auth_type: password
    auth:
      <<: *auth
      username: ${f.username}
      password: ${JSON.stringify(f.password)}
      project_name: ${f.projectName}
      project_domain_name: ${f.projectDomainName}
  rig-appcred:
    <<: *base
    auth_type: v3applicationcredential
    auth:
      auth_url: ${env.authTlsUrl}
      application_credential_id: ${ac.applicationCredentialId}
`,
  );
  writeFileSync(
    join(dir, "secure.yaml"),
    `clouds:\n  rig:\n    auth:\n      password: ${JSON.stringify(f.password)}\n  rig-appcred:\n    auth:\n      application_credential_secret: ${JSON.stringify(ac.applicationCredentialSecret)}\n`,
    { mode: 0o600 },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  if (topo) await removeTopology({ baseUrl: env.neutronKeystoneUrl, token: (await issueToken()).token, adminToken: (await issueAdminToken()).token }, topo);
  await proxy?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("clouds.yaml + secure.yaml against the real Keystone over https, the rig's CA as cacert", () => {
  test("a password cloud made of anchors and merge keys, its password in secure.yaml, reads the connection", async () => {
    const before = proxy.requests;
    await expect(clientFor("rig").getIpsecSiteConnection(connectionId)).resolves.toEqual(stored);
    expect(proxy.requests - before).toBe(1);
  });

  test("an application-credential cloud, its secret in secure.yaml, reads the connection", async () => {
    await expect(clientFor("rig-appcred").getIpsecSiteConnection(connectionId)).resolves.toEqual(stored);
  });

  test("without cacert the same Keystone is not trusted: a network error naming no secret, nothing reaches Neutron", async () => {
    const before = proxy.requests;
    const err = await clientFor("rig-no-ca")
      .getIpsecSiteConnection(connectionId)
      .then(() => undefined, (e: unknown) => e);
    expect(isNetworkError(err)).toBe(true);
    expect(inspect(err, { depth: 10 })).toMatch(/certificate|SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY)/i);
    expect(proxy.requests).toBe(before);
    for (const text of renderings(err)) expect(text).not.toContain(f.password);
  });
});
