#!/usr/bin/env node
// Size budget of the browser bundle (minified + gzipped) of bench/size-entry.ts: a client doing
// getIpsecSiteConnection with token auth and retries. Exits 1 above the budget.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";

export const BUDGET_BYTES = 6 * 1024;
const root = resolve(import.meta.dirname, "..");

/** Minified and gzipped (level 9) size of the browser bundle of `entry`, in bytes. */
export async function bundleSize(entry) {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const code = out.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sdk = await bundleSize("bench/size-entry.ts");
  const reference = await bundleSize("bench/openapi-fetch-entry.ts");
  const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
  console.log(`browser bundle, client + token auth + retries: ${kb(sdk.gzipped)} gzipped (${kb(sdk.minified)} minified); budget ${kb(BUDGET_BYTES)}`);
  console.log(`openapi-fetch alone, same GET:                  ${kb(reference.gzipped)} gzipped (${kb(reference.minified)} minified)`);
  if (sdk.gzipped > BUDGET_BYTES) {
    console.error(`size check failed: ${sdk.gzipped} B > ${BUDGET_BYTES} B`);
    process.exit(1);
  }
}
