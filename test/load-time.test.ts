// What src/ modules set up when they load (tables, patterns, message texts, guards), checked on a
// copy of the module loaded inside the test itself. The other suites import each module once, when
// their file loads, so the mutation gate (perTest coverage) sees these lines as run by no test and
// cannot tell whether any test would notice a change to them: here every test loads its own copy,
// which the gate then runs with each such change in place. Jest-only (jest.isolateModules), so
// the runtime matrix leaves this file out (scripts/test-runtimes.mjs).
import { createHash } from "node:crypto";

/** A new copy of the module at `path` (relative to this file) and of everything it imports. */
function fresh<T>(path: string): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    loaded = require(path) as T;
  });
  return loaded!;
}

const UUID = "851f280f-5639-4ea3-81aa-e298525ab74b";

test("validation: a UUID passes; anything before or after one does not", () => {
  const { requireUuid } = fresh<typeof import("../src/validation")>("../src/validation");
  for (const id of [UUID, UUID.toUpperCase(), "00000000-0000-0000-0000-000000000000"]) expect(requireUuid("id", id)).toBe(id);
  for (const id of [`../${UUID}`, `x${UUID}`, `${UUID}/x`, `${UUID}0`, UUID.replace(/-/g, ""), UUID.slice(1)]) {
    expect(() => requireUuid("id", id)).toThrow("id must be a UUID");
  }
});

describe("network-failure", () => {
  const words: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    EPIPE: "connection closed while sending",
    ETIMEDOUT: "connection timed out",
    ENOTFOUND: "host name not found (DNS)",
    EAI_AGAIN: "DNS lookup failed temporarily",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    UND_ERR_SOCKET: "socket closed by the other side",
    UND_ERR_CONNECT_TIMEOUT: "connect timed out",
    UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
    UND_ERR_BODY_TIMEOUT: "body stalled",
  };
  const wordless = ["ECONNABORTED", "ENETDOWN", "UND_ERR_CLOSED", "ConnectionRefused", "ConnectionClosed", "ConnectionReset"];

  test("every known code has its words in a message (or none), and all but ENOTFOUND are worth another attempt", () => {
    const { describeNetworkFailure, isTransientCode } = fresh<typeof import("../src/network-failure")>("../src/network-failure");
    for (const [code, text] of Object.entries(words)) expect(describeNetworkFailure(code, undefined)).toBe(`${text} (${code})`);
    for (const code of wordless) expect(describeNetworkFailure(code, undefined)).toBe(`network error (${code})`);
    for (const code of [...Object.keys(words), ...wordless]) expect([code, isTransientCode(code)]).toEqual([code, code !== "ENOTFOUND"]);
    for (const code of ["EINVAL", "ERR_STRING_TOO_LONG", "toString", ""]) expect(isTransientCode(code)).toBe(false);
  });

  test("without a code, the operating system's words in the cause chain give it (Deno)", () => {
    const { networkErrorCode } = fresh<typeof import("../src/network-failure")>("../src/network-failure");
    const cases: [string, string][] = [
      ["tcp connect error: Connection refused (os error 111)", "ECONNREFUSED"],
      ["error reading: Connection reset by peer (os error 104)", "ECONNRESET"],
      ["error writing: Broken pipe (os error 32)", "EPIPE"],
      ["tcp connect error: No route to host (os error 113)", "EHOSTUNREACH"],
      ["tcp connect error: Network is unreachable (os error 101)", "ENETUNREACH"],
      ["invalid peer certificate: UnknownIssuer", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
      // Deno 2.9.6's words (rustls's CertificateError Display), captured as in test/retry.test.ts.
      ["invalid peer certificate: certificate expired: verification time 1796087106 (UNIX), but certificate is not valid after 1577923200 (218163906 seconds ago)", "CERT_HAS_EXPIRED"],
      ['invalid peer certificate: certificate not valid for name "127.0.0.1"; certificate is only valid for DnsName("other.example")', "ERR_TLS_CERT_ALTNAME_INVALID"],
      ["invalid peer certificate: certificate not valid yet: verification time 1796094684 (UNIX), but certificate is not valid before 1922313600 (126218916 seconds in future)", "CERT_NOT_YET_VALID"],
    ];
    for (const [message, code] of cases) expect(networkErrorCode(new TypeError("fetch failed", { cause: new Error(message) }))).toBe(code);
    expect(networkErrorCode(new TypeError("fetch failed", { cause: new Error("something else") }))).toBeUndefined();
  });
});

