import { createVpnaasClient, type VpnaasClient } from "../../src";
import { checkResponse, checkSchema, type SpecCheck } from "../helpers/spec-validator";

/** One exchange the SDK had with the real server, and whether its body matched the spec. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  requestId: string | null;
  body: unknown;
  check: SpecCheck;
}

/**
 * An SDK client (from src/, via createVpnaasClient) whose fetch records every request it sends and
 * validates every response body against the spec's schema for its status. `exchanges` is empty
 * when the SDK sent nothing.
 */
export function recordingClient(baseUrl: string, headers: Record<string, string> = {}): { client: VpnaasClient; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the spec check below fails, as it should
    }
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      requestId: response.headers.get("x-openstack-request-id"),
      body,
      check: conformance(request.url, response.status, body),
    });
    return response;
  };
  return { client: createVpnaasClient({ baseUrl, headers, fetch: recordingFetch as typeof fetch }), exchanges };
}

/**
 * The body against the spec's schema for the status; a 200 to a call without `fields` must also be
 * the full representation (`IpsecSiteConnection`), as the spec's 200 description says.
 */
function conformance(url: string, status: number, body: unknown): SpecCheck {
  const check = checkResponse("getIpsecSiteConnection", status, body);
  if (!check.valid || status !== 200 || new URL(url).searchParams.has("fields")) return check;
  return checkSchema("IpsecSiteConnection", (body as { ipsec_site_connection: unknown }).ipsec_site_connection);
}

/** Asserts every exchange's body matched the spec for its status (the spec cannot drift silently). */
export function expectAllConformant(exchanges: Exchange[]): void {
  const bad = exchanges.filter((e) => !e.check.valid).map((e) => `${e.method} ${e.url} → ${e.status}:\n    ${e.check.errors.join("\n    ")}`);
  expect(bad).toEqual([]);
}
