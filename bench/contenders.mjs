// Each contender sends the same GET of one connection to `url` and resolves to the connection.
// Factories are async so that each loads its library only when asked (the cold-start bench
// times exactly that).
import { existsSync } from "node:fs";

export const CONNECTION_ID = "f92b7d25-608b-49a1-aaf4-5aa6cde2380a";
export const PATH = `/v2.0/vpn/ipsec-site-connections/${CONNECTION_ID}`;
const TOKEN = "gAAAAABbench-token";
// Huawei's published example key pair: not a real credential.
const AK = "QTWAOYTTINDUT2QVKYUC";
const SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
const PROJECT_ID = "77b6a44cba5143ab91d13ab9a8ff44fd";
export const TYPESCRIPT_FETCH_BUNDLE = new URL("../.cache/bench/typescript-fetch.mjs", import.meta.url);

export const ONE_OPERATION_BUNDLE = new URL("../.cache/bench/one-operation.mjs", import.meta.url);
/** Bundles bench/one-operation-entry.mjs (from dist/) for Node into {@link ONE_OPERATION_BUNDLE}, one file, not minified, as dist is. */
export async function bundleOneOperation() {
  const { build } = await import("esbuild");
  const entry = new URL("./one-operation-entry.mjs", import.meta.url).pathname;
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", target: "es2022", outfile: ONE_OPERATION_BUNDLE.pathname, logLevel: "error" });
}
export const ONE_OPERATION_FLOOR = "vpnaas-sdk, one operation's code alone in one file (floor)";

export const AKSK_HEADERS_PEER = "plain fetch + the same AK/SK headers (signed once)";
export const AKSK_TIMED_PEER = "plain fetch + the same AK/SK headers + AbortSignal + timer";

const TOKEN_HEADERS = { Accept: "application/json", "X-Auth-Token": TOKEN };
/** A GET by plain fetch with `headers`; `timed`: with an AbortController's signal and a timer of 30 s, as a time limit needs. */
function plainGet(url, headers, timed) {
  if (!timed) return async () => (await (await fetch(url + PATH, { headers })).json()).ipsec_site_connection;
  return async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      return (await (await fetch(url + PATH, { headers, signal: controller.signal })).json()).ipsec_site_connection;
    } finally {
      clearTimeout(timer);
    }
  };
}

