#!/usr/bin/env node
// Prints one closing line, "N passed, N failed", over every jest JSON report in .cache/.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const dir = resolve(import.meta.dirname, "../.cache");
mkdirSync(dir, { recursive: true });
let passed = 0;
let failed = 0;
for (const name of readdirSync(dir).filter((n) => /^jest-.*\.json$/.test(n))) {
  const report = JSON.parse(readFileSync(join(dir, name), "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
