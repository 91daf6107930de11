// The package as a consumer gets it: `npm pack`, installed from the tarball into fresh projects.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { capture } from "./helpers/captures";
import { sendJson, startServer, type TestServer } from "./helpers/http-server";

const root = resolve(__dirname, "..");
const work = mkdtempSync(join(tmpdir(), "vpnaas-package-"));
const consumer = join(work, "consumer");
const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
let tarball: string;
let server: TestServer;

beforeAll(async () => {
  if (!existsSync(join(root, "dist/index.js"))) run("npm", ["run", "build"], root);
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root)) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], consumer);
  const ok = capture("get-connection-200");
  server = await startServer((_req, res) => sendJson(res, 200, ok.response.body_raw));
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const id = "f92b7d25-608b-49a1-aaf4-5aa6cde2380a";

test("ships only dist/, README, LICENSE, package.json and the spec", () => {
  const files = run("tar", ["-tzf", tarball], work).trim().split("\n").sort();
  expect(files.filter((f) => !/^package\/(dist\/[^/]+|README\.md|LICENSE|package\.json|spec\/openapi\.yaml)$/.test(f))).toEqual([]);
  expect(files).toEqual(expect.arrayContaining(["package/dist/index.js", "package/dist/index.cjs", "package/dist/index.d.ts", "package/dist/index.d.cts", "package/LICENSE"]));
});

test("depends on openapi-fetch, undici and yaml only; yaml and undici have no dependencies and only the node entry imports them", () => {
  const pkg = JSON.parse(readFileSync(join(consumer, "node_modules/vpnaas-sdk/package.json"), "utf8"));
  expect(Object.keys(pkg.dependencies ?? {})).toEqual(["openapi-fetch", "undici", "yaml"]);
  const undici = JSON.parse(readFileSync(join(consumer, "node_modules/undici/package.json"), "utf8"));
  expect(Object.keys(undici.dependencies ?? {})).toEqual([]);
  const yaml = JSON.parse(readFileSync(join(consumer, "node_modules/yaml/package.json"), "utf8"));
  expect(Object.keys(yaml.dependencies ?? {})).toEqual([]);
  const dist = join(consumer, "node_modules/vpnaas-sdk/dist");
  for (const file of ["index.js", "index.cjs", "strategy.js", "strategy.cjs", "operations.js", "operations.cjs"]) expect(readFileSync(join(dist, file), "utf8")).not.toMatch(/["'](yaml|undici)["']/);
  for (const file of ["node.js", "node.cjs"]) {
    expect(readFileSync(join(dist, file), "utf8")).toMatch(/["']yaml["']/);
    expect(readFileSync(join(dist, file), "utf8")).toMatch(/["']undici["']/);
  }
});

test.each([
  ["ESM import", "main.mjs", `import { createVpnaasClient, createVpnaasCoreClient } from "vpnaas-sdk";`],
  ["CommonJS require", "main.cjs", `const { createVpnaasClient, createVpnaasCoreClient } = require("vpnaas-sdk");`],
])("%s works on the runtime running the tests and fetches a connection", async (_label, file, load) => {
  writeFileSync(
    join(consumer, file),
    `${load}
(async () => {
  const c = await createVpnaasClient({ baseUrl: process.env.API }).getIpsecSiteConnection("${id}");
  const core = await createVpnaasCoreClient({ baseUrl: process.env.API }).getIpsecSiteConnection("${id}");
  console.log(JSON.stringify({ id: c.id, status: c.status, core: core.status }));
})();`,
  );
  // Async so the test server in this process can answer while the child waits for it.
  const out = await new Promise<string>((done, fail) =>
    execFile(process.execPath, [file], { cwd: consumer, env: { ...process.env, API: server.url } }, (err, stdout) => (err ? fail(err) : done(stdout))),
  );
  expect(JSON.parse(out)).toEqual({ id, status: "ACTIVE", core: "ACTIVE" });
});

test("vpnaas-sdk/operations works from ESM and CommonJS, with a session made by either build", async () => {
  writeFileSync(
    join(consumer, "per-operation.mjs"),
    `import { createVpnaasSession } from "vpnaas-sdk";
import { getIpsecSiteConnection } from "vpnaas-sdk/operations";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const cjs = { ...require("vpnaas-sdk"), ...require("vpnaas-sdk/operations") };
const esm = await getIpsecSiteConnection(createVpnaasSession({ baseUrl: process.env.API }), "${id}", { fields: ["id", "status"] });
const mixed = await cjs.getIpsecSiteConnection(createVpnaasSession({ baseUrl: process.env.API }), "${id}");
const mixedBack = await getIpsecSiteConnection(cjs.createVpnaasSession({ baseUrl: process.env.API }), "${id}");
console.log(JSON.stringify([esm.status, mixed.status, mixedBack.status]));`,
  );
  const out = await new Promise<string>((done, fail) =>
    execFile(process.execPath, ["per-operation.mjs"], { cwd: consumer, env: { ...process.env, API: server.url } }, (err, stdout) => (err ? fail(err) : done(stdout))),
  );
  expect(JSON.parse(out)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
});

const consumerSource = `import { createVpnaasClient, createVpnaasSession, type IpsecSiteConnection } from "vpnaas-sdk";
import { getIpsecSiteConnection } from "vpnaas-sdk/operations";
export async function main(): Promise<string> {
  const client = createVpnaasClient({ baseUrl: "https://network.example.com:9696" });
  const c = await client.getIpsecSiteConnection("${id}");
  const up: boolean = c.admin_state_up;
  // @ts-expect-error wrong field name
  c.peerAddress;
  // @ts-expect-error wrong enum value
  const s: IpsecSiteConnection["status"] = "RUNNING";
  const some = await client.getIpsecSiteConnection("${id}", { fields: ["id"] });
  // @ts-expect-error not requested
  some.name;
  const one = await getIpsecSiteConnection(createVpnaasSession({ baseUrl: "https://network.example.com:9696" }), "${id}", { fields: ["status"] });
  // @ts-expect-error not requested
  one.id;
  return String(up) + s + some.id + one.status;
}
`;

test.each([
  ["node16", { module: "node16", moduleResolution: "node16" }, "consumer.mts"],
  ["node16 (CommonJS)", { module: "node16", moduleResolution: "node16" }, "consumer.cts"],
  ["bundler", { module: "esnext", moduleResolution: "bundler" }, "consumer.ts"],
])("a strict TypeScript consumer compiles with moduleResolution %s and gets the field types", (name, options, file) => {
  const dir = join(consumer, `ts-${name.replace(/\W+/g, "-")}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), consumerSource);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false, ...options }, files: [file] }),
  );
  // Any compile error, including an unused @ts-expect-error, makes tsc exit non-zero.
  expect(() => run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], dir)).not.toThrow();
});
