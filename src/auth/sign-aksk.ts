// Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256). Two signers over one canonical request:
// a synchronous one (node:crypto's native hash where the runtime has it, else plain JavaScript;
// ./sha256.ts says why) and one over WebCrypto, which browsers run in-process and where the SK
// becomes a non-extractable key. Pure: the same input always gives the same signature.
import { hmacSha256HexKey, sha256Hex, toHex } from "./sha256";

/** What gets signed: the request as it will go on the wire. */
export interface AkSkSigningInput {
  method: string;
  /** Absolute URL, already percent-encoded as it will be sent (as `Request.url` is). */
  url: string;
  /** Header names in any case. `host` and `x-sdk-date` are added to the signed set by the signer. */
  headers: Iterable<[string, string]>;
  /** The exact body bytes; empty or absent for none. */
  body?: Uint8Array | string | null;
  /** `X-Sdk-Date`, `YYYYMMDDTHHMMSSZ` (UTC). */
  sdkDate: string;
  accessKey: string;
  secretKey: string;
}

/** The headers to add to the request: `X-Sdk-Date` and `Authorization`. */
export interface AkSkSignature {
  "X-Sdk-Date": string;
  Authorization: string;
  /** Lowercase names, `;`-separated, as in `SignedHeaders=`. */
  signedHeaders: string;
  /** Hex HMAC-SHA256 of the string to sign. */
  signature: string;
}

export const AKSK_ALGORITHM = "SDK-HMAC-SHA256";

