import fc from "fast-check";
import { boundedJson, echoedForms, EXCERPT_LENGTH, excerptOf, isSecretName, limitText, redactKnown, redactParsed, redactSecrets } from "../src/redaction";

// A password with everything servers escape: a quote, a backslash, a slash, non-ASCII, an astral char.
const PASSWORD = 'pä"ss\\wörd/😀x';
// What Python's json.dumps (ensure_ascii, Keystone's default) writes for it, checked with CPython 3.
const PYTHON_JSON = String.raw`p\u00e4\"ss\\w\u00f6rd/\ud83d\ude00x`;

describe("redactSecrets", () => {
  test.each([
    ['{"psk":"abc"}', '{"psk":"[REDACTED]"}'],
    ['{"password": "a\\"b", "x": 1}', '{"password": "[REDACTED]", "x": 1}'],
    ['{"X-Auth-Token": "t1"}', '{"X-Auth-Token": "[REDACTED]"}'],
    ['{"x-subject-token":"t"}', '{"x-subject-token":"[REDACTED]"}'],
    ['{"X-Security-Token":"t"}', '{"X-Security-Token":"[REDACTED]"}'],
    ['{"authorization":"Bearer t"}', '{"authorization":"[REDACTED]"}'],
    ['{"Cookie":"s=1"}', '{"Cookie":"[REDACTED]"}'],
    ['{"x-api-key":"k"}', '{"x-api-key":"[REDACTED]"}'],
    ['{"api_key":"k"}', '{"api_key":"[REDACTED]"}'],
    ['{"secret_key":"k","sk":"k"}', '{"secret_key":"[REDACTED]","sk":"[REDACTED]"}'],
    ['{"application_credential_secret":"s"}', '{"application_credential_secret":"[REDACTED]"}'],
    ['{"refresh_token":"r","PASSWORD":"p"}', '{"refresh_token":"[REDACTED]","PASSWORD":"[REDACTED]"}'],
    ['{"psk": 12345678}', '{"psk": "[REDACTED]"}'],
    ["{'psk': 'from a Python repr'}", `{'psk': "[REDACTED]"}`],
    ['{"password": "cut off in the midd', '{"password": "[REDACTED]"'],
  ])("redacts %s", (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  test.each([
    ['{"access_key":"AK1"}'], // an AK identifies, it is not secret
    ['{"token_type":"Bearer","task":"t","desk":"d","tokens":"n"}'],
    ['{"token": {"expires_at": "2030-01-01T00:00:00Z"}}'], // an object value: only redactParsed replaces it
    ["psk is required"],
  ])("leaves %s alone", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

// isSecretName and redactSecrets each hold the list of secret names in their own regex literal
// (a bundler drops an unused literal, not a module-level `new RegExp`): they must agree on every name.
test("isSecretName and redactSecrets agree on which member names are secret", () => {
  const part = fc.constantFrom("psk", "sk", "password", "secret", "token", "authorization", "cookie", "secret_key", "secret-access-key", "api_key", "apikey", "api-key", "access_key", "key", "name", "x", "auth", "id");
  const name = fc.tuple(fc.constantFrom("", "x-", "client_", "X-Auth-", "my", "a-b_"), part, fc.constantFrom("", "s", "_id", "-x"), fc.boolean()).map(([pre, mid, post, upper]) => {
    const n = `${pre}${mid}${post}`;
    return upper ? n.toUpperCase() : n;
  });
  fc.assert(
    fc.property(name, (n) => {
      expect([n, redactSecrets(`{"${n}": "v"}`) === `{"${n}": "[REDACTED]"}`]).toEqual([n, isSecretName(n)]);
    }),
    { numRuns: 2000 },
  );
  expect(["psk", "X-Auth-Token", "client_secret", "secret_access_key", "x-api-key"].every(isSecretName)).toBe(true);
  expect(["access_key", "name", "pskx", "tokens"].some(isSecretName)).toBe(false);
});

describe("redactKnown", () => {
  // Each server writes the password its own way; the text must come out exactly as if it had
  // written "[REDACTED]" in its place.
  const upperHex = (s: string) => s.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`);
  test.each<[string, string]>([
    ["as sent", PASSWORD],
    ["JSON-escaped by JSON.stringify", JSON.stringify(PASSWORD).slice(1, -1)],
    ["ASCII-escaped by Python's json.dumps", PYTHON_JSON],
    ["ASCII-escaped with upper-case hex", upperHex(PYTHON_JSON)],
    ["ASCII-escaped with / escaped as \\/", PYTHON_JSON.replace("/", "\\/")],
    ["JSON-escaped with / escaped as \\/", JSON.stringify(PASSWORD).slice(1, -1).replace("/", "\\/")],
  ])("cuts a secret echoed %s", (_label, echoed) => {
    const body = (password: string) => `{"error": {"message": "Rejected: '${password}' for user admin"}}`;
    expect(redactKnown(body(echoed), [PASSWORD])).toBe(body("[REDACTED]"));
  });

  test.each([
    ["ignores secrets shorter than 4 characters", "the cat sat", ["cat"], "the cat sat"],
    ["takes secrets of 4 characters", "the cats sat", ["cats"], "the [REDACTED] sat"],
    ["skips undefined entries", "a hunter2 b", [undefined, "hunter2"], "a [REDACTED] b"],
    ["prefers the longest of overlapping secrets", "x secret-long y", ["secret", "secret-long"], "x [REDACTED] y"],
    ["treats regex characters literally", "aXbbc a.b*c", ["a.b*c"], "aXbbc [REDACTED]"],
    ["never matches inside its own replacement", "x REDACTED y", ["REDACTED"], "x [REDACTED] y"],
    ["replaces every occurrence", "tok1 and tok1", ["tok1"], "[REDACTED] and [REDACTED]"],
  ])("%s", (_label, text, secrets, expected) => {
    expect(redactKnown(text, secrets)).toBe(expected);
  });
});

describe("redactParsed", () => {
  test("catches a password that was JSON-escaped in the body, after parsing", () => {
    const body = JSON.parse(`{"error": {"code": 401, "message": "Invalid password ${PYTHON_JSON}"}}`);
    expect(redactParsed(body, [PASSWORD])).toEqual({ error: { code: 401, message: "Invalid password [REDACTED]" } });
  });

  test("replaces secret members at any depth, whatever their value, and leaves the input alone", () => {
    const body = { a: [{ psk: "p1", name: "n" }], token: { id: "v2-token" }, "X-Auth-Token": 5, access_key: "AK" };
    const before = JSON.stringify(body);
    expect(redactParsed(body, [])).toEqual({ a: [{ psk: "[REDACTED]", name: "n" }], token: "[REDACTED]", "X-Auth-Token": "[REDACTED]", access_key: "AK" });
    expect(JSON.stringify(body)).toBe(before);
  });

  test("redacts known secrets in member names too, and keeps a member named __proto__ as a member", () => {
    const copy = redactParsed(JSON.parse('{"__proto__": {"x": "hunter2"}, "hunter2": 1}'), ["hunter2"]) as object;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.entries(copy)).toEqual([["__proto__", { x: "[REDACTED]" }], ["[REDACTED]", 1]]);
  });

  test("cuts cycles and deep nesting instead of recursing without end", () => {
    const cyclic: Record<string, unknown> = { name: "a" };
    cyclic.self = cyclic;
    expect(redactParsed(cyclic, [])).toEqual({ name: "a", self: "[Circular]" });

    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let copy = redactParsed(deep, []);
    let depth = 0;
    while (Array.isArray(copy)) [copy, depth] = [copy[0], depth + 1];
    expect([depth, copy]).toEqual([32, "[…]"]);
  });

  test("does bounded work on shared objects (2^40 paths)", () => {
    let dag: unknown = { leaf: "x" };
    for (let i = 0; i < 40; i++) dag = { left: dag, right: dag };
    const started = Date.now();
    expect(JSON.stringify(redactParsed(dag, []))).toContain("[…]");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("a proxy that throws on every trap becomes [unreadable]", () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("no"); }, ownKeys: () => { throw new Error("no"); }, getOwnPropertyDescriptor: () => { throw new Error("no"); } });
    expect(redactParsed({ ok: 1, hostile }, [])).toEqual({ ok: 1, hostile: "[unreadable]" });
  });
});

describe("excerptOf", () => {
  test.each([
    [undefined, ""],
    ["", ""],
    ["  plain\n\ttext  ", "plain text"],
    [{ NeutronError: { type: "T", message: "m" } }, '{"NeutronError":{"type":"T","message":"m"}}'],
    [{ ipsec_site_connection: { psk: "p", id: "1" } }, '{"ipsec_site_connection":{"psk":"[REDACTED]","id":"1"}}'],
    [[1, null, undefined, 2n, NaN], "[1,null,undefined,2n,NaN]"], // never parsed JSON, but never a throw either
  ])("excerptOf(%p) is %j", (body, expected) => {
    expect(excerptOf(body)).toBe(expected);
  });

  test("writes an object exactly as JSON.stringify does", () => {
    const body = { a: [1, "two", { b: true, c: null, skipped: undefined }], "q\"uote": "é\n" };
    expect(excerptOf(body)).toBe(JSON.stringify(body).replace(/\s+/g, " "));
  });

  test("redacts before cutting, so a secret just inside the limit does not show its start", () => {
    const body = `${"x".repeat(EXCERPT_LENGTH - 15)} "psk": "abcdefghijklmnop"`;
    expect(excerptOf(body)).not.toMatch(/abc/);
    expect(excerptOf(`${"x".repeat(EXCERPT_LENGTH - 5)} ${PASSWORD}`, [PASSWORD])).not.toContain(PASSWORD.slice(0, 3));
  });

  test("cuts known secrets out of text and out of parsed bodies (where they appear JSON-escaped)", () => {
    expect(excerptOf(`Invalid password ${PYTHON_JSON}`, [PASSWORD])).toBe("Invalid password [REDACTED]");
    expect(excerptOf({ message: `Invalid password ${PASSWORD}` }, [PASSWORD])).toBe('{"message":"Invalid password [REDACTED]"}');
  });

  test("is at most EXCERPT_LENGTH characters and an ellipsis", () => {
    const shown = excerptOf("word ".repeat(1000));
    expect(shown).toHaveLength(EXCERPT_LENGTH + 1);
    expect(shown.endsWith("…")).toBe(true);
  });

  test("looks at a bounded prefix: no prefix of a secret cut at the scan limit shows", () => {
    // 64 KiB of whitespace collapses to one space, so whatever sits at the scan limit would be shown.
    const body = `${" ".repeat(64 * 1024 - 3)}${PASSWORD} trailing`;
    const shown = excerptOf(body, [PASSWORD]);
    expect(shown).not.toContain(PASSWORD.slice(0, 3));
    expect(shown).toBe("…");
  });

  test("costs the same for a 50 MB body as for a small one", () => {
    // Many would-be secret members: a whole-body regex pass and copy take seconds here.
    const huge = '{"psk":"x",'.repeat(5_000_000);
    const started = performance.now();
    const shown = excerptOf(huge, ["some-secret"]);
    expect(performance.now() - started).toBeLessThan(200);
    expect(shown.startsWith('{"psk":"[REDACTED]",')).toBe(true);
  });

  test("reads only the first elements of a huge parsed body", () => {
    let reads = 0;
    const items = new Proxy(new Array(10_000_000).fill("item"), {
      get: (target, key) => (typeof key === "string" && /^\d+$/.test(key) && reads++, Reflect.get(target, key)),
    });
    expect(excerptOf({ items }).length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
    expect(reads).toBeLessThan(10_000);
  });

  test("never throws on a body whose getters throw", () => {
    const body = { first: "ok", get second(): string { throw new Error("boom"); } };
    expect(excerptOf(body)).toBe("(unreadable)");
  });
});

describe("boundedJson", () => {
  test.each<[string, unknown, number, string]>([
    ["stops soon after max", ["aaaa", "bbbb", "cccc", "dddd"], 10, '["aaaa","bbb"]'],
    ["cuts a long string just past max", { m: "x".repeat(1000) }, 8, `{"m":"xxxx"}`],
    ["redacts secret members", { Password: "p", name: "n" }, 100, '{"Password":"[REDACTED]","name":"n"}'],
    ["marks cycles", (() => { const a: unknown[] = [1]; a.push(a); return a; })(), 100, '[1,"[Circular]"]'],
    ["writes what JSON cannot", [1n, Symbol("s"), NaN, () => 1], 100, "[1n,Symbol(s),NaN,function]"],
  ])("%s", (_label, value, max, expected) => {
    expect(boundedJson(value, max)).toBe(expected);
  });
});

describe("limitText", () => {
  test.each([
    ["short", 10, "short"],
    ["exactly10!", 10, "exactly10!"],
    ["eleven char", 10, "eleven cha…"],
    ["123456789😀", 10, "123456789…"], // never half of a surrogate pair
    ["abc", 0, "…"],
  ])("limitText(%j, %d) is %j", (text, max, expected) => {
    expect(limitText(text, max)).toBe(expected);
  });

  test("cuts to 500 characters by default (an errorMessage from a 50 MB body)", () => {
    expect(limitText("m".repeat(50_000_000))).toHaveLength(501);
  });
});
