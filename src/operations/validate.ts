import type { AttributeRule, OperationSpec } from "../../generated/operations";
import { describeValue, listValues } from "../describe-value";
import { VpnaasValidationError } from "../errors";
import { UUID } from "../validation";

// What Neutron would refuse, checked before sending by the rules the generator took from the
// spec. A secret's value (psk) is never described: a message says only that it is not shown.

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const TYPE_CHECKS: Record<NonNullable<AttributeRule["type"]>, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  // Number.isFinite converts nothing: it is true for finite numbers only.
  number: (v) => Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  array: Array.isArray,
  object: isPlainObject,
};

/** Why `value` breaks `rule`, or undefined. `at` names the place, e.g. `dpd.interval`; the value is only shown if not `secret`. */
export function problemOf(rule: AttributeRule, value: unknown, at: string, secret = false): string | undefined {
  const shown = () => (secret ? "a secret value (not shown)" : describeValue(value));
  if (value === null) return rule.nullable ? undefined : `${at} must not be null`;
  if (rule.type && !TYPE_CHECKS[rule.type](value)) return `${at} must be ${rule.type === "integer" ? "an integer" : `a${rule.type === "array" || rule.type === "object" ? "n" : ""} ${rule.type}`}, got ${shown()}`;
  if (rule.enum && !rule.enum.includes(value)) return `${at} must be one of ${listValues(rule.enum, 12)}, got ${shown()}`;
  if (typeof value === "string") {
    const length = [...value].length;
    if (rule.maxLength !== undefined && length > rule.maxLength) return `${at} must be at most ${rule.maxLength} characters, got ${length}`;
    if (rule.minLength !== undefined && length < rule.minLength) return `${at} must be at least ${rule.minLength} characters, got ${length}`;
    if (rule.format === "uuid" && !UUID.test(value)) return `${at} must be a UUID, got ${shown()}`;
    if (rule.pattern !== undefined && !new RegExp(rule.pattern, "u").test(value)) return `${at} must match ${rule.pattern}, got ${shown()}`;
  }
  if (typeof value === "number") {
    if (rule.minimum !== undefined && value < rule.minimum) return `${at} must be ≥ ${rule.minimum}, got ${shown()}`;
    if (rule.maximum !== undefined && value > rule.maximum) return `${at} must be ≤ ${rule.maximum}, got ${shown()}`;
    if (rule.exclusiveMinimum !== undefined && value <= rule.exclusiveMinimum) return `${at} must be > ${rule.exclusiveMinimum}, got ${shown()}`;
    if (rule.exclusiveMaximum !== undefined && value >= rule.exclusiveMaximum) return `${at} must be < ${rule.exclusiveMaximum}, got ${shown()}`;
  }
  if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems) return `${at} must have at least ${rule.minItems} item(s), got ${value.length}`;
    if (rule.maxItems !== undefined && value.length > rule.maxItems) return `${at} must have at most ${rule.maxItems} items, got ${value.length}`;
    for (const [i, item] of value.entries()) {
      const problem = rule.items && problemOf(rule.items, item, `${at}[${i}]`, secret);
      if (problem) return problem;
    }
    // Items are valid JSON values by now; objects compared by their (bounded) JSON text.
    if (rule.uniqueItems && new Set(value.map((v) => (typeof v === "object" && v !== null ? describeValue(v, 4096) : v))).size !== value.length) return `${at} must not repeat an item`;
  }
  // Stryker disable next-line ArrayDeclaration: equivalent, nested members are never secret and no rule has an attribute named like the replacement, so no member is hidden either way
  if (isPlainObject(value) && rule.properties) return objectProblem(rule.properties, rule.required ?? [], rule.additionalProperties === false, value, `${at}.`, []);
  return undefined;
}

/** Why `value` breaks an object schema: unknown members (when closed), missing required ones, or a member's value. */
function objectProblem(
  properties: { readonly [name: string]: AttributeRule },
  required: readonly string[],
  closed: boolean,
  value: Record<string, unknown>,
  prefix: string,
  secret: readonly string[],
): string | undefined {
  // `undefined` members are not sent (JSON has no undefined): they count as absent.
  const given = Object.keys(value).filter((k) => value[k] !== undefined);
  const unknown = closed ? given.filter((k) => !Object.hasOwn(properties, k)) : [];
  if (unknown.length) return `${prefix}${listValues(unknown)} ${unknown.length === 1 ? "is not an attribute" : "are not attributes"} this operation accepts; it accepts ${Object.keys(properties).join(", ")}`;
  const missing = required.filter((k) => value[k] === undefined);
  if (missing.length) return `${prefix || "attributes "}${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required`;
  for (const name of given) {
    const rule = properties[name];
    // An open object's other members have no rule here: the server judges them.
    if (rule === undefined) continue;
    const problem = problemOf(rule, value[name], `${prefix}${name}`, secret.includes(name));
    if (problem) return problem;
    // Checked when both are sent; otherwise the server compares with its default or stored value.
    const other = rule.greaterThan;
    if (other !== undefined && typeof value[other] === "number" && !((value[name] as number) > (value[other] as number))) {
      return `${prefix}${name} must be greater than ${prefix}${other} (${value[other] as number}), got ${value[name] as number}`;
    }
  }
  return undefined;
}