/** Formats `date` as `X-Sdk-Date` wants it: `YYYYMMDDTHHMMSSZ` in UTC, e.g. `20191115T033655Z`. */
export function formatSdkDate(date: Date): string {
  // Stryker disable next-line Regex: equivalent, an ISO string has one "." (before the milliseconds), so .sssZ only ever matches at its end
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** What {@link akskSigner} signs: a request, without the keys. */
export type AkSkRequest = Omit<AkSkSigningInput, "accessKey" | "secretKey">;

/**
 * Signs one request. The canonical request is method, canonical URI, canonical query string,
 * canonical headers, signed header names and hex SHA-256 of the body, joined by `\n`; the
 * string to sign is `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex sha256(canonical request)}`.
 */
export async function signAkSk(input: AkSkSigningInput): Promise<AkSkSignature> {
  return akskSigner(input.accessKey, input.secretKey)(input);
}

/**
 * A signer bound to one key pair, for signing many requests: the SK's HMAC key schedule is
 * computed once, here, instead of once per request. Synchronous.
 */
export function akskSigner(accessKey: string, secretKey: string): (request: AkSkRequest) => AkSkSignature {
  const mac = hmacSha256HexKey(encoder.encode(secretKey));
  const urlParts = signedPartsReader();
  return (input) => {
    const canonical = canonicalRequestOf(input, urlParts);
    const payloadHash = canonical.payloadHash ?? sha256Hex(canonical.body);
    const stringToSign = stringToSignOf(input.sdkDate, sha256Hex(`${canonical.head}\n${payloadHash}`));
    return signatureOf(accessKey, input.sdkDate, canonical.signedHeaders, mac(stringToSign));
  };
}

/**
 * The same signer over WebCrypto (`subtle`, default `globalThis.crypto.subtle`): the SK is
 * imported once, as a non-extractable HMAC key. Asynchronous, as WebCrypto is. What `akskAuth`
 * signs with where the runtime has WebCrypto but no native synchronous hash: browsers on https
 * (and localhost) pages.
 */
export function webCryptoAkskSigner(accessKey: string, secretKey: string, subtle: SubtleCrypto = globalThis.crypto.subtle): (request: AkSkRequest) => Promise<AkSkSignature> {
  const key = subtle.importKey("raw", encoder.encode(secretKey), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  // Keeps an unhandled rejection away when the key is refused before the first request awaits it.
  key.catch(() => undefined);
  const hex = async (data: Uint8Array | string) => toHex(new Uint8Array(await subtle.digest("SHA-256", typeof data === "string" ? encoder.encode(data) : new Uint8Array(data))));
  const urlParts = signedPartsReader();
  return async (input) => {
    const canonical = canonicalRequestOf(input, urlParts);
    const payloadHash = canonical.payloadHash ?? (await hex(canonical.body));
    const stringToSign = stringToSignOf(input.sdkDate, await hex(`${canonical.head}\n${payloadHash}`));
    const signature = toHex(new Uint8Array(await subtle.sign("HMAC", await key, encoder.encode(stringToSign))));
    return signatureOf(accessKey, input.sdkDate, canonical.signedHeaders, signature);
  };
}

/**
 * The canonical request without its last line, the payload hash: method, canonical URI,
 * canonical query string, canonical headers and signed header names, joined by `\n`. The payload
 * hash is given when the request carries `x-sdk-content-sha256` or has no body; else the
 * signer hashes `body`.
 */
function canonicalRequestOf(input: AkSkRequest, signedPartsOf: (href: string) => SignedUrlParts): { head: string; signedHeaders: string; payloadHash: string | undefined; body: Uint8Array | string } {
  const url = signedPartsOf(input.url);
  const headers = new Map<string, string>();
  for (const [name, value] of input.headers) headers.set(name.toLowerCase(), value);
  headers.set("host", url.host);
  headers.set("x-sdk-date", input.sdkDate);
  // The default sort compares UTF-16 code units, as Huawei's signers do, without a comparator call per pair.
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(";");
  let lines = "";
  for (const name of names) lines += `${name}:${headers.get(name)}\n`;
  const body = input.body ?? "";
  const head = `${input.method.toUpperCase()}\n${url.uri}\n${url.query}\n${lines}\n${signedHeaders}`;
  return { head, signedHeaders, payloadHash: headers.get("x-sdk-content-sha256") ?? (body.length ? undefined : EMPTY_SHA256), body };
}

/** What is signed of a URL: its host, canonical URI and canonical query string. */
interface SignedUrlParts {
  host: string;
  uri: string;
  query: string;
}

/**
 * Reads what is signed of a URL, for one signer. Parsing with `new URL` is the costliest step of a
 * signature after hashing (~3 µs between network calls), and nearly every URL a signer sees starts
 * with its client's endpoint: so the origin of the last URL parsed is kept, and a URL that starts
 * with it and goes on with a plain path and query (see {@link PLAIN_PATH} and {@link PLAIN_QUERY}:
 * what `new URL` leaves exactly as written) is read without parsing.
 */
function signedPartsReader(): (href: string) => SignedUrlParts {
  // A mutant below that turns the fast path off, or makes it give up on a URL, is equivalent: that URL
  // is parsed with new URL, to the same parts (the property test compares warm and fresh signers).
  // Stryker disable next-line StringLiteral: equivalent, no URL starts with the mutant text (one that did would go on with "!", not a plain path)
  let origin = ""; // `scheme://host[:port]/`, as the last URL parsed began; "" until one did
  // Stryker disable next-line StringLiteral: equivalent, read only on the fast path, which needs an origin, set together with host
  let host = "";
  return (href) => {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent (false, empty), only sends more URLs to new URL (see above)
    if (origin !== "" && href.startsWith(origin)) {
      // Stryker disable next-line MethodExpression: equivalent, the whole href starts with its scheme, not a plain path: only sends more URLs to new URL (see above)
      const rest = href.slice(origin.length - 1);
      // Stryker disable next-line StringLiteral: equivalent, indexOf("") is 0, so the path is "", not a plain path: only sends more URLs to new URL (see above)
      const mark = rest.indexOf("?");
      // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: equivalent (true, <=, rest), rest starts with "/" so mark is never 0, and a path with its "?" is not plain: only sends more URLs to new URL (see above)
      const path = mark < 0 ? rest : rest.slice(0, mark);
      // Stryker disable next-line EqualityOperator,StringLiteral,MethodExpression,ArithmeticOperator: equivalent (<=, other text, rest, mark - 1), mark is never 0, and a query with "?" or a space is not plain: only sends more URLs to new URL (see above)
      const query = mark < 0 ? "" : rest.slice(mark + 1);
      // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent (false, empty), only sends more URLs to new URL (see above)
      if (PLAIN_PATH.test(path) && PLAIN_QUERY.test(query)) {
        // Such a path needs no encoding: its canonical form only ends in `/`.
        const uri = path.endsWith("/") ? path : `${path}/`;
        // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent (false, query === "other text"), the canonical query of "" is "" either way
        return { host, uri, query: query === "" ? "" : canonicalQueryString(new URLSearchParams(query)) };
      }
      return partsOf(new URL(href));
    }
    const url = new URL(href);
    // Only an origin written as `new URL` writes it (no user info, no default port, lowercase).
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent (false, empty), with no origin remembered it only sends more URLs to new URL (see above)
    if (href.startsWith(`${url.origin}/`)) {
      // Stryker disable next-line StringLiteral: equivalent, an origin "" is never used (origin !== ""), which only sends more URLs to new URL (see above)
      origin = `${url.origin}/`;
      host = url.host;
    }
    return partsOf(url);
  };
}

function partsOf(url: URL): SignedUrlParts {
  // Most requests have no query: then not even the URLSearchParams is made.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (true, >=), the canonical query of an empty search is "" either way, and URL writes a bare "?" as "" (search is never one character)
  const query = url.search.length > 1 ? canonicalQueryString(url.searchParams) : "";
  return { host: url.host, uri: canonicalUri(url.pathname), query };
}

const stringToSignOf = (sdkDate: string, canonicalRequestHash: string): string => `${AKSK_ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;

function signatureOf(accessKey: string, sdkDate: string, signedHeaders: string, signature: string): AkSkSignature {
  return {
    "X-Sdk-Date": sdkDate,
    Authorization: `${AKSK_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signedHeaders,
    signature,
  };
}

/**
 * Each segment of the path as sent (already percent-encoded) is RFC 3986-encoded again, and the
 * result ends in `/`: what Huawei's Node.js and Java signers do with `URL.pathname`.
 */
export function canonicalUri(pathname: string): string {
  // No fast path here: a signer reads a plain path without calling this (see signedPartsReader).
  const uri = pathname.split("/").map(rfc3986).join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/**
 * `key=value` pairs joined by `&`, sorted by decoded key and then by decoded value (UTF-16 code
 * units, as Huawei's signers sort), each side RFC 3986-encoded; a key without `=` has value "".
 */
export function canonicalQueryString(params: URLSearchParams): string {
  return [...params]
    .sort(([k1, v1], [k2, v2]) => byCodeUnit(k1, k2) || byCodeUnit(v1, v2))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
}

/** Percent-encodes everything but the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`. */
export function rfc3986(text: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent (false), encodeURIComponent leaves unreserved characters as they are and the replace then finds no !'()*: the same text, only slower
  if (UNRESERVED.test(text)) return text; // the common case (ids, names), without encoding work
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
/** A path of `/`-separated segments of unreserved characters, none of them `.` or `..`. */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]*)+$/;
/**
 * A query (after `?`) of characters `new URL` never encodes in one, and no fragment; no `?` either,
 * as `URLSearchParams` would drop one at the start, where `URL.searchParams` keeps it.
 */
const PLAIN_QUERY = /^[A-Za-z0-9\-._~=&%+,;:@!$*()/]*$/;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const encoder = /* @__PURE__ */ new TextEncoder();
/** SHA-256 of no bytes (FIPS 180-4), the payload hash of every request without a body; written out, not hashed when the module loads. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
