import {
  isApiError,
  isAuthError,
  isNetworkError,
  isRedirectError,
  isResponseError,
  isSiteToSiteError,
  isTimeoutError,
  isValidationError,
  isVpnaasError,
  isWaitError,
  VpnaasValidationError,
} from "../src";

// Each guard looks only at `name`, so an error from another realm or another copy of the package
// (here: a plain object with that name) is recognized, and every other name is refused.
const guards = {
  VpnaasValidationError: isValidationError,
  VpnaasApiError: isApiError,
  VpnaasNetworkError: isNetworkError,
  VpnaasTimeoutError: isTimeoutError,
  VpnaasAuthError: isAuthError,
  VpnaasResponseError: isResponseError,
  VpnaasRedirectError: isRedirectError,
  VpnaasWaitError: isWaitError,
  VpnaasSiteToSiteError: isSiteToSiteError,
} as const;
const names = Object.keys(guards) as Array<keyof typeof guards>;
const notErrors: unknown[] = [undefined, null, 0, "VpnaasApiError", Symbol("VpnaasApiError"), new Error("x"), new TypeError("x"), {}, { name: 42 }, () => undefined];

describe.each(names)("the guard for %s", (name) => {
  const guard = guards[name];
  test("is true for its own name, from any realm", () => {
    expect(guard({ name })).toBe(true);
    expect(guard(Object.assign(new Error("m"), { name }))).toBe(true);
  });
  test.each(names.filter((other) => other !== name))("is false for %s", (other) => {
    expect(guard({ name: other })).toBe(false);
  });
  test("is false for what is not an SDK error", () => {
    for (const value of notErrors) expect(guard(value)).toBe(false);
  });
});

describe("isVpnaasError", () => {
  test.each([...names, "VpnaasError", "VpnaasFutureKindError"])("is true for %s", (name) => {
    expect(isVpnaasError({ name })).toBe(true);
  });
  test("is true for a real SDK error", () => {
    expect(isVpnaasError(new VpnaasValidationError("connectionId", "bad"))).toBe(true);
  });
  test.each(["Error", "TypeError", "AbortError", "xVpnaasApiError", "VpnaasApiErrorx", "VpnaasApiError.x", "Vpnaas-ApiError", "vpnaasApiError", ""])("is false for the name %j", (name) => {
    expect(isVpnaasError({ name })).toBe(false);
  });
  test("is false for what is not an error", () => {
    for (const value of notErrors) expect(isVpnaasError(value)).toBe(false);
  });
});
