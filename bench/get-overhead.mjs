// Benchmark (not a test): time per successful GET through the full client against a plain
// `fetch` of the same URL, in one run against a local node:http server on 127.0.0.1.
// Run: npm run bench  (builds dist/ first). Options: ROUNDS=7 PER_ROUND=1000 LATENCY_MS=0 node bench/get-overhead.mjs
// LATENCY_MS delays each answer, to see the overhead against a server that is not in the same process.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import createClient from "openapi-fetch";
import { createVpnaasClient, withRetry } from "../dist/index.js";

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const PER_ROUND = Number(process.env.PER_ROUND ?? 1000);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 0);
const WARMUP = 500;
const TOKEN = "gAAAAA-bench-token";

const capture = JSON.parse(readFileSync(new URL("../test/fixtures/neutron-captures/get-connection-200.json", import.meta.url), "utf8"));
const body = capture.response.body_raw;
const id = JSON.parse(body).ipsec_site_connection.id;

const server = createServer((req, res) => {
  if (req.headers["x-auth-token"] !== TOKEN) {
    res.writeHead(401).end();
    return;
  }
  const answer = () => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "X-Openstack-Request-Id": "req-bench" });
    res.end(body);
  };
  if (LATENCY_MS > 0) setTimeout(answer, LATENCY_MS);
  else answer();
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const url = `${baseUrl}/v2.0/vpn/ipsec-site-connections/${id}`;
const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };

// Token auth as a static X-Auth-Token header: the real tokenAuth (src/auth) lands separately.
const client = createVpnaasClient({ baseUrl, headers: { "X-Auth-Token": TOKEN } }); // retry layer on, defaults
const retrying = withRetry((request) => fetch(request));
// openapi-fetch alone (no retry layer, no envelope checks): to tell its cost from the retry layer's.
const bare = createClient({ baseUrl, headers });

const variants = {
  "plain fetch + json()": async () => {
    const r = await fetch(url, { headers });
    if (!r.ok) throw new Error(`status ${r.status}`);
    return (await r.json()).ipsec_site_connection;
  },
  "withRetry(fetch) + json()": async () => {
    const r = await retrying(new Request(url, { headers }));
    if (!r.ok) throw new Error(`status ${r.status}`);
    return (await r.json()).ipsec_site_connection;
  },
  "openapi-fetch GET, no retry": async () => {
    const { data } = await bare.GET("/v2.0/vpn/ipsec-site-connections/{connection_id}", { params: { path: { connection_id: id } } });
    return data.ipsec_site_connection;
  },
  "client.getIpsecSiteConnection": () => client.getIpsecSiteConnection(id),
};

async function perGetUs(run, n) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await run();
  return ((performance.now() - started) * 1000) / n;
}

// The variants take turns request by request (rotating who goes first), so that load from
// elsewhere on the machine, GC and CPU frequency changes hit them alike.
const names = Object.keys(variants);
for (const name of names) await perGetUs(variants[name], WARMUP);
const samples = Object.fromEntries(names.map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  const spentMs = Object.fromEntries(names.map((k) => [k, 0]));
  for (let i = 0; i < PER_ROUND; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const started = performance.now();
      await variants[name]();
      spentMs[name] += performance.now() - started;
    }
  }
  for (const name of names) samples[name].push((spentMs[name] * 1000) / PER_ROUND);
}
server.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(samples["plain fetch + json()"]);
console.log(`GET ${url.replace(baseUrl, "")} against node:http on 127.0.0.1 (answer delayed ${LATENCY_MS} ms); node ${process.version}`);
console.log(`${ROUNDS} rounds × ${PER_ROUND} sequential GETs per variant, interleaved (after ${WARMUP} warm-up GETs each); µs per GET, median and spread of the round means`);
console.log("Auth: static X-Auth-Token header through `headers` (the real tokenAuth lands separately). Retry layer: defaults, on.\n");
console.log(`${"variant".padEnd(32)}${"median".padStart(9)}${"min".padStart(9)}${"max".padStart(9)}${"ratio".padStart(8)}`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`${name.padEnd(32)}${m.toFixed(1).padStart(9)}${Math.min(...xs).toFixed(1).padStart(9)}${Math.max(...xs).toFixed(1).padStart(9)}${(m / base).toFixed(3).padStart(8)}`);
}
const overhead = (median(samples["client.getIpsecSiteConnection"]) / base - 1) * 100;
console.log(`\nFull client overhead over plain fetch: ${overhead.toFixed(1)} % (target ≤ 10 %)`);
