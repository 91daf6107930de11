import { VpnaasApiError, VpnaasNetworkError, VpnaasRedirectError, VpnaasResponseError, VpnaasTimeoutError } from "../src";
import { sanitizedCause } from "../src/errors";

// The messages are contract: README "Errors" promises `METHOD URL → STATUS TEXT: what`, the
// request id, the attempts and why the retry layer stopped; people grep logs for them.
const URL_ = "https://net.example.com/v2.0/vpn/ikepolicies";
const exchange = { method: "GET", url: URL_, status: 409, statusText: "Conflict", requestId: undefined };

describe("VpnaasApiError: what the body says", () => {
  test.each<[string, unknown, string, string | undefined, string | undefined]>([
    ["Neutron's NeutronError", { NeutronError: { type: "IkePolicyInUse", message: "in use", detail: "" } }, ": IkePolicyInUse: in use", "IkePolicyInUse", "in use"],
    ["Neutron's NeutronError without a type", { NeutronError: { message: "in use" } }, ": in use", undefined, "in use"],
    ["Keystone's error", { error: { code: 409, title: "Conflict", message: "dup" } }, ": Conflict: dup", "Conflict", "dup"],
    ["WebOb's own body", { title: "Service Unavailable", message: "keystone down", code: 503 }, ": Service Unavailable: keystone down", "Service Unavailable", "keystone down"],
    ["Huawei Cloud's error_code", { error_code: "VPC.0101", error_msg: "bad request" }, ": VPC.0101: bad request", "VPC.0101", "bad request"],
    ["Huawei Cloud's error_code alone", { error_code: "APIGW.0301" }, ": APIGW.0301", "APIGW.0301", undefined],
    ["Huawei Cloud's error_msg alone", { error_msg: "bad request" }, ": bad request", undefined, "bad request"],
    ["empty strings", { NeutronError: { type: "", message: "" } }, ': {"NeutronError":{"type":"","message":""}}', undefined, undefined],
    ["an unknown shape", { oops: 1 }, ': {"oops":1}', undefined, undefined],
    ["a NeutronError that is not an object", { NeutronError: "x", error_msg: "m" }, ": m", undefined, "m"],
    ["an error that is not an object", { error: "x", title: "T", message: "M" }, ": T: M", "T", "M"],
    ["a title without message", { title: "T" }, ': {"title":"T"}', undefined, undefined],
    ["a message without title (not WebOb's body)", { message: "M" }, ': {"message":"M"}', undefined, undefined],
    ["a text body", "upstream failed", ": upstream failed", undefined, undefined],
    ["no body", undefined, "", undefined, undefined],
    ["null", null, "", undefined, undefined],
  ])("%s", (_label, body, what, errorType, errorMessage) => {
    const err = new VpnaasApiError(exchange, body);
    expect(err.message).toBe(`GET ${URL_} → 409 Conflict${what}`);
    expect([err.errorType, err.errorMessage]).toEqual([errorType, errorMessage]);
  });

  test("the server's echo of a secret is cut out of the message and the fields", () => {
    const err = new VpnaasApiError(exchange, { NeutronError: { type: "T-sekrit-1", message: "psk sekrit-1 rejected" } }, ["sekrit-1"]);
    expect(err.message).not.toContain("sekrit-1");
    expect(`${err.errorType} ${err.errorMessage}`).not.toContain("sekrit-1");
  });
});

describe("the notes of an answered exchange", () => {
  test.each<[string, object, string]>([
    ["none", {}, ""],
    ["the request id", { requestId: "req-1" }, " (request req-1)"],
    ["one attempt is not mentioned", { attempts: 1, requestId: "req-1" }, " (request req-1)"],
    ["attempts", { attempts: 3 }, " (3 attempts)"],
    ["both", { attempts: 2, requestId: "req-1" }, " (request req-1, 2 attempts)"],
    ["a stop reason for a retryable status", { attempts: 4, retryable: true, stopReason: "no retries left (maxRetries 3)" }, " (4 attempts); no retries left (maxRetries 3)"],
    ["no stop reason for a status that is not retryable", { retryable: false, stopReason: "409 is not retried" }, ""],
  ])("%s", (_label, over, notes) => {
    const err = new VpnaasApiError({ ...exchange, ...over }, undefined);
    expect(err.message).toBe(`GET ${URL_} → 409 Conflict${notes}`);
    expect(err.attempts).toBe((over as { attempts?: number }).attempts ?? 1);
    expect(err.retryable).toBe((over as { retryable?: boolean }).retryable ?? false);
    expect([err.status, err.method, err.url, err.requestId]).toEqual([409, "GET", URL_, (over as { requestId?: string }).requestId]);
  });
});

