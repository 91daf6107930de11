import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** spec/openapi.yaml, parsed. */
export const spec = parse(readFileSync(join(__dirname, "../../spec/openapi.yaml"), "utf8"));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("password", true);
ajv.addSchema(spec, "openapi");

/** An ajv validator for `components.schemas[name]` of the spec (JSON Schema 2020-12, formats on). */
export function schemaValidator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!validate) throw new Error(`spec has no schema ${name}`);
  return validate;
}
