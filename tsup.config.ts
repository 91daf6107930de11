import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defineConfig } from "tsup";

/**
 * openapi-fetch (for `client.api`) is bundled into dist rather than imported at run time: its own
 * module and the bare-specifier resolution that finds it cost ~2–3 ms of every cold start
 * (bench/cold-start.mjs), for a ~17 kB file. The package still depends on it, for the `Client`
 * type in the declarations. Its MIT notice ships next to the code, in dist/, rather than inline,
 * where it would follow even the bundles of apps that leave openapi-fetch out
 * (createVpnaasCoreClient).
 */
const openapiFetchLicense = {
  name: "openapi-fetch-license",
  setup(build: { onEnd: (done: () => Promise<void>) => void }) {
    build.onEnd(async () => {
      const from = join(process.cwd(), "node_modules/openapi-fetch");
      const { version, homepage } = JSON.parse(await readFile(join(from, "package.json"), "utf8")) as { version: string; homepage: string };
      const license = await readFile(join(from, "LICENSE"), "utf8");
      await mkdir("dist", { recursive: true });
      await writeFile("dist/openapi-fetch.LICENSE.txt", `The dist files of this package include openapi-fetch ${version} (${homepage}), under this license:\n\n${license}`);
    });
  },
};

// ESM and CommonJS builds with matching declarations (.d.ts / .d.cts), so both `import` and
// `require` resolve types correctly (checked by publint and @arethetypeswrong/cli).
export default defineConfig({
  // `node` (vpnaas-sdk/node) reads clouds.yaml and the environment; `index` must stay browser-safe.
  entry: { index: "src/index.ts", node: "src/node.ts", strategy: "src/strategy.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  sourcemap: false,
  noExternal: ["openapi-fetch"],
  esbuildPlugins: [openapiFetchLicense],
});
