// What a failed request's error says about the failure: the code found in the cause chain, the
// words for it, whether sending again may help, and the details errors keep or leave out.
import { isTransientCode, networkErrorCode } from "../src/network-failure";
import { isVpnaasError, sanitizedCause, VpnaasAuthError, VpnaasError, VpnaasNetworkError } from "../src/errors";

const request = { method: "GET", url: "https://net.example.com/v2.0/vpn/vpnservices", attempts: 1 };
const chain = (length: number, last: object = {}): unknown => {
  let error: unknown = Object.assign(new Error(`level ${length - 1}`), last);
  for (let i = length - 2; i >= 0; i--) error = Object.assign(new Error(`level ${i}`), { cause: error });
  return error;
};

describe("isTransientCode: may sending again help?", () => {
  test.each([
    ["ECONNRESET", true],
    ["UND_ERR_SOCKET", true],
    ["ConnectionRefused", true], // Bun's name
    ["ENOTFOUND", false], // the name will not resolve next time either
    ["ERR_INVALID_CHAR", false], // an invalid header fails the same way again
    ["ERR_STRING_TOO_LONG", false],
  ])("%s: %p", (code, transient) => {
    expect(isTransientCode(code)).toBe(transient);
  });
});

describe("networkErrorCode: the cause chain", () => {
  test("reads a code up to five errors deep, not deeper", () => {
    expect(networkErrorCode(chain(5, { code: "ECONNRESET" }))).toBe("ECONNRESET");
    expect(networkErrorCode(chain(6, { code: "ECONNRESET" }))).toBeUndefined();
    expect(networkErrorCode(chain(6, { message: "Connection refused" }))).toBeUndefined();
  });

  test("ends at a cycle in the chain and at a null cause", () => {
    const cyclic = new Error("fetch failed", { cause: undefined });
    Object.assign(cyclic, { cause: cyclic });
    expect(networkErrorCode(cyclic)).toBeUndefined();
    expect(networkErrorCode(Object.assign(new TypeError("fetch failed"), { cause: null }))).toBeUndefined();
  });

  test("reads only messages that are strings for the system's words", () => {
    expect(networkErrorCode({ message: ["Connection refused"] })).toBeUndefined();
    expect(networkErrorCode({ message: "Connection refused" })).toBe("ECONNREFUSED");
  });
});

describe("VpnaasNetworkError's words for the failure", () => {
  test("a code without words of its own is a 'network error', named by its code", () => {
    const cause = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("x"), { code: "ECONNABORTED" }) });
    expect(new VpnaasNetworkError(request, cause).message).toMatch(/ failed: network error \(ECONNABORTED\) \(1 attempt\)$/);
  });

  test("a failure without a code shows the first 100 characters of its message", () => {
    const err = new VpnaasNetworkError(request, new TypeError(`${"w".repeat(100)}TAIL`));
    expect(err.message).toContain(`failed: network error: ${"w".repeat(100)} (1 attempt)`);
    expect(err.message).not.toContain("TAIL");
  });
});

describe("what errors keep, and what they leave out", () => {
  test("a VpnaasError made directly is named so, and is one by the guard", () => {
    const err = new VpnaasError("something failed");
    expect(err.name).toBe("VpnaasError");
    expect(String(err)).toBe("VpnaasError: something failed");
    expect(isVpnaasError(err)).toBe(true);
  });

  test("a VpnaasAuthError without a cause has no cause member at all", () => {
    expect("cause" in new VpnaasAuthError("token refused")).toBe(false);
    const cause = new Error("401");
    expect(new VpnaasAuthError("token refused", { cause }).cause).toBe(cause);
  });

  test("sanitizedCause of an error without a code has no code member", () => {
    expect("code" in sanitizedCause(new TypeError("bad header"), [])).toBe(false);
  });
});
