// Bundled by esbuild for the browser test: calls the page's own origin with each auth strategy and
// writes what happened into #result. In a browser, AK/SK signing runs the plain JavaScript SHA-256.
import { akskAuth, createVpnaasClient, createVpnaasCoreClient, tokenAuth, type AuthStrategy } from "../../src";

declare const CONFIG: { connectionId: string; token: string; accessKey: string; secretKey: string; wrongSecretKey: string; projectId: string };

async function attempt(auth: AuthStrategy, create: typeof createVpnaasCoreClient = createVpnaasClient): Promise<string> {
  try {
    const client = create({ baseUrl: location.origin, auth, allowInsecureHttp: true, retry: false });
    const connection = await client.getIpsecSiteConnection(CONFIG.connectionId, { fields: ["id", "status"] });
    return `ok ${connection.status}`;
  } catch (error) {
    return `error ${(error as Error).name}: ${(error as Error).message}`;
  }
}

(async () => {
  const result = {
    token: await attempt(tokenAuth(CONFIG.token)),
    tokenCore: await attempt(tokenAuth(CONFIG.token), createVpnaasCoreClient),
    aksk: await attempt(akskAuth({ accessKey: CONFIG.accessKey, secretKey: CONFIG.secretKey, projectId: CONFIG.projectId })),
    akskWrongKey: await attempt(akskAuth({ accessKey: CONFIG.accessKey, secretKey: CONFIG.wrongSecretKey })),
    nativeCrypto: typeof (globalThis as { process?: unknown }).process !== "undefined",
  };
  document.getElementById("result")!.textContent = JSON.stringify(result);
})();
