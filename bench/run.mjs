#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, against one local server, reported as ratios to a
// baseline measured in the same run; writes bench/RESULTS.md. `--quick` for a smoke run.
// Nothing here is a test: it asserts nothing, it measures and reports.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { bundleSize, BUDGET_BYTES } from "../scripts/check-size.mjs";
import { contenders, PATH, TYPESCRIPT_FETCH_BUNDLE } from "./contenders.mjs";
import { median, spread, timePerCallUs } from "./stats.mjs";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 3 : 7;
const CALLS_PER_ROUND = quick ? 300 : 2000;
const WARMUP_CALLS = quick ? 100 : 500;
const SIGNATURES_PER_ROUND = quick ? 1000 : 10000;
const COLD_STARTS = quick ? 3 : 7;
const root = resolve(import.meta.dirname, "..");
const cache = join(root, ".cache/bench");
const lines = [];
const out = (line = "") => {
  console.log(line);
  lines.push(line);
};

// Every peer is built from the same spec, at bench time, never into src/.
if (!existsSync(join(root, "dist/index.js"))) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
mkdirSync(cache, { recursive: true });
const generatedDir = join(cache, "typescript-fetch");
rmSync(generatedDir, { recursive: true, force: true });
execFileSync(join(root, "node_modules/.bin/openapi-generator-cli"), ["generate", "-g", "typescript-fetch", "-i", join(root, "spec/openapi.yaml"), "-o", generatedDir], { cwd: root, stdio: "ignore" });
await build({ entryPoints: [join(generatedDir, "index.ts")], bundle: true, format: "esm", platform: "node", outfile: TYPESCRIPT_FETCH_BUNDLE.pathname, logLevel: "error" });

