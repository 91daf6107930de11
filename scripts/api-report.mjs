#!/usr/bin/env node
// The public TypeScript surface of vpnaas-sdk, reviewed like the spec: API Extractor reports of the
// built declarations of each entry point ("." → review/vpnaas-sdk.api.md, "./node" →
// review/vpnaas-sdk-node.api.md, "./operations" → review/vpnaas-sdk-operations.api.md; configs
// api-extractor.json, api-extractor.node.json and api-extractor.operations.json).
//
//   npm run api:report   build, then rewrite review/*.api.md (commit them with the change that caused them)
//   npm run api:check    build, then fail if review/*.api.md is not what the build exports
//   node scripts/api-report.mjs [--local] [--dist <dir>] [--review <dir>]   (what both run; the tests use the options)
//
// A spec edit changes generated/openapi.ts, whose types the SDK exports: the reports' diff shows a
// reviewer what the edit changes for SDK users, next to the spec's own diff.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? resolve(args[args.indexOf(name) + 1]) : undefined);
const local = args.includes("--local");
const dist = option("--dist") ?? join(root, "dist");
const review = option("--review") ?? join(root, "review");
const CONFIGS = ["api-extractor.json", "api-extractor.node.json", "api-extractor.operations.json"];
const rel = (p) => relative(root, p) || p;

/** The config of `file`, reading the declarations from `dist` and comparing with the reports in `review`. */
function prepare(file) {
  const path = join(root, file);
  const configObject = ExtractorConfig.loadFile(path);
  configObject.mainEntryPointFilePath = configObject.mainEntryPointFilePath.replace("<projectFolder>/dist", dist);
  configObject.compiler.overrideTsconfig.include = [join(dist, "*.d.ts")];
  configObject.apiReport.reportFolder = review;
  return ExtractorConfig.prepare({ configObject, configObjectFullPath: path, packageJsonFullPath: join(root, "package.json") });
}

const stale = [];
for (const file of CONFIGS) {
  const config = prepare(file);
  if (!existsSync(config.mainEntryPointFilePath)) {
    console.error(`api-report: ${rel(config.mainEntryPointFilePath)} does not exist: run \`npm run build\` first.`);
    process.exit(2);
  }
  const errors = [];
  const result = Extractor.invoke(config, {
    localBuild: local,
    messageCallback: (message) => {
      if (message.logLevel === "error" || message.logLevel === "warning") errors.push(`${message.logLevel}: ${message.messageId}: ${message.text}`);
      message.handled = true; // the outcome is reported below, in this script's words
    },
  });
  const { fileName } = config.reportConfigs[0];
  const committed = join(config.reportFolder, fileName);
  const fresh = join(config.reportTempFolder, fileName);
  if (errors.length) console.error(errors.map((t) => `api-report: ${file}: ${t}`).join("\n"));
  if (result.apiReportChanged && !local) {
    stale.push({ committed, fresh });
  } else if (!result.succeeded) {
    console.error(`api-report: API Extractor failed on ${file} (${result.errorCount} error(s)).`);
    process.exit(2);
  } else {
    console.log(`api-report: ${rel(committed)} ${local ? (result.apiReportChanged ? "updated" : "unchanged") : "matches the public API"}`);
  }
}

if (stale.length) {
  for (const { committed, fresh } of stale) {
    const diff = spawnSync("diff", ["-u", "--label", rel(committed), "--label", "what the build exports", committed, fresh], { encoding: "utf8" }).stdout ?? "";
    const lines = diff.trimEnd().split("\n");
    console.error(lines.slice(0, 120).join("\n") + (lines.length > 120 ? `\n… (${lines.length - 120} more lines)` : ""));
    console.error(`api-report: the public API of vpnaas-sdk changed, and ${rel(committed)} does not show it.`);
  }
  console.error("api-report: run `npm run api:report` and commit review/*.api.md with the change: their diff is what SDK users see change.");
  process.exit(1);
}
