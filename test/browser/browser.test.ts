// The package in a real browser: a page bundled with esbuild, opened in headless Chromium, calls a
// node:http server on 127.0.0.1 that checks the token and recomputes each AK/SK signature with
// Huawei's official signer.
import { build } from "esbuild";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { connectionBody, connectionId, connectionPath, verifyAkSk } from "../helpers/auth-fixtures";
import { launchChromium } from "../helpers/chromium";
import { sendJson, startServer, type TestServer } from "../helpers/http-server";

const CONFIG = {
  connectionId,
  token: "browser-token-DO-NOT-LEAK",
  accessKey: "AKBROWSERTEST0000001",
  secretKey: "SK-browser-DO-NOT-LEAK-31f0",
  wrongSecretKey: "SK-not-the-right-one",
  projectId: "77b6a44cba5143ab91d13ab9a8ff44fd",
};

let server: TestServer;
let browser: Browser;
let result: {
  token: string;
  tokenCore: string;
  aksk: string;
  akskWebCryptoSignatures: number;
  akskWrongKey: string;
  akskPlainJs: string;
  webCryptoSignaturesAfterPlainJs: number;
  nativeCrypto: boolean;
};
const verdicts: string[] = [];

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(__dirname, "page.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    define: { CONFIG: JSON.stringify(CONFIG) },
    logLevel: "error",
  });
  const page = `<!doctype html><meta charset="utf-8"><title>vpnaas-sdk</title><pre id="result"></pre><script>${bundle.outputFiles[0]!.text}</script>`;
  server = await startServer((req, res, seen) => {
    if (seen.url === "/") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return void res.end(page);
    }
    if (!seen.url.startsWith(connectionPath)) return sendJson(res, 404, { NeutronError: { type: "HTTPNotFound", message: "not found", detail: "" } });
    const authorization = String(seen.headers.authorization ?? "");
    const ok = authorization
      ? verifyAkSk(seen, req, { accessKey: CONFIG.accessKey, secretKey: CONFIG.secretKey }) && seen.headers["x-project-id"] === CONFIG.projectId
      : seen.headers["x-auth-token"] === CONFIG.token;
    verdicts.push(`${authorization ? "aksk" : "token"} ${ok ? "accepted" : "refused"}`);
    if (!ok) return sendJson(res, 401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information", request_id: "r-1" });
    sendJson(res, 200, { ipsec_site_connection: { id: connectionId, status: connectionBody.ipsec_site_connection.status } });
  });
  browser = await launchChromium();
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/`);
  await tab.waitForFunction(() => document.getElementById("result")?.textContent !== "", undefined, { timeout: 20_000 });
  result = JSON.parse((await tab.locator("#result").textContent()) ?? "{}");
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("token auth works from a browser page: the server saw the token", () => {
  expect(result.token).toBe("ok ACTIVE");
  expect(result.tokenCore).toBe("ok ACTIVE"); // createVpnaasCoreClient, the bundle without openapi-fetch
  expect(verdicts.filter((v) => v === "token accepted")).toHaveLength(2);
});

test("AK/SK signing runs on WebCrypto in the browser, and the official signer on the server agrees", () => {
  expect(result.nativeCrypto).toBe(false); // no node:crypto on the page
  expect(result.aksk).toBe("ok ACTIVE");
  expect(result.akskWebCryptoSignatures).toBe(1); // one request, one HMAC by crypto.subtle
  expect(verdicts).toContain("aksk accepted");
});

test("without crypto.subtle (a plain-http page) AK/SK signing falls back to plain JavaScript, still accepted", () => {
  expect(result.akskPlainJs).toBe("ok ACTIVE");
  // Two signatures by WebCrypto in all (the right key, the wrong key); none while it was hidden.
  expect(result.webCryptoSignaturesAfterPlainJs).toBe(2);
  expect(verdicts.filter((v) => v === "aksk accepted")).toHaveLength(2);
});

test("a signature made with the wrong secret key is refused, and the error shows no key", () => {
  expect(verdicts).toContain("aksk refused");
  expect(result.akskWrongKey).toMatch(/^error VpnaasApiError: GET .* → 401 .*APIGW\.0301/);
  expect(JSON.stringify(result)).not.toMatch(/DO-NOT-LEAK|SK-not-the-right-one/);
});
