import type { Send } from "../request";
import type { AuthStrategy } from "./strategy";

/**
 * The base URL the client is built with when the strategy finds the endpoint itself; requests to
 * it are sent to the discovered endpoint instead. `.invalid` can never resolve (RFC 2606).
 */
export const DISCOVERED_BASE_URL = "https://endpoint-from-catalog.invalid";

/** `next` with `auth` applied (or `next` itself without auth), rebasing requests to a discovered endpoint. */
export function withAuth(next: Send, options: { auth?: AuthStrategy; allowInsecureHttp?: boolean }): Send {
  if (!options.auth) return next;
  const authed = options.auth.wrap(next, { allowInsecureHttp: options.allowInsecureHttp === true });
  const discover = authed.discoverBaseUrl;
  if (!discover) return authed;
  return async (request, signal) => {
    if (!request.url.startsWith(`${DISCOVERED_BASE_URL}/`)) return authed(request, signal);
    return authed({ ...request, url: (await discover()) + request.url.slice(DISCOVERED_BASE_URL.length) }, signal);
  };
}
