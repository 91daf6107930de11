import { defineConfig } from "tsup";

// ESM and CommonJS builds with matching declarations (.d.ts / .d.cts), so both `import` and
// `require` resolve types correctly (checked by publint and @arethetypeswrong/cli).
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  sourcemap: false,
});
