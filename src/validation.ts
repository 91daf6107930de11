import { describeValue } from "./describe-value";
import { VpnaasValidationError } from "./errors";

// Canonical 8-4-4-4-12 hex UUID, any version, either case. Checked before sending because
// openapi-fetch turns "" into the collection URL and undefined into a literal "{connection_id}",
// and an id holding "/" or ".." would address another resource.
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns `value` if it is a UUID string, else throws {@link VpnaasValidationError} naming `parameter`. */
export function requireUuid(parameter: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new VpnaasValidationError(parameter, `${parameter} must be a UUID string, got ${describeValue(value)}; nothing was sent.`);
  }
  if (!UUID.test(value)) {
    throw new VpnaasValidationError(parameter, `${parameter} must be a UUID like 851f280f-5639-4ea3-81aa-e298525ab74b, got ${describeValue(value)}; nothing was sent.`);
  }
  return value;
}
