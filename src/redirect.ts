import { VpnaasRedirectError } from "./errors";
import type { Layer } from "./request";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** The statuses that keep the method and the body (RFC 9110 §15.4): the only ones followed for PUT, POST, DELETE. */
const METHOD_KEEPING = new Set([307, 308]);
/** Hops followed at most, as a loop guard; Neutron itself never redirects. */
export const MAX_REDIRECTS = 5;

/**
 * The redirect layer, above auth (so each hop is authenticated, and signed, for its own URL) and
 * below retries. The transport never follows a redirect; this layer follows one only to the same
 * origin (scheme, host and port) the request went to, as Azure's pipeline does: a credential
 * never rides a redirect to another host or to plain http. A 301/302/303 is followed only for
 * GET and HEAD, since fetch would turn a PUT or POST into a body-less GET. Anything else is a
 * {@link VpnaasRedirectError} naming the status and the target's origin and path (not its query).
 */
export const redirectLayer: Layer = async (request, next) => {
  let current = request;
  for (let hop = 0; ; hop++) {
    const received = await next(current);
    const { response } = received;
    // A browser with redirect: "manual" answers an opaque redirect: status 0, Location hidden.
    if (response.type === "opaqueredirect") throw new VpnaasRedirectError(current, 0, undefined, "the browser hides where it points, so it cannot be checked");
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
    if (location === null) return received;
    const from = new URL(current.url);
    const to = URL.canParse(location, from) ? new URL(location, from) : undefined;
    const shown = to ? `${to.origin}${to.pathname}` : undefined;
    const refuse = (why: string) => new VpnaasRedirectError(current, response.status, shown, why);
    if (!to) throw refuse("its Location is not a URL");
    if (to.origin !== from.origin || to.username || to.password) {
      throw refuse(`it leaves ${from.origin}, and credentials go only to the endpoint the client was given`);
    }
    if (!METHOD_KEEPING.has(response.status) && current.method !== "GET" && current.method !== "HEAD") {
      throw refuse(`a ${response.status} would turn ${current.method} into a GET without its body`);
    }
    if (hop >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`);
    current = { ...current, url: to.href, headers: { ...current.headers } };
  }
};
