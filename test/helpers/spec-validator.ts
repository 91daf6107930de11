import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/**
 * Validates bodies against spec/openapi.yaml with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 * The whole spec is registered as one schema; validators reference into it by JSON pointer, so the
 * spec's own `$ref`s, `required`, enums, formats and bounds all apply. Response objects are open (the
 * spec's compatibility policy): an attribute the spec does not declare is valid, and
 * {@link undeclaredAttributes} lists it, so a test can still refuse drift from a server it knows.
 */
const SPEC_ID = "https://vpnaas-sdk.invalid/openapi.yaml";
const specPath = resolve(__dirname, "../../spec/openapi.yaml");

type Json = Record<string, any>;

export const spec: Json = parse(readFileSync(specPath, "utf8")) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
// ajv-formats accepts any string as `password` already; declared explicitly because the spec relies on it.
ajv.addFormat("password", true);
// The spec's one vendor keyword: `x-greater-than: interval` on `timeout` holds when the object that
// has both members gives a `timeout` greater than its `interval` (a missing one is the server's to fill).
ajv.addKeyword({
  keyword: "x-greater-than",
  type: "number",
  errors: false,
  validate: (other: string, value: number, _schema?: unknown, cxt?: { parentData: Record<string, unknown> }) => {
    const bound = cxt?.parentData?.[other];
    return typeof bound !== "number" || value > bound;
  },
});
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

/** What a response answered: the request's query decides which 200 schema applies. */
export interface AnsweredRequest {
  /** The request's query string (`?fields=id` or `fields=id`), or its path or URL with one; absent = no query. */
  query?: string;
}

const hasFields = (request: AnsweredRequest): boolean => new URLSearchParams((request.query ?? "").replace(/^[^?]*\?/, "")).has("fields");

/**
 * The JSON pointer of the `application/json` schema the spec declares for `operationId` answering
 * `status`. For a 200 to a request without `fields`, the complete envelope the spec names for it
 * ({@link COMPLETE_RESPONSE_WITHOUT_FIELDS}), not the 200's `anyOf` that also admits partial ones.
 */
export function responseSchemaPointer(operationId: string, status: number, request: AnsweredRequest = {}): string {
  const { path, method, op } = operation(operationId);
  const key = op.responses?.[String(status)] ? String(status) : op.responses?.[`${String(status)[0]}XX`] ? `${String(status)[0]}XX` : "default";
  const declared = op.responses?.[key];
  if (!declared) throw new Error(`spec-validator: ${operationId} declares no response for status ${status}`);
  const response = deref(declared, `/paths/${escape(path)}/${method}/responses/${escape(key)}`);
  const media = response.node.content?.["application/json"];
  if (!media?.schema) throw new Error(`spec-validator: ${operationId} ${status} declares no application/json schema`);
  const pointer = `${response.pointer}/content/application~1json/schema`;
  // The spec's convention: a 200 that is `anyOf` envelopes lists first the answer to a request without `fields`.
  if (Array.isArray(media.schema.anyOf) && !hasFields(request)) return deref(media.schema.anyOf[0], `${pointer}/anyOf/0`).pointer;
  return pointer;
}

function operation(operationId: string): { path: string; method: string; op: Json } {
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) if (op?.operationId === operationId) return { path, method, op };
  }
  throw new Error(`spec-validator: no operation ${operationId} in the spec`);
}

/** The operationId of the spec's operation for `method` on `path` (a concrete path, query allowed); undefined if none. */
export function operationAt(method: string, path: string): string | undefined {
  const bare = path.split("?")[0]!;
  for (const [template, item] of Object.entries<Json>(spec.paths ?? {})) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (pattern.test(bare)) return item[method.toLowerCase()]?.operationId;
  }
  return undefined;
}

/** Validates a request body of `operationId` against the spec's `application/json` request schema. */
export function checkRequest(operationId: string, body: unknown): SpecCheck {
  const { path, method, op } = operation(operationId);
  if (!op.requestBody?.content?.["application/json"]?.schema) throw new Error(`spec-validator: ${operationId} declares no request body`);
  return run(`/paths/${escape(path)}/${method}/requestBody/content/application~1json/schema`, body);
}

/**
 * Validates a response body of `operationId` with `status` against the spec; `request.query` tells
 * whether `fields` was sent (without it, a 200 must be complete). Throws if the spec declares no such
 * response.
 */
export function checkResponse(operationId: string, status: number, body: unknown, request: AnsweredRequest = {}): SpecCheck {
  return run(responseSchemaPointer(operationId, status, request), body);
}

/**
 * The JSON paths (`/ipsec_site_connection/availability_zone`) of every object member in `body` that
 * the schema at `pointer` does not declare, looking through `$ref`, `allOf`, `anyOf`, `oneOf`,
 * `properties` and `items`. The spec's responses are open, so these are valid; a test against a
 * server the spec describes exactly (Neutron 21) uses this to refuse drift all the same.
 */
export function undeclaredAttributes(pointer: string, body: unknown): string[] {
  const found: string[] = [];
  const walk = (schemas: Json[], value: unknown, at: string): void => {
    const flat = schemas.flatMap(expand);
    if (Array.isArray(value)) {
      const items = flat.map((s) => s.items).filter(Boolean) as Json[];
      value.forEach((v, i) => walk(items, v, `${at}/${i}`));
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value)) {
      const declared = flat.map((s) => s.properties?.[key]).filter(Boolean) as Json[];
      if (declared.length === 0) found.push(`${at}/${key}`);
      else walk(declared, v, `${at}/${key}`);
    }
  };
  walk([deref({ $ref: `#${pointer}` }, pointer).node], body, "");
  return found;
}

/** A schema and the members of its `allOf`, `anyOf` and `oneOf`, recursively, `$ref`s followed. */
function expand(schema: Json): Json[] {
  const node = deref(schema, "").node;
  return [node, ...(["allOf", "anyOf", "oneOf"] as const).flatMap((k) => ((node[k] ?? []) as Json[]).flatMap(expand))];
}

/** Validates `value` against the schema at `pointer` (a JSON pointer into the spec, e.g. one {@link responseSchemaPointer} gave). */
export function checkAt(pointer: string, value: unknown): SpecCheck {
  return run(pointer, value);
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
