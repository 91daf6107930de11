/**
 * `npm run test:mutation`: StrykerJS over src/ with the fast jest suites (jest.mutation.config.js).
 * Incremental: reports/stryker-incremental.json is committed, so a run re-tests only the mutants of
 * code (or tests) that changed since it was written; `npm run test:mutation -- --force` re-tests all.
 * Figures per file: test/MUTATION.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: "npm",
  mutate: ["src/**/*.ts"],
  testRunner: "jest",
  jest: { configFile: "jest.mutation.config.js", enableFindRelatedTests: false },
  coverageAnalysis: "perTest",
  checkers: ["typescript"],
  // The whole project's tsconfig made the checker the bottleneck; src/ and generated/ are enough.
  tsconfigFile: "tsconfig.stryker.json",
  // Two cores, shared: one checker and one test runner. Measured on src/: the checker is the
  // bottleneck (about one core busy, the runner idle half the time, ~45–65 mutants a minute), so a
  // full run takes well over an hour; `-- --concurrency 3` (two checkers) is faster on an idle machine.
  concurrency: 2,
  // Only src/ is instrumented; the default also tries generated/ (HTML, YAML) and test/.
  disableTypeChecks: "src/**/*.ts",
  // A static mutant (code run when a module loads: a table, a pattern, a constant) is run by no single
  // test, so Stryker would run the whole fast suite (~18 s) for each, which put a full run of src/ past
  // two hours on two cores. Ignored as such; instead test/load-time*.test.ts load each module's copy
  // inside a test, so that every such mutant is run against the tests that check its table ("hybrid").
  // None is left ignored as static.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  thresholds: { high: 90, low: 85, break: 85 },
  // The event recorder writes each result as it comes: scripts/mutation-summary.mjs --events
  // reports/mutation/events sums up a run that was stopped before its end.
  reporters: ["clear-text", "progress-append-only", "json", "event-recorder"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  ignorePatterns: [".cache", "dist", "docs", "coverage", "reports", "bench", "test/integration", "test/browser"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  timeoutMS: 5000,
};
