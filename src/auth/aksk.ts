import { VpnaasValidationError } from "../errors";
import { hasNativeSha256 } from "./sha256";
import { akskSigner, formatSdkDate, webCryptoAkskSigner } from "./sign-aksk";
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
  const sign = hasNativeSha256 || !globalThis.crypto?.subtle ? akskSigner(accessKey, secretKey) : webCryptoAkskSigner(accessKey, secretKey);
  return {
    kind: "aksk",
    layer: () => async (request, next) => {
      const { headers } = request;
      // A request sent again (a retry) still carries the last attempt's signature: never sign that.
      delete headers.authorization;
      delete headers["x-sdk-date"];
      Object.assign(headers, extra);
      const signed = await sign({ method: request.method, url: request.url, headers: Object.entries(headers), body: request.body, sdkDate: formatSdkDate(new Date(now())) });
      headers["x-sdk-date"] = signed["X-Sdk-Date"];
      headers.authorization = signed.Authorization;
      return next(request);
    },
  };
}
