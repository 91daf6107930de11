#!/usr/bin/env node
// Fails when generated/ is not exactly what scripts/generate.mjs makes from the current spec.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const committed = join(root, "generated");
const fresh = mkdtempSync(join(tmpdir(), "vpnaas-generated-"));
try {
  execFileSync(process.execPath, [join(root, "scripts/generate.mjs"), fresh], { stdio: "inherit" });
  const names = [...new Set([...readdirSync(committed), ...readdirSync(fresh)])].sort();
  const stale = names.filter((name) => {
    try {
      return !readFileSync(join(committed, name)).equals(readFileSync(join(fresh, name)));
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`generated/ is stale: ${stale.join(", ")} differ from what spec/openapi.yaml gives.`);
    console.error("Run `npm run generate` and commit the result; never edit generated/ by hand.");
    process.exit(1);
  }
  console.log(`generated/ is up to date (${names.length} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
