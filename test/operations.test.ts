// The operation engine, once, against a real node:http server on 127.0.0.1, with a hand-written
// table that follows the generated OperationSpec type: URLs, queries, envelopes, 204, errors,
// validation, retries by method, redaction of a body's secrets, lazy listing, waits.
import { inspect } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { OperationSpec } from "../generated/operations";
import type { RetryClock } from "../src/clock";
import { isApiError, isResponseError, isValidationError, VpnaasValidationError } from "../src/errors";
import { operationMethods, waitMethods } from "../src/operations/methods";
import { isWaitError, type VpnaasWaitError } from "../src/operations/wait";
import { clientStack, type VpnaasClientOptions } from "../src/pipeline";
import { checkBaseUrl } from "../src/endpoint-url";
import { sendJson, suiteServer } from "./helpers/http-server";

const ID = "851f280f-5639-4ea3-81aa-e298525ab74b";
const ID2 = "0b2e8e4a-0f55-4d8c-9a43-1d3f3a1e2b7c";
const PSK = "psk-DO-NOT-LEAK-7f3a9c";

const name = { type: "string", maxLength: 10 } as const;
const TABLE = {
  listThings: {
    method: "GET",
    path: "/v2.0/vpn/things",
    pathParams: [],
    query: ["fields", "name", "limit", "marker"],
    queryRules: { fields: { type: "array", uniqueItems: true, items: { type: "string", enum: ["id", "name", "status"] } }, name: { type: "array", items: name }, limit: { type: "integer", minimum: 1 }, marker: { type: "string", format: "uuid" } },
    response: { kind: "list", key: "things", links: "things_links" },
    idempotent: true,
  },
  getThing: {
    method: "GET",
    path: "/v2.0/vpn/things/{thing_id}",
    pathParams: ["thing_id"],
    query: ["fields"],
    queryRules: { fields: { type: "array", items: { type: "string", enum: ["id", "name", "status"] } } },
    response: { kind: "object", key: "thing" },
    idempotent: true,
  },
  createThing: {
    method: "POST",
    path: "/v2.0/vpn/things",
    pathParams: [],
    query: [],
    queryRules: {},
    request: {
      key: "thing",
      required: ["name", "psk"],
      properties: {
        name,
        psk: { type: "string", format: "password", maxLength: 30 },
        mtu: { type: "integer", minimum: 68, maximum: 9000 },
        peer_ep_group_id: { type: "string", nullable: true, format: "uuid" },
        mode: { type: "string", enum: ["static", "dynamic"] },
        dpd: { type: "object", properties: { interval: { type: "integer", minimum: 1 }, timeout: { type: "integer", greaterThan: "interval" } }, additionalProperties: false },
      },
      secret: ["psk"],
    },
    response: { kind: "object", key: "thing" },
    idempotent: false,
  },
  updateThing: {
    method: "PUT",
    path: "/v2.0/vpn/things/{thing_id}",
    pathParams: ["thing_id"],
    query: [],
    queryRules: {},
    request: { key: "thing", required: [], properties: { name, psk: { type: "string", format: "password" } }, secret: ["psk"] },
    response: { kind: "object", key: "thing" },
    idempotent: true,
  },
  deleteThing: { method: "DELETE", path: "/v2.0/vpn/things/{thing_id}", pathParams: ["thing_id"], query: [], queryRules: {}, response: { kind: "none" }, idempotent: true },
} as const satisfies Record<string, OperationSpec>;

