import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/**
 * Validates bodies against spec/openapi.yaml with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 * The whole spec is registered as one schema; validators reference into it by JSON pointer, so the
 * spec's own `$ref`s, `additionalProperties: false`, enums, formats and bounds all apply.
 */
const SPEC_ID = "https://vpnaas-sdk.invalid/openapi.yaml";
const specPath = resolve(__dirname, "../../spec/openapi.yaml");

type Json = Record<string, any>;

export const spec: Json = parse(readFileSync(specPath, "utf8")) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
// ajv-formats accepts any string as `password` already; declared explicitly because the spec relies on it.
ajv.addFormat("password", true);
ajv.addSchema(spec, SPEC_ID);

const compiled = new Map<string, ValidateFunction>();
function validatorFor(pointer: string): ValidateFunction {
  let v = compiled.get(pointer);
  if (!v) {
    v = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    compiled.set(pointer, v);
  }
  return v;
}

const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Follows `$ref: "#/..."` inside the spec; returns the target and its JSON pointer. */
function deref(node: Json, pointer: string): { node: Json; pointer: string } {
  while (node && typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    pointer = node.$ref.slice(1);
    node = pointer
      .split("/")
      .slice(1)
      .reduce((n: Json, key) => n?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  if (!node) throw new Error(`spec-validator: nothing at #${pointer}`);
  return { node, pointer };
}

export interface SpecCheck {
  valid: boolean;
  /** ajv's errors, one line each, e.g. `/ipsec_site_connection must NOT have additional properties (extra: "foo")`. */
  errors: string[];
}

function run(pointer: string, body: unknown): SpecCheck {
  const validate = validatorFor(pointer);
  const valid = validate(body) as boolean;
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
}

function describe(e: ErrorObject): string {
  const extra = e.keyword === "additionalProperties" ? ` (extra: ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)})` : "";
  return `${e.instancePath || "/"} ${e.message ?? e.keyword}${extra} [${e.schemaPath}]`;
}

/** The JSON pointer of the `application/json` schema the spec declares for `operationId` answering `status`. */
export function responseSchemaPointer(operationId: string, status: number): string {
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (op?.operationId !== operationId) continue;
      const declared = op.responses?.[String(status)] ?? op.responses?.[`${String(status)[0]}XX`] ?? op.responses?.default;
      if (!declared) throw new Error(`spec-validator: ${operationId} declares no response for status ${status}`);
      const base = `/paths/${escape(path)}/${method}/responses/${escape(String(status))}`;
      const response = deref(declared, base);
      const media = response.node.content?.["application/json"];
      if (!media?.schema) throw new Error(`spec-validator: ${operationId} ${status} declares no application/json schema`);
      return `${response.pointer}/content/application~1json/schema`;
    }
  }
  throw new Error(`spec-validator: no operation ${operationId} in the spec`);
}

/** Validates a response body of `operationId` with `status` against the spec. Throws if the spec declares no such response. */
export function checkResponse(operationId: string, status: number, body: unknown): SpecCheck {
  return run(responseSchemaPointer(operationId, status), body);
}

/** Validates `value` against `#/components/schemas/<name>`. */
export function checkSchema(name: string, value: unknown): SpecCheck {
  if (!spec.components?.schemas?.[name]) throw new Error(`spec-validator: no schema ${name} in the spec`);
  return run(`/components/schemas/${escape(name)}`, value);
}

/**
 * The schema `#/components/schemas/<name>`, then its property `path[1]`, and so on, with `$ref`s
 * followed; a property is also looked up in the `allOf` members (IpsecSiteConnection's live in
 * IpsecSiteConnectionAttributes). For enum, default and bound checks against the server.
 */
export function schemaNode(...path: string[]): Json {
  let node = deref(spec.components.schemas[path[0]!], `/components/schemas/${escape(path[0]!)}`).node;
  for (const key of path.slice(1)) {
    const holder = [node, ...((node.allOf ?? []) as Json[]).map((m) => deref(m, "").node)].find((n) => n.properties?.[key]);
    if (!holder) throw new Error(`spec-validator: no property ${key} in ${path.join(".")}`);
    node = deref(holder.properties[key], "").node;
  }
  return node;
}

/** The property names of a schema, including those of its `allOf` members. */
export function schemaProperties(name: string): Record<string, Json> {
  const node = schemaNode(name);
  return Object.assign({}, ...((node.allOf ?? []) as Json[]).map((m) => deref(m, "").node.properties ?? {}), node.properties ?? {});
}

/** Jest-friendly: throws with every ajv error when `check` failed. */
export function assertValid(check: SpecCheck, what: string): void {
  if (!check.valid) throw new Error(`${what} does not match the spec:\n  ${check.errors.join("\n  ")}`);
}

/** An ajv validator for `#/components/schemas/<name>` (ajv's own function, with `.errors`). */
export function schemaValidator(name: string): ValidateFunction {
  if (!spec.components?.schemas?.[name]) throw new Error(`spec-validator: no schema ${name} in the spec`);
  return validatorFor(`/components/schemas/${escape(name)}`);
}
