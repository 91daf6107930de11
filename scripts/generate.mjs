#!/usr/bin/env node
// The only writer of generated/. Usage: node scripts/generate.mjs [outDir]   (default: generated)
// Everything in generated/ follows from spec/openapi.yaml; scripts/check-generated.mjs regenerates
// into a temporary folder with this same script and compares.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const spec = join(root, "spec/openapi.yaml");
const outDir = resolve(process.argv[2] ?? join(root, "generated"));
const bin = (name) => join(root, "node_modules/.bin", name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });

mkdirSync(outDir, { recursive: true });

// openapi-typescript flags:
//   --enum-values  also emits `ReadonlyArray` value lists for each enum, so the client can check
//                  input (e.g. `fields`) against the spec at run time without re-declaring values;
//                  unused lists are tree-shaken out of bundles.
//   (defaults kept) no --enum: TS enums are runtime objects users would have to import; string
//                  unions are enough. No --immutable: callers may want to mutate what they fetched.
//                  --default-non-nullable is already on in v7: fields with defaults are present.
run(bin("openapi-typescript"), [spec, "--enum-values", "-o", join(outDir, "openapi.ts"), "--silent"]);

// The reviewers' HTML reference, by openapi-generator's html2 generator. It writes bookkeeping
// files (.openapi-generator/) next to the page; only the page is kept.
const scratch = mkdtempSync(join(tmpdir(), "vpnaas-html2-"));
try {
  run(bin("openapi-generator-cli"), ["generate", "-g", "html2", "-i", spec, "-o", scratch]);
  const html = readFileSync(join(scratch, "index.html"), "utf8");
  const banner = "<!-- Generated from spec/openapi.yaml by scripts/generate.mjs (openapi-generator html2). Do not edit. -->\n";
  writeFileSync(join(outDir, "reference.html"), banner + html);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
