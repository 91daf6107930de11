import fc from "fast-check";
import { type AttributeRule, type OperationSpec, operations } from "../generated/operations";
import { kindOf } from "../src/operations/methods";
import { checkBody, fieldsQuery, problemOf, queryString } from "../src/operations/validate";
import { validationErrorOf } from "./helpers/auth-fixtures";

// The rules are the spec's (generated/operations.ts); here each kind of rule is tried at its edges
// with hand-written rules, as a table: [rule, value, the problem or undefined].
const UUID_ = "851f280f-5639-4ea3-81aa-e298525ab74b";

describe("problemOf: each kind of rule at its edges", () => {
  test.each<[string, AttributeRule, unknown, string | undefined]>([
    ["null where not nullable", { type: "string" }, null, "x must not be null"],
    ["null where nullable", { type: "string", nullable: true }, null, undefined],
    ["a string", { type: "string" }, "s", undefined],
    ["not a string", { type: "string" }, 1, "x must be a string, got 1"],
    ["an integer", { type: "integer" }, 3, undefined],
    ["not an integer", { type: "integer" }, 1.5, "x must be an integer, got 1.5"],
    ["a number", { type: "number" }, 1.5, undefined],
    ["an infinite number", { type: "number" }, Infinity, "x must be a number, got Infinity"],
    ["a number as text", { type: "number" }, "1", 'x must be a number, got "1"'],
    ["a boolean", { type: "boolean" }, false, undefined],
    ["not a boolean", { type: "boolean" }, "true", 'x must be a boolean, got "true"'],
    ["an array", { type: "array" }, [], undefined],
    ["not an array", { type: "array" }, {}, "x must be an array, got {}"],
    ["an object", { type: "object" }, {}, undefined],
    ["an array for an object", { type: "object" }, [], "x must be an object, got []"],
    ["in the enum", { enum: ["hold", "clear"] }, "hold", undefined],
    ["not in the enum", { enum: ["hold", "clear"] }, "restart", 'x must be one of "hold", "clear", got "restart"'],
    ["at maxLength", { maxLength: 3 }, "abc", undefined],
    ["past maxLength", { maxLength: 3 }, "abcd", "x must be at most 3 characters, got 4"],
    ["maxLength counts code points", { maxLength: 2 }, "😀😀", undefined],
    ["at minLength", { minLength: 2 }, "ab", undefined],
    ["short of minLength", { minLength: 2 }, "a", "x must be at least 2 characters, got 1"],
    ["a UUID", { format: "uuid" }, UUID_, undefined],
    ["not a UUID", { format: "uuid" }, `x${UUID_}`, `x must be a UUID, got "x${UUID_}"`],
    ["another format is documentation", { format: "ipv4" }, "not-an-ip", undefined],
    ["matching the pattern", { pattern: "^[a-z]+$" }, "abc", undefined],
    ["not matching the pattern", { pattern: "^[a-z]+$" }, "ab1", 'x must match ^[a-z]+$, got "ab1"'],
    ["the pattern is unicode-aware", { pattern: "^.$" }, "😀", undefined],
    ["at the minimum", { minimum: 10 }, 10, undefined],
    ["below the minimum", { minimum: 10 }, 9, "x must be ≥ 10, got 9"],
    ["at the maximum", { maximum: 10 }, 10, undefined],
    ["above the maximum", { maximum: 10 }, 11, "x must be ≤ 10, got 11"],
    ["just above the exclusive minimum", { exclusiveMinimum: 0 }, 1, undefined],
    ["at the exclusive minimum", { exclusiveMinimum: 0 }, 0, "x must be > 0, got 0"],
    ["just below the exclusive maximum", { exclusiveMaximum: 5 }, 4, undefined],
    ["at the exclusive maximum", { exclusiveMaximum: 5 }, 5, "x must be < 5, got 5"],
    ["a string is not held to number rules", { minimum: 10, maxItems: 0 }, "5", undefined],
    ["at minItems", { minItems: 1 }, [1], undefined],
    ["short of minItems", { minItems: 1 }, [], "x must have at least 1 item(s), got 0"],
    ["at maxItems", { maxItems: 2 }, [1, 2], undefined],
    ["past maxItems", { maxItems: 2 }, [1, 2, 3], "x must have at most 2 items, got 3"],
    ["an item breaking its rule, named by index", { items: { type: "integer" } }, [1, 2, "3"], 'x[2] must be an integer, got "3"'],
    ["distinct items", { uniqueItems: true }, ["a", "b"], undefined],
    ["a repeated item", { uniqueItems: true }, ["a", "b", "a"], "x must not repeat an item"],
    ["a repeated object item, compared by content", { uniqueItems: true }, [{ a: 1 }, { a: 1 }], "x must not repeat an item"],
    ["distinct object items", { uniqueItems: true }, [{ a: 1 }, { a: 2 }], undefined],
    ["null and the string null", { uniqueItems: true }, [null, "null"], undefined],
    ["distinct strings alike in their first 5000 characters", { uniqueItems: true }, [`${"x".repeat(5000)}a`, `${"x".repeat(5000)}b`], undefined],
    ["repeats allowed without uniqueItems", {}, ["a", "a"], undefined],
    ["a nested member", { properties: { interval: { type: "integer" } } }, { interval: "30" }, 'x.interval must be an integer, got "30"'],
    ["a nested unknown member", { properties: { a: {} }, additionalProperties: false }, { b: 1 }, 'x."b" is not an attribute this operation accepts; it accepts a'],
    ["a nested unknown member in an open object is the server's to judge", { properties: { a: { type: "string" } } }, { b: 1, a: "s" }, undefined],
    ["a nested known member in an open object is checked", { properties: { a: { type: "string" } } }, { b: 1, a: 2 }, "x.a must be a string, got 2"],
    ["a nested required member", { properties: { a: {}, b: {} }, required: ["a", "b"] }, {}, "x.a, b are required"],
  ])("%s", (_label, rule, value, problem) => {
    expect(problemOf(rule, value, "x")).toBe(problem);
  });

  test("a secret's value is never shown", () => {
    expect(problemOf({ type: "string" }, 12345, "psk", true)).toBe("psk must be a string, got a secret value (not shown)");
    expect(problemOf({ pattern: "^a" }, "sekrit", "psk", true)).toBe("psk must match ^a, got a secret value (not shown)");
    expect(problemOf({ items: { enum: ["a"] } }, ["sekrit"], "psks", true)).toBe('psks[0] must be one of "a", got a secret value (not shown)');
  });
});

