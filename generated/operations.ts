// Generated from spec/openapi.yaml by scripts/generate.mjs (scripts/operations-table.mjs). Do not edit.
// One const per operation, so that a bundle keeps only the operations it uses.

/** What the engine checks of one value before sending, from the spec's schema ($refs resolved). */
export interface AttributeRule {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /** The schema's type is [type, "null"]. */
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  /** `uuid` is checked; `password` marks a secret; others are documentation. */
  readonly format?: string;
  readonly pattern?: string;
  readonly items?: AttributeRule;
  readonly properties?: { readonly [name: string]: AttributeRule };
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
}

/** One operation of the spec, as the engine sends it. */
export interface OperationSpec {
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  /** The path template, e.g. `/v2.0/vpn/ikepolicies/{ikepolicy_id}`. */
  readonly path: string;
  /** The template's parameters, in order; each a UUID. */
  readonly pathParams: readonly string[];
  /** The query parameters' names, each sent as `name=value`, an array's items repeated. */
  readonly query: readonly string[];
  readonly queryRules: { readonly [name: string]: AttributeRule };
  /** The JSON body: `{ [key]: attributes }`; `secret` names the attributes of format password. */
  readonly request?: {
    readonly key: string;
    readonly required: readonly string[];
    readonly properties: { readonly [name: string]: AttributeRule };
    readonly secret: readonly string[];
  };
  readonly response: { readonly kind: "object"; readonly key: string } | { readonly kind: "list"; readonly key: string; readonly links: string } | { readonly kind: "none" };
  /** Whether the method may be retried without the caller opting in. */
  readonly idempotent: boolean;
}

export const getIpsecSiteConnection = {"method":"GET","path":"/v2.0/vpn/ipsec-site-connections/{connection_id}","pathParams":["connection_id"],"query":["fields"],"queryRules":{"fields":{"type":"array","minItems":1,"maxItems":22,"uniqueItems":true,"items":{"type":"string","enum":["id","name","description","status","psk","initiator","admin_state_up","tenant_id","project_id","ikepolicy_id","ipsecpolicy_id","vpnservice_id","auth_mode","peer_cidrs","mtu","peer_address","peer_id","local_id","route_mode","local_ep_group_id","peer_ep_group_id","dpd"]}}},"response":{"kind":"object","key":"ipsec_site_connection"},"idempotent":true} as const satisfies OperationSpec;

/** Every operation of the spec, by operationId. */
export const operations = { getIpsecSiteConnection } as const;
