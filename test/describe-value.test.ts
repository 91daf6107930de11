import { createVpnaasClient } from "../src";
import { describeValue, listValues } from "../src/describe-value";
import { getIpsecSiteConnection } from "../generated/operations";
import { checkBody, queryString } from "../src/operations/validate";
import { requireUuid } from "../src/validation";
import { validationErrorOf } from "./helpers/auth-fixtures";

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const thrower = () => {
  throw new Error("trap");
};
const hostileProxy = new Proxy({}, { get: thrower, has: thrower, ownKeys: thrower, getOwnPropertyDescriptor: thrower, getPrototypeOf: thrower, apply: thrower });
const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();

describe("describeValue", () => {
  test.each<[string, unknown, string]>([
    ["a string, quoted", "abc", '"abc"'],
    ["a number", 42, "42"],
    ["NaN", NaN, "NaN"],
    ["a BigInt", 1n, "1n"],
    ["a Symbol", Symbol(), "Symbol()"],
    ["a described Symbol", Symbol("s"), "Symbol(s)"],
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
    ["a function", () => 1, "function"],
    ["an object", { id: "x", n: [1, 2n] }, '{"id":"x","n":[1,2n]}'],
    ["a cycle", cyclic, '{"a":1,"self":"[Circular]"}'],
    ["a secret member", { password: "hunter2" }, '{"password":"[REDACTED]"}'],
    ["a Proxy that throws on every trap", hostileProxy, "an object"],
    ["a revoked Proxy", revoked, "an object"],
    ["an object whose getter throws", { get x(): number { throw new Error("getter"); } }, "an object"],
    ["an object whose toJSON throws (never called)", { toJSON: thrower, v: 1 }, '{"v":1}'],
    ["a huge string", "x".repeat(5_000_000), `"${"x".repeat(63)}…`],
    ["a huge array", new Array(1_000_000).fill(7), `[${"7,".repeat(31)}7…`],
  ])("describes %s", (_label, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  test("cuts nesting deeper than 32 levels with \"[…]\"", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(describeValue(deep, 200)).toBe(`${"[".repeat(32)}"[…]"${"]".repeat(32)}`);
  });

  test("keeps to maxLength", () => {
    expect(describeValue("abcdefghij", 5)).toBe('"abcd…');
  });
});

describe("listValues", () => {
  test.each<[unknown[], number | undefined, string]>([
    [["a", "b"], undefined, '"a", "b"'],
    [["a", "b", "c"], 2, '"a", "b", … and 1 more'],
    [["a", "b", ...new Array(1234).fill("z")], 2, '"a", "b", … and 1,234 more'],
    [[1n, Symbol("s")], undefined, "1n, Symbol(s)"],
    [[], undefined, ""],
  ])("listValues(%p, %p) is %j", (values, max, expected) => {
    expect(listValues(values, max)).toBe(expected);
  });
});

// Each of these threw a bare TypeError (JSON.stringify of a BigInt or a cycle) before.
describe("validation messages never fail on the value they describe", () => {

  test("fields [1n], and a filter of cyclic objects", () => {
    expect(validationErrorOf(() => queryString(getIpsecSiteConnection, { fields: [1n] })).message).toMatch(/fields\[0\] must be a string, got 1n;/);
    const filter = { query: ["name"], queryRules: { name: { type: "array", items: { type: "string" } } } } as const;
    expect(validationErrorOf(() => queryString(filter, { name: [cyclic] })).message).toContain('got {"a":1,"self":"[Circular]"}');
  });

  test("a body or query that is a Proxy that throws", () => {
    const request = { key: "thing", required: [], properties: { name: { type: "string" } }, secret: [] } as const;
    expect(validationErrorOf(() => checkBody(request, hostileProxy, "attributes")).message).toMatch(/attributes could not be read/);
    expect(validationErrorOf(() => queryString(getIpsecSiteConnection, hostileProxy)).message).toMatch(/query could not be read/);
    expect(validationErrorOf(() => queryString(getIpsecSiteConnection, revoked)).parameter).toBe("query");
  });

  test("requireUuid with a cyclic object, and with a Proxy that throws", () => {
    expect(validationErrorOf(() => requireUuid("connectionId", cyclic)).message).toContain('got {"a":1,"self":"[Circular]"}');
    expect(validationErrorOf(() => requireUuid("connectionId", hostileProxy)).message).toContain("got an object");
  });

  test("createVpnaasClient with timeoutMs: 1n", () => {
    const err = validationErrorOf(() => createVpnaasClient({ baseUrl: "https://network.example.com", timeoutMs: 1n as never }));
    expect(err.parameter).toBe("timeoutMs");
    expect(err.message).toMatch(/got 1n\.$/);
  });

  test("10^6 field names: a message under 1 KB that gives the count", () => {
    const fields = Array.from({ length: 1_000_000 }, (_, i) => `bogus${i}`);
    const { message } = validationErrorOf(() => queryString(getIpsecSiteConnection, { fields }));
    expect(message.length).toBeLessThan(1024);
    expect(message).toContain("fields must have at most 22 items, got 1000000");
  });

  test("10^6 unknown attributes: a message under 1 KB that gives the count", () => {
    const request = { key: "thing", required: [], properties: { name: { type: "string" } }, secret: [] } as const;
    const attributes = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`bogus${i}`, 1]));
    const { message } = validationErrorOf(() => checkBody(request, attributes, "attributes"));
    expect(message.length).toBeLessThan(1024);
    expect(message).toContain('"bogus0", "bogus1", "bogus2", "bogus3", "bogus4", … and 999,995 more');
  });

  test("a 5 MB connection id is shown as 64 characters", () => {
    const { message } = validationErrorOf(() => requireUuid("connectionId", "x".repeat(5_000_000)));
    expect(message.length).toBeLessThan(300);
  });
});

test("listValues writes a count of millions with two separators (1,234,567), from a sparse array", () => {
  const many = new Array<unknown>(1_234_569).fill("x", 0, 2);
  expect(listValues(many, 2)).toBe('"x", "x", … and 1,234,567 more');
});
