// TLS settings of vpnaas-sdk/node (cacert, verify: false, cert/key) against real node:https servers
// on 127.0.0.1, with a throw-away CA made by the openssl CLI for this run.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerOptions } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isNetworkError, isValidationError } from "../src";
import { createVpnaasClientFromEnvironment, settingsFromEnvironment, type EnvironmentOptions } from "../src/node";
import { connectionBody, connectionId } from "./helpers/auth-fixtures";
import { capture } from "./helpers/captures";
import { PASSWORD } from "./helpers/keystone-server";

interface HttpsStandIn {
  url: string;
  paths: string[];
  /** Whether each request came with a client certificate the server accepted. */
  authorized: boolean[];
  close(): Promise<void>;
}

let pki: string;
let root: string;

/** Runs openssl in `pki`; fails the suite with its stderr. */
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: pki, stdio: ["ignore", "pipe", "pipe"] });

function makePki(): void {
  pki = mkdtempSync(join(tmpdir(), "vpnaas-tls-pki-"));
  writeFileSync(join(pki, "san.cnf"), "subjectAltName=IP:127.0.0.1\n");
  writeFileSync(join(pki, "client.cnf"), "extendedKeyUsage=clientAuth\n");
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=vpnaas-sdk test CA");
  for (const [name, ext] of [["server", "san.cnf"], ["client", "client.cnf"]] as const) {
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name === "server" ? "127.0.0.1" : "vpnaas client"}`);
    openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "1", "-extfile", ext);
  }
}

const pem = (name: string) => readFileSync(join(pki, name));

/** An https server on 127.0.0.1: Keystone's token request (catalog pointing at itself) and the API. */
async function startHttps(more: ServerOptions = {}): Promise<HttpsStandIn> {
  const paths: string[] = [];
  const authorized: boolean[] = [];
  const sockets = new Set<Socket>();
  let url = "";
  const real = JSON.parse(capture("keystone/keystone-post-auth-tokens-201").response.body_raw) as { token: Record<string, unknown> };
  const server: Server = createServer({ key: pem("server.key"), cert: pem("server.pem"), ...more }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      paths.push(req.url ?? "");
      authorized.push((req.socket as { authorized?: boolean }).authorized === true);
      if (req.method === "POST" && req.url === "/v3/auth/tokens") {
        const ok = JSON.parse(Buffer.concat(chunks).toString("utf8")).auth.identity.password?.user?.password === PASSWORD;
        const token = {
          ...real.token,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          issued_at: new Date().toISOString(),
          catalog: [{ type: "network", name: "neutron", id: "n1", endpoints: [{ id: "ep0", interface: "public", region_id: "RegionOne", region: "RegionOne", url }] }],
        };
        res.writeHead(ok ? 201 : 401, { "Content-Type": "application/json", ...(ok && { "X-Subject-Token": "tok-https" }) });
        return res.end(JSON.stringify(ok ? { token } : { error: { code: 401 } }));
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(connectionBody));
    });
  });
  server.on("secureConnection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    paths,
    authorized,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

let api: HttpsStandIn;
let mtls: HttpsStandIn;

beforeAll(async () => {
  makePki();
  api = await startHttps();
  mtls = await startHttps({ ca: pem("ca.pem"), requestCert: true, rejectUnauthorized: true });
});
afterAll(async () => {
  await Promise.all([api?.close(), mtls?.close()]);
  rmSync(pki, { recursive: true, force: true });
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "vpnaas-tls-"));
  mkdirSync(join(root, "home"));
  api.paths.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A token cloud "tls" reaching `server`, with `extra` cloud keys; options that never touch the real home or /etc. */
function tokenCloud(server: HttpsStandIn, extra: string, env: Record<string, string> = {}): EnvironmentOptions & { retry: false } {
  writeFileSync(join(root, "clouds.yaml"), `clouds:\n  tls:\n    auth:\n      token: tok-static\n      endpoint: ${server.url}\n${extra}`);
  return { env: { OS_CLOUD: "tls", ...env }, cwd: root, home: join(root, "home"), systemConfigDir: join(root, "etc"), retry: false };
}

async function failureOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

describe("TLS settings of createVpnaasClientFromEnvironment", () => {
  test("a server signed by a private CA is refused without cacert, reached with it; the CA is not in NODE_EXTRA_CA_CERTS", async () => {
    // The sandbox may set NODE_EXTRA_CA_CERTS to the system bundle; never to this run's CA.
    expect(process.env.NODE_EXTRA_CA_CERTS ?? "").not.toContain(pki);
    const without = createVpnaasClientFromEnvironment(tokenCloud(api, ""));
    const err = await failureOf(() => without.getIpsecSiteConnection(connectionId));
    expect(isNetworkError(err)).toBe(true);
    expect(api.paths).toEqual([]);
    await without.close(); // no TLS settings: a no-op

    const client = createVpnaasClientFromEnvironment(tokenCloud(api, `    cacert: ${join(pki, "ca.pem")}\n`));
    try {
      await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
      expect(api.paths).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  test("an untrusted certificate is a VpnaasNetworkError that says why (its code), not retried; Keystone's token request too", async () => {
    const why = /CERT|certificate|UNABLE_TO_VERIFY|UnknownIssuer/i;
    const api1 = createVpnaasClientFromEnvironment(tokenCloud(api, ""));
    const apiErr = await failureOf(() => api1.getIpsecSiteConnection(connectionId));
    expect(isNetworkError(apiErr)).toBe(true);
    expect(`${apiErr.message} ${(apiErr as { code?: string }).code}`).toMatch(why);
    expect((apiErr as { retryable?: boolean }).retryable).toBe(false);
    const env = { OS_AUTH_URL: `${api.url}/v3`, OS_USERNAME: "admin", OS_PASSWORD: PASSWORD, OS_USER_DOMAIN_NAME: "Default", OS_PROJECT_NAME: "admin", OS_PROJECT_DOMAIN_NAME: "Default" };
    const keystone = createVpnaasClientFromEnvironment({ env, cwd: root, home: join(root, "home"), systemConfigDir: join(root, "etc") });
    const keystoneErr = await failureOf(() => keystone.getIpsecSiteConnection(connectionId));
    expect(isNetworkError(keystoneErr)).toBe(true);
    expect(keystoneErr.message).toMatch(/POST https:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens failed/);
    expect(`${keystoneErr.message} ${(keystoneErr as { code?: string }).code}`).toMatch(why);
    expect(api.paths).toEqual([]);
  });

  test("OS_CACERT is read as cacert, and Keystone's token request uses the CA too", async () => {
    const env = {
      OS_AUTH_URL: `${api.url}/v3`,
      OS_USERNAME: "admin",
      OS_PASSWORD: PASSWORD,
      OS_USER_DOMAIN_NAME: "Default",
      OS_PROJECT_NAME: "admin",
      OS_PROJECT_DOMAIN_NAME: "Default",
      OS_CACERT: join(pki, "ca.pem"),
    };
    const client = createVpnaasClientFromEnvironment({ env, cwd: root, home: join(root, "home"), systemConfigDir: join(root, "etc"), retry: false });
    try {
      await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
      expect(api.paths[0]).toBe("/v3/auth/tokens");
      expect(api.paths).toHaveLength(2);
    } finally {
      await client.close();
    }
  });

  test("verify: false reaches the server, with exactly one warning naming the cloud and no secret", async () => {
    const warnings: Error[] = [];
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(((w: string | Error) => void warnings.push(typeof w === "string" ? new Error(w) : w)) as typeof process.emitWarning);
    try {
      const client = createVpnaasClientFromEnvironment(tokenCloud(api, "    verify: false\n"));
      await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
      await client.close();
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('cloud "tls"');
    expect(warnings[0]!.message).toContain("verify");
    expect(warnings[0]!.message).not.toContain("tok-static");
  });

  test("a missing cacert file is a VpnaasValidationError naming the key and the path; nothing is sent", () => {
    const path = join(root, "no-such-ca.pem");
    let err: unknown;
    try {
      createVpnaasClientFromEnvironment(tokenCloud(api, `    cacert: ${path}\n`));
    } catch (e) {
      err = e;
    }
    expect(isValidationError(err)).toBe(true);
    expect((err as { parameter: string }).parameter).toBe("cacert");
    expect((err as Error).message).toContain(path);
    expect(api.paths).toEqual([]);
  });

  test("a key file's content never shows in the error of an unreadable cert", () => {
    let err: unknown;
    try {
      createVpnaasClientFromEnvironment(tokenCloud(api, `    cacert: ${join(pki, "ca.pem")}\n    cert: ${join(root, "missing.pem")}\n    key: ${join(pki, "client.key")}\n`));
    } catch (e) {
      err = e;
    }
    expect(isValidationError(err)).toBe(true);
    expect((err as { parameter: string }).parameter).toBe("cert");
    expect((err as Error).message).not.toMatch(/PRIVATE KEY|BEGIN/);
  });

  test("a server asking for a client certificate accepts cert/key and refuses a client without them", async () => {
    const ca = `    cacert: ${join(pki, "ca.pem")}\n`;
    const without = createVpnaasClientFromEnvironment(tokenCloud(mtls, ca));
    try {
      expect(isNetworkError(await failureOf(() => without.getIpsecSiteConnection(connectionId)))).toBe(true);
    } finally {
      await without.close();
    }
    expect(mtls.paths).toEqual([]);
    const client = createVpnaasClientFromEnvironment(tokenCloud(mtls, `${ca}    cert: ${join(pki, "client.pem")}\n    key: ${join(pki, "client.key")}\n`));
    try {
      await expect(client.getIpsecSiteConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
      expect(mtls.authorized).toEqual([true]);
    } finally {
      await client.close();
    }
  });

  test("close() closes the client's agent: a later call fails", async () => {
    const client = createVpnaasClientFromEnvironment(tokenCloud(api, `    cacert: ${join(pki, "ca.pem")}\n`));
    await client.getIpsecSiteConnection(connectionId);
    await client.close();
    expect(isNetworkError(await failureOf(() => client.getIpsecSiteConnection(connectionId)))).toBe(true);
    expect(api.paths).toHaveLength(1);
  });
});

describe("TLS settings as resolved (settingsFromEnvironment)", () => {
  const resolve = (extra: string, env: Record<string, string> = {}) => settingsFromEnvironment(tokenCloud(api, extra, env)).tls;

  test("none set: no tls; the OS_* variables win over the cloud's keys", () => {
    expect(resolve("")).toBeUndefined();
    expect(resolve("    cacert: /a/ca.pem\n", { OS_CACERT: "/b/ca.pem" })).toMatchObject({ cacert: "/b/ca.pem", verify: true, names: { cacert: "OS_CACERT" } });
    expect(resolve("    verify: false\n", { OS_INSECURE: "false" })).toBeUndefined();
    expect(resolve("", { OS_INSECURE: "true" })).toMatchObject({ verify: false, names: { verify: "OS_INSECURE" } });
  });

  test("verify may name the CA bundle; insecure: true turns checks off", () => {
    expect(resolve("    verify: /a/ca.pem\n")).toMatchObject({ cacert: "/a/ca.pem", verify: true, names: { cacert: "verify" } });
    expect(resolve("    insecure: true\n")).toMatchObject({ verify: false, names: { verify: "insecure" } });
  });

  test("key without cert, and an OS_INSECURE that is not true or false, are refused", () => {
    expect(() => resolve("    key: /a/client.key\n")).toThrow(expect.objectContaining({ name: "VpnaasValidationError", parameter: "key" }));
    expect(() => resolve("", { OS_INSECURE: "maybe" })).toThrow(expect.objectContaining({ name: "VpnaasValidationError", parameter: "OS_INSECURE" }));
  });

  test("a fetch option with TLS settings is refused rather than silently dropping them", () => {
    expect(() => createVpnaasClientFromEnvironment({ ...tokenCloud(api, "    verify: false\n"), fetch: globalThis.fetch })).toThrow(expect.objectContaining({ name: "VpnaasValidationError", parameter: "fetch" }));
  });
});
