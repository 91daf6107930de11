import { createVpnaasClient, type VpnaasClient } from "../../src";
import { checkResponse, responseSchemaPointer, type SpecCheck, undeclaredAttributes } from "../helpers/spec-validator";

/** One exchange the SDK had with the real server, and whether its body matched the spec. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  requestId: string | null;
  body: unknown;
  check: SpecCheck;
  /** Attributes of the body the spec does not declare (valid: responses are open), e.g. `/ipsec_site_connection/availability_zone`. */
  undeclared: string[];
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
      ...conformance(request.url, response.status, body),
    });
    return response;
  };
  return { client: createVpnaasClient({ baseUrl, headers, fetch: recordingFetch as typeof fetch }), exchanges };
}

/**
 * The body against the spec's schema for the status and the request: a 200 to a call without
 * `fields` must be the complete envelope (`IpsecSiteConnectionResponse`), as the spec's 200
 * description says; and the attributes the spec does not declare.
 */
function conformance(url: string, status: number, body: unknown): { check: SpecCheck; undeclared: string[] } {
  const query = new URL(url).search;
  const check = checkResponse("getIpsecSiteConnection", status, body, { query });
  return { check, undeclared: check.valid ? undeclaredAttributes(responseSchemaPointer("getIpsecSiteConnection", status, { query }), body) : [] };
}

/**
 * Asserts every exchange's body matched the spec for its status, and lists every attribute the spec
 * does not declare. The spec's responses are open (a cloud may add attributes), but it describes
 * Neutron 21 exactly: an undeclared attribute from this server is drift, and fails here by name.
 */
export function expectAllConformant(exchanges: Exchange[]): void {
  const bad = exchanges.filter((e) => !e.check.valid).map((e) => `${e.method} ${e.url} → ${e.status}:\n    ${e.check.errors.join("\n    ")}`);
  expect(bad).toEqual([]);
  const undeclared = exchanges.filter((e) => e.undeclared.length).map((e) => `${e.method} ${e.url} → ${e.status}: not in the spec: ${e.undeclared.join(", ")}`);
  expect(undeclared).toEqual([]);
}
