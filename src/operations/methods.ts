import type { OperationSpec } from "../../generated/operations";
import type { CallOptions } from "../call";
import type { ClientStack } from "../pipeline";
import { bodyRequestOf, callOperation, type DeleteOptions, deleteOperation, getRequestOf, pathOf, requestOf } from "./engine";
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
function splitOptions(spec: OperationSpec, options: object = {}): [query: Record<string, unknown> | undefined, call: CallOptions] {
  const query: Record<string, unknown> = {};
  const call: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) (spec.query.includes(k) ? query : call)[k] = v;
  return [Object.keys(query).length ? query : undefined, call];
}

// One function per kind of method, over a stack: the client's methods and the functions of
// `vpnaas-sdk/operations` are both made of these, so that a bundle keeps only the kinds it calls.
export const listCall = (stack: ClientStack, spec: OperationSpec, query?: unknown, options?: CallOptions) => listOperation(stack, spec, query, options);
// A get's `fields` checked by fieldsQuery (getRequestOf) in the functions of vpnaas-sdk/operations,
// so that a bundle that only gets carries no generic query checker; by queryString in the clients,
// which carry it for their lists anyway. The same checks and messages (test/operations-validate.test.ts).
export async function getCall(stack: ClientStack, spec: OperationSpec, id: unknown, options?: object): Promise<unknown> {
  const [query, call] = splitOptions(spec, options);
  return callOperation(stack, spec, getRequestOf(spec, id, query), call);
}
async function clientGetCall(stack: ClientStack, spec: OperationSpec, id: unknown, options?: object): Promise<unknown> {
  const [query, call] = splitOptions(spec, options);
  return callOperation(stack, spec, requestOf(spec, [id], query), call);
}
// Stryker disable next-line ArrayDeclaration: equivalent, a create has no path parameter (kindOf refuses one that has), so no id is read
export const createCall = async (stack: ClientStack, spec: OperationSpec, attributes: unknown, options: CallOptions = {}) => callOperation(stack, spec, bodyRequestOf(spec, [], attributes), options);
export const updateCall = async (stack: ClientStack, spec: OperationSpec, id: unknown, changes: unknown, options: CallOptions = {}) =>
  callOperation(stack, spec, bodyRequestOf(spec, [id], changes), options);
export const deleteCall = deleteOperation;
/** A `waitFor…` over the get operation `spec`, as `waitForStatus` reads it. */
export function waitCall(stack: ClientStack, spec: OperationSpec, what: string, id: string, options: WaitOptions): Promise<unknown> {
  const read = (id: string, signal: AbortSignal | undefined) => callOperation(stack, spec, { method: spec.method, path: pathOf(spec, [id]) }, { signal }) as Promise<{ status?: unknown }>;
  return waitForStatus(read, what, id, options, stack.clock);
}

/** One method per operation of `table`, each over `stack`: what the client's methods are made of. */
export function operationMethods(stack: ClientStack, table: Readonly<Record<string, OperationSpec>>): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const kind = kindOf(spec);
    methods[name] =
      kind === "list"
        ? (query?: unknown, options?: CallOptions) => listCall(stack, spec, query, options)
        : kind === "get"
          ? (id: unknown, options?: Record<string, unknown>) => clientGetCall(stack, spec, id, options)
          : kind === "create"
            ? (attributes: unknown, options?: CallOptions) => createCall(stack, spec, attributes, options)
            : kind === "update"
              ? (id: unknown, changes: unknown, options?: CallOptions) => updateCall(stack, spec, id, changes, options)
              : (id: unknown, options?: DeleteOptions) => deleteCall(stack, spec, id, options);
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
    methods[name] = (id: string, options: WaitOptions) => waitCall(stack, spec, what, id, options);
  }
  return methods;
}
