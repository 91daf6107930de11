import type { OperationSpec } from "../../generated/operations";
import type { CallOptions } from "../call";
import type { ClientStack } from "../pipeline";
import { callOperation, type DeleteOptions, deleteOperation, requestOf } from "./engine";
import { listOperation } from "./list";
import { waitForStatus, type WaitOptions } from "./wait";

/** What a method does, from its method and response: the one place an operation's shape is decided. */
export type MethodKind = "list" | "get" | "create" | "update" | "delete";

/** The kind of `spec`'s method; a shape the engine has no method for throws (the generator and the engine disagree). */
export function kindOf(spec: OperationSpec): MethodKind {
  const { method, response, pathParams } = spec;
  const kind: MethodKind | undefined =
    method === "GET" ? (response.kind === "list" ? "list" : response.kind === "object" ? "get" : undefined)
    : method === "POST" ? (response.kind === "object" ? "create" : undefined)
    : method === "PUT" ? (response.kind === "object" ? "update" : undefined)
    : method === "DELETE" ? (response.kind === "none" ? "delete" : undefined)
    : undefined;
  const ids = kind === "list" || kind === "create" ? 0 : 1;
  if (!kind || pathParams.length !== ids) throw new TypeError(`vpnaas-sdk has no method for ${method} ${spec.path} (${response.kind})`);
  return kind;
}

/** The members of `options` that are the operation's query parameters (a get's `fields`), and the call options. */
function splitOptions(spec: OperationSpec, options: Record<string, unknown> = {}): [query: Record<string, unknown> | undefined, call: CallOptions] {
  const query: Record<string, unknown> = {};
  const call: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) (spec.query.includes(k) ? query : call)[k] = v;
  return [Object.keys(query).length ? query : undefined, call];
}

/** One method per operation of `table`, each over `stack`: what the client's methods are made of. */
export function operationMethods(stack: ClientStack, table: Readonly<Record<string, OperationSpec>>): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const kind = kindOf(spec);
    methods[name] =
      kind === "list"
        ? (query?: unknown, options?: CallOptions) => listOperation(stack, spec, query, options)
        : kind === "get"
          ? async (id: unknown, options?: Record<string, unknown>) => {
              const [query, call] = splitOptions(spec, options);
              return callOperation(stack, spec, requestOf(spec, [id], query), call);
            }
          : kind === "create"
            ? async (attributes: unknown, options: CallOptions = {}) => callOperation(stack, spec, requestOf(spec, [], undefined, attributes), options)
            : kind === "update"
              ? async (id: unknown, changes: unknown, options: CallOptions = {}) => callOperation(stack, spec, requestOf(spec, [id], undefined, changes), options)
              : (id: unknown, options?: DeleteOptions) => deleteOperation(stack, spec, id, options);
  }
  return methods;
}

/**
 * `waitFor…` methods: for each `[name, getOperation, what]` whose get operation is in `table`, a
 * wait that polls it (see {@link waitForStatus}).
 */
export function waitMethods(stack: ClientStack, table: Readonly<Record<string, OperationSpec>>, waits: readonly (readonly [name: string, get: string, what: string])[]): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const [name, get, what] of waits) {
    const spec = table[get];
    if (!spec) continue;
    const read = (id: string, signal: AbortSignal | undefined) => callOperation(stack, spec, requestOf(spec, [id], undefined), { signal }) as Promise<{ status?: unknown }>;
    methods[name] = (id: string, options: WaitOptions) => waitForStatus(read, what, id, options, stack.clock);
  }
  return methods;
}
