import createClient, { type Client } from "openapi-fetch";
import { send } from "./call";
import { coreMethods, requireBaseUrl, type VpnaasCoreClient } from "./core-client";
import { clientStack, type VpnaasClientOptions } from "./pipeline";
import { fromRequest, toResponse } from "./request";
import type { paths } from "./types";

export type { VpnaasClientOptions } from "./pipeline";

/** A client: one method per operation, plus `api`, the typed openapi-fetch client for anything else. */
export interface VpnaasClient extends VpnaasCoreClient {
  /** The underlying openapi-fetch client over the spec's `paths`; it shares this client's stack. */
  readonly api: Client<paths>;
}


/**
 * Creates a client. Nothing is sent until an operation is called.
 *
 * @throws VpnaasValidationError when an option is invalid; nothing is sent then.
 */
export function createVpnaasClient(options: VpnaasClientOptions): VpnaasClient {
  const stack = clientStack(options, requireBaseUrl);
  // openapi-fetch needs an absolute base URL when it builds a request; a client whose endpoint is
  // discovered gives it this one, and the path after it is sent to the endpoint found.
  // `.invalid` can never resolve (RFC 2606).
  const base = typeof stack.endpoint === "string" ? stack.endpoint : "https://endpoint.invalid";
  const api = createClient<paths>({
    baseUrl: base,
    headers: stack.headers,
    // openapi-fetch builds a real Request (its middleware may expect one); it is taken apart once
    // here, sent as an operation is, and a readable Response with the buffered body goes back.
    fetch: async (request: Request) => {
      const { method, url, body, init, headers } = await fromRequest(request);
      const { received } = await send({ ...stack, headers }, { method, path: url.slice(base.length), body, read: "bytes", init }, { signal: request.signal });
      return toResponse(received);
    },
  });
  return { api, ...coreMethods(stack) };
}
