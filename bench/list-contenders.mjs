// Each list contender walks the whole listing of connections at `url` (bench/server.mjs), LIMIT a
// page, following the server's `next` links, and resolves to the number of items it iterated.
const TOKEN = "gAAAAABbench-token";
export const LIST_PATH = "/v2.0/vpn/ipsec-site-connections";
export const LIMIT = 100;

/** The baseline: fetch each page, JSON.parse its text, visit its items, go to its `next` href. */
async function* plainItems(url, init = () => ({})) {
  const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };
  for (let next = `${url}${LIST_PATH}?limit=${LIMIT}`; next; ) {
    const extra = init();
    let body;
    try {
      body = JSON.parse(await (await fetch(next, { headers, ...extra })).text());
    } finally {
      extra.done?.();
    }
    for (const item of body.ipsec_site_connections) yield item;
    next = body.ipsec_site_connections_links?.find((l) => l.rel === "next")?.href;
  }
}

const count = async (items) => {
  let n = 0;
  for await (const item of items) if (item.id) n++;
  return n;
};
// A loop as one writes it by hand, no generator: the floor the SDK is measured against.
const plainLoop = async (url) => {
  const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };
  let n = 0;
  for (let next = `${url}${LIST_PATH}?limit=${LIMIT}`; next; ) {
    const body = JSON.parse(await (await fetch(next, { headers })).text());
    for (const item of body.ipsec_site_connections) if (item.id) n++;
    next = body.ipsec_site_connections_links?.find((l) => l.rel === "next")?.href;
  }
  return n;
};

const sdk = async (url, options = {}) => {
  const { createVpnaasClient, tokenAuth } = await import("../dist/index.js");
  const client = createVpnaasClient({ baseUrl: url, auth: tokenAuth(TOKEN), allowInsecureHttp: true, ...options });
  return client;
};

export const listContenders = {
  "plain fetch loop": async (url) => () => plainLoop(url),
  // The same requests behind an async generator and with a per-request AbortSignal and timer: what a
  // hand-written lazy listing with a time limit pays.
  "plain fetch, async generator + AbortSignal + timer": async (url) => () =>
    count(
      plainItems(url, () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        return { signal: controller.signal, done: () => clearTimeout(timer) };
      }),
    ),
  "vpnaas-sdk listIpsecSiteConnections (tokenAuth + retry)": async (url) => {
    const client = await sdk(url);
    return () => count(client.listIpsecSiteConnections({ limit: LIMIT }));
  },
  "vpnaas-sdk listIpsecSiteConnections (tokenAuth + retry, no time limits)": async (url) => {
    const client = await sdk(url, { timeoutMs: Infinity, totalTimeoutMs: Infinity });
    return () => count(client.listIpsecSiteConnections({ limit: LIMIT }));
  },
};

/** Item by item, for bench/memory.mjs: the SDK's listing or the plain generator. */
export const listIterators = {
  "vpnaas-sdk listIpsecSiteConnections (tokenAuth + retry)": async (url) => (await sdk(url)).listIpsecSiteConnections({ limit: LIMIT }),
  "plain fetch loop": async (url) => plainItems(url),
};