/**
 * Checks a create or update body's inner object against the operation's request rules.
 *
 * @throws VpnaasValidationError naming `parameter` (e.g. `attributes`); nothing was sent.
 */
export function checkBody(request: NonNullable<OperationSpec["request"]>, value: unknown, parameter: string): Record<string, unknown> {
  const problem = readable(parameter, () =>
    isPlainObject(value) ? objectProblem(request.properties, request.required, true, value, "", request.secret) : `${parameter} must be an object of attributes, got ${describeValue(value)}`,
  );
  if (problem) throw new VpnaasValidationError(parameter, `${problem}; nothing was sent.`);
  return value as Record<string, unknown>;
}

/** `check()`, or, when reading the caller's value throws (a Proxy, a getter), a problem saying so rather than that exception. */
function readable(parameter: string, check: () => string | undefined): string | undefined {
  try {
    return check();
  } catch {
    return `${parameter} could not be read (a getter or Proxy threw)`;
  }
}

/**
 * The query string (`?a=1&b=x&b=y`, or "") of `query`: each name one the operation declares, each
 * value by its rule, an array's items repeated as Neutron reads them (repeated filters are OR).
 *
 * @throws VpnaasValidationError naming the parameter at fault; nothing was sent.
 */
export function queryString(spec: Pick<OperationSpec, "query" | "queryRules">, query: unknown): string {
  if (query === undefined || query === null) return "";
  let entries: [string, unknown][] = [];
  const unreadable = readable("query", () => (isPlainObject(query) ? void (entries = Object.entries(query)) : `query must be an object of parameters, got ${describeValue(query)}`));
  if (unreadable) throw new VpnaasValidationError("query", `${unreadable}; nothing was sent.`);
  const parts: string[] = [];
  for (const [name, raw] of entries) {
    if (raw === undefined) continue;
    const rule = Object.hasOwn(spec.queryRules, name) ? spec.queryRules[name] : undefined;
    if (!rule) throw new VpnaasValidationError(name, `${describeValue(name)} is not a query parameter of this operation; it takes ${spec.query.join(", ")}. Nothing was sent.`);
    // A repeated name in a list is harmless and Neutron ignores it: dropped, not refused.
    const value = Array.isArray(raw) && rule.uniqueItems ? [...new Set(raw)] : raw;
    const problem = readable(name, () => problemOf(rule, value, name));
    if (problem) throw new VpnaasValidationError(name, `${problem}; nothing was sent.`);
    for (const item of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/**
 * A get's query string: its one parameter, `fields` (each get's `query` is `["fields"]`, an array
 * of distinct names from an enum; test/operations-validate.test.ts holds every get to that). The
 * same checks and messages as {@link queryString}, without the generic checker, so that a bundle
 * that only gets leaves that checker out. `query` holds only the operation's parameters.
 *
 * @throws VpnaasValidationError naming `fields`; nothing was sent.
 */
export function fieldsQuery(spec: Pick<OperationSpec, "queryRules">, query: Record<string, unknown> | undefined): string {
  const raw = query?.fields;
  if (raw === undefined) return "";
  // Repeated names dropped first, as queryString does.
  const value: unknown = Array.isArray(raw) ? [...new Set(raw)] : raw;
  // Nothing below runs the caller's code (describeValue never throws): no readable() needed.
  const problem = fieldsProblem(spec.queryRules.fields!, value);
  if (problem) throw new VpnaasValidationError("fields", `${problem}; nothing was sent.`);
  return `?${(value as string[]).map((name) => `fields=${encodeURIComponent(name)}`).join("&")}`;
}

/** Why `value` is not a list of names `rule` allows: {@link problemOf}'s words for an array of enum strings. */
function fieldsProblem(rule: AttributeRule, value: unknown): string | undefined {
  if (value === null) return "fields must not be null";
  if (!Array.isArray(value)) return `fields must be an array, got ${describeValue(value)}`;
  if (value.length < rule.minItems!) return `fields must have at least ${rule.minItems} item(s), got ${value.length}`;
  if (value.length > rule.maxItems!) return `fields must have at most ${rule.maxItems} items, got ${value.length}`;
  const names = rule.items!.enum!;
  for (const [i, item] of value.entries()) {
    if (item === null) return `fields[${i}] must not be null`;
    if (typeof item !== "string") return `fields[${i}] must be a string, got ${describeValue(item)}`;
    if (!names.includes(item)) return `fields[${i}] must be one of ${listValues(names, 12)}, got ${describeValue(item)}`;
  }
  return undefined;
}
