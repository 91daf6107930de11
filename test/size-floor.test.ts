// scripts/check-size.mjs's floor (codeAlone): the text of every string and template literal taken
// out of a bundle, what no rewording of that code could go below. Run as a child of the tool
// chain's Node, as the script runs in `npm test`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..");

function codeAlone(code: string): string {
  const script = `import { codeAlone } from "./scripts/check-size.mjs"; process.stdout.write(codeAlone(${JSON.stringify(code)}));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

test("strings and template texts are emptied; code, substitutions and regular expressions stay", () => {
  const code = 'f("a message",\'x-auth-token\',`took ${ms} ms of ${limit}`,`plain`,/"quoted"/g,{"key":1}.key)';
  expect(codeAlone(code)).toBe('f("","",`${ms}${limit}`,``,/"quoted"/g,{"":1}.key)');
});

test("a template inside a substitution is emptied too, and text that only looks like a string is not", () => {
  expect(codeAlone("a=`outer ${b?`inner ${c}`:'no'} end`;d=e/2/f")).toBe("a=`${b?`${c}`:\"\"}`;d=e/2/f");
});
