import type { OperationSpec } from "../../generated/operations";
import { type CallOptions, callJson, callNoContent, type OperationRequest } from "../call";
import { isApiError, VpnaasValidationError } from "../errors";
import type { ClientStack } from "../pipeline";
import { requireUuid } from "../validation";
import { checkBody, fieldsQuery, queryString } from "./validate";

/** The options of a `delete…` call. */
export interface DeleteOptions extends CallOptions {
  /** Resolve, rather than reject, when the object is already gone (404). Default `false`. */
  ignoreMissing?: boolean;
}

/** `connection_id` → `connectionId`: the name a caller's argument has in messages. */
const argumentName = (param: string) => param.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * The operation's path with each parameter a checked UUID (nothing to escape, nothing that could
 * address another resource).
 *
 * @throws VpnaasValidationError naming the argument (`connectionId`); nothing was sent.
 */
export function pathOf(spec: Pick<OperationSpec, "path" | "pathParams">, ids: readonly unknown[]): string {
  return spec.pathParams.reduce((path, param, i) => path.replace(`{${param}}`, requireUuid(argumentName(param), ids[i])), spec.path);
}

/**
 * The request of a call without a body (list, get, delete, a wait's read): path and query. Apart
 * from {@link bodyRequestOf} so that a bundle without create or update leaves the body checks out.
 */
export function requestOf(spec: OperationSpec, ids: readonly unknown[], query: unknown): OperationRequest {
  return { method: spec.method, path: pathOf(spec, ids) + queryString(spec, query) };
}

/**
 * The request of a get: path and `fields`. Apart from {@link requestOf} so that a bundle that only
 * gets leaves the generic query checks out (see {@link fieldsQuery}).
 */
export function getRequestOf(spec: OperationSpec, id: unknown, query: Record<string, unknown> | undefined): OperationRequest {
  return { method: spec.method, path: pathOf(spec, [id]) + fieldsQuery(spec, query) };
}

/**
 * The request of a create or update: path and its body, the envelope `{ [key]: attributes }` as
 * JSON, its secret values (psk) listed so that no error can show them.
 */
export function bodyRequestOf(spec: OperationSpec, ids: readonly unknown[], attributes: unknown): OperationRequest {
  const path = pathOf(spec, ids);
  const { request } = spec;
  if (!request) return { method: spec.method, path };
  const inner = checkBody(request, attributes, spec.method === "POST" ? "attributes" : "changes");
  const secrets = request.secret.map((name) => inner[name]).filter((v): v is string => typeof v === "string");
  let json: string;
  try {
    json = JSON.stringify({ [request.key]: inner });
  } catch {
    // A cycle or a BigInt below an attribute whose schema is open; the TypeError would name neither well.
    throw new VpnaasValidationError(spec.method === "POST" ? "attributes" : "changes", "the attributes cannot be written as JSON (a cycle or a BigInt); nothing was sent.");
  }
  const body = new TextEncoder().encode(json);
  return { method: spec.method, path, body, headers: { "content-type": "application/json" }, secrets };
}

/**
 * Sends a call whose answer is one object (get, create, update) and returns it, unwrapped from
 * its envelope; or, for 204 (delete), nothing.
 */
export async function callOperation(stack: ClientStack, spec: OperationSpec, call: OperationRequest, options: CallOptions): Promise<unknown> {
  const { response } = spec;
  if (response.kind === "none") return callNoContent(stack, call, options);
  if (response.kind === "object") return callJson(stack, call, response.key, options);
  throw new TypeError(`${spec.method} ${spec.path} answers with a list: call it as a list`);
}

/** A delete: resolves on 204, and on 404 too with `ignoreMissing`. */
export async function deleteOperation(stack: ClientStack, spec: OperationSpec, id: unknown, options: DeleteOptions = {}): Promise<void> {
  const call = { method: spec.method, path: pathOf(spec, [id]) };
  try {
    await callOperation(stack, spec, call, options);
  } catch (error) {
    if (!(options.ignoreMissing === true && isApiError(error) && error.status === 404)) throw error;
  }
}
