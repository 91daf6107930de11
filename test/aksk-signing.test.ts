import fc from "fast-check";
import { akskSigner, canonicalQueryString, canonicalUri, EMPTY_SHA256, formatSdkDate, rfc3986, webCryptoAkskSigner } from "../src/auth/sign-aksk";
import { sha256Hex } from "../src/auth/sha256";
import { signAkSk } from "../src";
import { oracleAuthorization } from "./helpers/aksk-oracle";

const AK = "QTWAOYTTINDUT2QVKYUC";
const SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

/** Huawei's published example request (its signature is 7be66680…6ebe). */
const PUBLISHED_EXAMPLE = {
  method: "GET",
  url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  headers: [["Content-Type", "application/json"], ["Host", "service.region.example.com"]] as [string, string][],
  body: "",
  sdkDate: "20191115T033655Z",
};

describe("signAkSk", () => {
  test("reproduces Huawei's published example signature", async () => {
    const signed = await signAkSk({ ...PUBLISHED_EXAMPLE, accessKey: AK, secretKey: SK });
    expect(signed.signature).toBe("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    expect(signed.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe`,
    );
  });

  test("the WebCrypto signer reproduces it too, and keeps the key non-extractable", async () => {
    const imported: CryptoKey[] = [];
    const subtle = globalThis.crypto.subtle;
    // The real SubtleCrypto, watched: which key each signature was made with.
    const watched = Object.assign(Object.create(subtle) as SubtleCrypto, {
      importKey: (...args: Parameters<SubtleCrypto["importKey"]>) => subtle.importKey(...args),
      digest: subtle.digest.bind(subtle),
      sign: (algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource) => {
        imported.push(key);
        return subtle.sign(algorithm, key, data);
      },
    });
    const sign = webCryptoAkskSigner(AK, SK, watched);
    const signed = await sign(PUBLISHED_EXAMPLE);
    expect(signed.signature).toBe("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    expect(imported).toHaveLength(1);
    expect(imported[0]!.extractable).toBe(false);
  });

  test("a request with a body and X-Sdk-Content-Sha256 signs that header's value instead of hashing the body, as Huawei's signer does", async () => {
    const url = "https://vpc.example.com/v2.0/vpn/ipsec-site-connections";
    const body = JSON.stringify({ ipsec_site_connection: { name: "c1" } });
    const sdkDate = "20261128T120000Z";
    const given = (hash?: string): [string, string][] => [["Content-Type", "application/json"], ...(hash ? [["X-Sdk-Content-Sha256", hash] as [string, string]] : [])];
    const oracle = (hash?: string) =>
      oracleAuthorization({
        method: "POST",
        endpoint: "https://vpc.example.com/v2.0/vpn/ipsec-site-connections",
        query: [],
        headers: { "content-type": "application/json", host: "vpc.example.com", ...(hash ? { "X-Sdk-Content-Sha256": hash } : {}) },
        data: JSON.parse(body),
        sdkDate,
        accessKey: AK,
        secretKey: SK,
      });
    const bytes = new TextEncoder().encode(body);
    for (const hash of ["UNSIGNED-PAYLOAD", undefined]) {
      const theirs = oracle(hash);
      expect((await signAkSk({ method: "POST", url, headers: given(hash), body, sdkDate, accessKey: AK, secretKey: SK })).Authorization).toBe(theirs);
      expect(akskSigner(AK, SK)({ method: "POST", url, headers: given(hash), body: bytes, sdkDate }).Authorization).toBe(theirs);
      expect((await webCryptoAkskSigner(AK, SK)({ method: "POST", url, headers: given(hash), body: bytes, sdkDate })).Authorization).toBe(theirs);
    }
    expect(oracle("UNSIGNED-PAYLOAD")).not.toBe(oracle(undefined));
    expect(oracle("UNSIGNED-PAYLOAD")).toContain("SignedHeaders=content-type;host;x-sdk-content-sha256;x-sdk-date,");
  });

  test.each([
    ["/v1/abc/vpcs", "/v1/abc/vpcs/"],
    ["/", "/"],
    ["/a%20b/c", "/a%2520b/c/"],
    ["/x/", "/x/"],
  ])("canonical URI of %s is %s", (path, expected) => expect(canonicalUri(path)).toBe(expected));

  test.each([
    ["b=2&a=1", "a=1&b=2"],
    ["a=2&a=1&a=", "a=&a=1&a=2"],
    ["flag", "flag="],
    ["q=a+b&r=%2F", "q=a%20b&r=%2F"],
    ["k=%E2%82%AC", "k=%E2%82%AC"],
    ["", ""],
  ])("canonical query of %j is %j", (query, expected) => expect(canonicalQueryString(new URLSearchParams(query))).toBe(expected));

  test.each([
    ["AZaz09-._~", "AZaz09-._~"],
    ["!*'()", "%21%2A%27%28%29"],
    ["ü €", "%C3%BC%20%E2%82%AC"],
  ])("RFC 3986 encodes %j as %j", (text, expected) => expect(rfc3986(text)).toBe(expected));

  test("signs the same request the same way each time, whatever was signed in between", () => {
    const sign = akskSigner("QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
    const request = (url: string) => ({ method: "GET", url, headers: [["accept", "application/json"]] as [string, string][], sdkDate: "20191115T033655Z" });
    const a = "https://vpc.cn-north-4.myhuaweicloud.com/v2.0/vpn/ipsec-site-connections?fields=id";
    const b = "https://Other.example.com:8443/v2.0/a%20b/";
    const first = sign(request(a)).Authorization;
    const other = sign(request(b)).Authorization;
    expect(sign(request(a)).Authorization).toBe(first);
    expect(sign(request(a)).Authorization).toBe(first);
    expect(sign(request(b)).Authorization).toBe(other);
    expect(other).not.toBe(first);
  });

  test("the payload hash of an empty body is the SHA-256 of no bytes", () => expect(EMPTY_SHA256).toBe(sha256Hex("")));

  test("formats X-Sdk-Date as YYYYMMDDTHHMMSSZ in UTC", () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 789)))).toBe("20191115T033655Z");
  });
});

