// What a failed fetch says about why: the code in its cause chain, and words for a message.

// The system error codes a failed fetch carries in its `cause` chain, with readable words where a
// message shows some. One table for both uses: every code here but ENOTFOUND is a connection that
// failed or broke, where sending the request again may work (see isTransientCode).
const NETWORK_FAILURES: Record<string, string> = {
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
  ECONNABORTED: "",
  ENETDOWN: "",
  UND_ERR_CLOSED: "",
  // Bun's names for the same failures.
  ConnectionRefused: "",
  ConnectionClosed: "",
  ConnectionReset: "",
};

/**
 * Whether a system error code is of a connection that failed or broke: sending the request again
 * may work. Any other code (ENOTFOUND, an invalid header, a body too large for a string) fails at
 * once: sending it again would fail the same way, or download 600 MB four times.
 */
export const isTransientCode = (code: string): boolean => Object.hasOwn(NETWORK_FAILURES, code) && code !== "ENOTFOUND";

// Deno's fetch errors carry no code; their causes say the operating system's words instead.
const SYSTEM_WORDS: [RegExp, string][] = [
  [/Connection refused/, "ECONNREFUSED"],
  [/Connection reset by peer/, "ECONNRESET"],
  [/Broken pipe/, "EPIPE"],
  [/No route to host/, "EHOSTUNREACH"],
  [/Network is unreachable/, "ENETUNREACH"],
  // rustls's words for a certificate no trusted CA signed: OpenSSL's (and Node's) code for it.
  [/invalid peer certificate: UnknownIssuer/, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
  // rustls's CertificateError Display (Deno 2.9) for a certificate past its notAfter, before its
  // notBefore, and for one whose names do not include the host: Node's codes for the same servers.
  [/invalid peer certificate: certificate expired: /, "CERT_HAS_EXPIRED"],
  [/invalid peer certificate: certificate not valid yet: /, "CERT_NOT_YET_VALID"],
  [/invalid peer certificate: certificate not valid for name /, "ERR_TLS_CERT_ALTNAME_INVALID"],
];

/**
 * The first `code` string in `error`'s cause chain (undici nests it: TypeError → SocketError → …),
 * or, where no error in it has one (Deno), the code its messages describe.
 */
export function networkErrorCode(error: unknown): string | undefined {
  // Stryker disable next-line StringLiteral: equivalent, no pattern in SYSTEM_WORDS can match in or across any text put before the first message
  let words = "";
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string") return code;
    if (typeof message === "string") words += `${message}\n`;
  }
  return SYSTEM_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}

export function describeNetworkFailure(code: string | undefined, cause: unknown): string {
  if (code) return `${(Object.hasOwn(NETWORK_FAILURES, code) && NETWORK_FAILURES[code]) || "network error"} (${code})`;
  const message = cause instanceof Error ? cause.message : String(cause);
  // undici says "terminated" when the connection dies after the headers, i.e. in the middle of the body.
  return message === "terminated" ? "connection closed in the middle of the body" : `network error: ${message.slice(0, 100)}`;
}
