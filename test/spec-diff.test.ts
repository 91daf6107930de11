// `npm run spec:diff` (scripts/spec-diff.mjs, oasdiff installed by scripts/setup-oasdiff.sh): a
// Markdown report of what an edit of the spec changes, breaking changes first, and a failure when a
// breaking change is not accepted, with its reason, in spec/accepted-breaking-changes.txt.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const fixtures = join(__dirname, "fixtures/spec-diff");
const dir = mkdtempSync(join(tmpdir(), "vpnaas-spec-diff-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function specDiff(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(root, "scripts/spec-diff.mjs"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** An acceptance file with these lines, for the fixtures' change to breaking.yaml. */
function accepted(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `# test\n\n${lines.join("\n")}\n`);
  return file;
}

const pair = (revision: string) => ["--base", join(fixtures, "base.yaml"), "--revision", join(fixtures, `${revision}.yaml`)];
const REQUIRED_PARAM = "GET /things/{thing_id} added the new required `query` request parameter `region`";
const REMOVED_PROPERTY = "GET /things/{thing_id} removed the required property `thing/name` from the response with the `200` status";

test("a compatible change: exit 0, listed as compatible, nothing breaks", () => {
  const run = specDiff([...pair("compatible"), "--accepted", join(dir, "none.txt")]);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("## Breaking changes (0)");
  expect(run.stdout).toContain("Nothing breaks.");
  const compatible = run.stdout.slice(run.stdout.indexOf("## Compatible changes (2)"));
  expect(compatible).toContain("added the optional property `thing/color` to the response");
  expect(compatible).toContain("added the new optional `query` request parameter `verbose`");
});

test("a breaking change not accepted: exit 1, the report puts it first, and says which line to add", () => {
  const run = specDiff([...pair("breaking"), "--accepted", join(dir, "none.txt")]);
  expect(run.status).toBe(1);
  const breakingAt = run.stdout.indexOf("## Breaking changes (2)");
  expect(breakingAt).toBeGreaterThan(0);
  expect(breakingAt).toBeLessThan(run.stdout.indexOf("## Compatible changes"));
  expect(run.stdout.match(/\*\*NOT ACCEPTED\*\*/g)).toHaveLength(2);
  expect(run.stdout).toContain("`new-required-request-parameter`");
  expect(run.stdout).toContain("`response-required-property-removed`");
  expect(run.stderr).toContain(`${REQUIRED_PARAM} -- <why consumers can take it>`);
  expect(run.stderr).toContain(`${REMOVED_PROPERTY} -- <why consumers can take it>`);
});

test("the same change, accepted line by line with reasons: exit 0, each reason in the report", () => {
  const file = accepted("ok.txt", [`${REQUIRED_PARAM} -- every client already sends it`, `${REMOVED_PROPERTY} -- no server ever returned it`]);
  const run = specDiff([...pair("breaking"), "--accepted", file]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("| accepted | breaking | GET /things/{thing_id} | added the new required `query` request parameter `region`");
  expect(run.stdout).toContain("every client already sends it");
  expect(run.stdout).toContain("no server ever returned it");
  expect(run.stdout).toContain("Every breaking change is accepted");
});

test("one change accepted, the other not: exit 1", () => {
  const run = specDiff([...pair("breaking"), "--accepted", accepted("half.txt", [`${REQUIRED_PARAM} -- every client already sends it`])]);
  expect(run.status).toBe(1);
  expect(run.stdout.match(/\*\*NOT ACCEPTED\*\*/g)).toHaveLength(1);
  expect(run.stderr).toContain(REMOVED_PROPERTY);
  expect(run.stderr).not.toContain(REQUIRED_PARAM);
});

test("an acceptance without a reason does not count, and fails", () => {
  const run = specDiff([...pair("breaking"), "--accepted", accepted("noreason.txt", [REQUIRED_PARAM, `${REMOVED_PROPERTY} -- `])]);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/noreason\.txt:3 gives no reason/);
  expect(run.stderr).toMatch(/noreason\.txt:4 gives no reason/);
});

test("matching ignores case, and the path must be the change's own (oasdiff's rule)", () => {
  const other = REQUIRED_PARAM.replace("/things/{thing_id}", "/other/{thing_id}");
  const run = specDiff([...pair("breaking"), "--accepted", accepted("case.txt", [`${REMOVED_PROPERTY.toUpperCase()} -- shouting is fine`, `${other} -- wrong path`])]);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain("shouting is fine");
  expect(run.stdout).toContain("## Acceptances that match no change (1)");
  expect(run.stdout).toContain("/other/{thing_id}");
});

test("the repository's spec against the default base (last release tag, else the first commit): every breaking change accepted", () => {
  const run = specDiff([]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^# spec\/openapi\.yaml: changes since \S+, (the last release tag|the first commit \(there is no release tag yet\))/);
  expect(run.stdout).not.toContain("Acceptances that match no change");
});

test("without oasdiff installed it says how to install it (exit 2)", () => {
  const run = specDiff(pair("compatible"), { OASDIFF: join(dir, "no-oasdiff") });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("bash scripts/setup-oasdiff.sh");
});