export const contenders = {
  "plain fetch": async (url) => plainGet(url, TOKEN_HEADERS, false),
  // What any client with a per-request time limit pays on top of plain fetch: an AbortController,
  // its signal handed to fetch (undici then listens on it), and a timer.
  "plain fetch + AbortSignal + timer": async (url) => plainGet(url, TOKEN_HEADERS, true),
  // The wire cost of AK/SK's headers without the SDK: the headers akskAuth sends (a longer
  // Authorization, X-Sdk-Date, X-Project-Id), signed once here and sent as they are on every call.
  // Against this line, the SDK's AK/SK row shows what signing and the SDK add per call.
  [AKSK_HEADERS_PEER]: async (url, timed = false) => {
    const { signAkSk, formatSdkDate } = await import("../dist/index.js");
    const sdkDate = formatSdkDate(new Date());
    const signed = await signAkSk({ method: "GET", url: url + PATH, headers: [["accept", "application/json"], ["x-project-id", PROJECT_ID]], sdkDate, accessKey: AK, secretKey: SK });
    const headers = { Accept: "application/json", "X-Project-Id": PROJECT_ID, "X-Sdk-Date": signed["X-Sdk-Date"], Authorization: signed.Authorization };
    return plainGet(url, headers, timed);
  },
  // The floor of any AK/SK client with a time limit per request: the headers above, sent as they
  // are, and the AbortController, signal and timer of "plain fetch + AbortSignal + timer". The
  // SDK's AK/SK row can come no nearer plain fetch than this, whatever its own code costs.
  [AKSK_TIMED_PEER]: (url) => contenders[AKSK_HEADERS_PEER](url, true),
  "vpnaas-sdk (tokenAuth + retry)": async (url) => {
    const { createVpnaasClient, tokenAuth } = await import("../dist/index.js");
    const client = createVpnaasClient({ baseUrl: url, auth: tokenAuth(TOKEN), allowInsecureHttp: true });
    return () => client.getIpsecSiteConnection(CONNECTION_ID);
  },
  // The same client with both time limits off: no per-attempt signal or timer, so this is what the
  // time limits cost against the line above.
  "vpnaas-sdk (tokenAuth + retry, no time limits)": async (url) => {
    const { createVpnaasClient, tokenAuth } = await import("../dist/index.js");
    const client = createVpnaasClient({ baseUrl: url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, timeoutMs: Infinity, totalTimeoutMs: Infinity });
    return () => client.getIpsecSiteConnection(CONNECTION_ID);
  },
  "vpnaas-sdk (akskAuth + retry)": async (url) => {
    const { createVpnaasClient, akskAuth } = await import("../dist/index.js");
    const client = createVpnaasClient({ baseUrl: url, auth: akskAuth({ accessKey: AK, secretKey: SK, projectId: PROJECT_ID }), allowInsecureHttp: true });
    return () => client.getIpsecSiteConnection(CONNECTION_ID);
  },
  // Not a way to use the package: the code one GET needs (session, token auth, retries, time
  // limits, errors), bundled alone into one file. What the SDK's stack costs to load and run at its
  // least: no other operation, no openapi-fetch, no second module to resolve.
  [ONE_OPERATION_FLOOR]: async (url) => {
    if (!existsSync(ONE_OPERATION_BUNDLE)) throw new Error("run bench/run.mjs or bench/focus.mjs first: they bundle it (bundleOneOperation)");
    const { createVpnaasSession, tokenAuth, getIpsecSiteConnection } = await import(ONE_OPERATION_BUNDLE.href);
    const session = createVpnaasSession({ baseUrl: url, auth: tokenAuth(TOKEN), allowInsecureHttp: true });
    return () => getIpsecSiteConnection(session, CONNECTION_ID);
  },
  "openapi-fetch (bare)": async (url) => {
    const { default: createClient } = await import("openapi-fetch");
    const client = createClient({ baseUrl: url, headers: { Accept: "application/json", "X-Auth-Token": TOKEN } });
    return async () =>
      (await client.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: CONNECTION_ID } } })).data
        .ipsec_site_connection;
  },
  "openapi-generator typescript-fetch": async (url) => {
    if (!existsSync(TYPESCRIPT_FETCH_BUNDLE)) throw new Error("run bench/run.mjs first: it generates the typescript-fetch client");
    const { Configuration, IpsecSiteConnectionsApi } = await import(TYPESCRIPT_FETCH_BUNDLE.href);
    const api = new IpsecSiteConnectionsApi(new Configuration({ basePath: url, apiKey: (name) => (name === "X-Auth-Token" ? TOKEN : "") }));
    return async () => (await api.getIpsecSiteConnection({ connectionId: CONNECTION_ID })).ipsecSiteConnection;
  },
  "huaweicloud-sdk-core (AK/SK)": async (url) => {
    const { BasicCredentials } = (await import("@huaweicloud/huaweicloud-sdk-core")).default;
    const { ClientBuilder } = (await import("@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js")).default;
    // The official SDKs' service clients are generated classes around HcClient.sendRequest; this
    // is the same shape, for the one operation.
    class VpnaasHcClient {
      constructor(hcClient) {
        this.hcClient = hcClient;
      }
      show(id) {
        return this.hcClient.sendRequest({
          method: "GET",
          url: "/v2.0/vpn/ipsec-site-connections/{connection_id}",
          contentType: "application/json",
          queryParams: {},
          pathParams: { connection_id: id },
          headers: {},
          data: {},
          responseHeaders: [""],
        });
      }
    }
    const credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
    const client = new ClientBuilder((hc) => new VpnaasHcClient(hc)).withCredential(credentials).withEndpoint(url).build();
    return async () => (await client.show(CONNECTION_ID)).ipsec_site_connection;
  },
};
