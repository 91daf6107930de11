// What scripts/neutron/capture.mjs and capture-resources.mjs share: the servers of up.sh (env.json),
// one request recorded as a capture (request, response status/headers/parsed body/raw body), and the
// file it is saved to under test/fixtures/neutron-captures/. Tokens are never kept.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { dirname, join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
const state = process.env.NEUTRON_STATE ?? join(root, ".cache/neutron");
export const env = JSON.parse(readFileSync(join(state, "env.json"), "utf8"));
const out = join(root, "test/fixtures/neutron-captures");
const pkg = (name) => execFileSync("dpkg-query", ["-W", "-f=${Version}", name], { encoding: "utf8" });
const meta = (authStrategy, script) => ({
  server: "neutron",
  auth_strategy: authStrategy,
  neutron_server: pkg("neutron-server"),
  neutron_vpnaas: pkg("python3-neutron-vpnaas"),
  ...(authStrategy === "keystone" ? { keystonemiddleware: pkg("python3-keystonemiddleware"), webob: pkg("python3-webob") } : {}),
  source: `real server from Debian 12 packages (scripts/neutron/up.sh); recorded by scripts/neutron/${script}`,
});

/** One request with node:http, the path sent as written; resolves to the capture's two halves. */
export function exchange(baseUrl, method, path, { body, headers = {} } = {}) {
  const base = new URL(baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const sent = { Accept: "application/json", ...(payload === undefined ? {} : { "Content-Type": "application/json" }), ...headers };
  return new Promise((done, fail) => {
    const req = request({ host: base.hostname, port: base.port, method, path, headers: { ...sent, Connection: "close" }, timeout: 60_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        let parsed;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = null;
        }
        // Header names as the server wrote them (rawHeaders keeps their case), tokens never kept.
        const responseHeaders = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) responseHeaders[res.rawHeaders[i]] = res.rawHeaders[i + 1];
        const requestHeaders = { ...sent };
        if (requestHeaders["X-Auth-Token"]) requestHeaders["X-Auth-Token"] = "<redacted>";
        done({
          request: { method, path, headers: requestHeaders, ...(body === undefined ? {} : { body }) },
          response: { status: res.statusCode, status_line: `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}`, headers: responseHeaders, body: parsed, body_raw: raw },
        });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on("error", fail);
    req.end(payload);
  });
}

export async function expect201(baseUrl, path, key, body, headers) {
  const { response } = await exchange(baseUrl, "POST", path, { body: { [key]: body }, headers });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${response.body_raw.slice(0, 300)}`);
  return response.body[key];
}

export function save(name, authStrategy, captured, script = "capture.mjs") {
  const file = join(out, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ _meta: meta(authStrategy, script), ...captured }, null, 2)}\n`);
  console.log(`captured ${name}: ${captured.response.status_line}`);
}


/**
 * The captures of one collection of `baseUrl`: each method sends one request and saves it as
 * `<dir>/<name>` (made by `script`), returning the response; `make` creates without saving. Bodies
 * get `project_id: projectId`.
 */
export function collection({ baseUrl, path, dir, key, projectId, script }) {
  const record = async (name, method, target, body) => {
    const captured = await exchange(baseUrl, method, target, body === undefined ? {} : { body });
    save(`${dir}/${name}`, "noauth", captured, script);
    return captured.response;
  };
  const own = (body) => ({ project_id: projectId, ...body });
  return {
    path,
    key,
    make: (body) => expect201(baseUrl, path, key, own(body)),
    create: (name, body) => record(name, "POST", path, { [key]: own(body) }),
    createRaw: (name, envelope) => record(name, "POST", path, envelope),
    get: (name, id, query = "") => record(name, "GET", `${path}/${id}${query}`),
    list: (name, query = "") => record(name, "GET", `${path}${query}`),
    update: (name, id, changes) => record(name, "PUT", `${path}/${id}`, { [key]: changes }),
    remove: (name, id) => record(name, "DELETE", `${path}/${id}`),
    /** Saves `list-limit1-page<n>-200` from `?limit=1<query>`, following each `next` link until a page has none. */
    async pages(query = "") {
      let next = `${path}?limit=1${query}`;
      for (let page = 1; next; page++) {
        if (page > 10) throw new Error(`${dir}: more pages than objects`);
        const response = await record(`list-limit1-page${page}-200`, "GET", next);
        const link = response.body[`${path.split("/").pop().replace(/-/g, "_")}_links`]?.find((l) => l.rel === "next");
        next = link ? new URL(link.href).pathname + new URL(link.href).search : undefined;
      }
    },
  };
}
