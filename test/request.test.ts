import { isValidationError } from "../src";
import { fromRequest, headersOf, isValidHeader, type Layer, stack, toResponse } from "../src/request";

describe("stack", () => {
  test("the first layer is outermost, the transport at the bottom", async () => {
    const seen: string[] = [];
    const layer = (name: string): Layer => async (request, next) => {
      seen.push(`${name} in`);
      const received = await next({ ...request, headers: { ...request.headers, [name]: "1" } });
      seen.push(`${name} out`);
      return received;
    };
    const send = stack([layer("a"), layer("b")], async (request) => {
      seen.push(`transport ${Object.keys(request.headers).join(",")}`);
      return { response: new Response(null), body: null };
    });
    await send({ method: "GET", url: "http://h/", headers: {}, body: null, read: "text" });
    expect(seen).toEqual(["a in", "b in", "transport a,b", "b out", "a out"]);
  });
});

describe("fromRequest", () => {
  test("reads the body into memory and keeps the settings", async () => {
    const r = await fromRequest(new Request("http://h/x", { method: "POST", body: "abc", headers: { "X-A": "1" }, credentials: "omit", cache: "no-store" }));
    expect([r.method, r.url, r.read, new TextDecoder().decode(r.body!)]).toEqual(["POST", "http://h/x", "bytes", "abc"]);
    expect(r.headers["x-a"]).toBe("1");
    expect(r.init).toMatchObject({ credentials: "omit", cache: "no-store" });
  });
  test("a request without a body has a null body", async () => {
    expect((await fromRequest(new Request("http://h/x"))).body).toBeNull();
  });
});

describe("toResponse", () => {
  const original = (status: number) => Object.defineProperty(new Response(null, { status, statusText: "S", headers: { "x-a": "1" } }), "url", { value: "http://h/final" });
  test("a body read as bytes is readable again, with status, headers and url", async () => {
    const copy = toResponse({ response: original(201), body: new TextEncoder().encode("hello") });
    expect([copy.status, copy.statusText, copy.headers.get("x-a"), copy.url]).toEqual([201, "S", "1", "http://h/final"]);
    expect(await copy.text()).toBe("hello");
  });
  test.each([204, 205, 304])("status %i has no body", async (status) => {
    const copy = toResponse({ response: original(status), body: new Uint8Array(0) });
    expect(copy.status).toBe(status);
    expect(copy.body).toBeNull();
  });
  test("an empty body is no body; no body at all returns the response itself", () => {
    expect(toResponse({ response: original(200), body: new Uint8Array(0) }).body).toBeNull();
    const response = original(200);
    expect(toResponse({ response, body: null })).toBe(response);
  });
});

describe("headersOf", () => {
  test("lowercases the names", () => {
    expect(headersOf({ "X-Auth-Token": "t", Accept: "application/json" })).toEqual({ "x-auth-token": "t", accept: "application/json" });
  });
  test("names at most five invalid headers, each cut to 64 characters, never a value", () => {
    const bad = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`X-${i}`, `sekrit-${i}\nx`]));
    const long = "Y".repeat(100) + " z";
    for (const [headers, named] of [
      [bad, '"X-0", "X-1", "X-2", "X-3", "X-4"'],
      [{ [long]: "v" }, JSON.stringify(long.slice(0, 64))],
      [{ "X-OK": "fine", "X-Bad": "a\r\nInjected: yes" }, '"X-Bad"'],
    ] as const) {
      let error: unknown;
      try {
        headersOf(headers as Record<string, string>);
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error)).toBe(true);
      expect((error as { parameter?: string }).parameter).toBe("headers");
      expect((error as Error).message).toBe(`headers has an invalid name or value in ${named} (the value is not shown: it may be a credential); nothing was sent.`);
      expect((error as Error).message).not.toMatch(/sekrit|Injected/);
    }
  });
  test("a record whose value changes between reads still gives the validation error, naming no header", () => {
    let reads = 0;
    const shifty = { get "X-Shifty"() { return reads++ === 0 ? "bad\nvalue" : "fine"; } };
    expect(() => headersOf(shifty)).toThrow(/^headers has an invalid name or value in a header \(the value is not shown/);
  });
  test("isValidHeader", () => {
    expect(isValidHeader("X-A", "v")).toBe(true);
    expect(isValidHeader("X A", "v")).toBe(false);
    expect(isValidHeader("X-A", "v\nw")).toBe(false);
  });
});
