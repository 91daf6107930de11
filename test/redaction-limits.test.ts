// The edges of redaction's limits: how many objects redactParsed copies, how deep, the 64 KiB an
// excerpt scans, and where boundedJson stops; and that shared objects are not taken for cycles.
import { boundedJson, EXCERPT_LENGTH, excerptOf, redactParsed } from "../src/redaction";

const SCAN_LENGTH = 64 * 1024;

describe("redactParsed", () => {
  test("copies the first 100 000 objects, and cuts the ones after", () => {
    const objects = (n: number) => Array.from({ length: n - 1 }, (_, i) => ({ i })); // plus the array itself
    const exact = redactParsed(objects(100_000), []) as unknown[];
    expect(exact.at(-1)).toEqual({ i: 99_998 });
    const over = redactParsed(objects(100_001), []) as unknown[];
    expect(over.at(-2)).toEqual({ i: 99_998 });
    expect(over.at(-1)).toBe("[…]");
  });

  test("cuts objects nested deeper than 32 levels", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 100; i++) deep = { inner: deep };
    let copy = redactParsed(deep, []);
    let depth = 0;
    while (typeof copy === "object" && copy !== null) [copy, depth] = [(copy as { inner: unknown }).inner, depth + 1];
    expect([depth, copy]).toEqual([32, "[…]"]);
  });

  test("an object met twice but not inside itself is copied both times, not marked circular", () => {
    const shared = { name: "n" };
    expect(redactParsed({ a: shared, b: [shared, shared] }, [])).toEqual({ a: { name: "n" }, b: [{ name: "n" }, { name: "n" }] });
  });

  test("returns plain objects the caller may change and delete from", () => {
    const copy = redactParsed({ a: 1, b: 2 }, []) as Record<string, unknown>;
    copy.a = 3;
    delete copy.b;
    expect(copy).toEqual({ a: 3 });
  });
});

describe("excerptOf at the 64 KiB it scans", () => {
  test("a body of exactly 64 KiB is read whole: no ellipsis", () => {
    expect(excerptOf(`${" ".repeat(SCAN_LENGTH - 3)}end`)).toBe("end");
  });

  test("a longer body is cut at 64 KiB and marked with an ellipsis", () => {
    expect(excerptOf(`${" ".repeat(SCAN_LENGTH - 2)}end`)).toBe("en…");
  });

  test("a cut body shows an ellipsis even when what is left is exactly EXCERPT_LENGTH long", () => {
    const shown = excerptOf(`${"x".repeat(EXCERPT_LENGTH)}${" ".repeat(SCAN_LENGTH)}y`);
    expect(shown).toBe(`${"x".repeat(EXCERPT_LENGTH)}…`);
  });

  test("a body within 64 KiB is not shortened for the secrets' sake", () => {
    const body = `${" ".repeat(SCAN_LENGTH - 20)}tail-words`;
    expect(excerptOf(body, ["secret-value-123"])).toBe("tail-words");
  });
});

describe("boundedJson's stop", () => {
  test.each<[string, unknown, number, string]>([
    ["writes the next item when the text is exactly max long", ["aaaa", "bbbb"], 8, '["aaaa","b"]'],
    ["stops only past max: a text exactly max long takes the next separator", ["aaaa", "bbbb"], 7, '["aaaa",]'],
    ["writes no value once a member name took it past max", { "a-long-member-name": "value" }, 5, '{"a-long-member-name":}'],
    ["leaves out members JSON.stringify leaves out: undefined, function and symbol values", { u: undefined, f: () => 1, s: Symbol("s"), b: 1 }, 100, '{"b":1}'],
    ["writes an object met twice both times", (() => { const o = { x: 1 }; return [o, o]; })(), 100, '[{"x":1},{"x":1}]'],
  ])("%s", (_label, value, max, expected) => {
    expect(boundedJson(value, max)).toBe(expected);
  });
});
