// Huawei's official Node.js signer, used only as a test oracle.
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";

export interface OracleInput {
  method: string;
  /** scheme://host[:port] followed by the path as sent (percent-encoded). */
  endpoint: string;
  /** Decoded query parameters; a repeated key maps to an array. */
  query: Array<[string, string]>;
  /** Lowercase names. */
  headers: Record<string, string>;
  /** A JSON value the oracle hashes as JSON.stringify(data); undefined for no body. */
  data?: unknown;
  sdkDate: string;
  accessKey: string;
  secretKey: string;
}

/** The `Authorization` header the official signer computes. */
export function oracleAuthorization(input: OracleInput): string {
  const queryParams: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of input.query) {
    const prev = queryParams[k];
    queryParams[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const request = {
    method: input.method,
    endpoint: input.endpoint,
    queryParams,
    headers: { ...input.headers, "X-Sdk-Date": input.sdkDate },
    data: input.data,
  };
  const credential = { getAk: () => input.accessKey, getSk: () => input.secretKey };
  return (AKSKSigner.sign(request as never, credential as never) as Record<string, string>).Authorization!;
}
