#!/usr/bin/env node
// Size of the browser bundle (minified + gzipped) of bench/size-entry.ts: a client doing
// getIpsecSiteConnection with token auth and retries.
//
// BUDGET_BYTES is the target (issue 6: 6 kB). It is not met yet: openapi-fetch alone is 2.66 kB and
// the retry layer, the error classes and the input checks take ~5 kB more. Until a decision is made
// (a larger budget, or terser errors and retries), CI fails only above CEILING_BYTES, so the bundle
// cannot grow unnoticed; the output always says where it stands against the target.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";

export const BUDGET_BYTES = 6 * 1024;
export const CEILING_BYTES = 8 * 1024;
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
  const verdict = sdk.gzipped <= BUDGET_BYTES ? "within" : `OVER by ${kb(sdk.gzipped - BUDGET_BYTES)}:`;
  console.log(`browser bundle, client + token auth + retries: ${kb(sdk.gzipped)} gzipped (${kb(sdk.minified)} minified); ${verdict} the ${kb(BUDGET_BYTES)} target; CI ceiling ${kb(CEILING_BYTES)}`);
  console.log(`openapi-fetch alone, same GET:                  ${kb(reference.gzipped)} gzipped (${kb(reference.minified)} minified)`);
  if (sdk.gzipped > CEILING_BYTES) {
    console.error(`size check failed: ${sdk.gzipped} B > ${CEILING_BYTES} B`);
    process.exit(1);
  }
}