const request = {
  key: "ikepolicy",
  required: ["name"],
  secret: ["psk"],
  properties: {
    name: { type: "string" },
    psk: { type: "string", minLength: 5 },
    dpd: { type: "object", properties: { interval: { type: "integer" }, timeout: { type: "integer", greaterThan: "interval" } } },
  },
} as const satisfies Parameters<typeof checkBody>[0];


describe("checkBody", () => {
  test("returns a valid body as given; undefined members count as absent", () => {
    const body = { name: "p", psk: undefined };
    expect(checkBody(request, body, "attributes")).toBe(body);
  });
  test.each<[string, unknown, string]>([
    ["not an object", [], "attributes must be an object of attributes, got []; nothing was sent."],
    ["null", null, "attributes must be an object of attributes, got null; nothing was sent."],
    ["an unknown attribute", { name: "p", color: "red" }, '"color" is not an attribute this operation accepts; it accepts name, psk, dpd; nothing was sent.'],
    ["two unknown attributes", { name: "p", a: 1, b: 2 }, '"a", "b" are not attributes this operation accepts; it accepts name, psk, dpd; nothing was sent.'],
    ["a required attribute missing", { psk: "secret" }, "attributes name is required; nothing was sent."],
    ["a secret too short, not shown", { name: "p", psk: 42 }, "psk must be a string, got a secret value (not shown); nothing was sent."],
    ["timeout not greater than interval", { name: "p", dpd: { interval: 30, timeout: 30 } }, "dpd.timeout must be greater than dpd.interval (30), got 30; nothing was sent."],
  ])("refuses %s", (_label, body, message) => {
    const err = validationErrorOf(() => checkBody(request, body, "attributes"));
    expect(err.parameter).toBe("attributes");
    expect(err.message).toBe(message);
  });
  test("greater-than holds when greater, and is not checked when one side is absent", () => {
    expect(() => checkBody(request, { name: "p", dpd: { interval: 30, timeout: 31 } }, "attributes")).not.toThrow();
    expect(() => checkBody(request, { name: "p", dpd: { timeout: 1 } }, "attributes")).not.toThrow();
  });
  test("a getter that throws is a validation error, not that exception", () => {
    const body = { name: "p", get psk(): string { throw new Error("boom"); } };
    expect(validationErrorOf(() => checkBody(request, body, "attributes")).message).toBe("attributes could not be read (a getter or Proxy threw); nothing was sent.");
  });
});

