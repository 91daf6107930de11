import { apiErrorOf, exchangeOf, isRetryableStatus, parsedOrText, textOf } from "../src/exchange";

const answer = (status: number, headers: Record<string, string> = {}, statusText = "") => ({ response: new Response(null, { status, statusText, headers }), attempts: 2, stopReason: "why" });

describe("exchangeOf: what an error says about one exchange", () => {
  test("Neutron's request id first, Huawei Cloud's otherwise, none when neither", () => {
    expect(exchangeOf("GET", "u", answer(404, { "x-openstack-request-id": "req-n", "x-request-id": "req-h" })).requestId).toBe("req-n");
    expect(exchangeOf("GET", "u", answer(404, { "x-request-id": "req-h" })).requestId).toBe("req-h");
    expect(exchangeOf("GET", "u", answer(404)).requestId).toBeUndefined();
  });
  test("carries the request, status, attempts, stop reason and whether the status is transient", () => {
    expect(exchangeOf("PUT", "https://n/x", answer(503, {}, "Service Unavailable"))).toEqual({
      method: "PUT", url: "https://n/x", status: 503, statusText: "Service Unavailable", requestId: undefined, retryable: true, attempts: 2, stopReason: "why",
    });
  });
  test.each([[408, true], [429, true], [500, true], [502, true], [503, true], [504, true], [400, false], [401, false], [404, false], [501, false], [505, false], [200, false]])("status %i is transient: %s", (status, transient) => {
    expect(isRetryableStatus(status)).toBe(transient);
  });
});

describe("the body of an error", () => {
  test("as text, however it was read", () => {
    expect(textOf(null)).toBe("");
    expect(textOf("abc")).toBe("abc");
    expect(textOf(new TextEncoder().encode("€uro"))).toBe("€uro");
  });
  test("JSON when it parses, else the text", () => {
    expect(parsedOrText('{"a":1}')).toEqual({ a: 1 });
    expect(parsedOrText("not json")).toBe("not json");
    expect(parsedOrText("")).toBe("");
  });
  test("apiErrorOf reads the body, names the exchange and cuts the secrets", () => {
    const received = { response: new Response(null, { status: 401, statusText: "Unauthorized" }), body: new TextEncoder().encode('{"error":{"title":"Unauthorized","message":"bad token tok-sekrit"}}'), attempts: 1 };
    const err = apiErrorOf("GET", "https://n/x", received as never, ["tok-sekrit"]);
    expect(err.message).toMatch(/^GET https:\/\/n\/x → 401 Unauthorized: Unauthorized: bad token /);
    expect(err.message).not.toContain("tok-sekrit");
    expect(err.errorType).toBe("Unauthorized");
  });
});
