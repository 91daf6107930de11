import { abortable } from "../abortable";
import { isVpnaasError, VpnaasAuthError, VpnaasValidationError } from "../errors";
import { isValidHeader } from "../request";
import type { AuthStrategy } from "./strategy";

/** A token, or a function that returns the current one (called once per request, may be async). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * Sends `X-Auth-Token` with every request: a Keystone or Huawei IAM token obtained elsewhere.
 * With a function, it is called for every request (attempts included), so it can hand out a
 * refreshed token; caching is then the function's job. A promise it returns is waited for only as
 * long as the attempt's time limit and the caller's signal allow.
 */
export function tokenAuth(tokenOrProvider: TokenSource): AuthStrategy {
  if (typeof tokenOrProvider !== "function") requireToken(tokenOrProvider);
  return {
    kind: "token",
    layer: () => {
      const provider = tokenOrProvider;
      if (typeof provider !== "function") {
        // A static token: nothing to wait for.
        return (request, next) => {
          request.headers["x-auth-token"] = provider;
          return next(request);
        };
      }
      return async (request, next) => {
        let token: unknown;
        try {
          token = await abortable(Promise.resolve().then(provider), request.signal);
        } catch (cause) {
          // The retry layer sees its own signal's abort first; anything else is the provider's failure.
          throw isVpnaasError(cause) ? cause : new VpnaasAuthError("tokenAuth's token provider failed; nothing was sent", { cause });
        }
        request.headers["x-auth-token"] = requireToken(token);
        return next(request);
      };
    },
  };
}

function requireToken(token: unknown): string {
  if (typeof token !== "string" || token === "" || !isValidHeader("x-auth-token", token)) {
    throw new VpnaasValidationError("token", `tokenAuth needs a non-empty token that is a valid header value (one line, no control characters), got ${typeof token === "string" ? "a string that is not (not shown)" : typeof token}; nothing was sent.`);
  }
  return token;
}
