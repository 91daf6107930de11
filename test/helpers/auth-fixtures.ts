import type { IncomingMessage } from "node:http";
import { inspect } from "node:util";
import { isValidationError, type IpsecSiteConnection, type VpnaasValidationError } from "../../src";
import { capture } from "./captures";
import type { SeenRequest } from "./http-server";
import { oracleAuthorization } from "./aksk-oracle";

export const connectionBody = capture("get-connection-200").response.body as { ipsec_site_connection: IpsecSiteConnection };
export const connectionId = connectionBody.ipsec_site_connection.id;
export const connectionPath = `/v2.0/vpn/ipsec-site-connections/${connectionId}`;

/** Every way an error (or any object) can be turned into text by a caller or a logger. */
export function renderings(value: unknown): string[] {
  return [
    String(value),
    safeJson(value),
    inspect(value, { depth: 10, showHidden: true }),
    (value as Error | undefined)?.stack ?? "",
  ];
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/**
 * Recomputes the AK/SK signature of a request the server received, with Huawei's official
 * signer over the headers the request says it signed. True when it matches.
 */
export function verifyAkSk(seen: SeenRequest, req: IncomingMessage, keys: { accessKey: string; secretKey: string }): boolean {
  const authorization = String(seen.headers.authorization ?? "");
  const match = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match || match[1] !== keys.accessKey) return false;
  const signed = match[2]!.split(";");
  const headers: Record<string, string> = {};
  for (const name of signed) if (name !== "x-sdk-date") headers[name] = String(req.headers[name] ?? "");
  const url = new URL(seen.url, `http://${req.headers.host}`);
  const expected = oracleAuthorization({
    method: seen.method,
    endpoint: `http://${req.headers.host}${url.pathname}`,
    query: [...url.searchParams],
    headers,
    data: seen.body === "" ? undefined : JSON.parse(seen.body),
    sdkDate: String(req.headers["x-sdk-date"]),
    ...keys,
  });
  return expected === authorization;
}

/** The error `run` throws; fails the test when it throws none. */
export function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

/** The VpnaasValidationError `run` throws; fails the test when it throws none, or another error. */
export function validationErrorOf(run: () => unknown): VpnaasValidationError {
  const error = errorOf(run);
  expect(isValidationError(error)).toBe(true);
  return error as VpnaasValidationError;
}