describe("VpnaasResponseError", () => {
  test("names the problem, the content type and the start of the body", () => {
    const err = new VpnaasResponseError({ ...exchange, status: 200, statusText: "OK" }, "not JSON", "<html>", "text/html");
    expect(err.message).toBe(`GET ${URL_} → 200 OK: not JSON (content-type text/html); body starts: <html>`);
    expect([err.contentType, err.excerpt]).toEqual(["text/html", "<html>"]);
  });
  test("says when the body is empty and there is no content type", () => {
    const err = new VpnaasResponseError({ ...exchange, status: 200, statusText: "OK" }, "empty body", "", undefined);
    expect(err.message).toBe(`GET ${URL_} → 200 OK: empty body; body is empty`);
    expect(err.cause).toBeUndefined();
    expect("cause" in err).toBe(false);
  });
  test("keeps a cause", () => {
    const cause = new SyntaxError("Unexpected end");
    expect(new VpnaasResponseError(exchange, "truncated JSON", "{", "application/json", cause).cause).toBe(cause);
  });
});

describe("VpnaasNetworkError and VpnaasTimeoutError", () => {
  const request = { method: "DELETE", url: URL_, attempts: 1 };
  test("one attempt, singular; several, plural; the stop reason after", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const one = new VpnaasNetworkError(request, refused);
    expect(one.message).toMatch(new RegExp(`^DELETE ${URL_} failed: .*ECONNREFUSED.* \\(1 attempt\\)$`));
    expect([one.code, one.retryable, one.attempts, one.method, one.url, one.cause]).toEqual(["ECONNREFUSED", true, 1, "DELETE", URL_, refused]);
    const three = new VpnaasNetworkError({ ...request, attempts: 3, stopReason: "no retries left (maxRetries 2)" }, refused, false);
    expect(three.message).toMatch(/ \(3 attempts\); no retries left \(maxRetries 2\)$/);
    expect(three.retryable).toBe(false);
  });
  test.each<[string, unknown, string]>([
    ["undici's 'terminated' (the connection died after the headers)", new TypeError("terminated"), "failed: connection closed in the middle of the body"],
    ["another error without a code, its message", new TypeError("Failed to fetch"), "failed: network error: Failed to fetch"],
    ["a thrown string", "socket gone", "failed: network error: socket gone"],
  ])("a network failure without a code says what happened: %s", (_label, cause, what) => {
    const err = new VpnaasNetworkError(request, cause);
    expect(err.message).toBe(`DELETE ${URL_} ${what} (1 attempt)`);
    expect(err.code).toBeUndefined();
  });
  test.each<["timeoutMs" | "totalTimeoutMs" | "aborted", number | undefined, string]>([
    ["timeoutMs", 30_000, "no complete answer within timeoutMs 30000 ms after 30012 ms"],
    ["totalTimeoutMs", 120_000, "totalTimeoutMs 120000 ms ran out after 30012 ms"],
    ["aborted", undefined, "aborted by the caller after 30012 ms"],
  ])("a %s timeout says which limit and the elapsed time, rounded", (kind, limitMs, what) => {
    const err = new VpnaasTimeoutError(request, kind, limitMs, 30_011.6, "reason");
    expect(err.message).toBe(`DELETE ${URL_} ${what} (1 attempt)`);
    expect([err.kind, err.limitMs, err.elapsedMs, err.cause]).toEqual([kind, limitMs, 30_011.6, "reason"]);
  });
});

describe("sanitizedCause: the stand-in kept for an error that quoted a secret", () => {
  test("keeps name, code and message, without the secrets", () => {
    const copy = sanitizedCause(Object.assign(new TypeError("bad header value tok-SECRET"), { code: "ERR_INVALID_CHAR" }), ["tok-SECRET"]);
    expect([copy.name, (copy as { code?: string }).code, copy.message]).toEqual(["TypeError", "ERR_INVALID_CHAR", "bad header value [REDACTED]"]);
  });
  test("a thrown string is an Error with that message; an object without a message or name has neither", () => {
    expect([sanitizedCause("socket gone", []).name, sanitizedCause("socket gone", []).message]).toEqual(["Error", "socket gone"]);
    const bare = sanitizedCause({ name: 42, message: { text: "not a string" } }, []);
    expect([bare.name, bare.message]).toEqual(["Error", ""]);
  });
});

describe("VpnaasRedirectError", () => {
  test("with and without a location; an opaque redirect has no status", () => {
    const to = new VpnaasRedirectError({ method: "GET", url: URL_ }, 302, "https://evil.example.com/x", "another origin");
    expect(to.message).toBe(`GET ${URL_} → 302 redirect to https://evil.example.com/x not followed: another origin. Nothing was sent there.`);
    expect([to.status, to.method, to.url, to.location]).toEqual([302, "GET", URL_, "https://evil.example.com/x"]);
    const opaque = new VpnaasRedirectError({ method: "GET", url: URL_ }, 0, undefined, "a browser hid it");
    expect(opaque.message).toBe(`GET ${URL_} → opaque redirect not followed: a browser hid it. Nothing was sent there.`);
  });
});
