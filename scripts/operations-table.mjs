// The operation table (generated/operations.ts) of a parsed spec: per operationId its method, path,
// path and query parameters, request envelope with the attribute rules the client checks before
// sending, response envelope and idempotency. Used by scripts/generate.mjs. Any shape this file
// cannot state exactly throws, naming the operation and the place: nothing is silently skipped.

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
// Keywords that say nothing a client checks: documentation, and defaults the server applies.
const IGNORED = new Set(["description", "summary", "title", "example", "examples", "deprecated", "default", "readOnly", "writeOnly", "externalDocs"]);
// Keywords stated in a rule as they are.
const COPIED = ["enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "format", "pattern"];
const TYPES = new Set(["string", "integer", "number", "boolean", "array", "object"]);

/** The TypeScript source of generated/operations.ts for `doc`. */
export function operationsTable(doc) {
  const ops = operationSpecs(doc);
  const consts = ops.map(([id, spec]) => `export const ${id} = ${JSON.stringify(spec)} as const satisfies OperationSpec;\n`);
  return `${HEADER}${consts.join("")}\n/** Every operation of the spec, by operationId. */\nexport const operations = { ${ops.map(([id]) => id).join(", ")} } as const;\n`;
}

/** `[operationId, spec]` of every operation of `doc`, sorted by operationId. */
export function operationSpecs(doc) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      if (!op.operationId) throw new Error(`generate: ${method.toUpperCase()} ${path} has no operationId`);
      ops.push([op.operationId, operationOf(doc, path, method.toUpperCase(), [...(item.parameters ?? []), ...(op.parameters ?? [])], op)]);
    }
  }
  return ops.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function operationOf(doc, path, method, parameters, op) {
  const where = `${op.operationId} (${method} ${path})`;
  const params = parameters.map((p) => resolve(doc, p, where));
  const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const declared = params.filter((p) => p.in === "path").map((p) => p.name);
  if ([...templated].sort().join() !== [...declared].sort().join()) {
    throw new Error(`generate: ${where}: path parameters ${declared.join(", ") || "(none)"} do not match the path template`);
  }
  for (const p of params.filter((p) => p.in === "path")) {
    const schema = resolve(doc, p.schema, `${where} path parameter ${p.name}`);
    if (schema.type !== "string" || schema.format !== "uuid") throw new Error(`generate: ${where}: path parameter ${p.name} is not a string of format uuid, which the engine checks`);
  }
  const query = params.filter((p) => p.in === "query");
  for (const p of query) {
    if ((p.style ?? "form") !== "form" || p.explode === false) throw new Error(`generate: ${where}: query parameter ${p.name} is not form/explode, the one serialization the engine writes`);
  }
  const other = params.filter((p) => !["path", "query", "header"].includes(p.in));
  if (other.length) throw new Error(`generate: ${where}: parameters in ${other.map((p) => p.in).join(", ")} are not supported`);
  const spec = {
    method,
    path,
    pathParams: templated,
    query: query.map((p) => p.name),
    queryRules: Object.fromEntries(query.map((p) => [p.name, ruleOf(doc, p.schema, `${where} query parameter ${p.name}`)])),
  };
  if (op.requestBody) spec.request = requestOf(doc, op.requestBody, where);
  spec.response = responseOf(doc, op.responses ?? {}, where);
  spec.idempotent = IDEMPOTENT.has(method);
  return spec;
}

/** `{ key, required, properties, secret }` of a JSON body that is an envelope around one object. */
function requestOf(doc, body, where) {
  const content = resolve(doc, body, where).content ?? {};
  const json = content["application/json"];
  if (!json || Object.keys(content).length !== 1) throw new Error(`generate: ${where}: the request body is not application/json alone`);
  const key = envelopeKeyOf(doc, json.schema, `${where} request body`);
  const inner = resolve(doc, resolve(doc, json.schema, where).properties[key], `${where} request body ${key}`);
  const rule = ruleOf(doc, inner, `${where} request body ${key}`);
  if (rule.type !== "object" || !rule.properties) throw new Error(`generate: ${where}: the request body's ${key} is not an object schema with properties`);
  if (rule.additionalProperties !== false) throw new Error(`generate: ${where}: the request body's ${key} is not closed (additionalProperties: false)`);
  const secret = Object.entries(rule.properties).filter(([, r]) => r.format === "password").map(([name]) => name);
  return { key, required: rule.required ?? [], properties: rule.properties, secret };
}

/** The response of the one 2xx status: an object or list envelope, or 204 without content. */
function responseOf(doc, responses, where) {
  const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
  if (success.length !== 1) throw new Error(`generate: ${where}: has ${success.length} 2xx responses; the engine expects exactly one`);
  const response = resolve(doc, responses[success[0]], where);
  if (success[0] === "204") {
    if (response.content) throw new Error(`generate: ${where}: 204 has content`);
    return { kind: "none" };
  }
  const json = response.content?.["application/json"];
  if (!json) throw new Error(`generate: ${where}: ${success[0]} has no application/json content`);
  const members = alternatives(doc, json.schema, `${where} ${success[0]}`);
  const shapes = members.map((schema) => {
    const key = envelopeKeyOf(doc, schema, `${where} ${success[0]}`);
    const value = resolve(doc, schema.properties[key], where);
    if (value.type !== "array") return { kind: "object", key };
    const links = `${key}_links`;
    if (!schema.properties[links]) throw new Error(`generate: ${where}: list envelope ${key} declares no ${links}`);
    return { kind: "list", key, links };
  });
  if (new Set(shapes.map((s) => JSON.stringify(s))).size !== 1) throw new Error(`generate: ${where}: its anyOf/oneOf members are different envelopes`);
  return shapes[0];
}

