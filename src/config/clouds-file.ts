import { parseDocument, visit } from "yaml";
import { VpnaasValidationError } from "../errors";

/** A parsed `clouds.yaml` or `secure.yaml`: numbers keep their text (a password `0123` stays "0123"). */
export type ConfigValue = string | boolean | null | undefined | ConfigValue[] | { [key: string]: ConfigValue };

// The `yaml` package's error codes, worded for people; its own messages may quote the file.
const PROBLEMS: Record<string, string> = {
  BAD_INDENT: "bad indentation",
  TAB_AS_INDENT: "a tab used for indentation",
  MISSING_CHAR: 'a missing character (e.g. "key:value" needs a space after the colon)',
  DUPLICATE_KEY: "a key given twice",
  BAD_DQ_ESCAPE: "a bad escape in a double-quoted string",
  MULTILINE_IMPLICIT_KEY: "a key that spans lines",
  BLOCK_AS_IMPLICIT_KEY: "a block used as a key",
  UNEXPECTED_TOKEN: "an unexpected character",
  BAD_SCALAR_START: "a value that cannot start with this character",
  MULTIPLE_DOCS: "more than one document",
};

/**
 * Parses a `clouds.yaml` or `secure.yaml` with the `yaml` package (YAML 1.2, with anchors, aliases
 * and `<<` merge keys). A syntax error names the file, line and column and never quotes the text,
 * so a typo next to a password does not echo it.
 *
 * @throws VpnaasValidationError naming the file and line.
 */
export function parseConfigFile(text: string, path: string): ConfigValue {
  const fail = (line: number | undefined, problem: string): never => {
    throw new VpnaasValidationError("cloud", `${path}${line ? ` line ${line}` : ""}: YAML syntax error: ${problem} (the text is not shown; it may hold a secret). Nothing was sent.`);
  };
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
  const doc = parseDocument(text, {
    merge: true,
    uniqueKeys: true,
    // Stryker disable next-line BooleanLiteral: equivalent, prettyErrors only rewrites the yaml package's error messages (and adds linePos), which are never read here
    prettyErrors: false,
  });
  const error = doc.errors[0];
  if (error) {
    const offset = error.pos[0];
    const column = offset - text.lastIndexOf("\n", offset - 1);
    fail(lineOf(offset), `${PROBLEMS[error.code] ?? error.code.toLowerCase().replace(/_/g, " ")} at column ${column}`);
  }
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) === undefined) fail(node.range ? lineOf(node.range[0]) : undefined, "an alias (*name) whose anchor (&name) is not defined before it");
    },
    Scalar(_key, node) {
      if (
        typeof node.value === "number" ||
        // Stryker disable next-line ConditionalExpression: equivalent, the yaml package gives bigints only with intAsBigInt, not set here (the true variant is killed by the boolean and null tests)
        typeof node.value === "bigint"
      ) {
        // Stryker disable next-line ConditionalExpression: equivalent, a parsed scalar always has its source text (the false variant is killed by 0123)
        node.value = typeof node.source === "string" ? node.source : String(node.value);
      }
    },
  });
  try {
    return doc.toJS({ maxAliasCount: 1000 }) as ConfigValue;
  } catch {
    // Undefined anchors were refused above, so this is too many aliases (a "billion laughs", which
    // the yaml package reports as a ReferenceError too) or a cycle. Its message would quote the alias.
    return fail(undefined, "aliases that cannot be resolved (too many, or circular)");
  }
}
