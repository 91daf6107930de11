import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { createVpnaasClient, keystoneAuth, type VpnaasValidationError } from "../src";
import { keystoneTokensUrl, networkEndpoint } from "../src/auth/keystone";
import { checkEndpointUrl, describeUrlSafely, type EndpointParameter } from "../src/endpoint-url";
import { validationErrorOf } from "./helpers/auth-fixtures";


/** Every way a caller or logger may turn the error into text, its own properties included. */
const renderings = (err: VpnaasValidationError) => [err.message, String(err), err.stack ?? "", JSON.stringify(err), inspect(err, { showHidden: true, depth: 10 }), JSON.stringify(Object.getOwnPropertyDescriptors(err)), String((err as { cause?: unknown }).cause)];

describe("checkEndpointUrl accepts and normalises", () => {
  test.each<[EndpointParameter, string, string]>([
    ["baseUrl", "https://network.example.com:9696", "https://network.example.com:9696"],
    ["baseUrl", "https://network.example.com:9696///", "https://network.example.com:9696"],
    ["baseUrl", "https://network.example.com/v2.0", "https://network.example.com"],
    ["baseUrl", "https://network.example.com/v2.0/", "https://network.example.com"],
    ["baseUrl", "http://10.0.0.5/networking", "http://10.0.0.5/networking"], // DevStack
    ["baseUrl", "http://10.0.0.5/networking/v2.0/", "http://10.0.0.5/networking"],
    ["baseUrl", "http://10.0.0.5/networking///v2.0", "http://10.0.0.5/networking"], // every slash before the version goes
    ["baseUrl", "https://h/v2.0/networking", "https://h/v2.0/networking"], // a version inside the path is the path's
    ["baseUrl", "https://Network.EXAMPLE.com:443/", "https://network.example.com"],
    ["baseUrl", "http://[::1]:9696", "http://[::1]:9696"],
    ["baseUrl", "https://h/v3", "https://h/v3"], // only Keystone's version is stripped from authUrl
    ["authUrl", "https://keystone.example.com:5000/v3/", "https://keystone.example.com:5000"],
    ["authUrl", "https://h/identity", "https://h/identity"],
    ["catalog endpoint", "https://vpc.example.com/v2.0", "https://vpc.example.com"],
  ])("%s %s → %s", (parameter, value, expected) => {
    expect(checkEndpointUrl(parameter, value)).toBe(expected);
  });

  test("is idempotent: /v2.0 is stripped once, never again from a path of its own", () => {
    for (const value of ["https://h/v2.0", "https://h/a/v2.0/", "https://h/"]) {
      const once = checkEndpointUrl("baseUrl", value);
      expect(checkEndpointUrl("baseUrl", once)).toBe(once);
    }
  });

  test("a client built from a baseUrl ending in /v2.0 sends to /v2.0/vpn/… once", async () => {
    const urls: string[] = [];
    const fetch = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ ipsec_site_connection: { id: "x" } }), { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    await createVpnaasClient({ baseUrl: "https://h/v2.0/", fetch, retry: false }).getIpsecSiteConnection("851f280f-5639-4ea3-81aa-e298525ab74b");
    expect(urls).toEqual(["https://h/v2.0/vpn/ipsec-site-connections/851f280f-5639-4ea3-81aa-e298525ab74b"]);
  });
});

