// Imports flow one way: errors and the request at the bottom, then the layers (transport, retry,
// redirects, auth), then the pipeline and the operation engine (operations/), then the clients.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "..", "src");

/** The layer of each file, from the bottom (0). A new file must be placed here. */
const LAYER: Record<string, number> = {
  "types.ts": 0,
  "errors.ts": 0,
  "redaction.ts": 0,
  "header-redaction.ts": 0,
  "describe-value.ts": 0,
  "network-failure.ts": 0,
  "clock.ts": 0,
  "abortable.ts": 0,
  "request.ts": 1,
  "exchange.ts": 1,
  "secure-url.ts": 1,
  "endpoint-url.ts": 1,
  "validation.ts": 1,
  "transport.ts": 2,
  "retry-policy.ts": 2,
  "retry.ts": 3,
  "redirect.ts": 3,
  "auth/sha256.ts": 2,
  "auth/sign-aksk.ts": 3,
  "auth/keystone-token-provider.ts": 2,
  "auth/strategy.ts": 2,
  "auth/token.ts": 3,
  "auth/aksk.ts": 4,
  "auth/keystone.ts": 3,
  "pipeline.ts": 5,
  "call.ts": 6,
  "session.ts": 6,
  "operations/validate.ts": 2,
  "operations/wait.ts": 2,
  "operations/engine.ts": 7,
  "operations/list.ts": 8,
  "operations/methods.ts": 9,
  "operations/method-types.ts": 9,
  "operations/site-to-site.ts": 10,
  "ipsec-site-connections.ts": 7,
  "core-client.ts": 11,
  "client.ts": 12,
  "index.ts": 13,
  "strategy.ts": 13,
  "per-operation.ts": 13,
  "config/clouds-file.ts": 1,
  "config/config-values.ts": 1,
  "config/regions.ts": 2,
  "config/tls-settings.ts": 2,
  "config/openstack-auth.ts": 5,
  "config/huawei.ts": 5,
  "config/settings.ts": 10,
  "config/tls.ts": 10,
  "node.ts": 14,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith(".ts") ? [relative(SRC, path)] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(join(SRC, file), "utf8");
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)]
    .map((m) => resolve(dirname(join(SRC, file)), m[1]!))
    .map((base) => [`${base}.ts`, join(base, "index.ts")].find(existsSync) ?? `${base}.ts`)
    .filter((path) => path.startsWith(SRC))
    .map((path) => relative(SRC, path));
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe("the import graph of src/", () => {
  test("every file has a layer", () => {
    expect(files.filter((f) => LAYER[f] === undefined)).toEqual([]);
  });

  test("no file imports from a layer above its own", () => {
    const upward = [...graph].flatMap(([file, imports]) => imports.filter((i) => LAYER[i]! > LAYER[file]!).map((i) => `${file} (${LAYER[file]}) → ${i} (${LAYER[i]})`));
    expect(upward).toEqual([]);
  });

  test("has no cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") return void cycles.push([...path.slice(path.indexOf(file)), file].join(" → "));
      state.set(file, "visiting");
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
