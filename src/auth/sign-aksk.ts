// Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), in plain JavaScript (./sha256.ts says why
// not WebCrypto), so it runs in browsers, Deno, Bun and Node alike. Pure: the same input always
// gives the same signature.
import { hmacSha256Key, sha256Hex, toHex } from "./sha256";

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
  const mac = hmacSha256Key(encoder.encode(secretKey));
  return (input) => {
    const url = new URL(input.url);
    const headers = new Map<string, string>();
    for (const [name, value] of input.headers) headers.set(name.toLowerCase(), value);
    headers.set("host", url.host);
    headers.set("x-sdk-date", input.sdkDate);
    const names = [...headers.keys()].sort(byCodeUnit);
    const signedHeaders = names.join(";");
    const body = input.body ?? "";
    const payloadHash = headers.get("x-sdk-content-sha256") ?? (body.length ? sha256Hex(body) : EMPTY_SHA256);
    const canonicalRequest = [
      input.method.toUpperCase(),
      canonicalUri(url.pathname),
      canonicalQueryString(url.searchParams),
      names.map((n) => `${n}:${headers.get(n)}\n`).join(""),
      signedHeaders,
      payloadHash,
    ].join("\n");
    const stringToSign = `${AKSK_ALGORITHM}\n${input.sdkDate}\n${sha256Hex(canonicalRequest)}`;
    const signature = toHex(mac(stringToSign));
    return {
      "X-Sdk-Date": input.sdkDate,
      Authorization: `${AKSK_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      signedHeaders,
      signature,
    };
  };
}

/**
 * Each segment of the path as sent (already percent-encoded) is RFC 3986-encoded again, and the
 * result ends in `/`: what Huawei's Node.js and Java signers do with `URL.pathname`.
 */
export function canonicalUri(pathname: string): string {
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
  if (UNRESERVED.test(text)) return text; // the common case (ids, names), without encoding work
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const encoder = new TextEncoder();
const EMPTY_SHA256 = sha256Hex("");
