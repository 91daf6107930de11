import { checkBaseUrl } from "./endpoint-url";
import { VpnaasValidationError } from "./errors";
import { type ClientStack, clientStack, type VpnaasClientOptions } from "./pipeline";

/**
 * A client's stack (endpoint, headers, auth, retries, time limits) without methods: what the
 * functions of `vpnaas-sdk/operations` send through. Opaque; made by `createVpnaasSession`.
 */
export interface VpnaasSession {
  /** Always `"VpnaasSession"`: all a session shows of itself (its stack is not enumerable). */
  readonly kind: "VpnaasSession";
}

// A registered symbol rather than a module's WeakMap: the ESM and CJS builds of each entry point
// carry their own copy of this module, and a session made by one must work with the other's
// functions. Not enumerable, so neither JSON.stringify nor util.inspect shows the stack's headers.
// Stryker disable next-line StringLiteral: equivalent, Symbol.for("") is as shared between the module's copies; only another library's own use of that key could tell
const STACK = Symbol.for("vpnaas-sdk.session-stack");

/**
 * Creates a session: the stack of a client, with the same options and checks as
 * `createVpnaasCoreClient`, for the per-operation functions of `vpnaas-sdk/operations`, so that a
 * bundle carries only the operations it calls. Nothing is sent until one is called.
 *
 * @throws VpnaasValidationError when an option is invalid; nothing is sent then.
 */
export function createVpnaasSession(options: VpnaasClientOptions): VpnaasSession {
  const session = { kind: "VpnaasSession" as const };
  Object.defineProperty(session, STACK, { value: clientStack(options, checkBaseUrl) });
  return Object.freeze(session);
}

/**
 * The stack of a session.
 *
 * @throws VpnaasValidationError when `session` was not made by {@link createVpnaasSession}.
 */
export function stackOf(session: VpnaasSession): ClientStack {
  const stack = typeof session === "object" && session !== null ? (session as unknown as Record<symbol, ClientStack | undefined>)[STACK] : undefined;
  if (!stack) throw new VpnaasValidationError("session", "session must be made by createVpnaasSession; nothing was sent.");
  return stack;
}
