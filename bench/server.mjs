// The benchmarks' API server, run as its own process so that its work does not count against the
// client being measured. Answers a GET of one connection with a real Neutron 21 body, keep-alive.
// Prints its URL on the first line of stdout. LATENCY_MS=n delays each answer by n ms, to see the
// client's fixed overhead against a server that takes as long as a real one.
// GET /v2.0/vpn/ipsec-site-connections?limit=…[&marker=…] lists LIST_ITEMS connections (default
// 1,000), as Neutron pages them: each item is the captured connection with its own id, and the
// `ipsec_site_connections_links` hold absolute http `next` (while there are more) and `previous`
// links carrying `limit` and `marker`.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../test/fixtures/neutron-captures/${name}`, import.meta.url), "utf8"));
const capture = fixture("get-connection-200.json");
const body = Buffer.from(capture.response.body_raw);
const headers = {
  "Content-Type": "application/json",
  "Content-Length": body.length,
  "X-Openstack-Request-Id": "req-76577125-1b65-409c-8a79-92898b29ebfb",
};

const LIST_PATH = "/v2.0/vpn/ipsec-site-connections";
const LIST_ITEMS = Number(process.env.LIST_ITEMS ?? 1000);
const template = fixture("ipsec-site-connections/get-200.json").response.body.ipsec_site_connection;
// Item i's id: a v4-shaped UUID ending in i, so a marker names its position.
const idOf = (i) => `839ab64c-0b23-4cd9-b510-${i.toString(16).padStart(12, "0")}`;
const indexOf = (id) => (id ? parseInt(id.slice(24), 16) + 1 : 0);
// Neutron writes its JSON with Python's json.dumps: ", " and ": " between tokens.
const dumps = (v) =>
  Array.isArray(v)
    ? `[${v.map(dumps).join(", ")}]`
    : v !== null && typeof v === "object"
      ? `{${Object.entries(v)
          .map(([k, x]) => `${JSON.stringify(k)}: ${dumps(x)}`)
          .join(", ")}}`
      : JSON.stringify(v);
let origin;
function page(limit, marker) {
  const from = indexOf(marker);
  const to = Math.min(LIST_ITEMS, from + limit);
  const items = [];
  for (let i = from; i < to; i++) items.push({ ...template, id: idOf(i), name: `conn-${i}` });
  const href = (m, reverse) => `${origin}${LIST_PATH}?limit=${limit}&marker=${m}${reverse ? "&page_reverse=True" : ""}`;
  const links = [];
  if (to < LIST_ITEMS) links.push({ rel: "next", href: href(idOf(to - 1)) });
  if (from > 0) links.push({ rel: "previous", href: href(idOf(from), true) });
  return Buffer.from(dumps({ ipsec_site_connections: items, ipsec_site_connections_links: links }));
}
// Pages of a small listing are rendered once; a long one (the memory bench's) on each request.
const pages = new Map();
const listBody = (query) => {
  const limit = Math.max(1, Number(query.get("limit") ?? LIST_ITEMS));
  const key = `${limit} ${query.get("marker") ?? ""}`;
  const cached = pages.get(key);
  if (cached) return cached;
  const rendered = page(limit, query.get("marker"));
  if (LIST_ITEMS <= 10_000) pages.set(key, rendered);
  return rendered;
};

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 0);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const answer = () => {
      const url = new URL(req.url, origin);
      if (url.pathname === LIST_PATH) {
        const list = listBody(url.searchParams);
        res.writeHead(200, { ...headers, "Content-Length": list.length });
        res.end(list);
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    };
    if (LATENCY_MS > 0) setTimeout(answer, LATENCY_MS);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  origin = `http://127.0.0.1:${server.address().port}`;
  console.log(origin);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));
