import { defineConfig } from "tsup";

// ESM and CommonJS builds with matching declarations (.d.ts / .d.cts), so both `import` and
// `require` resolve types correctly (checked by publint and @arethetypeswrong/cli).
export default defineConfig({
  // `node` (vpnaas-sdk/node) reads clouds.yaml and the environment; `index` must stay browser-safe.
  // `operations` (vpnaas-sdk/operations): one function per operation, for bundles that tree-shake.
  entry: { index: "src/index.ts", node: "src/node.ts", strategy: "src/strategy.ts", operations: "src/per-operation.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  sourcemap: false,
});