/** The members of an anyOf/oneOf, each resolved, or the schema alone. */
function alternatives(doc, schema, where) {
  const s = resolve(doc, schema, where);
  const of = s.anyOf ?? s.oneOf;
  return of ? of.map((m) => resolve(doc, m, where)) : [s];
}

/** The one required property of an envelope object. */
function envelopeKeyOf(doc, schema, where) {
  const s = resolve(doc, schema, where);
  if (s.type !== "object" || s.required?.length !== 1 || !s.properties?.[s.required[0]]) throw new Error(`generate: ${where}: not an envelope (an object whose one required property is declared)`);
  return s.required[0];
}

/** What the engine checks of a value: the schema's constraints, $refs resolved, documentation dropped. */
function ruleOf(doc, schema, where, depth = 0) {
  if (depth > 16) throw new Error(`generate: ${where}: nested deeper than 16 levels (a $ref cycle?)`);
  const s = resolve(doc, schema, where);
  const rule = {};
  for (const [k, v] of Object.entries(s)) {
    if (IGNORED.has(k)) continue;
    if (k === "type") {
      const types = Array.isArray(v) ? v : [v];
      const named = types.filter((t) => t !== "null");
      if (named.length !== 1 || !TYPES.has(named[0])) throw new Error(`generate: ${where}: type ${JSON.stringify(v)} is not one type, or one type and "null"`);
      rule.type = named[0];
      if (named.length !== types.length) rule.nullable = true;
    } else if (COPIED.includes(k)) rule[k] = v;
    else if (k === "items") rule.items = ruleOf(doc, v, `${where} items`, depth + 1);
    else if (k === "properties") rule.properties = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, ruleOf(doc, p, `${where}.${n}`, depth + 1)]));
    else if (k === "required") rule.required = v;
    else if (k === "additionalProperties" && v === false) rule.additionalProperties = false;
    // The spec's one vendor keyword: the value must exceed the sibling attribute of that name.
    else if (k === "x-greater-than" && typeof v === "string") rule.greaterThan = v;
    else throw new Error(`generate: ${where}: ${k} ${JSON.stringify(v).slice(0, 60)} is not a rule the engine can check`);
  }
  if (!rule.type && !rule.enum) throw new Error(`generate: ${where}: has neither a type nor an enum`);
  return rule;
}

/** `node`, or what its local `$ref` points to (followed until it is no $ref). */
function resolve(doc, node, where) {
  const seen = [];
  while (node && typeof node.$ref === "string") {
    if (seen.includes(node.$ref)) throw new Error(`generate: ${where}: $ref cycle ${seen.join(" → ")}`);
    seen.push(node.$ref);
    if (!node.$ref.startsWith("#/")) throw new Error(`generate: ${where}: ${node.$ref} is not a local $ref`);
    const target = node.$ref.slice(2).split("/").map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~")).reduce((n, part) => n?.[part], doc);
    if (target === undefined) throw new Error(`generate: ${where}: ${node.$ref} does not exist`);
    node = target;
  }
  if (node === undefined || node === null) throw new Error(`generate: ${where}: missing schema`);
  return node;
}

const HEADER = `// Generated from spec/openapi.yaml by scripts/generate.mjs (scripts/operations-table.mjs). Do not edit.
// One const per operation, so that a bundle keeps only the operations it uses.

/** What the engine checks of one value before sending, from the spec's schema ($refs resolved). */
export interface AttributeRule {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /** The schema's type is [type, "null"]. */
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  /** \`uuid\` is checked; \`password\` marks a secret; others are documentation. */
  readonly format?: string;
  readonly pattern?: string;
  readonly items?: AttributeRule;
  readonly properties?: { readonly [name: string]: AttributeRule };
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  /** \`x-greater-than\`: the value must be greater than this sibling attribute's, when both are given. */
  readonly greaterThan?: string;
}

/** One operation of the spec, as the engine sends it. */
export interface OperationSpec {
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  /** The path template, e.g. \`/v2.0/vpn/ikepolicies/{ikepolicy_id}\`. */
  readonly path: string;
  /** The template's parameters, in order; each a UUID. */
  readonly pathParams: readonly string[];
  /** The query parameters' names, each sent as \`name=value\`, an array's items repeated. */
  readonly query: readonly string[];
  readonly queryRules: { readonly [name: string]: AttributeRule };
  /** The JSON body: \`{ [key]: attributes }\`; \`secret\` names the attributes of format password. */
  readonly request?: {
    readonly key: string;
    readonly required: readonly string[];
    readonly properties: { readonly [name: string]: AttributeRule };
    readonly secret: readonly string[];
  };
  readonly response: { readonly kind: "object"; readonly key: string } | { readonly kind: "list"; readonly key: string; readonly links: string } | { readonly kind: "none" };
  /** Whether the method may be retried without the caller opting in. */
  readonly idempotent: boolean;
}

`;
