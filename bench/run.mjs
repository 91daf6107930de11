#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, against one local server, reported as ratios to a
// baseline measured in the same run; writes bench/RESULTS.md. `--quick` for a smoke run.
// Nothing here is a test: it asserts nothing, it measures and reports.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { BUDGET_BYTES, bundleSize, codeAloneGzipped, FULL_TARGET_BYTES } from "../scripts/check-size.mjs";
import { aloneCalls, timeAlone } from "./alone.mjs";
import { AKSK_HEADERS_PEER, AKSK_TIMED_PEER, bundleOneOperation, contenders, PATH, TYPESCRIPT_FETCH_BUNDLE } from "./contenders.mjs";
import { listContenders } from "./list-contenders.mjs";
import { listTable } from "./list-bench.mjs";
import { interleavedRounds, median, quartiles, spread, timePerCallUs, timePerSyncCallUs } from "./stats.mjs";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 3 : 7;
const GET_ROUNDS = quick ? 5 : 41;
const LIST_ROUNDS = quick ? 3 : 41;
const SLICES = quick ? 5 : 25;
const BLOCK = 20;
const WARMUP_CALLS = quick ? 100 : 500;
const SIGNATURES_PER_ROUND = quick ? 1000 : 10000;
const COLD_STARTS = quick ? 3 : 7;
const ALONE_PROCESSES = quick ? 1 : 7;
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
// A peer whose client does not build is left out of the tables, with a note saying so.
const peers = { ...contenders };
const notes = [];
try {
  await build({ entryPoints: [join(generatedDir, "index.ts")], bundle: true, format: "esm", platform: "node", outfile: TYPESCRIPT_FETCH_BUNDLE.pathname, logLevel: "silent" });
} catch (error) {
  delete peers["openapi-generator typescript-fetch"];
  rmSync(TYPESCRIPT_FETCH_BUNDLE, { force: true });
  notes.push(`openapi-generator typescript-fetch is left out: its client generated from spec/openapi.yaml does not build (${error.errors?.length ?? "?"} errors, first: ${error.errors?.[0]?.text ?? error.message}).`);
}

await bundleOneOperation();

