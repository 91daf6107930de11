import { boundedJson, limitText } from "./redaction";

/**
 * A short description of any value for a validation message: strings quoted as JSON, objects and
 * arrays as compact JSON with secret members `[REDACTED]`, and what JSON cannot write as a reader
 * would want it (`1n`, `NaN`, `undefined`, `Symbol(x)`, `function`, `"[Circular]"`). At most
 * `maxLength` characters (default 64) plus `…`.
 *
 * Never throws, so that a message about a bad value cannot fail on that value: not on a BigInt or
 * a cycle (where JSON.stringify throws a TypeError), nor on a getter or a Proxy that throws (then
 * it says only `an object`). A huge string or array costs no more than a short one.
 */
export function describeValue(value: unknown, maxLength = 64): string {
  try {
    return limitText(boundedJson(value, maxLength), maxLength);
  } catch {
    // Only reading an object's members runs foreign code; `typeof` never throws.
    return "an object";
  }
}

/**
 * The first `max` (default 5) of `values` described by {@link describeValue}, comma-separated,
 * then how many more there are: `"a", "b", … and 1,234 more`. Its length does not grow with
 * `values`.
 */
export function listValues(values: readonly unknown[], max = 5): string {
  const shown = values.slice(0, max).map((v) => describeValue(v));
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(", ")}, … and ${String(more).replace(/\B(?=(\d{3})+$)/g, ",")} more` : shown.join(", ");
}
