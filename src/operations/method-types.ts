// The client's method types, derived from the generated table (`kind`, envelope keys) and from
// openapi-typescript's `operations` (payloads, query parameters): one mapping for every operation.
import type { operations as Ops } from "../../generated/openapi";
import type { operations as table } from "../../generated/operations";
import type { CallOptions } from "../call";
import type { DeleteOptions } from "./engine";
import type { Listing } from "./list";
import type { WaitOptions } from "./wait";

type Table = typeof table;
/** The operations that are both in the table and in openapi-typescript's `operations`. */
export type OperationId = keyof Table & keyof Ops;

type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;
type SuccessBody<Op extends OperationId> = { [S in keyof Ops[Op]["responses"]]: S extends 200 | 201 ? Json<Ops[Op]["responses"][S]> : never }[keyof Ops[Op]["responses"]];
type KeyOf<Op extends OperationId> = Table[Op]["response"] extends { key: infer K extends string } ? K : never;
type Member<Body, K extends string> = Body extends { [P in K]: infer V } ? V : never;

/** What the operation answers with, unwrapped from its envelope (a list's item for a list). */
export type ItemOf<Op extends OperationId> = Member<SuccessBody<Op>, KeyOf<Op>> extends infer V ? (V extends readonly (infer I)[] ? I : V) : never;
/** The query parameters of the operation, per the spec. */
export type QueryOf<Op extends OperationId> = NonNullable<Ops[Op]["parameters"]["query"]>;
/** The attribute names `fields` takes. */
type FieldOf<Op extends OperationId> = QueryOf<Op> extends { fields?: infer F } ? (NonNullable<F> extends readonly (infer N)[] ? N & string : never) : never;
/** The inner object of the request body. */
export type BodyOf<Op extends OperationId> = Ops[Op] extends { requestBody?: infer R } ? Member<Json<NonNullable<R>>, Table[Op] extends { request: { key: infer K extends string } } ? K : never> : never;

/** The item, or only the `F` attributes of it when `fields` names them. */
type Narrowed<Item, F> = [F] extends [never] ? Item : Pick<Item, F & keyof Item>;

type KindOf<S> = S extends { method: "GET"; response: { kind: "list" } }
  ? "list"
  : S extends { method: "GET" }
    ? "get"
    : S extends { method: "POST" }
      ? "create"
      : S extends { method: "PUT" }
        ? "update"
        : S extends { method: "DELETE" }
          ? "delete"
          : never;

type MethodOf<Op extends OperationId> = {
  list: <F extends FieldOf<Op> = never>(query?: Omit<QueryOf<Op>, "fields"> & { fields?: readonly F[] }, options?: CallOptions) => Listing<Narrowed<ItemOf<Op>, F>>;
  get: <F extends FieldOf<Op> = never>(id: string, options?: CallOptions & { fields?: readonly F[] }) => Promise<Narrowed<ItemOf<Op>, F>>;
  create: (attributes: BodyOf<Op>, options?: CallOptions) => Promise<ItemOf<Op>>;
  update: (id: string, changes: BodyOf<Op>, options?: CallOptions) => Promise<ItemOf<Op>>;
  delete: (id: string, options?: DeleteOptions) => Promise<void>;
}[KindOf<Table[Op]>];

/** One method per operation of the spec, named by its operationId. */
export type OperationMethods = { [Op in OperationId]: MethodOf<Op> };

/** The waits, by the get operation each polls. */
export const WAITS = [
  ["waitForIpsecSiteConnection", "getIpsecSiteConnection", "IPsec site connection"],
  ["waitForVpnService", "getVpnService", "VPN service"],
] as const;

type StatusOf<Op extends OperationId> = ItemOf<Op> extends { status?: infer S } ? NonNullable<S> & string : string;

/** `waitForIpsecSiteConnection` and `waitForVpnService`, each once its get operation is in the spec. */
export type WaitMethods = {
  [W in (typeof WAITS)[number] as W[1] extends OperationId ? W[0] : never]: W[1] extends OperationId
    ? (id: string, options: WaitOptions<StatusOf<W[1]>>) => Promise<ItemOf<W[1]>>
    : never;
};