// Strings with the characters that trip signers up: reserved and sub-delims, %, +, spaces,
// unicode (BMP and astral), and the empty string.
const odd = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."/?#[]@!$&'()*+,;=% -._~:|^`{}\"<>\\"),
    fc.constantFrom("é", "€", "中", "😀", "\u00a0"),
    fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const segment = odd.filter((s) => s !== "." && s !== "..");
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((n) => !["host", "x-sdk-date", "content-type", "x-sdk-content-sha256", "authorization"].includes(n));
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/);
const json = fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ unit: "binary", maxLength: 8 }), fc.integer(), fc.boolean()), { minKeys: 1, maxKeys: 4 });

describe("agreement with Huawei's official AKSKSigner", () => {
  test("gives the same Authorization on generated requests", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"),
          host: fc.constantFrom("vpc.cn-north-4.myhuaweicloud.com", "127.0.0.1:8443", "service.region.example.com"),
          segments: fc.array(segment, { maxLength: 5 }),
          trailingSlash: fc.boolean(),
          query: fc.array(fc.tuple(fc.oneof(odd, fc.constantFrom("limit", "marker", "fields")), odd), { maxLength: 6 }),
          headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
          contentType: fc.option(fc.constantFrom("application/json", "application/json;charset=UTF-8", "text/plain"), { nil: undefined }),
          data: fc.option(json, { nil: undefined }),
          date: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
          accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
          secretKey: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }),
        }),
        async (r) => {
          const path = "/" + r.segments.map(rfc3986).join("/") + (r.trailingSlash && r.segments.length ? "/" : "");
          const query = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
          const url = `https://${r.host}${path}${query ? `?${query}` : ""}`;
          const headers: Record<string, string> = { ...r.headers };
          if (r.contentType) headers["content-type"] = r.contentType;
          const body = r.data === undefined ? "" : JSON.stringify(r.data);
          const sdkDate = formatSdkDate(r.date);
          const ours = await signAkSk({ method: r.method, url, headers: Object.entries(headers), body, sdkDate, accessKey: r.accessKey, secretKey: r.secretKey });
          const theirs = oracleAuthorization({
            method: r.method,
            endpoint: `https://${r.host}${path}`,
            query: [...new URL(url).searchParams],
            headers: { ...headers, host: r.host },
            data: r.data,
            sdkDate,
            accessKey: r.accessKey,
            secretKey: r.secretKey,
          });
          expect(ours.Authorization).toBe(theirs);
          // The WebCrypto signer (browsers) over the same request, body as bytes this time.
          const bytes = new TextEncoder().encode(body);
          const webCrypto = await webCryptoAkskSigner(r.accessKey, r.secretKey)({ method: r.method, url, headers: Object.entries(headers), body: bytes, sdkDate });
          expect(webCrypto.Authorization).toBe(theirs);
          expect(akskSigner(r.accessKey, r.secretKey)({ method: r.method, url, headers: Object.entries(headers), body: bytes, sdkDate }).Authorization).toBe(theirs);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a signer that has signed for an origin before", () => {
  // Path pieces that `new URL` rewrites (dot segments, also percent-encoded; backslashes; tabs;
  // characters it percent-encodes) next to ones it keeps, so that both ways of reading a URL run.
  const piece = fc.constantFrom("a", "v2.0", "ipsec-site-connections", "f92b7d25-608b-49a1", "_~", ".", "..", "...", ".x", "%2e", "%2E%2e", "a%20b", "\\", "\t", "é", " ", "?q=1", "#f", ";", "", "?", "??a=1", "?fields=id&fields=status", "?b=2&a=1&a=", "?a+b=%20c", "?x=%zz", "?k=%E2%82%AC", "?é=1", "?a b", "?a'b", "?a\"b", "?a<b", "?a#b", "?q=a/b:c@d");
  const origin = fc.constantFrom(
    "https://vpc.cn-north-4.myhuaweicloud.com",
    "http://127.0.0.1:8443",
    "https://vpc.example.com:443",
    "https://user@vpc.example.com",
    "HTTPS://VPC.Example.com",
    "http://[::1]:9696",
  );
  const sign = (signer: ReturnType<typeof akskSigner>, url: string) => signer({ method: "GET", url, headers: [["accept", "application/json"]], sdkDate: "20191115T033655Z" }).Authorization;

  test("signs each URL as a signer that has signed nothing yet does", () => {
    fc.assert(
      fc.property(origin, fc.array(fc.array(piece, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (base, paths) => {
        const warm = akskSigner(AK, SK);
        sign(warm, `${base}/v2.0/vpn/ipsec-site-connections`);
        for (const pieces of paths) {
          const url = `${base}/${pieces.join("/")}`;
          expect(sign(warm, url)).toBe(sign(akskSigner(AK, SK), url));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("signs a URL on another origin for that origin's host", () => {
    const signer = akskSigner(AK, SK);
    sign(signer, "https://a.example.com/v2.0/x");
    const other = "https://b.example.com/v2.0/x";
    expect(sign(signer, other)).toBe(sign(akskSigner(AK, SK), other));
    expect(sign(signer, other)).not.toBe(sign(signer, "https://a.example.com/v2.0/x"));
  });
});
