import { VpnaasValidationError } from "../errors";
import { hasNativeSha256 } from "./sha256";
import type { OutgoingRequest } from "../request";
import { type AkSkRequest, type AkSkSignature, akskSigner, formatSdkDate, webCryptoAkskSigner } from "./sign-aksk";
import type { AuthStrategy } from "./strategy";

export interface AkSkAuthOptions {
  /** The access key id (AK), e.g. from `HUAWEICLOUD_SDK_AK`. */
  accessKey: string;
  /** The secret access key (SK). Never sent; only used to sign. */
  secretKey: string;
  /** Sent as `X-Project-Id` when given (required by project-scoped Huawei Cloud APIs). Default: none. */
  projectId?: string;
  /** Sent as `X-Security-Token` with temporary credentials. Default: none. */
  securityToken?: string;
  /** The clock used for `X-Sdk-Date`, in ms since the epoch. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Huawei Cloud AK/SK signing (`SDK-HMAC-SHA256`): every request, each attempt again, gets a fresh
 * `X-Sdk-Date` and `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` over
 * all its headers, its URL and its body.
 */
export function akskAuth(options: AkSkAuthOptions): AuthStrategy {
  const { accessKey, secretKey, projectId, securityToken, now = Date.now } = options ?? ({} as AkSkAuthOptions);
  const missing = [
    ["accessKey", accessKey],
    ["secretKey", secretKey],
  ].filter(([, v]) => typeof v !== "string" || v === "").map(([k]) => k!);
  if (missing.length) {
    throw new VpnaasValidationError(missing[0]!, `akskAuth needs ${missing.join(" and ")} (non-empty strings); nothing was sent.`);
  }
  const extra: Record<string, string> = {};
  if (projectId) extra["x-project-id"] = projectId;
  if (securityToken) extra["x-security-token"] = securityToken;
  // Native hashing where the runtime has it (Node, Bun, Deno); else WebCrypto (browsers on https
  // and localhost pages); else plain JavaScript (pages on plain http have no crypto.subtle).
  const sync = hasNativeSha256 || !globalThis.crypto?.subtle;
  const sign = sync ? akskSigner(accessKey, secretKey) : webCryptoAkskSigner(accessKey, secretKey);
  // X-Sdk-Date has whole seconds: formatted once per second, not once per request.
  let dateSecond = NaN;
  // Stryker disable next-line StringLiteral: equivalent, never read before it is set (dateSecond starts as NaN)
  let sdkDate = "";
  const prepare = (request: OutgoingRequest): AkSkRequest => {
    const { headers } = request;
    // A request sent again (a retry) still carries the last attempt's signature: never sign that.
    delete headers.authorization;
    // Stryker disable next-line StringLiteral: equivalent, the signer puts its own x-sdk-date over any in the headers
    delete headers["x-sdk-date"];
    Object.assign(headers, extra);
    const ms = now();
    // The second Date itself would show (it truncates ms); NaN, never equal, is never cached.
    // Stryker disable next-line ArithmeticOperator: equivalent, a cache key; formatting on every request gives the same date
    const second = Math.floor(Math.trunc(ms) / 1000);
    // Stryker disable next-line ConditionalExpression: equivalent, as above (the false variant, never formatting, is killed by the date tests)
    if (second !== dateSecond) {
      sdkDate = formatSdkDate(new Date(ms));
      dateSecond = second;
    }
    return { method: request.method, url: request.url, headers: Object.entries(headers), body: request.body, sdkDate };
  };
  const apply = (request: OutgoingRequest, signed: AkSkSignature) => {
    request.headers["x-sdk-date"] = signed["X-Sdk-Date"];
    request.headers.authorization = signed.Authorization;
  };
  return {
    kind: "aksk",
    // The synchronous signer is not awaited: a layer without an await costs no promise and no
    // microtask turn per request. It still fails only by rejecting, as an async one does.
    layer: () =>
      sync
        ? (request, next) => {
            try {
              apply(request, (sign as (r: AkSkRequest) => AkSkSignature)(prepare(request)));
            } catch (error) {
              return Promise.reject(error);
            }
            return next(request);
          }
        : async (request, next) => {
            apply(request, await sign(prepare(request)));
            return next(request);
          },
  };
}
