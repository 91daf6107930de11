// The public TypeScript surface is reviewed like the spec: review/*.api.md (API Extractor reports of
// the built declarations) must be what src/ exports, so a change of the surface, including one a spec
// edit causes through generated/openapi.ts, shows in the same diff. `npm run api:report` rewrites them.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "vpnaas-api-report-"));
const dist = join(dir, "dist");

/** scripts/api-report.mjs on the fresh build, comparing with the reports in `review`. */
const check = (review = join(root, "review")) =>
  spawnSync(process.execPath, [join(root, "scripts/api-report.mjs"), "--dist", dist, "--review", review], { cwd: root, encoding: "utf8" });

beforeAll(() => {
  // A build of the current src/ of its own, so the check never reads a stale dist/.
  const build = spawnSync(join(root, "node_modules/.bin/tsup"), ["--out-dir", dist], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`tsup failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("review/*.api.md is exactly the public API that src/ builds to", () => {
  const run = check();
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("review/vpnaas-sdk.api.md matches the public API");
  expect(run.stdout).toContain("review/vpnaas-sdk-node.api.md matches the public API");
  expect(run.stdout).toContain("review/vpnaas-sdk-operations.api.md matches the public API");
}, 60_000);

test("a surface the report does not show fails, with the diff and the command to run", () => {
  const stale = join(dir, "stale-review");
  mkdirSync(stale);
  for (const f of readdirSync(join(root, "review"))) copyFileSync(join(root, "review", f), join(stale, f));
  const report = join(stale, "vpnaas-sdk.api.md");
  writeFileSync(report, readFileSync(report, "utf8").replace(/^export function akskAuth\(.*\n/m, ""));
  const run = check(stale);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("+export function akskAuth(options: AkSkAuthOptions): AuthStrategy;");
  expect(run.stderr).toContain("the public API of vpnaas-sdk changed");
  expect(run.stderr).toContain("run `npm run api:report` and commit review/*.api.md");
}, 60_000);

test("the report carries the spec's types, so a spec edit's consequence for SDK users is in it", () => {
  const report = readFileSync(join(root, "review/vpnaas-sdk.api.md"), "utf8");
  expect(report).toContain("export interface components {");
  expect(report).toMatch(/local_id\?: string \| null;/); // spec: local_id nullable
  expect(report).toMatch(/IpsecSiteConnectionField: "id" \| "name"/); // spec: the fields enum
});
