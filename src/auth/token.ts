import { VpnaasValidationError } from "../errors";
import { requireSecureUrl, type AuthStrategy } from "./strategy";

/** A token, or a function that returns the current one (called once per request, may be async). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * Sends `X-Auth-Token` with every request: a Keystone or Huawei IAM token obtained elsewhere.
 * With a function, it is called for every request (attempts included), so it can hand out a
 * refreshed token; caching is then the function's job.
 */
export function tokenAuth(tokenOrProvider: TokenSource): AuthStrategy {
  if (typeof tokenOrProvider !== "function") requireToken(tokenOrProvider);
  return {
    kind: "token",
    wrap: (next, { allowInsecureHttp }) => {
      const provider = tokenOrProvider;
      if (typeof provider !== "function") {
        // A static token: nothing to wait for (the caller, the retry layer, catches a throw as a rejection).
        return (request, signal) => {
          requireSecureUrl(request.url, allowInsecureHttp, "createVpnaasClient");
          request.headers["x-auth-token"] = provider;
          return next(request, signal);
        };
      }
      return async (request, signal) => {
        requireSecureUrl(request.url, allowInsecureHttp, "createVpnaasClient");
        request.headers["x-auth-token"] = requireToken(await provider());
        return next(request, signal);
      };
    },
  };
}

function requireToken(token: unknown): string {
  if (typeof token !== "string" || token === "" || /[\r\n]/.test(token)) {
    throw new VpnaasValidationError("token", `tokenAuth needs a non-empty token string on one line, got ${typeof token === "string" ? "an empty or multi-line string" : typeof token}; nothing was sent.`);
  }
  return token;
}
