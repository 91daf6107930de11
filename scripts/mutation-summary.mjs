#!/usr/bin/env node
// Writes test/MUTATION.md from Stryker's JSON report (reports/mutation/mutation.json, written by
// `npm run test:mutation`): the score per file and overall, and every surviving mutant.
// Usage: node scripts/mutation-summary.mjs [--events reports/mutation/events [--source-rev <commit>]] [--elapsed "<how long the run took>"] [--note "<text>"]
// With --events it reads the event recorder's files instead, for a run stopped before its end.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const reportPath = resolve(root, "reports/mutation/mutation.json");
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const eventsDir = arg("--events");
const report = eventsDir ? fromEvents(eventsDir) : JSON.parse(readFileSync(reportPath, "utf8"));

/**
 * A report from the event-recorder reporter's files, for a run stopped before its end: the plan
 * names every mutant, each onMutantTested event gives one result; the rest are "Pending".
 */
function fromEvents(dir) {
  const names = readdirSync(dir).sort();
  const plan = JSON.parse(readFileSync(resolve(dir, names.find((n) => n.endsWith("-onMutationTestingPlanReady.json"))), "utf8"));
  const keyOf = (m) => m.id;
  const results = new Map();
  for (const n of names.filter((n) => n.endsWith("-onMutantTested.json"))) {
    const r = JSON.parse(readFileSync(resolve(dir, n), "utf8"));
    results.set(keyOf(r), r);
  }
  const files = {};
  for (const { mutant } of plan.mutantPlans) {
    const path = relative(root, mutant.fileName);
    // --source-rev: the commit the run started from, when the files have changed since.
    const rev = arg("--source-rev");
    files[path] ??= { source: rev ? execFileSync("git", ["show", `${rev}:${path}`], { cwd: root, encoding: "utf8" }) : readFileSync(mutant.fileName, "utf8"), mutants: [] };
    files[path].mutants.push({ ...mutant, status: "Pending", ...results.get(keyOf(mutant)) });
  }
  return { files, framework: { version: JSON.parse(readFileSync(resolve(root, "node_modules/@stryker-mutator/core/package.json"), "utf8")).version } };
}
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

const rows = [];
let hybrid = 0; // undetected mutants that are also run when their module loads: see the note below
const survivors = [];
const ignored = new Map(); // file:line → the mutators a `// Stryker disable` comment there names, and its reason
const total = { detected: 0, undetected: 0, timeout: 0, ignored: 0, invalid: 0, pending: 0 };
for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const n = { detected: 0, undetected: 0, timeout: 0, ignored: 0, invalid: 0, pending: 0 };
  for (const m of file.mutants) {
    if (DETECTED.has(m.status)) n.detected++;
    else if (UNDETECTED.has(m.status)) n.undetected++;
    else if (m.status === "Ignored") n.ignored++;
    else if (m.status === "Pending") n.pending++;
    else n.invalid++; // CompileError, RuntimeError: the mutant is not valid code
    if (m.status === "Timeout") n.timeout++;
    if (UNDETECTED.has(m.status) && m.static) hybrid++;
    if (m.status === "Ignored") {
      const key = `${path}:${m.location.start.line}`;
      const entry = ignored.get(key) ?? { mutators: new Set(), count: 0, reason: m.statusReason ?? "" };
      entry.mutators.add(m.mutatorName);
      entry.count++;
      ignored.set(key, entry);
    }
    if (UNDETECTED.has(m.status)) {
      const line = m.location.start.line;
      const text = file.source.split("\n")[line - 1].trim();
      survivors.push(`| ${path}:${line} | ${m.mutatorName} | ${m.status}${m.static ? " (hybrid)" : ""} | \`${(m.replacement ?? "").replaceAll("|", "\\|").replaceAll("\n", " ").slice(0, 60)}\` | \`${text.replaceAll("|", "\\|").slice(0, 80)}\` |`);
    }
  }
  for (const k of Object.keys(total)) total[k] += n[k];
  rows.push([path, n]);
}
const score = (n) => (n.detected + n.undetected === 0 ? "–" : ((100 * n.detected) / (n.detected + n.undetected)).toFixed(1));
const line = (name, n) => `| ${name} | ${score(n)} | ${n.detected} | ${n.undetected} | ${n.timeout} | ${n.ignored} | ${n.invalid} |` + (total.pending ? ` ${n.pending} |` : "");

const when = statSync(eventsDir ?? reportPath).mtime.toISOString();
const out = [
  "# Mutation testing",
  "",
  `${when} · StrykerJS ${report.framework?.version ?? ""} (jest runner, TypeScript checker, perTest coverage) · \`npm run test:mutation\` over src/ with the fast suites (jest.mutation.config.js)${arg("--elapsed") ? ` · run took ${arg("--elapsed")}` : ""}`,
  "",
  "Score: detected (killed or timed out) ÷ (detected + survived + not covered). Ignored: static mutants (`ignoreStatic`, see stryker.config.mjs) and `// Stryker disable` lines, each with its reason there. Invalid: mutants that do not compile or crash, outside the score.",
  ...(arg("--note") ? ["", arg("--note")] : []),
  "",
  "| file | score % | detected | undetected | of which timed out | ignored | invalid |" + (total.pending ? " not yet tested |" : ""),
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (total.pending ? " ---: |" : ""),
  ...rows.map(([path, n]) => line(path, n)),
  line("**all of src/**", total),
  "",
  "Code that runs when its module loads (tables, patterns, constants) is run by no test of a suite that imports the module once; Stryker then sees it as static and, with `ignoreStatic`, ignores it. It is tested where a test loads the module's copy inside itself: test/load-time*.test.ts do so for the module-level tables, so Stryker runs each such \"hybrid\" mutant against those tests (and the others that load a copy)." +
    (hybrid ? ` ${hybrid} of the undetected mutants below are hybrid (marked so).` : " None of the undetected mutants below is hybrid."),
  "",
  `## Undetected mutants (${survivors.length})`,
  "",
  "| where | mutator | status | replacement | line |",
  "| --- | --- | --- | --- | --- |",
  ...survivors,
  "",
  `## Ignored mutants (${total.ignored}), each with the reason its \`// Stryker disable\` comment gives`,
  "",
  "| where | mutators | mutants | reason |",
  "| --- | --- | ---: | --- |",
  ...[...ignored].map(([where, e]) => `| ${where} | ${[...e.mutators].join(", ")} | ${e.count} | ${e.reason.replaceAll("|", "\\|").replaceAll("\n", " ")} |`),
  "",
];
writeFileSync(resolve(root, "test/MUTATION.md"), out.join("\n"));
console.log(`test/MUTATION.md: ${score(total)} % (${total.detected} detected, ${total.undetected} undetected, ${total.ignored} ignored${total.pending ? `, ${total.pending} not yet tested` : ""})`);