test("header-redaction: every allowlisted header is shown, every known scheme named, anything else [REDACTED]", () => {
  const { sanitizeHeaders, REDACTED } = fresh<typeof import("../src/header-redaction")>("../src/header-redaction");
  expect(REDACTED).toBe("[REDACTED]");
  const shown = ("accept accept-encoding accept-language cache-control connection content-encoding content-language " +
    "content-length content-type date etag expires host if-match if-none-match last-modified openstack-api-version " +
    "pragma request-id retry-after server transfer-encoding user-agent vary www-authenticate x-compute-request-id " +
    "x-openstack-request-id x-project-id x-request-id x-sdk-date").split(" ");
  const headers = Object.fromEntries(shown.map((name) => [name, `value of ${name}`]));
  expect(sanitizeHeaders({ ...headers, "x-api-key": "k-123456" })).toEqual({ ...headers, "x-api-key": "[REDACTED]" });
  for (const scheme of ["Basic", "Bearer", "Digest", "Negotiate", "NTLM", "Token", "AWS4-HMAC-SHA256"]) {
    expect(sanitizeHeaders({ authorization: `${scheme} c2VjcmV0` })).toEqual({ authorization: `${scheme} [REDACTED]` });
  }
  expect(sanitizeHeaders({ authorization: "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=abc" })).toEqual({
    authorization: "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=[REDACTED]",
  });
  expect(sanitizeHeaders({ authorization: "c2VjcmV0" })).toEqual({ authorization: "[REDACTED]" });
});

test("errors: each guard knows its own error by name, and only it", () => {
  const errors = fresh<typeof import("../src/errors")>("../src/errors");
  const guards: [keyof typeof errors, string][] = [
    ["isNetworkError", "VpnaasNetworkError"],
    ["isTimeoutError", "VpnaasTimeoutError"],
    ["isAuthError", "VpnaasAuthError"],
    ["isResponseError", "VpnaasResponseError"],
    ["isRedirectError", "VpnaasRedirectError"],
  ];
  for (const [guard, name] of guards) {
    const is = errors[guard] as (e: unknown) => boolean;
    expect([guard, is(Object.assign(new Error("x"), { name }))]).toEqual([guard, true]);
    expect([guard, is(Object.assign(new Error("x"), { name: "VpnaasApiError" }))]).toEqual([guard, false]);
  }
  const { isWaitError } = fresh<typeof import("../src/operations/wait")>("../src/operations/wait");
  const { isSiteToSiteError } = fresh<typeof import("../src/operations/site-to-site")>("../src/operations/site-to-site");
  expect([isWaitError({ name: "VpnaasWaitError" }), isWaitError({ name: "VpnaasSiteToSiteError" })]).toEqual([true, false]);
  expect([isSiteToSiteError({ name: "VpnaasSiteToSiteError" }), isSiteToSiteError({ name: "VpnaasWaitError" })]).toEqual([true, false]);
});

