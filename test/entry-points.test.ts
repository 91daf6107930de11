import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Every file reachable from `entry` through static imports, with the bare specifiers each imports. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1]!);
    seen.set(file, specifiers.filter((s) => !s.startsWith(".")));
    for (const s of specifiers.filter((x) => x.startsWith("."))) {
      const base = resolve(dirname(file), s);
      visit([`${base}.ts`, join(base, "index.ts")].find(existsSync) ?? `${base}.ts`);
    }
  };
  visit(resolve(__dirname, "..", entry));
  return seen;
}

describe("entry points", () => {
  test("the root entry point reaches no node: module and no dependency but openapi-fetch, so it runs in browsers", () => {
    const graph = importGraph("src/index.ts");
    expect(graph.size).toBeGreaterThan(5);
    const bare = [...new Set([...graph.values()].flat())];
    expect(bare.sort()).toEqual(["openapi-fetch"]);
  });

  test("vpnaas-sdk/operations reaches no node: module and no dependency at all, not even openapi-fetch", () => {
    const graph = importGraph("src/per-operation.ts");
    expect(graph.size).toBeGreaterThan(5);
    expect([...graph.values()].flat()).toEqual([]);
  });

  test("the node entry point is where node:fs, yaml (clouds.yaml) and undici (TLS settings) are used", () => {
    const graph = importGraph("src/node.ts");
    const bare = new Set([...graph.values()].flat());
    expect(bare).toContain("node:fs");
    expect(bare).toContain("yaml");
    expect([...bare].filter((s) => !s.startsWith("node:")).sort()).toEqual(["openapi-fetch", "undici", "yaml"]);
    // undici only where the TLS agent is made.
    expect([...graph].filter(([, specifiers]) => specifiers.includes("undici")).map(([file]) => file.replace(/.*\/src\//, ""))).toEqual(["config/tls.ts"]);
  });
});
