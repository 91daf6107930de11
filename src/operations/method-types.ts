// The client's method types, derived from the generated table (`kind`, envelope keys) and from
// openapi-typescript's `operations` (payloads, query parameters): one mapping for every operation.
import type { operations as Ops } from "../../generated/openapi";
import type { OperationDocs } from "../../generated/operation-docs";
import type { operations as table } from "../../generated/operations";
import type { CallOptions } from "../call";
import type { VpnaasSession } from "../session";
import type { DeleteOptions } from "./engine";
import type { Listing } from "./list";
import type { WaitOptions } from "./wait";

type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Member<Body, K extends string> = Body extends { [P in K]: infer V } ? V : never;
type SuccessBody<Op> = Op extends { responses: infer R } ? { [S in keyof R]: S extends 200 | 201 ? Json<R[S]> : never }[keyof R] : never;
type KeyOf<Spec> = Spec extends { response: { key: infer K extends string } } ? K : never;

/**
 * The members of union `All` that extend every member: of a 200 that is `anyOf` the complete
 * object and the one `fields` may cut down, the complete one.
 */
type Strongest<All, U = All> = U extends unknown ? ([All extends unknown ? (U extends All ? never : 0) : never] extends [never] ? U : never) : never;
type Unwrapped<V> = V extends readonly (infer I)[] ? I : V;
/** What an operation answers with, unwrapped from its envelope (a list's item for a list): the complete object. */
type ItemOf<Op, Spec> = Unwrapped<Member<SuccessBody<Op>, KeyOf<Spec>>> extends infer I ? ([Strongest<I>] extends [never] ? I : Strongest<I>) : never;
/** Its query parameters, per the spec. */
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The attribute names `fields` takes. */
type FieldOf<Op> = QueryOf<Op> extends { fields?: infer F } ? (NonNullable<F> extends readonly (infer N)[] ? N & string : never) : never;
/** The inner object of its request body. */
type BodyOf<Op, Spec> = Op extends { requestBody?: infer R } ? Member<Json<NonNullable<R>>, Spec extends { request: { key: infer K extends string } } ? K : never> : never;

/** The item, or only the `F` attributes of it when `fields` names them. */
type Narrowed<Item, F> = [F] extends [never] ? Item : Pick<Item, F & keyof Item>;

type KindOf<Spec> = Spec extends { method: "GET"; response: { kind: "list" } }
  ? "list"
  : Spec extends { method: "GET" }
    ? "get"
    : Spec extends { method: "POST" }
      ? "create"
      : Spec extends { method: "PUT" }
        ? "update"
        : Spec extends { method: "DELETE" }
          ? "delete"
          : never;

/** The method of one operation: `Op` is openapi-typescript's `operations[id]`, `Spec` the table's entry. */
export type MethodOf<Op, Spec> = {
  list: <F extends FieldOf<Op> = never>(query?: Omit<QueryOf<Op>, "fields"> & { fields?: readonly F[] }, options?: CallOptions) => Listing<Narrowed<ItemOf<Op, Spec>, F>>;
  get: <F extends FieldOf<Op> = never>(id: string, options?: CallOptions & { fields?: readonly F[] }) => Promise<Narrowed<ItemOf<Op, Spec>, F>>;
  create: (attributes: BodyOf<Op, Spec>, options?: CallOptions) => Promise<ItemOf<Op, Spec>>;
  update: (id: string, changes: BodyOf<Op, Spec>, options?: CallOptions) => Promise<ItemOf<Op, Spec>>;
  delete: (id: string, options?: DeleteOptions) => Promise<void>;
}[KindOf<Spec>];

/** The function of one operation in `vpnaas-sdk/operations`: its method, with the session first. */
export type FunctionOf<Op, Spec> = {
  list: <F extends FieldOf<Op> = never>(session: VpnaasSession, query?: Omit<QueryOf<Op>, "fields"> & { fields?: readonly F[] }, options?: CallOptions) => Listing<Narrowed<ItemOf<Op, Spec>, F>>;
  get: <F extends FieldOf<Op> = never>(session: VpnaasSession, id: string, options?: CallOptions & { fields?: readonly F[] }) => Promise<Narrowed<ItemOf<Op, Spec>, F>>;
  create: (session: VpnaasSession, attributes: BodyOf<Op, Spec>, options?: CallOptions) => Promise<ItemOf<Op, Spec>>;
  update: (session: VpnaasSession, id: string, changes: BodyOf<Op, Spec>, options?: CallOptions) => Promise<ItemOf<Op, Spec>>;
  delete: (session: VpnaasSession, id: string, options?: DeleteOptions) => Promise<void>;
}[KindOf<Spec>];

/** One method per operation of `Table` that `AllOps` (openapi-typescript's `operations`) describes. */
export type MethodsOf<AllOps, Table> = { [Id in keyof Table & keyof AllOps]: MethodOf<AllOps[Id], Table[Id]> };

/** One method per operation of the spec, named by its operationId. */
export interface OperationMethods extends OperationDocs<MethodsOf<Ops, typeof table>> {}

/** The waits, by the get operation each polls. */
export const WAITS = [
  ["waitForIpsecSiteConnection", "getIpsecSiteConnection", "IPsec site connection"],
  ["waitForVpnService", "getVpnService", "VPN service"],
] as const;

type StatusOf<Item> = Item extends { status?: infer S } ? NonNullable<S> & string : string;
type Ids = keyof typeof table & keyof Ops;

/** A wait that polls get operation `Id` (see {@link WaitOptions}). */
type WaitOf<Id extends Ids> = (id: string, options: WaitOptions<StatusOf<ItemOf<Ops[Id], (typeof table)[Id]>>>) => Promise<ItemOf<Ops[Id], (typeof table)[Id]>>;

/** The waits: what the spec cannot state (polling a status), written here. */
export interface WaitMethods {
  /**
   * Reads the connection every `intervalMs` (default 2 000) until its status is `status` (one or
   * any of a list), and resolves with it. `ERROR`, unless awaited, rejects at once, and running out
   * of `timeoutMs` (default 300 000) rejects, both with a `VpnaasWaitError` whose `lastState` is the
   * connection as last read (psk redacted); `signal` ends the wait with a `VpnaasTimeoutError` of
   * kind `aborted`. Without a VPN agent's status report a new connection stays `PENDING_CREATE`.
   */
  waitForIpsecSiteConnection: WaitOf<"getIpsecSiteConnection">;
  /** As {@link WaitMethods.waitForIpsecSiteConnection}, for a VPN service. */
  waitForVpnService: WaitOf<"getVpnService">;
}

/** The function of operation `Id` in `vpnaas-sdk/operations`. */
export type OperationFunction<Id extends Ids> = FunctionOf<Ops[Id], (typeof table)[Id]>;

/** The `waitFor…` function that polls get operation `Id`. */
export type WaitFunction<Id extends Ids> = (session: VpnaasSession, id: string, options: WaitOptions<StatusOf<ItemOf<Ops[Id], (typeof table)[Id]>>>) => Promise<ItemOf<Ops[Id], (typeof table)[Id]>>;