/** A clock whose sleeps pass at once, moving its time on: waits and retries take no real time. */
function virtualClock(): RetryClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    random: () => 0.5,
    setTimer: () => () => undefined,
    sleep: (ms, signal) => {
      if (signal.aborted) return Promise.reject(signal.reason);
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

type AnyMethod = (...args: any[]) => any;
function client(options: Partial<VpnaasClientOptions> = {}): Record<keyof typeof TABLE | "waitForThing", AnyMethod> {
  const stack = clientStack({ baseUrl: server.url, clock: virtualClock(), ...options }, checkBaseUrl);
  return { ...operationMethods(stack, TABLE), ...waitMethods(stack, TABLE, [["waitForThing", "getThing", "Thing"]]) } as never;
}

const server = suiteServer();

const renderings = (err: unknown) => [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), (err as Error).stack ?? ""];
const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe("list", () => {
  /** Three pages of two items; the `next` links name another host and scheme, as a hostile or misconfigured server might. */
  function paged(links: (page: number) => unknown[] | undefined = (page) => (page < 3 ? [{ rel: "next", href: `https://evil.example:444/v2.0/vpn/things?limit=2&marker=m${page}` }] : undefined)) {
    server.handle((req, res) => {
      const page = /marker=m(\d)/.exec(req.url ?? "")?.[1];
      const n = page ? Number(page) + 1 : 1;
      sendJson(res, 200, { things: [{ id: `t${2 * n - 1}` }, { id: `t${2 * n}` }], ...(links(n) ? { things_links: links(n) } : {}) });
    });
  }

  test("walks every page, sending each next link's query to the client's own endpoint and path, never to the link's host", async () => {
    paged();
    const ids: string[] = [];
    for await (const thing of client().listThings({ limit: 2 })) ids.push(thing.id);
    expect(ids).toEqual(["t1", "t2", "t3", "t4", "t5", "t6"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v2.0/vpn/things?limit=2", "/v2.0/vpn/things?limit=2&marker=m1", "/v2.0/vpn/things?limit=2&marker=m2"]);
  });

  test("follows a plain-http next link on another host the same way: to the client's endpoint", async () => {
    paged((page) => (page < 2 ? [{ rel: "previous", href: "http://x/v2.0/vpn/things?marker=zz" }, { rel: "next", href: `http://attacker.example/v2.0/vpn/things?limit=2&marker=m${page}` }] : []));
    await expect(client().listThings({ limit: 2 }).all()).resolves.toHaveLength(4);
    expect(server.requests.map((r) => r.url)).toEqual(["/v2.0/vpn/things?limit=2", "/v2.0/vpn/things?limit=2&marker=m1"]);
  });

  test("fetches pages lazily: stopping after the first item sends one request", async () => {
    paged();
    for await (const thing of client().listThings({ limit: 2 })) {
      expect(thing.id).toBe("t1");
      break;
    }
    expect(server.requests).toHaveLength(1);
  });

  test("keeps no page it has handed on: mid-way through a listing, with it still going, the pages behind are garbage", async () => {
    // Bun has its own full collection; Node's is exposed by flag.
    const bun = (globalThis as { Bun?: { gc(full: boolean): void } }).Bun;
    if (!bun) setFlagsFromString("--expose-gc");
    const gc = bun ? () => bun.gc(true) : (runInNewContext("gc") as () => void);
    server.handle((req, res) => {
      const n = Number(/marker=m(\d+)/.exec(req.url ?? "")?.[1] ?? 0) + 1;
      sendJson(res, 200, { things: Array.from({ length: 100 }, (_, i) => ({ id: `t${n}-${i}`, pad: "x".repeat(100) })), things_links: [{ rel: "next", href: `/v2.0/vpn/things?marker=m${n}` }] });
    });
    // Checked from inside the loop, while the listing holds whatever it holds. WeakRefs hold their
    // targets until the current job ends, hence the wait for a task before collecting.
    const live = async (refs: WeakRef<object>[]) => {
      await new Promise((done) => setTimeout(done, 0));
      gc();
      return refs.filter((r) => r.deref() !== undefined).length;
    };
    const pageRefs: WeakRef<object>[] = [];
    let livePages: number | undefined;
    for await (const page of client().listThings().pages()) {
      if (pageRefs.push(new WeakRef(page)) < 6) continue;
      livePages = await live(pageRefs.slice(0, 5));
      expect(pageRefs[5]!.deref()).toBe(page);
      break;
    }
    const itemRefs: WeakRef<object>[] = [];
    let liveItems: number | undefined;
    let seen = 0;
    for await (const item of client().listThings()) {
      if (seen % 100 === 0) itemRefs.push(new WeakRef(item as object));
      if (++seen < 600) continue;
      liveItems = await live(itemRefs.slice(0, 5));
      break;
    }
    expect([livePages, liveItems]).toEqual([0, 0]);
  });

  test("pages() yields each page's items as an array", async () => {
    paged();
    const pages: unknown[][] = [];
    for await (const page of client().listThings({ limit: 2 }).pages()) pages.push(page);
    expect(pages).toEqual([[{ id: "t1" }, { id: "t2" }], [{ id: "t3" }, { id: "t4" }], [{ id: "t5" }, { id: "t6" }]]);
  });

  test("a page answered 503 once is fetched again (GET is retried) and the listing goes on", async () => {
    let failed = false;
    server.handle((req, res) => {
      if (req.url!.includes("marker=m1") && !failed) return void ((failed = true), sendJson(res, 503, { NeutronError: { type: "ServiceUnavailable", message: "busy" } }));
      const second = req.url!.includes("marker=m1");
      sendJson(res, 200, { things: [{ id: second ? "t2" : "t1" }], ...(second ? {} : { things_links: [{ rel: "next", href: "/v2.0/vpn/things?limit=1&marker=m1" }] }) });
    });
    await expect(client().listThings({ limit: 1 }).all()).resolves.toEqual([{ id: "t1" }, { id: "t2" }]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v2.0/vpn/things?limit=1", "/v2.0/vpn/things?limit=1&marker=m1", "/v2.0/vpn/things?limit=1&marker=m1"]);
  });

  test("refuses a next link to another path with a VpnaasResponseError, and does not follow it", async () => {
    paged(() => [{ rel: "next", href: "https://network.example.com/v2.0/vpn/vpnservices?marker=m1" }]);
    const err = await errorOf(client().listThings().all());
    expect(isResponseError(err)).toBe(true);
    expect((err as Error).message).toMatch(/next link's path is not \/v2\.0\/vpn\/things/);
    expect(server.requests).toHaveLength(1);
  });

  test("refuses a next link that names the same page again (it would loop for ever)", async () => {
    server.handle((_req, res) => sendJson(res, 200, { things: [{ id: "t1" }], things_links: [{ rel: "next", href: "/v2.0/vpn/things?limit=1" }] }));
    await expect(client().listThings({ limit: 1 }).all()).rejects.toThrow(/names a page already listed/);
    expect(server.requests).toHaveLength(1);
  });

  test("refuses a next link back to an earlier page (A → B → A), after two requests", async () => {
    server.handle((req, res) => {
      const back = /marker=b/.test(req.url ?? "");
      sendJson(res, 200, { things: [{ id: back ? "t2" : "t1" }], things_links: [{ rel: "next", href: back ? "/v2.0/vpn/things?limit=1" : "/v2.0/vpn/things?limit=1&marker=b" }] });
    });
    const seen: unknown[] = [];
    const err = await (async () => {
      for await (const item of client().listThings({ limit: 1 })) seen.push(item);
    })().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/names a page already listed \(the listing would loop for ever\)/);
    // The page whose link loops back is refused whole, as a page with any bad link is.
    expect(seen).toEqual([{ id: "t1" }]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v2.0/vpn/things?limit=1", "/v2.0/vpn/things?limit=1&marker=b"]);
  });

  test("writes arrays as repeated parameters (Neutron reads repeats as OR) and drops repeated fields", async () => {
    server.handle((_req, res) => sendJson(res, 200, { things: [] }));
    await client().listThings({ name: ["a b", "c&d"], fields: ["id", "name", "id"] }).all();
    expect(server.requests[0]!.url).toBe("/v2.0/vpn/things?name=a%20b&name=c%26d&fields=id&fields=name");
  });

  test.each([
    ["an unknown query parameter", { status: "ACTIVE" }, "status"],
    ["a limit below its minimum", { limit: 0 }, "limit"],
    ["a marker that is not a UUID", { marker: "../x" }, "marker"],
    ["a field the spec does not name", { fields: ["psk"] }, "fields"],
    ["a filter value over its maxLength", { name: ["x".repeat(11)] }, "name"],
  ])("refuses %s at once, sending nothing", (_label, query, parameter) => {
    let err: unknown;
    try {
      client().listThings(query);
    } catch (e) {
      err = e;
    }
    expect(isValidationError(err)).toBe(true);
    expect((err as VpnaasValidationError).parameter).toBe(parameter);
    expect(server.requests).toHaveLength(0);
  });

  test("a page without the list is a VpnaasResponseError", async () => {
    server.handle((_req, res) => sendJson(res, 200, { thing: {} }));
    await expect(client().listThings().all()).rejects.toThrow(/no "things" array/);
  });
});

describe("get, create, update", () => {
  test("get sends the path with the UUID and fields, and returns the unwrapped object", async () => {
    server.handle((_req, res) => sendJson(res, 200, { thing: { id: ID, name: "n" } }));
    await expect(client().getThing(ID, { fields: ["id", "name"] })).resolves.toEqual({ id: ID, name: "n" });
    expect(server.requests[0]!.url).toBe(`/v2.0/vpn/things/${ID}?fields=id&fields=name`);
  });

  test("create POSTs the envelope as JSON and returns the stored object from the 201", async () => {
    server.handle((_req, res) => sendJson(res, 201, { thing: { id: ID, name: "n", status: "PENDING_CREATE" } }));
    const made = await client().createThing({ name: "n", psk: PSK, mtu: 1500, peer_ep_group_id: null, dpd: { interval: 30 } });
    expect(made).toEqual({ id: ID, name: "n", status: "PENDING_CREATE" });
    const [sent] = server.requests;
    expect([sent!.method, sent!.url, sent!.headers["content-type"]]).toEqual(["POST", "/v2.0/vpn/things", "application/json"]);
    expect(JSON.parse(sent!.body)).toEqual({ thing: { name: "n", psk: PSK, mtu: 1500, peer_ep_group_id: null, dpd: { interval: 30 } } });
  });

  test("update PUTs the changes to the object's path", async () => {
    server.handle((_req, res) => sendJson(res, 200, { thing: { id: ID, name: "m" } }));
    await expect(client().updateThing(ID, { name: "m" })).resolves.toEqual({ id: ID, name: "m" });
    expect([server.requests[0]!.method, server.requests[0]!.url, server.requests[0]!.body]).toEqual(["PUT", `/v2.0/vpn/things/${ID}`, '{"thing":{"name":"m"}}']);
  });

  const valid = { name: "n", psk: PSK };
  test.each([
    ["an unknown attribute", { ...valid, color: "red" }, /"color" is not an attribute this operation accepts/],
    ["a missing required attribute", { name: "n" }, /psk is required/],
    ["a wrong type", { ...valid, mtu: "1500" }, /mtu must be an integer/],
    ["a number out of range", { ...valid, mtu: 67 }, /mtu must be ≥ 68/],
    ["a value outside the enum", { ...valid, mode: "bgp" }, /mode must be one of "static", "dynamic"/],
    ["a string over maxLength", { ...valid, name: "x".repeat(11) }, /name must be at most 10 characters/],
    ["a non-UUID where the format is uuid", { ...valid, peer_ep_group_id: "abc" }, /peer_ep_group_id must be a UUID/],
    ["null where null is not allowed", { ...valid, mtu: null }, /mtu must not be null/],
    ["an unknown nested attribute", { ...valid, dpd: { interval: 1, action: "hold" } }, /dpd\."action" is not an attribute/],
    ["a nested value out of range", { ...valid, dpd: { interval: 0 } }, /dpd\.interval must be ≥ 1/],
    ["a timeout not above the interval beside it", { ...valid, dpd: { interval: 30, timeout: 30 } }, /dpd\.timeout must be greater than dpd\.interval \(30\), got 30/],
    ["not an object", "name=n", /attributes must be an object/],
  ])("create refuses %s before sending", async (_label, attributes, message) => {
    const err = await errorOf(client().createThing(attributes));
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  test("a psk that breaks a rule is named, never shown", async () => {
    const long = `${PSK}-${"x".repeat(20)}`;
    const err = await errorOf(client().createThing({ name: "n", psk: long }));
    expect((err as Error).message).toMatch(/psk must be at most 30 characters/);
    for (const text of renderings(err)) expect(text).not.toContain("DO-NOT-LEAK");
    expect(server.requests).toHaveLength(0);
  });

  test.each([["a non-UUID", "not-a-uuid"], ["a path traversal", "../vpnservices"], ["undefined", undefined]])("refuses %s as an id, naming it thingId", async (_label, bad) => {
    for (const call of [client().getThing(bad), client().updateThing(bad, { name: "n" }), client().deleteThing(bad)]) {
      const err = await errorOf(call);
      expect((err as VpnaasValidationError).parameter).toBe("thingId");
    }
    expect(server.requests).toHaveLength(0);
  });

  test("an update refuses an attribute only a create takes", async () => {
    const err = await errorOf(client().updateThing(ID, { mtu: 1500 }));
    expect((err as VpnaasValidationError).parameter).toBe("changes");
    expect((err as Error).message).toMatch(/"mtu" is not an attribute this operation accepts/);
    expect(server.requests).toHaveLength(0);
  });

  test("a 400 that echoes the psk shows it nowhere: not in the message, excerpt, JSON, inspect or stack", async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, { NeutronError: { type: "HTTPBadRequest", message: `Invalid input for operation: '${PSK}' is not a valid psk for peer.`, detail: `{"thing": {"name": "n", "pre": "${PSK}"}}` } }),
    );
    const err = await errorOf(client().createThing({ name: "n", psk: PSK }));
    expect(isApiError(err)).toBe(true);
    expect((err as Error).message).toContain("[REDACTED]");
    for (const text of renderings(err)) expect(text).not.toContain(PSK);
  });
});

describe("retries by method", () => {
  const unavailableOnce = () => {
    let calls = 0;
    server.handle((_req, res) => (++calls === 1 ? sendJson(res, 503, { NeutronError: { type: "ServiceUnavailable", message: "busy" } }) : sendJson(res, calls === 2 && _req.method === "POST" ? 201 : 200, { thing: { id: ID } })));
  };

  test("a POST is not retried on 503", async () => {
    unavailableOnce();
    await expect(client().createThing({ name: "n", psk: PSK })).rejects.toMatchObject({ name: "VpnaasApiError", status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  test("a POST is retried when the call opts in with retryNonIdempotent", async () => {
    unavailableOnce();
    await expect(client().createThing({ name: "n", psk: PSK }, { retryNonIdempotent: true })).resolves.toEqual({ id: ID });
    expect(server.requests).toHaveLength(2);
  });

  test("a PUT is retried on 503, its body sent again, and the psk is in no retry event", async () => {
    unavailableOnce();
    const events: unknown[] = [];
    await expect(client({ onRetry: (e) => events.push(e) }).updateThing(ID, { psk: PSK })).resolves.toEqual({ id: ID });
    expect(server.requests.map((r) => r.body)).toEqual([`{"thing":{"psk":"${PSK}"}}`, `{"thing":{"psk":"${PSK}"}}`]);
    expect(events).toHaveLength(1);
    expect(inspect(events, { depth: 10 })).not.toContain(PSK);
  });

  test("a DELETE is retried on 503", async () => {
    let calls = 0;
    server.handle((_req, res) => (++calls === 1 ? sendJson(res, 503, {}) : void res.writeHead(204).end()));
    await expect(client().deleteThing(ID)).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });
});

describe("delete", () => {
  const answer = (status: number) => server.handle((_req, res) => (status === 204 ? void res.writeHead(204).end() : sendJson(res, status, { NeutronError: { type: "ThingNotFound", message: "gone" } })));

  test("resolves on 204", async () => {
    answer(204);
    await expect(client().deleteThing(ID)).resolves.toBeUndefined();
    expect([server.requests[0]!.method, server.requests[0]!.url]).toEqual(["DELETE", `/v2.0/vpn/things/${ID}`]);
  });

  test("rejects on 404 with a VpnaasApiError", async () => {
    answer(404);
    await expect(client().deleteThing(ID)).rejects.toMatchObject({ name: "VpnaasApiError", status: 404, errorType: "ThingNotFound" });
  });

  test("resolves on 404 with ignoreMissing: true", async () => {
    answer(404);
    await expect(client().deleteThing(ID, { ignoreMissing: true })).resolves.toBeUndefined();
  });

  test("still rejects a 409 with ignoreMissing: true", async () => {
    answer(409);
    await expect(client().deleteThing(ID, { ignoreMissing: true })).rejects.toMatchObject({ status: 409 });
  });
});

describe("wait", () => {
  /** Answers each GET with the next status of `statuses` (the last one repeated), with a psk. */
  function statuses(...list: string[]) {
    let n = 0;
    server.handle((_req, res) => sendJson(res, 200, { thing: { id: ID, psk: PSK, status: list[Math.min(n++, list.length - 1)] } }));
  }

  test("polls until the status is reached and resolves with the object, pausing intervalMs on the client's clock", async () => {
    statuses("PENDING_CREATE", "PENDING_CREATE", "ACTIVE");
    const clock = virtualClock();
    const stack = clientStack({ baseUrl: server.url, clock }, checkBaseUrl);
    const { waitForThing } = waitMethods(stack, TABLE, [["waitForThing", "getThing", "Thing"]]) as { waitForThing: AnyMethod };
    await expect(waitForThing(ID, { status: "ACTIVE", intervalMs: 1000 })).resolves.toMatchObject({ id: ID, status: "ACTIVE" });
    expect(server.requests.map((r) => r.url)).toEqual(Array(3).fill(`/v2.0/vpn/things/${ID}`));
    expect(clock.slept).toEqual([1000, 1000]);
  });

  test("accepts any of a list of statuses", async () => {
    statuses("PENDING_CREATE", "DOWN");
    await expect(client().waitForThing(ID, { status: ["ACTIVE", "DOWN"], intervalMs: 1 })).resolves.toMatchObject({ status: "DOWN" });
  });

  test("ERROR rejects at once with a VpnaasWaitError carrying the last state, psk redacted", async () => {
    statuses("PENDING_CREATE", "ERROR", "ACTIVE");
    const err = (await errorOf(client().waitForThing(ID, { status: "ACTIVE", intervalMs: 1 }))) as VpnaasWaitError;
    expect(isWaitError(err)).toBe(true);
    expect([err.reason, err.status, err.lastState.id, err.lastState.psk]).toEqual(["error-status", "ERROR", ID, "[REDACTED]"]);
    expect(server.requests).toHaveLength(2);
    for (const text of renderings(err)) expect(text).not.toContain(PSK);
  });

  test("waiting for ERROR itself resolves with it", async () => {
    statuses("ERROR");
    await expect(client().waitForThing(ID, { status: "ERROR" })).resolves.toMatchObject({ status: "ERROR" });
  });

  test("running out of timeoutMs rejects with a VpnaasWaitError of reason timeout carrying the last state", async () => {
    statuses("PENDING_CREATE");
    const err = (await errorOf(client().waitForThing(ID, { status: "ACTIVE", timeoutMs: 5000, intervalMs: 2000 }))) as VpnaasWaitError;
    expect([err.name, err.reason, err.status]).toEqual(["VpnaasWaitError", "timeout", "PENDING_CREATE"]);
    expect(err.message).toMatch(/did not reach ACTIVE within timeoutMs 5000 ms; last status "PENDING_CREATE"/);
    // Reads at 0, 2000, 4000 and 5000 ms (the last pause cut to what is left).
    expect(server.requests).toHaveLength(4);
  });

  test("an abort during a pause rejects with a VpnaasTimeoutError of kind aborted and reads no more", async () => {
    statuses("PENDING_CREATE");
    const controller = new AbortController();
    const clock = virtualClock();
    const sleep = clock.sleep;
    clock.sleep = (ms, signal) => (controller.abort(), sleep(ms, signal));
    const stack = clientStack({ baseUrl: server.url, clock }, checkBaseUrl);
    const { waitForThing } = waitMethods(stack, TABLE, [["waitForThing", "getThing", "Thing"]]) as { waitForThing: AnyMethod };
    await expect(waitForThing(ID, { status: "ACTIVE", signal: controller.signal })).rejects.toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    expect(server.requests).toHaveLength(1);
  });

  test("an aborted signal sends nothing", async () => {
    statuses("ACTIVE");
    await expect(client().waitForThing(ID, { status: "ACTIVE", signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted" });
    expect(server.requests).toHaveLength(0);
  });

  test.each([
    ["no status", {}],
    ["an empty list", { status: [] }],
    ["a negative interval", { status: "ACTIVE", intervalMs: -1 }],
    ["a zero timeout", { status: "ACTIVE", timeoutMs: 0 }],
  ])("refuses %s before reading", async (_label, options) => {
    await expect(client().waitForThing(ID, options)).rejects.toBeInstanceOf(VpnaasValidationError);
    expect(server.requests).toHaveLength(0);
  });
});