describe("checkEndpointUrl refuses", () => {
  test.each<[string, unknown, RegExp]>([
    ["a non-string", 42, /got 42\. Nothing was sent\.$/],
    ["undefined", undefined, /got undefined/],
    ["a BigInt", 1n, /got 1n/],
    ["an empty string", "", /got ""/],
    ["a host without a scheme", "network.example.com:9696", /; got "network\.example\.com:9696"\./],
    ["a path", "/v2.0", /; got "\/v2\.0"\./],
    ["ftp", "ftp://example.com", /; got "ftp:\/\/example\.com"\./],
    ["javascript:", "javascript:alert(1)", /; got "javascript:alert\(1\)"\./],
    ["a query", "https://h/path?x", /query or fragment \(https:\/\/h\/path\)/],
    ["an empty query", "https://h/?", /query or fragment/],
    ["a fragment", "https://h/#x", /query or fragment/],
    ["an empty fragment", "https://h#", /query or fragment/],
    ["/v2.0 twice", "https://h/v2.0/v2.0", /ending in \/v2\.0 twice/],
  ])("%s", (_label, value, message) => {
    const err = validationErrorOf(() => checkEndpointUrl("baseUrl", value));
    expect(err.parameter).toBe("baseUrl");
    expect(err.message).toMatch(/^baseUrl must be an http\(s\) URL/);
    expect(err.message).toMatch(message);
  });

  test("never shows a query's value, even of a string that is not a URL", () => {
    for (const value of ["https://h/x?token=SECRET-q", "https://h/x#SECRET-q", "h/x?token=SECRET-q"]) {
      for (const text of renderings(validationErrorOf(() => checkEndpointUrl("baseUrl", value)))) expect(text).not.toContain("SECRET-q");
    }
  });

  test("shows at most about 100 characters of a long URL", () => {
    const err = validationErrorOf(() => checkEndpointUrl("baseUrl", `https://h/${"p".repeat(10_000)}?q`));
    expect(err.message.length).toBeLessThan(300);
  });

  test("names authUrl for keystoneAuth's URL, with an example of one", () => {
    const err = validationErrorOf(() => checkEndpointUrl("authUrl", "keystone.example.com:5000"));
    expect(err.parameter).toBe("authUrl");
    expect(err.message).toMatch(/^keystoneAuth needs authUrl, an http\(s\) URL such as https:\/\/keystone\.example\.com:5000\/v3; got "keystone\.example\.com:5000"\. Nothing was sent\.$/);
  });

  test("a string that does not parse and holds an @ is described, not shown", () => {
    const err = validationErrorOf(() => checkEndpointUrl("baseUrl", "https://admin:pw@"));
    expect(err.message).toMatch(/; got something else \(not shown: its @ may follow credentials\)\. Nothing was sent\.$/);
  });

  test("names baseUrl for a bad catalog endpoint, and asks for one", () => {
    const err = validationErrorOf(() => checkEndpointUrl("catalog endpoint", "ftp://h"));
    expect(err.parameter).toBe("baseUrl");
    expect(err.message).toMatch(/^The Keystone catalog's network endpoint must be an http\(s\) URL; .*Pass baseUrl\.$/);
  });
});

describe("credentials in a URL are refused and never shown", () => {
  // Random passwords, but test names that stay the same from run to run (the mutation run's
  // incremental report matches tests by name).
  const encodings = ["base64", "hex", "base64url"] as const;
  const cases = Array.from({ length: 8 }, (_, i) => ({ i, encoding: encodings[i % 3]!, password: randomBytes(12).toString(encodings[i % 3]) }));

  test.each(cases)("random password $i, $encoding", ({ password }) => {
    const encoded = encodeURIComponent(password);
    const shapes = [
      `https://admin:${encoded}@network.example.com:9696/v2.0`,
      `https://${encoded}@network.example.com`, // a token as the user name
      `https://admin:${encoded}@`, // parses not at all, because of the @
      `https://admin:${encoded}@h:99999`,
      `https:\\\\admin:${encoded}@h`,
      `ftp://admin:${encoded}@h`,
      `mailto:admin:${encoded}@h`, // parses, without a user name
      `foo://admin:${encoded}@h`,
    ];
    for (const parameter of ["baseUrl", "authUrl", "catalog endpoint"] as const) {
      for (const value of shapes) {
        const err = validationErrorOf(() => checkEndpointUrl(parameter, value));
        expect(err.cause).toBeUndefined();
        for (const text of renderings(err)) {
          expect(text).not.toContain(password);
          expect(text).not.toContain(encoded);
          expect(text).not.toContain("admin");
        }
      }
    }
  });

  test("the message says what is wrong, with the userinfo masked", () => {
    const err = validationErrorOf(() => checkEndpointUrl("baseUrl", "https://u:p4ssw0rd@network.example.com/v2.0"));
    expect(err.message).toContain("got a URL with credentials in it (https://***@network.example.com/v2.0); pass credentials with auth");
  });

  test("createVpnaasClient and keystoneAuth refuse them when created, before anything is sent", () => {
    const fetch = jest.fn() as unknown as typeof globalThis.fetch;
    expect(validationErrorOf(() => createVpnaasClient({ baseUrl: "https://u:hunter2@h", fetch })).message).not.toContain("hunter2");
    expect(validationErrorOf(() => keystoneAuth({ authUrl: "https://u:hunter2@k/v3", userId: "u", password: "p", projectId: "p" })).parameter).toBe("authUrl");
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("keystone URLs", () => {
  test.each([
    ["https://k:5000", "https://k:5000/v3/auth/tokens"],
    ["https://k:5000/v3", "https://k:5000/v3/auth/tokens"],
    ["https://k/identity/v3/", "https://k/identity/v3/auth/tokens"],
  ])("keystoneTokensUrl(%s) is %s", (authUrl, expected) => {
    expect(keystoneTokensUrl(authUrl)).toBe(expected);
  });

  test("networkEndpoint strips /v2.0 from the catalog's URL and refuses one with credentials or a query", () => {
    const catalog = (url: string) => [{ type: "network", endpoints: [{ interface: "public", region_id: "R", url }] }];
    expect(networkEndpoint(catalog("https://n.example.com/v2.0/"), { interface: "public" })).toBe("https://n.example.com");
    for (const url of ["https://u:hunter2@n.example.com", "https://n.example.com?token=hunter2"]) {
      const err = validationErrorOf(() => networkEndpoint(catalog(url), { interface: "public" }));
      for (const text of renderings(err)) expect(text).not.toContain("hunter2");
    }
  });
});

describe("describeUrlSafely", () => {
  test.each([
    ["https://user:pw@h.example.com:8443/a/b?token=t#frag", "https://h.example.com:8443/a/b"],
    ["http://h/", "http://h/"],
    ["/v2.0/vpn/x?token=t", "/v2.0/vpn/x"], // a relative Location
    ["//user:pw@h/x", "(a URL not shown)"],
    ["mailto:someone@example.com", "mailto:"],
    [`https://h/${"p".repeat(150)}`, `https://h/${"p".repeat(90)}…`],
  ])("%s → %s", (url, expected) => {
    expect(describeUrlSafely(url)).toBe(expected);
  });
});
