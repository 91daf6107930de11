// generated/operation-docs.ts of a parsed spec: an interface with one member per operation, each
// with the TSDoc the spec gives it (method and path, summary, the description's first paragraph),
// typed by its parameter `M` (the client's methods, src/operations/method-types.ts). The clients'
// types extend it, so TypeDoc and editors show every generated method with its documentation.
import { operationSpecs } from "./operations-table.mjs";

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Text made safe inside a TSDoc block: no comment end, no tag at a line's start, no bare `@`. */
const safe = (text) => text.replace(/\*\//g, "*\\/").replace(/@/g, "\\@").trim();

/** The TypeScript source of generated/operation-docs.ts for `doc`. */
export function operationDocs(doc) {
  const byId = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) if (METHODS.includes(method) && op.operationId) byId.set(op.operationId, { method: method.toUpperCase(), path, op });
  }
  const members = operationSpecs(doc).map(([id]) => {
    const { method, path, op } = byId.get(id);
    const first = (op.description ?? "").split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, " ");
    const lines = [`\`${method} ${path}\`: ${safe(op.summary ?? id)}.`, ...(first ? ["", ...wrap(safe(first))] : [])];
    return `  /**\n${lines.map((l) => `   *${l ? ` ${l}` : ""}`).join("\n")}\n   */\n  ${id}: M["${id}"];\n`;
  });
  return `// Generated from spec/openapi.yaml by scripts/generate.mjs (scripts/operation-docs.mjs). Do not edit.

/** One member per operation of the spec, documented from it; \`M\` gives each member its type. */
export interface OperationDocs<M extends Record<OperationId, unknown>> {
${members.join("")}}

/** The operationIds of the spec. */
export type OperationId = ${operationSpecs(doc).map(([id]) => JSON.stringify(id)).join(" | ")};
`;
}

/** `text` in lines of at most 96 characters. */
function wrap(text) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > 96) [lines[lines.length], line] = [line, word];
    else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
