import { redactHeaders, sanitizeHeaders, secretsOf } from "../src/header-redaction";
import { excerptOf, redactKnown } from "../src/redaction";

const SIGNATURE = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
const BASIC = Buffer.from("user:pä55").toString("base64");
const SIGNED = `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${SIGNATURE}`;

describe("sanitizeHeaders", () => {
  test.each([
    ["an allowlisted header", { Accept: "application/json" }, { accept: "application/json" }],
    ["request ids and AK/SK's non-secret headers", { "X-OpenStack-Request-ID": "req-1", "x-sdk-date": "20240101T000000Z", "X-Project-Id": "p1" }, { "x-openstack-request-id": "req-1", "x-sdk-date": "20240101T000000Z", "x-project-id": "p1" }],
    ["a custom API key header", { "X-Api-Key": "k-123" }, { "x-api-key": "[REDACTED]" }],
    ["Keystone and Huawei tokens", { "X-Auth-Token": "t", "X-Subject-Token": "s", "X-Security-Token": "sts" }, { "x-auth-token": "[REDACTED]", "x-subject-token": "[REDACTED]", "x-security-token": "[REDACTED]" }],
    ["a header nobody listed", { "X-Gateway-Credential": "g" }, { "x-gateway-credential": "[REDACTED]" }],
    ["a Location, whose query may carry a token", { Location: "https://h/x?token=t" }, { location: "[REDACTED]" }],
    ["a Bearer token", { Authorization: "Bearer abc.def" }, { authorization: "Bearer [REDACTED]" }],
    ["Basic credentials", { authorization: "Basic dXNlcjpwdw==" }, { authorization: "Basic [REDACTED]" }],
    ["an AK/SK signature", { Authorization: SIGNED }, { authorization: "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=[REDACTED]" }],
    ["an AK/SK header with something appended", { Authorization: `${SIGNED}, Extra=leak` }, { authorization: "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=[REDACTED]" }],
    ["an AK/SK header missing its Access and SignedHeaders", { Authorization: `SDK-HMAC-SHA256 Signature=${SIGNATURE}` }, { authorization: "SDK-HMAC-SHA256 Access=, SignedHeaders=, Signature=[REDACTED]" }],
    ["a bare credential without a scheme", { Authorization: "rawtoken123" }, { authorization: "[REDACTED]" }],
    ["an unknown first word (maybe the credential)", { Authorization: "abc123 def" }, { authorization: "[REDACTED]" }],
    ["proxy credentials", { "Proxy-Authorization": "Basic eDp5" }, { "proxy-authorization": "[REDACTED]" }],
    ["a scheme alone, without credentials", { Authorization: "Negotiate" }, { authorization: "Negotiate [REDACTED]" }],
    ["a credential that merely contains a scheme's name", { Authorization: "key:Bearer abc" }, { authorization: "[REDACTED]" }],
    ["AK/SK parts in lower case", { Authorization: `sdk-hmac-sha256 access=AK1, signedheaders=host, signature=${SIGNATURE}` }, { authorization: "sdk-hmac-sha256 Access=AK1, SignedHeaders=host, Signature=[REDACTED]" }],
  ])("shows %s as allowed", (_label, headers, expected) => {
    expect(sanitizeHeaders(headers)).toEqual(expected);
  });

  test("takes a Headers object or name/value pairs as well as a record", () => {
    const expected = { accept: "application/json", "x-api-key": "[REDACTED]" };
    expect(sanitizeHeaders(new Headers({ Accept: "application/json", "X-Api-Key": "k" }))).toEqual(expected);
    expect(sanitizeHeaders([["Accept", "application/json"], ["X-Api-Key", "k"]])).toEqual(expected);
  });

  test("a header named __proto__ is an ordinary member, not the prototype", () => {
    const out = sanitizeHeaders([["__proto__", "x"]]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toEqual([["__proto__", "[REDACTED]"]]);
  });

  test("returns a plain record the caller may change and delete from", () => {
    const out = sanitizeHeaders({ Accept: "application/json", "X-Api-Key": "k" });
    out.accept = "text/plain";
    delete out["x-api-key"];
    expect(out).toEqual({ accept: "text/plain" });
  });

  test("redactHeaders, the public name, is the allowlist", () => {
    expect(redactHeaders([["X-Api-Key", "k"], ["Accept", "*/*"]])).toEqual({ "x-api-key": "[REDACTED]", accept: "*/*" });
  });
});

describe("secretsOf", () => {
  test.each([
    ["a token header", { "X-Auth-Token": "tok-1" }, ["tok-1"]],
    ["a custom key header", { "x-api-key": "k-123" }, ["k-123"]],
    ["the allowlisted headers: none", { accept: "application/json", "content-type": "application/json", "user-agent": "ua/1", "x-sdk-date": "20240101T000000Z", "content-length": "12", "x-project-id": "p1" }, []],
    ["a Bearer token, whole and alone", { authorization: "Bearer abc.def" }, ["Bearer abc.def", "abc.def"]],
    ["Basic credentials, also decoded (UTF-8)", { authorization: `Basic ${BASIC}` }, [`Basic ${BASIC}`, BASIC, "user:pä55", "pä55"]],
    ["an AK/SK signature", { authorization: SIGNED }, [SIGNED, SIGNATURE]],
    ["each cookie's value", { cookie: "a=one; b=two" }, ["a=one; b=two", "one", "two"]],
    ["empty values: none", { "x-auth-token": "" }, []],
    ["proxy credentials, like authorization's", { "proxy-authorization": `Basic ${BASIC}` }, [`Basic ${BASIC}`, BASIC, "user:pä55", "pä55"]],
    ["a custom header that looks like scheme and credential: the value whole", { "x-api-key": "Key abc123" }, ["Key abc123"]],
    ["a credential after more than one space", { authorization: "Bearer  abc.def" }, ["Bearer  abc.def", "abc.def"]],
    ["a credential before trailing space", { authorization: "Bearer abc.def " }, ["Bearer abc.def ", "abc.def"]],
    ["three words: no one of them is the credential", { authorization: "Bearer abc def" }, ["Bearer abc def"]],
    ["a Bearer token that happens to be base64: not decoded", { authorization: "Bearer dXNlcjpwdw==" }, ["Bearer dXNlcjpwdw==", "dXNlcjpwdw=="]],
    ["cookie values without the spaces around them", { cookie: "a = one ;b=two" }, ["a = one ;b=two", "one", "two"]],
    ["an empty cookie value: not a secret", { cookie: "a=; b=two" }, ["a=; b=two", "two"]],
  ])("finds %s", (_label, headers, expected) => {
    expect(secretsOf(headers)).toEqual(expected);
  });

  test("what it finds is cut out of a body that echoes the request", () => {
    const headers = { "X-Auth-Token": "tok-123456", authorization: SIGNED, "x-api-key": "key-abcdef", accept: "application/json" };
    const echo = JSON.stringify({ error: "denied", saw: `sig ${SIGNATURE}, token tok-123456, key key-abcdef`, accept: "application/json" });
    const redacted = redactKnown(echo, secretsOf(headers));
    for (const secret of [SIGNATURE, "tok-123456", "key-abcdef"]) expect(redacted).not.toContain(secret);
    expect(redacted).toContain("application/json");
    expect(excerptOf(JSON.parse(echo), secretsOf(headers))).toBe('{"error":"denied","saw":"sig [REDACTED], token [REDACTED], key [REDACTED]","accept":"application/json"}');
  });
});
