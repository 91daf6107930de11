// README's examples of the operations compile: test/readme-examples.check.ts holds them (tsc checks
// it), and this test fails when README's code and that file differ.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(__dirname, "..");

test('every line of README\'s "Every operation" code blocks is in the type-checked file', () => {
  const readme = readFileSync(resolve(root, "README.md"), "utf8");
  const start = readme.indexOf("### Every operation:");
  const section = readme.slice(start, readme.indexOf("\n## ", start));
  const lines = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split("\n")).map((l) => l.trim()).filter(Boolean);
  const checked = new Set(readFileSync(resolve(root, "test/readme-examples.check.ts"), "utf8").split("\n").map((l) => l.trim()));
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.filter((l) => !checked.has(l))).toEqual([]);
});
