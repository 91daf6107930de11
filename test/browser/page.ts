// Bundled by esbuild for the browser test: calls the page's own origin with each auth strategy and
// writes what happened into #result. On this page (http://127.0.0.1, a secure context) AK/SK
// signing runs on WebCrypto; with crypto.subtle hidden, as on a plain-http page, on the plain
// JavaScript SHA-256.
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

// The page's real SubtleCrypto, counted: how many HMAC signatures WebCrypto made.
const subtle = crypto.subtle;
let webCryptoSignatures = 0;
const realSign = subtle.sign.bind(subtle);
Object.defineProperty(subtle, "sign", {
  value: (...args: Parameters<SubtleCrypto["sign"]>) => {
    webCryptoSignatures++;
    return realSign(...args);
  },
});

async function withoutSubtle<T>(run: () => Promise<T>): Promise<T> {
  Object.defineProperty(crypto, "subtle", { value: undefined, configurable: true });
  try {
    return await run();
  } finally {
    delete (crypto as { subtle?: unknown }).subtle;
  }
}

(async () => {
  const aksk = () => akskAuth({ accessKey: CONFIG.accessKey, secretKey: CONFIG.secretKey, projectId: CONFIG.projectId });
  const result = {
    token: await attempt(tokenAuth(CONFIG.token)),
    tokenCore: await attempt(tokenAuth(CONFIG.token), createVpnaasCoreClient),
    aksk: await attempt(aksk()),
    akskWebCryptoSignatures: webCryptoSignatures,
    akskWrongKey: await attempt(akskAuth({ accessKey: CONFIG.accessKey, secretKey: CONFIG.wrongSecretKey })),
    akskPlainJs: await withoutSubtle(() => attempt(aksk())),
    webCryptoSignaturesAfterPlainJs: 0,
    nativeCrypto: typeof (globalThis as { process?: unknown }).process !== "undefined",
  };
  result.webCryptoSignaturesAfterPlainJs = webCryptoSignatures;
  document.getElementById("result")!.textContent = JSON.stringify(result);
})();
