// The package root exports exactly the names README's "Public names" lists: nothing internal leaks.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
// Loaded before any test runs (not inside one), so no single test "covers" what the modules do at load time.
import { operations } from "../generated/operations";
import * as sdkRoot from "../src";
import * as perOperation from "../src/per-operation";

const root = resolve(__dirname, "..");
const section = (text: string, heading: string) => text.slice(text.indexOf(`## ${heading}`), text.indexOf("\n## ", text.indexOf(`## ${heading}`) + 3));

/** Every name `src/index.ts` re-exports, values and types alike. */
function exportedNames(file: string): string[] {
  const source = readFileSync(resolve(root, file), "utf8");
  return [...source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)]
    .flatMap((m) => m[1]!.split(","))
    .map((name) => name.replace(/\btype\b/, "").trim())
    .filter(Boolean)
    .sort();
}

describe("the public surface", () => {
  const readme = readFileSync(resolve(root, "README.md"), "utf8");
  const listed = section(readme, "Public names");
  const rootPart = listed.slice(0, listed.indexOf("`vpnaas-sdk/strategy`"));
  const named = (text: string) => [...new Set([...text.matchAll(/`([A-Za-z_][\w]*)`/g)].map((m) => m[1]!))].sort();

  test("README lists every name of the package root, and the root exports nothing else", () => {
    expect(named(rootPart).filter((n) => n !== "vpnaas")).toEqual(exportedNames("src/index.ts"));
  });

  test("vpnaas-sdk/strategy exports the seam's types as README lists them", () => {
    const strategyPart = listed.slice(listed.indexOf("`vpnaas-sdk/strategy`"), listed.indexOf("`vpnaas-sdk/node`"));
    expect(named(strategyPart)).toEqual(exportedNames("src/strategy.ts"));
  });

  test("vpnaas-sdk/operations: README names its types and waits; its functions are the table's operations", () => {
    const operationsPart = listed.slice(listed.indexOf("\n`vpnaas-sdk/operations`"));
    const runtime = Object.keys(perOperation);
    expect(named(operationsPart).filter((n) => !runtime.includes(n))).toEqual(exportedNames("src/per-operation.ts"));
    expect(runtime.filter((n) => !(n in operations)).sort()).toEqual(named(operationsPart).filter((n) => n.startsWith("waitFor")));
  });

  test("the runtime exports of the root are all listed", () => {
    const runtime = Object.keys(sdkRoot).sort();
    expect(runtime.filter((n) => !named(rootPart).includes(n))).toEqual([]);
  });
});