describe("queryString", () => {
  const spec = { query: ["name", "fields", "limit"], queryRules: { name: { type: "string" }, fields: { type: "array", uniqueItems: true, items: { type: "string" } }, limit: { type: "integer", minimum: 1 } } } as const satisfies Parameters<typeof queryString>[0];
  test.each<[unknown, string]>([
    [undefined, ""],
    [null, ""],
    [{}, ""],
    [{ name: undefined }, ""],
    [{ name: "a b&c" }, "?name=a%20b%26c"],
    [{ fields: ["id", "name", "id"], limit: 2 }, "?fields=id&fields=name&limit=2"],
  ])("%j gives %j", (query, expected) => {
    expect(queryString(spec, query)).toBe(expected);
  });
  test.each<[unknown, string, string]>([
    ["name=x", "query", 'query must be an object of parameters, got "name=x"; nothing was sent.'],
    [{ color: "red" }, "color", '"color" is not a query parameter of this operation; it takes name, fields, limit. Nothing was sent.'],
    [{ toString: "x" }, "toString", '"toString" is not a query parameter of this operation; it takes name, fields, limit. Nothing was sent.'],
    [{ limit: 0 }, "limit", "limit must be ≥ 1, got 0; nothing was sent."],
  ])("refuses %j, naming %s", (query, parameter, message) => {
    const err = validationErrorOf(() => queryString(spec, query));
    expect([err.parameter, err.message]).toEqual([parameter, message]);
  });
  test("a Proxy that throws is a validation error", () => {
    const query = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    expect(validationErrorOf(() => queryString(spec, query)).message).toBe("query could not be read (a getter or Proxy threw); nothing was sent.");
  });
});

// fieldsQuery stands in for queryString on every get (so that a get-only bundle has no generic
// checker): it must hold for each get's rule, and answer as queryString does for any value.
describe("fieldsQuery", () => {
  const gets: [string, OperationSpec][] = Object.entries(operations).filter(([, spec]) => kindOf(spec) === "get");
  const outcome = (run: () => string) => {
    try {
      return { query: run() };
    } catch (error) {
      const { name, parameter, message } = error as { name: string; parameter?: string; message: string };
      return { name, parameter, message };
    }
  };

  test("every get takes fields alone: distinct names from an enum, at least one", () => {
    expect(gets.length).toBe(5);
    for (const [, spec] of gets) {
      expect(spec.query).toEqual(["fields"]);
      const { items, ...rule } = spec.queryRules.fields as AttributeRule;
      expect(rule).toEqual({ type: "array", minItems: 1, maxItems: items?.enum?.length, uniqueItems: true });
      expect(Object.keys(items ?? {}).sort()).toEqual(["enum", "type"]);
      expect(items?.type).toBe("string");
    }
  });

  test.each(gets)("%s: the same query string, or the same error, as queryString for any fields", (_name, spec) => {
    const names = spec.queryRules.fields!.items!.enum as string[];
    const fields = fc.oneof(
      fc.anything(),
      fc.array(fc.constantFrom(...names), { maxLength: names.length + 3 }),
      fc.array(fc.oneof(fc.constantFrom(...names), fc.constant(null), fc.string(), fc.integer()), { maxLength: 4 }),
      // Around maxItems (the enum's length): only names outside the enum can get past it.
      fc.uniqueArray(fc.string(), { minLength: names.length - 1, maxLength: names.length + 2 }),
      fc.constantFrom(null, undefined, [], "id", names, [...names, "id"]),
    );
    fc.assert(
      fc.property(fields, (value) => {
        expect(outcome(() => fieldsQuery(spec, { fields: value }))).toEqual(outcome(() => queryString(spec, { fields: value })));
      }),
      { numRuns: 500 },
    );
    expect(fieldsQuery(spec, undefined)).toBe("");
  });

  test("messages as queryString's: an empty list, an unknown name (which it shows), a non-array", () => {
    const spec = operations.getIkePolicy;
    expect(validationErrorOf(() => fieldsQuery(spec, { fields: [] })).message).toBe("fields must have at least 1 item(s), got 0; nothing was sent.");
    expect(validationErrorOf(() => fieldsQuery(spec, { fields: ["id", "bogus"] })).message).toMatch(/^fields\[1\] must be one of "id", .* got "bogus"; nothing was sent\.$/);
    expect(validationErrorOf(() => fieldsQuery(spec, { fields: "id" })).message).toBe('fields must be an array, got "id"; nothing was sent.');
    expect(fieldsQuery(spec, { fields: ["id", "name", "id"] })).toBe("?fields=id&fields=name");
  });

  test("fields that are Proxies: the same outcome as queryString's, whatever their traps do", () => {
    const { proxy: revoked, revoke } = Proxy.revocable([], {});
    revoke();
    const throwing = { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } };
    const spec = operations.getIpsecSiteConnection;
    for (const fields of [revoked, new Proxy({}, throwing), new Proxy(["id"], throwing), new Proxy(["id", "name"], {})]) {
      expect(outcome(() => fieldsQuery(spec, { fields }))).toEqual(outcome(() => queryString(spec, { fields })));
    }
  });
});