test("redaction: secret member names in any case, every member, and bodies up to 64 KiB read in full", () => {
  const { isSecretName, redactSecrets, excerptOf } = fresh<typeof import("../src/redaction")>("../src/redaction");
  for (const name of ["psk", "PSK", "X-Auth-Token", "client_secret", "api_key", "Password"]) expect([name, isSecretName(name)]).toEqual([name, true]);
  for (const name of ["name", "peer_address", "access_key", ""]) expect([name, isSecretName(name)]).toEqual([name, false]);
  expect(redactSecrets(`{"psk": "abc123", "name": "n", "PSK": "def456", 'password': 'x1'}`)).toBe(
    `{"psk": "[REDACTED]", "name": "n", "PSK": "[REDACTED]", 'password': "[REDACTED]"}`,
  );
  for (const name of ["secret_key", "secret-access-key", "SECRET_ACCESS_KEY", "api_key", "apikey", "Api-Key", "client_secret"]) expect([name, isSecretName(name)]).toEqual([name, true]);
  for (const name of ["desk", "mypsk", "password_policy", "token_id", "secretkey", "secret_accesskey", "api__key"]) expect([name, isSecretName(name)]).toEqual([name, false]);
  const members: [string, string][] = [
    ['{"client_secret": "abc123"}', '{"client_secret": "[REDACTED]"}'],
    ['{"x-auth-token": "abc123"}', '{"x-auth-token": "[REDACTED]"}'],
    ['{"secret_access_key": "abc123", "secret_key": "abc123", "api_key": "def456", "apikey": "ghi789"}', '{"secret_access_key": "[REDACTED]", "secret_key": "[REDACTED]", "api_key": "[REDACTED]", "apikey": "[REDACTED]"}'],
    ['{"psk" : "abc123"}', '{"psk" : "[REDACTED]"}'],
    ['{"psk":"abc123"}', '{"psk":"[REDACTED]"}'],
    ['{"psk":   "abc123"}', '{"psk":   "[REDACTED]"}'],
    ['{"psk": "abc', '{"psk": "[REDACTED]"'],
    ["{'psk': 'abc", `{'psk': "[REDACTED]"`],
    ['{"psk": 12345, "n": 1}', '{"psk": "[REDACTED]", "n": 1}'],
    ['{"psk": -1.5e+3}', '{"psk": "[REDACTED]"}'],
    ['{"psk": "a\\"b", "n": 1}', '{"psk": "[REDACTED]", "n": 1}'],
  ];
  for (const [text, redacted] of members) expect(redactSecrets(text)).toBe(redacted);
  expect(excerptOf('{"a": 1}')).toBe('{"a": 1}');
  expect(excerptOf(`${" ".repeat(60_000)}{"psk": "abc123"}`)).toBe('{"psk": "[REDACTED]"}');
});

test("retry-policy: idempotent methods are retried, POST and PATCH only on request; all three HTTP-date forms are read", () => {
  const { decideRetry, parseRetryAfterMs, isTransientNetworkFailure } = fresh<typeof import("../src/retry-policy")>("../src/retry-policy");
  const settings = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
  const retried = (method: string) =>
    decideRetry({ attempt: 1, method, outcome: { status: 503 }, retryNonIdempotent: false, remainingMs: 60_000, nowMs: 0, random: 0 }, settings).retry;
  for (const method of ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]) expect([method, retried(method)]).toEqual([method, true]);
  for (const method of ["POST", "PATCH", ""]) expect([method, retried(method)]).toEqual([method, false]);
  const now = Date.UTC(2026, 10, 30, 12, 0, 0);
  for (const date of ["Mon, 30 Nov 2026 12:00:10 GMT", "Monday, 30-Nov-26 12:00:10 GMT", "Mon Nov 30 12:00:10 2026"]) {
    expect([date, parseRetryAfterMs(date, now)]).toEqual([date, 10_000]);
  }
  for (const date of ["Tue 1", "xMon, 30 Nov 2026 12:00:10 GMT", "Mon, 30 Nov 2026 12:00:10 GMT+0100"]) expect([date, parseRetryAfterMs(date, now)]).toEqual([date, undefined]);
  expect(isTransientNetworkFailure(new TypeError("Failed to fetch"))).toBe(true);
  expect(isTransientNetworkFailure(new TypeError("Cannot read: Failed to fetch"))).toBe(false);
});

