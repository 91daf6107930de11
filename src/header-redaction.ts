/**
 * Which request headers an error may show, by allowlist as Azure core-rest-pipeline's Sanitizer
 * does: a header nobody thought of (`x-api-key`, a gateway's custom token) is hidden by default
 * instead of shown by default. Pure; imports nothing.
 */

/** What stands in for anything secret. */
export const REDACTED = "[REDACTED]";

/**
 * Headers whose values are shown: content negotiation, caching, dates, request ids, and the
 * non-secret parts of AK/SK signing (`x-sdk-date`, `x-project-id`). Not `location`: its query may
 * carry a token.
 */
// Both calls marked pure: a bundler can drop the list from bundles that never show headers.
const SHOWN_HEADERS = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    "accept accept-encoding accept-language cache-control connection content-encoding content-language " +
    "content-length content-type date etag expires host if-match if-none-match last-modified " +
    "openstack-api-version pragma request-id retry-after server transfer-encoding user-agent vary " +
    "www-authenticate x-compute-request-id x-openstack-request-id x-project-id x-request-id x-sdk-date"
  ).split(" "),
);

// Authorization schemes whose name is worth showing. An unknown first word may be the credential
// itself (`Authorization: abc123`), so it is not shown.
const KNOWN_SCHEMES = /* @__PURE__ */ new Set(["basic", "bearer", "digest", "negotiate", "ntlm", "token", "sdk-hmac-sha256", "aws4-hmac-sha256"]);

type HeaderList = Iterable<readonly [string, string]> | Record<string, string>;

const entriesOf = (headers: HeaderList): Iterable<readonly [string, string]> =>
  Symbol.iterator in Object(headers) ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers);

/**
 * Header names lowercased, values shown only for allowlisted headers (accept, content-type, date,
 * etag, user-agent, x-openstack-request-id, x-request-id, x-sdk-date, x-project-id, …); every
 * other value is `[REDACTED]`. `authorization` keeps its scheme, and for `SDK-HMAC-SHA256` its
 * access key and signed header names:
 * `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=[REDACTED]`.
 * Takes a record, a `Headers`, or `[name, value]` pairs.
 */
export function sanitizeHeaders(headers: HeaderList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of entriesOf(headers)) {
    const name = rawName.toLowerCase();
    const shown = SHOWN_HEADERS.has(name) ? value : name === "authorization" ? redactAuthorization(value) : REDACTED;
    // defineProperty: a header may be named `__proto__`, which `=` would turn into the prototype.
    Object.defineProperty(out, name, { value: shown, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The same as `sanitizeHeaders`: the name errors have always used. */
export const redactHeaders: (headers: HeaderList) => Record<string, string> = sanitizeHeaders;

function redactAuthorization(value: string): string {
  const scheme = /^\s*([\w-]+)(?:\s|$)/.exec(value)?.[1];
  if (!scheme || !KNOWN_SCHEMES.has(scheme.toLowerCase())) return REDACTED;
  // Stryker disable next-line Regex: equivalent, scheme is one of KNOWN_SCHEMES, and only sdk-hmac-sha256 among them starts or ends so
  if (/^sdk-hmac-sha256$/i.test(scheme)) {
    const part = (name: string) => new RegExp(`\\b${name}=([^,\\s]*)`, "i").exec(value)?.[1] ?? "";
    return `${scheme} Access=${part("Access")}, SignedHeaders=${part("SignedHeaders")}, Signature=${REDACTED}`;
  }
  return `${scheme} ${REDACTED}`;
}

/**
 * The values a client sent in `headers` that a server must never be able to echo into an error:
 * every value except those of the allowlisted headers `sanitizeHeaders` shows; for
 * `authorization` also the credential alone (a `Bearer`/`Basic` credential, Basic's decoded
 * `user:password` and password, an AK/SK `Signature`); for `cookie` each cookie's value.
 * Feed the result to `redactKnown`/`excerptOf`.
 */
export function secretsOf(headers: HeaderList): string[] {
  const secrets = new Set<string>();
  for (const [rawName, value] of entriesOf(headers)) {
    const name = rawName.toLowerCase();
    if (SHOWN_HEADERS.has(name) || !value) continue;
    secrets.add(value);
    if (name === "authorization" || name === "proxy-authorization") {
      const signature = /\bSignature=([^,\s]+)/i.exec(value)?.[1];
      if (signature) secrets.add(signature);
      // Stryker disable next-line ArrayDeclaration: equivalent, a fallback array's first element is skipped by the destructuring: scheme and credential stay undefined
      const [, scheme, credential] = /^\s*([\w-]+)\s+(\S+)\s*$/.exec(value) ?? [];
      if (credential) secrets.add(credential);
      const decoded = scheme?.toLowerCase() === "basic" && credential ? decodeBasic(credential) : undefined;
      if (decoded) secrets.add(decoded).add(decoded.slice(decoded.indexOf(":") + 1));
    }
    if (name === "cookie") for (const pair of value.split(";")) secrets.add(pair.slice(pair.indexOf("=") + 1).trim());
  }
  secrets.delete("");
  return [...secrets];
}

function decodeBasic(credential: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(credential), (c) => c.charCodeAt(0)));
  } catch {
    // Not base64: nothing to decode.
  }
  return undefined;
}
