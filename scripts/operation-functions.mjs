// generated/operation-functions.ts of a parsed spec: the functions of `vpnaas-sdk/operations`, one
// per operation, named by its operationId, each a plain arrow over its own table entry (nothing
// runs at module level, so a bundler drops every function an app does not import, and that
// operation's table entry with it). Used by scripts/generate.mjs; src/per-operation.ts re-exports
// them. All but the lists are async, so that a bad session rejects as any bad argument does; a list
// throws at once, as the client's does.
import { operationSpecs } from "./operations-table.mjs";

const HEADER = `// Generated from spec/openapi.yaml by scripts/generate.mjs (scripts/operation-functions.mjs). Do not edit.
`;

/** The call of each kind of operation: its parameters after the session, and the engine function it runs. */
const KINDS = {
  list: { params: "query, options", call: "listCall", async: false },
  get: { params: "id, options", call: "getCall", async: true },
  create: { params: "attributes, options", call: "createCall", async: true },
  update: { params: "id, changes, options", call: "updateCall", async: true },
  delete: { params: "id, options", call: "deleteCall", async: true },
};

/** The kind of an operation, as src/operations/methods.ts kindOf decides it; any other shape throws. */
function kindOf(id, { method, response, pathParams }) {
  const kind =
    method === "GET" ? (response.kind === "list" ? "list" : response.kind === "object" ? "get" : undefined)
    : method === "POST" && response.kind === "object" ? "create"
    : method === "PUT" && response.kind === "object" ? "update"
    : method === "DELETE" && response.kind === "none" ? "delete"
    : undefined;
  const ids = kind === "list" || kind === "create" ? 0 : 1;
  if (!kind || pathParams.length !== ids) throw new Error(`generate: ${id}: no function for ${method} (${response.kind}) with ${pathParams.length} path parameters`);
  return kind;
}

/** The TypeScript source of generated/operation-functions.ts for `doc`. */
export function operationFunctions(doc) {
  const ops = operationSpecs(doc).map(([id, spec]) => [id, kindOf(id, spec)]);
  const used = [...new Set(ops.map(([, kind]) => KINDS[kind].call))].sort();
  const imports = ops.map(([id]) => `  ${id} as ${id}Spec,\n`).join("");
  const functions = ops.map(([id, kind]) => {
    const { params, call, async } = KINDS[kind];
    return `export const ${id} = (${async ? "async " : ""}(session, ${params}) => ${call}(stackOf(session), ${id}Spec, ${params})) as Fn<"${id}">;\n`;
  });
  return `${HEADER}import {\n${imports}} from "./operations";
import { ${used.join(", ")} } from "../src/operations/methods";
import type { OperationFunction as Fn } from "../src/operations/method-types";
import { stackOf } from "../src/session";

${functions.join("")}`;
}