test("endpoint-url: each URL's refusal says what it should be", () => {
  const { checkEndpointUrl } = fresh<typeof import("../src/endpoint-url")>("../src/endpoint-url");
  const refusal = (parameter: "baseUrl" | "authUrl" | "catalog endpoint") => {
    try {
      checkEndpointUrl(parameter, "ftp://x");
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("accepted");
  };
  expect(refusal("baseUrl")).toMatch(/^baseUrl must be an http\(s\) URL such as https:\/\/network\.example\.com:9696; /);
  expect(refusal("authUrl")).toMatch(/^keystoneAuth needs authUrl, an http\(s\) URL such as https:\/\/keystone\.example\.com:5000\/v3; /);
  expect(refusal("catalog endpoint")).toMatch(/^The Keystone catalog's network endpoint must be an http\(s\) URL; .* Pass baseUrl\.$/);
});

test("clock: a wait longer than a timer holds is served by timers of at most 2^31-1 ms", () => {
  const { realClock } = fresh<typeof import("../src/clock")>("../src/clock");
  const delays: number[] = [];
  const spy = jest.spyOn(globalThis, "setTimeout").mockImplementation(((_run: () => void, ms: number) => {
    delays.push(ms);
    return 0;
  }) as unknown as typeof setTimeout);
  try {
    realClock.setTimer(() => {}, 2 ** 31)();
  } finally {
    spy.mockRestore();
  }
  expect(delays).toEqual([2 ** 31 - 1]);
});

describe("sign-aksk", () => {
  type SignAkSk = typeof import("../src/auth/sign-aksk");
  const request = (url: string) => ({ method: "GET", url, headers: [["accept", "application/json"]] as [string, string][], sdkDate: "20191115T033655Z" });
  const ORIGIN = "https://vpc.example.com";

  test("encodes what is not unreserved, in segments, queries and single values", () => {
    const { rfc3986, canonicalUri } = fresh<SignAkSk>("../src/auth/sign-aksk");
    expect([rfc3986("a b"), rfc3986(" "), rfc3986("!"), rfc3986("a-b.c_d~")]).toEqual(["a%20b", "%20", "%21", "a-b.c_d~"]);
    expect([canonicalUri("/a%20b"), canonicalUri("%"), canonicalUri("/v2.0/x")]).toEqual(["/a%2520b/", "%25/", "/v2.0/x/"]);
  });

  test("a URL on the origin it read last is signed as a signer that never saw it signs it", () => {
    const { akskSigner } = fresh<SignAkSk>("../src/auth/sign-aksk");
    const warm = akskSigner("AK", "SK");
    warm(request(`${ORIGIN}/v2.0/vpn`));
    const paths = ["/a b/c", "/..", "/a/./b", "/a/..", "/!", "/x??a=1", "/x?a=1#f", "/x??", "/x?#", "/x?b=2&a=1"];
    for (const path of paths) expect([path, warm(request(`${ORIGIN}${path}`)).signature]).toEqual([path, akskSigner("AK", "SK")(request(`${ORIGIN}${path}`)).signature]);
  });

  test("a plain path and query on the origin read last are read without parsing the URL again", () => {
    const { akskSigner } = fresh<SignAkSk>("../src/auth/sign-aksk");
    const signer = akskSigner("AK", "SK");
    signer(request(`${ORIGIN}/v2.0/vpn`));
    const Parser = globalThis.URL;
    let parsed = 0;
    globalThis.URL = class extends Parser {
      constructor(...args: ConstructorParameters<typeof URL>) {
        super(...args);
        parsed++;
      }
    };
    try {
      signer(request(`${ORIGIN}/v2.0/vpn/ipsec-site-connections/${UUID}`));
      signer(request(`${ORIGIN}/v2.0/vpn/ipsec-site-connections?limit=100&marker=${UUID}&fields=id`));
    } finally {
      globalThis.URL = Parser;
    }
    expect(parsed).toBe(0);
  });

  test("a value of unreserved characters (an id, a name) is taken as it is, without encoding work", () => {
    const { canonicalQueryString } = fresh<SignAkSk>("../src/auth/sign-aksk");
    const encode = jest.spyOn(globalThis, "encodeURIComponent");
    try {
      expect(canonicalQueryString(new URLSearchParams(`limit=100&marker=${UUID}&name=vpn-1.a_b~c`))).toBe(`limit=100&marker=${UUID}&name=vpn-1.a_b~c`);
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
  });

  test("a request without a body is signed with the SHA-256 of no bytes", () => {
    const { EMPTY_SHA256 } = fresh<SignAkSk>("../src/auth/sign-aksk");
    expect(EMPTY_SHA256).toBe(createHash("sha256").update("").digest("hex"));
  });
});
