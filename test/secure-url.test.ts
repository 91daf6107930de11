import { requireSecureUrl } from "../src/secure-url";
import { validationErrorOf } from "./helpers/auth-fixtures";

describe("requireSecureUrl: where credentials may go", () => {
  test("https always; http only with the opt-in", () => {
    expect(() => requireSecureUrl("https://h/v3", false, "keystoneAuth")).not.toThrow();
    expect(() => requireSecureUrl("http://h:5000/v3", true, "keystoneAuth")).not.toThrow();
    const err = validationErrorOf(() => requireSecureUrl("http://h:9696", false, "createVpnaasClient"));
    expect(err.parameter).toBe("allowInsecureHttp");
    expect(err.message).toMatch(/plain http:\/\/ to h:9696; use https, or pass allowInsecureHttp: true to createVpnaasClient/);
  });

  test.each(["ftp://h/x", "ws://h/x", "file:///etc/passwd"])("any other scheme is refused even with the opt-in, naming the scheme: %s", (url) => {
    const err = validationErrorOf(() => requireSecureUrl(url, true, "createVpnaasClient"));
    expect(err.parameter).toBe("allowInsecureHttp");
    expect(err.message).toMatch(new RegExp(`^Refusing to send credentials to a ${new URL(url).protocol} URL; only https \\(or http with allowInsecureHttp: true\\) is allowed`));
  });
});
