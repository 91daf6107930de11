// Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), on WebCrypto only, so it runs in browsers,
// Deno, Bun and Node alike. Pure: the same input always gives the same signature.

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

/**
 * Signs one request. The canonical request is method, canonical URI, canonical query string,
 * canonical headers, signed header names and hex SHA-256 of the body, joined by `\n`; the
 * string to sign is `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex sha256(canonical request)}`.
 */
export async function signAkSk(input: AkSkSigningInput): Promise<AkSkSignature> {
  const url = new URL(input.url);
  const headers = new Map<string, string>();
  for (const [name, value] of input.headers) headers.set(name.toLowerCase(), value);
  headers.set("host", url.host);
  headers.set("x-sdk-date", input.sdkDate);
  const names = [...headers.keys()].sort(byCodeUnit);
  const signedHeaders = names.join(";");
  const payloadHash = headers.get("x-sdk-content-sha256") ?? (await sha256Hex(input.body ?? ""));
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(url.searchParams),
    names.map((n) => `${n}:${headers.get(n)}\n`).join(""),
    signedHeaders,
    payloadHash,
  ].join("\n");
  const stringToSign = `${AKSK_ALGORITHM}\n${input.sdkDate}\n${await sha256Hex(canonicalRequest)}`;
  const signature = await hmacSha256Hex(input.secretKey, stringToSign);
  return {
    "X-Sdk-Date": input.sdkDate,
    Authorization: `${AKSK_ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signedHeaders,
    signature,
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
  const byKey = new Map<string, string[]>();
  for (const [k, v] of params) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  return [...byKey.keys()]
    .sort(byCodeUnit)
    .flatMap((k) => byKey.get(k)!.sort(byCodeUnit).map((v) => `${rfc3986(k)}=${rfc3986(v)}`))
    .join("&");
}

/** Percent-encodes everything but the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const encoder = new TextEncoder();
const bytes = (data: Uint8Array | string): Uint8Array<ArrayBuffer> =>
  typeof data === "string" ? encoder.encode(data) : new Uint8Array(data);

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return hex(await globalThis.crypto.subtle.digest("SHA-256", bytes(data)));
}

async function hmacSha256Hex(key: string, message: string): Promise<string> {
  const cryptoKey = await globalThis.crypto.subtle.importKey("raw", bytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await globalThis.crypto.subtle.sign("HMAC", cryptoKey, bytes(message)));
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}
