// Type-level contract of the one mapping from the operation table to methods, checked by `npm run
// typecheck` (not a jest file), on a hand-written resource shaped as openapi-typescript and the
// generator write it: each expect-error directive fails the type check if its line starts compiling.
import type { MethodsOf } from "../src/operations/method-types";

interface Thing {
  readonly id: string;
  readonly status: "ACTIVE" | "DOWN" | "ERROR";
  name: string;
  psk: string;
  peer_address: string;
}
interface ThingCreate {
  name?: string;
  psk: string;
  peer_address: string;
}
interface ThingUpdate {
  name?: string;
  psk?: string;
}
type Field = "id" | "status" | "name";
type Links = { href: string; rel: "next" | "previous" }[];
interface Ops {
  listThings: {
    parameters: { query?: { fields?: Field[]; name?: string[]; limit?: number; sort_dir?: ("asc" | "desc")[] } };
    // As the spec states a list that `fields` may cut down: anyOf the complete items and partial ones.
    responses: { 200: { content: { "application/json": { things: Thing[]; things_links?: Links } | { things: Partial<Thing>[]; things_links?: Links } } } };
  };
  getThing: { parameters: { query?: { fields?: Field[] }; path: { thing_id: string } }; responses: { 200: { content: { "application/json": { thing: Thing } | { thing: Partial<Thing> } } } } };
  createThing: {
    parameters: { query?: never };
    requestBody: { content: { "application/json": { thing: ThingCreate } } };
    responses: { 201: { content: { "application/json": { thing: Thing } } }; 400: { content: { "application/json": { NeutronError: unknown } } } };
  };
  updateThing: {
    parameters: { query?: never; path: { thing_id: string } };
    requestBody: { content: { "application/json": { thing: ThingUpdate } } };
    responses: { 200: { content: { "application/json": { thing: Thing } } } };
  };
  deleteThing: { parameters: { path: { thing_id: string } }; responses: { 204: { content?: never } } };
}
interface Table {
  listThings: { method: "GET"; response: { kind: "list"; key: "things"; links: "things_links" } };
  getThing: { method: "GET"; response: { kind: "object"; key: "thing" } };
  createThing: { method: "POST"; request: { key: "thing" }; response: { kind: "object"; key: "thing" } };
  updateThing: { method: "PUT"; request: { key: "thing" }; response: { kind: "object"; key: "thing" } };
  deleteThing: { method: "DELETE"; response: { kind: "none" } };
}

declare const client: MethodsOf<Ops, Table>;
const ID = "851f280f-5639-4ea3-81aa-e298525ab74b";

export async function operationTypes(): Promise<void> {
  for await (const thing of client.listThings({ name: ["a", "b"], limit: 10, sort_dir: ["asc"] })) {
    const status: Thing["status"] = thing.status;
    void status;
  }
  for await (const some of client.listThings({ fields: ["id", "name"] })) {
    const name: string = some.name;
    // @ts-expect-error only the requested fields are in the item type
    some.psk;
    void name;
  }
  const page: Thing[][] = [];
  for await (const p of client.listThings().pages()) page.push(p);
  const all: Thing[] = await client.listThings().all();
  // @ts-expect-error fields only takes attribute names of the spec
  client.listThings({ fields: ["bogus"] });
  // @ts-expect-error an unknown query parameter
  client.listThings({ colour: "red" });
  // @ts-expect-error sort_dir takes asc or desc only
  client.listThings({ sort_dir: ["up"] });

  // Without fields, the complete object: every attribute present.
  const whole = await client.getThing(ID);
  const address: string = whole.peer_address;
  const one = await client.getThing(ID, { fields: ["status"] });
  const st: Thing["status"] = one.status;
  // @ts-expect-error narrowed to status
  one.name;

  const made: Thing = await client.createThing({ psk: "secret-psk", peer_address: "192.0.2.1" });
  // @ts-expect-error the create body has no id: it is the server's
  await client.createThing({ id: ID, psk: "secret-psk", peer_address: "192.0.2.1" });
  // @ts-expect-error psk is required on create
  await client.createThing({ peer_address: "192.0.2.1" });

  await client.updateThing(ID, { name: "new" });
  // @ts-expect-error peer_address is create-only: the update body has no such attribute
  await client.updateThing(ID, { peer_address: "192.0.2.2" });

  const gone: void = await client.deleteThing(ID, { ignoreMissing: true });
  // @ts-expect-error a delete takes no body
  await client.deleteThing(ID, { name: "x" });
  void [page, all, st, made, gone, address];
}