const server = spawn(process.execPath, [join(root, "bench/server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((done) => server.stdout.once("data", (d) => done(String(d).trim())));
try {
  out(`# Benchmarks`);
  out();
  out(`${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · server: bench/server.mjs in its own process on ${url}`);
  out(`Every figure is a median over rounds, with its spread across rounds (min–max, or the interquartile range where the column says so), all measured in this one run.`);
  for (const note of notes) out(`\n${note}`);

  // 1. Time per GET. This box is a shared VM: its speed swings by 2× within seconds. So a round
  // interleaves the contenders in short blocks (BLOCK calls each, the order rotated every slice),
  // so that all of them run under the same conditions; each contender's ratio to plain fetch is
  // taken within the round, and the table gives the median of those per-round ratios (and their
  // interquartile range) next to the median time per call.
  const gets = {};
  for (const [name, make] of Object.entries(peers)) {
    gets[name] = await make(url);
    for (let i = 0; i < WARMUP_CALLS; i++) await gets[name]();
  }
  const names = Object.keys(gets);
  const { us, ratios } = await interleavedRounds(gets, { rounds: GET_ROUNDS, slices: SLICES, block: BLOCK });
  out();
  out(`## Time per GET ${PATH.replace(/[0-9a-f-]{36}$/, "{id}")} on loopback (${GET_ROUNDS} rounds; a round: ${SLICES} slices of ${BLOCK} sequential calls per client, clients interleaved)`);
  out();
  out("| client | µs per call, median (min–max) | × plain fetch, same round: median (interquartile range) |");
  out("| --- | ---: | ---: |");
  for (const name of names) out(`| ${name} | ${spread(us[name])} | ${quartiles(ratios[name], 3)} |`);
  const aksk = ratios["vpnaas-sdk (akskAuth + retry)"];
  if (aksk && ratios[AKSK_HEADERS_PEER]) {
    const perRound = aksk.map((r, i) => r / ratios[AKSK_HEADERS_PEER][i]);
    out();
    out(`vpnaas-sdk (akskAuth + retry) × ${AKSK_HEADERS_PEER}, same round: ${quartiles(perRound, 3)}: the SDK against a plain fetch that sends the very same headers, so that what the longer headers cost on the wire is left out.`);
  }

  // 1b. Listing: the SDK's lazy listing walks 1,000 connections in 10 pages, against a plain fetch
  // loop sending the same 10 requests, measured like the GETs (whole listings interleaved).
  out();
  for (const line of await listTable(url, { rounds: LIST_ROUNDS })) out(line);

  // 1c. The same GETs and listings, each client alone in its own processes (bench/alone.mjs):
  // steadier than interleaving, and each client pays for its own garbage. Huawei's SDK is left out
  // (~3× slower, it would take as long as all the others). Last of this process's network calls:
  // its keep-alive connections, idle for the minutes this takes, would be closed under it (EPIPE).
  const aloneNames = names.filter((n) => !n.startsWith("huaweicloud"));
  const alone = timeAlone(aloneNames, url, { processes: ALONE_PROCESSES });
  const { calls, warmup } = aloneCalls(false);
  out();
  out(`## Time per GET, each client alone in its own process (${ALONE_PROCESSES} processes each, the order alternating; a process: ${warmup.toLocaleString("en")} warm-up calls, then ${calls.toLocaleString("en")} timed)`);
  out();
  out("| client | µs per call, median (interquartile range) | × plain fetch | CPU µs per call (the process's, all threads) | × plain fetch |");
  out("| --- | ---: | ---: | ---: | ---: |");
  for (const name of aloneNames) out(`| ${name} | ${quartiles(alone.wall[name])} | ${alone.wallRatio(name).toFixed(3)} | ${quartiles(alone.cpu[name])} | ${alone.cpuRatio(name).toFixed(3)} |`);
  const listNames = Object.keys(listContenders);
  const listAlone = timeAlone(listNames, url, { processes: ALONE_PROCESSES, list: true });
  out();
  out(`## Listing, each client alone in its own process (${ALONE_PROCESSES} processes each, the order alternating; a process: ${aloneCalls(true).warmup} warm-up listings, then ${aloneCalls(true).calls.toLocaleString("en")} timed)`);
  out();
  out("| client | ms per listing, median (interquartile range) | × plain fetch loop | CPU ms per listing | × plain fetch loop |");
  out("| --- | ---: | ---: | ---: | ---: |");
  const ms = (xs) => xs.map((x) => x / 1000);
  for (const name of listNames) out(`| ${name} | ${quartiles(ms(listAlone.wall[name]), 2)} | ${listAlone.wallRatio(name).toFixed(3)} | ${quartiles(ms(listAlone.cpu[name]), 2)} | ${listAlone.cpuRatio(name).toFixed(3)} |`);

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
  // The bound signer and AKSKSigner.sign are synchronous and are timed so; signAkSk is async.
  const signers = {
    "vpnaas-sdk akskSigner (what akskAuth runs per request)": [false, () => bound(request)],
    "vpnaas-sdk signAkSk (async, one-off: derives the key too)": [true, () => signAkSk({ ...request, accessKey: ak, secretKey: sk })],
    "@huaweicloud/huaweicloud-sdk-core AKSKSigner.sign": [
      false,
      () => AKSKSigner.sign({ method: "GET", endpoint: `${host}${PATH}`, queryParams: { fields: ["id", "status"] }, headers: { "content-type": "application/json", "X-Sdk-Date": request.sdkDate } }, credential),
    ],
  };
  const official = "@huaweicloud/huaweicloud-sdk-core AKSKSigner.sign";
  const authorizations = new Set(await Promise.all(Object.values(signers).map(async ([, fn]) => (await fn()).Authorization)));
  if (authorizations.size !== 1) throw new Error(`signers disagree: ${[...authorizations].join(" | ")}`);
  const time = ([isAsync, fn], n) => (isAsync ? timePerCallUs(fn, n) : timePerSyncCallUs(fn, n));
  const sign = Object.fromEntries(Object.keys(signers).map((n) => [n, []]));
  for (const signer of Object.values(signers)) await time(signer, 2000);
  for (let r = 0; r < ROUNDS; r++) for (const [name, signer] of Object.entries(signers)) sign[name].push(await time(signer, SIGNATURES_PER_ROUND));
  out();
  out(`## AK/SK signing cost per request (${SIGNATURES_PER_ROUND} signatures a round; all give the same Authorization)`);
  out();
  out("| signer | µs per signature | speed-up over AKSKSigner |");
  out("| --- | ---: | ---: |");
  for (const name of Object.keys(signers)) out(`| ${name} | ${spread(sign[name], 2)} | ${(median(sign[official]) / median(sign[name])).toFixed(2)}× |`);

  // 3. Cold start: a fresh process imports the library, builds a client, makes the first call.
  const cold = {};
  for (let i = 0; i < COLD_STARTS; i++) {
    // The AK/SK-headers lines import the SDK to sign once: a cold start of them would time the SDK's import.
    for (const name of Object.keys(peers).filter((n) => n !== AKSK_HEADERS_PEER && n !== AKSK_TIMED_PEER)) {
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

  // 4. Memory: the heap returns to its level after many requests. Plain fetch under the same load
  // is the baseline.
  const [sequential, concurrent] = quick ? [5000, 2000] : [100000, 10000];
  const memoryOf = (name) =>
    JSON.parse(execFileSync(process.execPath, ["--expose-gc", join(root, "bench/memory.mjs"), url, String(sequential), String(concurrent), name], { cwd: root, encoding: "utf8" }));
  const memory = { "vpnaas-sdk (tokenAuth + retry)": memoryOf("vpnaas-sdk (tokenAuth + retry)"), "plain fetch": memoryOf("plain fetch") };
  out();
  out(`## Memory: heap used after forced GC (MB), growth from the start in brackets`);
  out();
  out(`| client | start (after 2,000 sequential and 2,000 concurrent warm-up calls) | after ${sequential.toLocaleString("en")} sequential | after ${concurrent.toLocaleString("en")} concurrent, 64 at a time |`);
  out("| --- | ---: | ---: | ---: |");
  const grow = (m, v) => `${v.toFixed(2)} (${v - m.start >= 0 ? "+" : ""}${(v - m.start).toFixed(2)})`;
  for (const [name, m] of Object.entries(memory)) out(`| ${name} | ${m.start.toFixed(2)} | ${grow(m, m.afterSequential)} | ${grow(m, m.afterConcurrent)} |`);

  // 4b. Memory of a long listing, from a second server that lists that many connections.
  const items = quick ? 10000 : 100000;
  const listServer = spawn(process.execPath, [join(root, "bench/server.mjs")], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LIST_ITEMS: String(items) } });
  try {
    const listUrl = await new Promise((done) => listServer.stdout.once("data", (d) => done(String(d).trim())));
    const listMemoryOf = (name) => JSON.parse(execFileSync(process.execPath, ["--expose-gc", join(root, "bench/memory.mjs"), "--list", listUrl, String(items), name], { cwd: root, encoding: "utf8" }));
    const listMemory = { "vpnaas-sdk listIpsecSiteConnections (tokenAuth + retry)": null, "plain fetch loop": null };
    for (const name of Object.keys(listMemory)) listMemory[name] = listMemoryOf(name);
    out();
    out(`## Memory while iterating ${items.toLocaleString("en")} connections (${(items / 100).toLocaleString("en")} pages of 100) item by item: heap used after forced GC (MB), growth from the start in brackets`);
    out();
    out("| client | start (after a 2,000-item warm-up) | at ¼ (in the loop) | at ½ | at ¾ | at the last item | after the loop |");
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const [name, m] of Object.entries(listMemory)) out(`| ${name} | ${m.start.toFixed(2)} | ${m.during.map((v) => grow(m, v)).join(" | ")} | ${grow(m, m.end)} |`);
  } finally {
    listServer.kill("SIGTERM");
  }

  // 5. Bundle size, from the packed tarball as a consumer's bundler gets it (scripts/check-size.mjs).
  const oneOp = await bundleSize("bench/size-entry-one-op.ts");
  const core = await bundleSize("bench/size-entry.ts");
  const full = await bundleSize("bench/size-entry-full.ts");
  const reference = await bundleSize("bench/openapi-fetch-entry.ts");
  const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
  out();
  out("## Browser bundle, minified + gzipped (esbuild, from the packed tarball)");
  out();
  out("| bundle | gzipped | minified |");
  out("| --- | ---: | ---: |");
  out(`| vpnaas-sdk/operations: createVpnaasSession + getIpsecSiteConnection + tokenAuth + retry (target ${(BUDGET_BYTES / 1024).toFixed(1)} kB) | ${kb(oneOp.gzipped)} | ${kb(oneOp.minified)} |`);
  out(`| vpnaas-sdk createVpnaasCoreClient (all 25 operations), same app | ${kb(core.gzipped)} | ${kb(core.minified)} |`);
  out(`| vpnaas-sdk createVpnaasClient (all 25 operations and \`api\`, i.e. openapi-fetch), same app (target ${(FULL_TARGET_BYTES / 1024).toFixed(1)} kB) | ${kb(full.gzipped)} | ${kb(full.minified)} |`);
  out(`| openapi-fetch alone, same GET | ${kb(reference.gzipped)} | ${kb(reference.minified)} |`);
  out();
  out(`The same bundles with the text of every string and template literal taken out (messages, header names, every word), gzipped: the one-operation app ${kb(codeAloneGzipped(oneOp))}, createVpnaasClient ${kb(codeAloneGzipped(full))}. No rewording of this code goes below these.`);
} finally {
  server.kill("SIGTERM");
}
if (!quick) writeFileSync(join(root, "bench/RESULTS.md"), `${lines.join("\n")}\n`);
