#!/usr/bin/env node
// The only writer of generated/. Usage: node scripts/generate.mjs [outDir]   (default: generated)
// Everything in generated/ follows from spec/openapi.yaml; scripts/check-generated.mjs regenerates
// into a temporary folder with this same script and compares.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { operationDocs } from "./operation-docs.mjs";
import { operationFunctions } from "./operation-functions.mjs";
import { operationsTable } from "./operations-table.mjs";

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
//   --default-non-nullable false
//                  a property is present when the spec's `required` says so, not because it has a
//                  `default`: a request may leave out what Neutron defaults (`IkePolicyCreate.pfs`),
//                  and an answer with `fields` may lack it (`IkePolicyAttributes.pfs`). Complete
//                  objects (`IkePolicy`) list every attribute in `required`.
//   (defaults kept) no --enum: TS enums are runtime objects users would have to import; string
//                  unions are enough. No --immutable: callers may want to mutate what they fetched.
run(bin("openapi-typescript"), [spec, "--enum-values", "--default-non-nullable", "false", "-o", join(outDir, "openapi.ts"), "--silent"]);

// The spec, read once for what follows.
const doc = parse(readFileSync(spec, "utf8"));
// The operation table the client's methods come from (see scripts/operations-table.mjs).
writeFileSync(join(outDir, "operations.ts"), operationsTable(doc));
// The functions of vpnaas-sdk/operations, one per operation (see scripts/operation-functions.mjs).
writeFileSync(join(outDir, "operation-functions.ts"), operationFunctions(doc));
// Each generated method's documentation, from the spec (see scripts/operation-docs.mjs).
writeFileSync(join(outDir, "operation-docs.ts"), operationDocs(doc));

// The reviewers' HTML reference, by openapi-generator's html2 generator, with the templates of
// scripts/html2-templates/ in place of html2's own where they differ (each says what it changes and
// why: no description can break the page's scripts, examples shown, one auth scheme per sample
// request, no generator defaults in the footer). html2 reads a copy of the spec with two rewrites
// it needs, nothing else differs: the `#/components/examples/...` references replaced by the
// examples (html2 does not resolve an example's `$ref`), and each component schema made of `allOf`
// merged into one object schema (html2's schema viewer looks `required` names up in the schema's own
// `properties` and throws a TypeError for IpsecSiteConnection, whose properties are in its `allOf`),
// and each `$ref` to a component schema that is not an object (`Links`, the enums such as `Status`)
// replaced by that schema (html2 defines only object schemas in its page, so the viewer's
// dereferencing of every schema fails on the first such `$ref`).
// Each example's value is also handed over as its JSON text: html2 prints an example value with Java's
// toString, JSON for some and `{key=value}` for others (those under components/responses).
// It writes bookkeeping files (.openapi-generator/) next to the page; only the page is kept.
const scratch = mkdtempSync(join(tmpdir(), "vpnaas-html2-"));
try {
  const html2Spec = join(scratch, "openapi.json");
  writeFileSync(html2Spec, JSON.stringify(inlineNonObjectSchemas(mergeAllOf(inlineExampleRefs(doc)))));
  const out = join(scratch, "out");
  run(bin("openapi-generator-cli"), ["generate", "-g", "html2", "-i", html2Spec, "-o", out, "-t", join(root, "scripts/html2-templates")]);
  const html = readFileSync(join(out, "index.html"), "utf8");
  const banner = "<!-- Generated from spec/openapi.yaml by scripts/generate.mjs (openapi-generator html2). Do not edit. -->\n";
  writeFileSync(join(outDir, "reference.html"), banner + html);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The spec with every `{ $ref: "#/components/examples/<name>" }` replaced by that example, its value as JSON text. */
function inlineExampleRefs(doc) {
  const examples = doc.components?.examples ?? {};
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const ref = typeof node.$ref === "string" && /^#\/components\/examples\/([^/]+)$/.exec(node.$ref);
    if (ref) {
      if (!examples[ref[1]]) throw new Error(`generate: ${node.$ref} does not exist`);
      return { ...examples[ref[1]], value: JSON.stringify(examples[ref[1]].value) };
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return walk(doc);
}

/** The spec with every `{ $ref: "#/components/schemas/<name>" }` of a non-object schema replaced by that schema, its siblings kept. */
function inlineNonObjectSchemas(doc) {
  const schemas = doc.components?.schemas ?? {};
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const ref = typeof node.$ref === "string" && /^#\/components\/schemas\/([^/]+)$/.exec(node.$ref);
    if (ref && schemas[ref[1]] && schemas[ref[1]].type !== "object") return walk({ ...schemas[ref[1]], ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== "$ref")) });
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return walk(doc);
}

/**
 * The spec with each component schema that has `allOf` (of `$ref`s to object schemas) replaced by one
 * object schema: the members' properties and `required` merged with its own, its own description.
 */
function mergeAllOf(doc) {
  const schemas = doc.components?.schemas ?? {};
  const merged = (name, seen = []) => {
    const schema = schemas[name];
    if (!schema?.allOf) return schema;
    if (seen.includes(name)) throw new Error(`generate: allOf cycle through ${name}`);
    const { allOf, ...own } = schema;
    const parts = allOf.map((member) => {
      const ref = /^#\/components\/schemas\/([^/]+)$/.exec(member.$ref ?? "");
      if (!ref || Object.keys(member).length !== 1) throw new Error(`generate: ${name}: html2's copy merges allOf of plain $refs only`);
      return merged(ref[1], [...seen, name]);
    });
    const required = [...new Set([...parts.flatMap((p) => p.required ?? []), ...(own.required ?? [])])];
    return {
      ...Object.assign({}, ...parts.map(({ description, required: _r, properties: _p, ...rest }) => rest)),
      ...own,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), own.properties ?? {}),
      ...(required.length ? { required } : {}),
    };
  };
  return { ...doc, components: { ...doc.components, schemas: Object.fromEntries(Object.keys(schemas).map((n) => [n, merged(n)])) } };
}