const server = spawn(process.execPath, [join(root, "bench/server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((done) => server.stdout.once("data", (d) => done(String(d).trim())));
try {
  out(`# Benchmarks`);
  out();
  out(`${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · server: bench/server.mjs in its own process on ${url}`);
  out(`Every figure is a median over ${ROUNDS} rounds with (min–max) across rounds; ratios divide medians measured in this same run.`);

  // 1. Time per GET, all contenders interleaved round by round so drift hits all alike.
  const gets = {};
  for (const [name, make] of Object.entries(contenders)) {
    gets[name] = await make(url);
    for (let i = 0; i < WARMUP_CALLS; i++) await gets[name]();
  }
  const us = Object.fromEntries(Object.keys(gets).map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) for (const name of Object.keys(gets)) us[name].push(await timePerCallUs(gets[name], CALLS_PER_ROUND));
  const base = median(us["plain fetch"]);
  out();
  out(`## Time per GET ${PATH.replace(/[0-9a-f-]{36}$/, "{id}")} on loopback (${CALLS_PER_ROUND} sequential calls a round)`);
  out();
  out("| client | µs per call | × plain fetch |");
  out("| --- | ---: | ---: |");
  for (const name of Object.keys(us)) out(`| ${name} | ${spread(us[name])} | ${(median(us[name]) / base).toFixed(3)} |`);

  // 2. AK/SK signing alone, per request, against Huawei's AKSKSigner. akskAuth signs with a signer
  // bound to its key pair (akskSigner); signAkSk is the one-off form, which also derives the key.
  const { akskSigner, signAkSk } = await import("../dist/index.js");
  const { AKSKSigner } = (await import("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js")).default;
  const ak = "QTWAOYTTINDUT2QVKYUC";
  const sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
  const host = "https://vpc.cn-north-4.myhuaweicloud.com";
  const request = { method: "GET", url: `${host}${PATH}?fields=id&fields=status`, headers: [["content-type", "application/json"]], sdkDate: "20191115T033655Z" };
  const bound = akskSigner(ak, sk);
  const credential = { getAk: () => ak, getSk: () => sk };
  const signers = {
    "vpnaas-sdk akskSigner (what akskAuth runs per request)": async () => bound(request),
    "vpnaas-sdk signAkSk (one-off, derives the key too)": () => signAkSk({ ...request, accessKey: ak, secretKey: sk }),
    "@huaweicloud/huaweicloud-sdk-core AKSKSigner.sign": async () =>
      AKSKSigner.sign({ method: "GET", endpoint: `${host}${PATH}`, queryParams: { fields: ["id", "status"] }, headers: { "content-type": "application/json", "X-Sdk-Date": request.sdkDate } }, credential),
  };
  const official = "@huaweicloud/huaweicloud-sdk-core AKSKSigner.sign";
  if ((await signers[official]()).Authorization !== (await signers["vpnaas-sdk signAkSk (one-off, derives the key too)"]()).Authorization) throw new Error("signers disagree");
  const sign = Object.fromEntries(Object.keys(signers).map((n) => [n, []]));
  for (const fn of Object.values(signers)) for (let i = 0; i < 1000; i++) await fn();
  for (let r = 0; r < ROUNDS; r++) for (const [name, fn] of Object.entries(signers)) sign[name].push(await timePerCallUs(fn, SIGNATURES_PER_ROUND));
  out();
  out(`## AK/SK signing cost per request (${SIGNATURES_PER_ROUND} signatures a round; all give the same Authorization)`);
  out();
  out("| signer | µs per signature | speed-up over AKSKSigner |");
  out("| --- | ---: | ---: |");
  for (const name of Object.keys(signers)) out(`| ${name} | ${spread(sign[name], 2)} | ${(median(sign[official]) / median(sign[name])).toFixed(2)}× |`);

  // 3. Cold start: a fresh process imports the library, builds a client, makes the first call.
  const cold = {};
  for (let i = 0; i < COLD_STARTS; i++) {
    for (const name of Object.keys(contenders)) {
      const ms = Number(execFileSync(process.execPath, [join(root, "bench/cold-start.mjs"), name, url], { cwd: root, encoding: "utf8" }).trim());
      (cold[name] ??= []).push(ms);
    }
  }
  out();
  out(`## Cold start: import + create client + first call, in a fresh process (${COLD_STARTS} processes each)`);
  out();
  out("| client | ms | × plain fetch |");
  out("| --- | ---: | ---: |");
  for (const name of Object.keys(cold)) out(`| ${name} | ${spread(cold[name])} | ${(median(cold[name]) / median(cold["plain fetch"])).toFixed(2)} |`);

  // 4. Memory: the heap returns to its level after many requests.
  const [sequential, concurrent] = quick ? [5000, 2000] : [100000, 10000];
  const mem = JSON.parse(execFileSync(process.execPath, ["--expose-gc", join(root, "bench/memory.mjs"), url, String(sequential), String(concurrent)], { cwd: root, encoding: "utf8" }));
  out();
  out(`## Memory: heap used after forced GC, vpnaas-sdk with tokenAuth + retry`);
  out();
  out("| point | heap MB | growth from start |");
  out("| --- | ---: | ---: |");
  out(`| start (after 2,000 warm-up calls) | ${mem.start.toFixed(2)} | |`);
  out(`| after ${sequential.toLocaleString("en")} sequential | ${mem.afterSequential.toFixed(2)} | ${(mem.afterSequential - mem.start).toFixed(2)} MB |`);
  out(`| after ${concurrent.toLocaleString("en")} concurrent (64 at a time) | ${mem.afterConcurrent.toFixed(2)} | ${(mem.afterConcurrent - mem.start).toFixed(2)} MB |`);

  // 5. Bundle size.
  const sdk = await bundleSize("bench/size-entry.ts");
  const reference = await bundleSize("bench/openapi-fetch-entry.ts");
  out();
  out("## Browser bundle, minified + gzipped (esbuild)");
  out();
  out("| bundle | gzipped | minified |");
  out("| --- | ---: | ---: |");
  out(`| vpnaas-sdk: getIpsecSiteConnection + tokenAuth + retry (budget ${(BUDGET_BYTES / 1024).toFixed(1)} kB) | ${(sdk.gzipped / 1024).toFixed(2)} kB | ${(sdk.minified / 1024).toFixed(2)} kB |`);
  out(`| openapi-fetch alone, same GET | ${(reference.gzipped / 1024).toFixed(2)} kB | ${(reference.minified / 1024).toFixed(2)} kB |`);
} finally {
  server.kill("SIGTERM");
}
if (!quick) writeFileSync(join(root, "bench/RESULTS.md"), `${lines.join("\n")}\n`);
