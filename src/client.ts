import createClient, { type Client } from "openapi-fetch";
import { clientStack, type VpnaasClientOptions, type VpnaasCoreClient } from "./core-client";
import { ipsecSiteConnectionOperations } from "./ipsec-site-connections";
import { fromRequest, readBytes, toResponse } from "./request";
import type { paths } from "./types";

export type { VpnaasClientOptions } from "./core-client";

/** A client: one method per operation, plus `api`, the typed openapi-fetch client for anything else. */
export interface VpnaasClient extends VpnaasCoreClient {
  /** The underlying openapi-fetch client over the spec's `paths`; it shares this client's transport. */
  readonly api: Client<paths>;
}

/** Creates a client. Nothing is sent until an operation is called. */
export function createVpnaasClient(options: VpnaasClientOptions): VpnaasClient {
  const { send, baseUrl, headers } = clientStack(options);
  const api = createClient<paths>({
    baseUrl,
    headers,
    // openapi-fetch builds a real Request (its middleware may expect one); it is taken apart once
    // here, and a readable Response with the buffered body goes back.
    fetch: async (request: Request) => toResponse(await send(await fromRequest(request), readBytes, request.signal)),
  });
  return { api, ...ipsecSiteConnectionOperations(send, baseUrl, headers) };
}
