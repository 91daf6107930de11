// The one place payload types get their names. They are derived from generated/, never re-typed.
import type { components, operations, paths } from "../generated/openapi";

export type { components, operations, paths };

type Schemas = components["schemas"];
/** An IPsec site connection, as the spec describes it. `psk` is secret. */
export type IpsecSiteConnection = Schemas["IpsecSiteConnection"];
/** The name of an attribute of {@link IpsecSiteConnection}, for `fields`. */
export type IpsecSiteConnectionField = Schemas["IpsecSiteConnectionField"];
/** Dead peer detection settings of a connection. */
export type Dpd = Schemas["Dpd"];
/** Neutron's error body: `{"NeutronError": {type, message, detail}}`. */
export type NeutronErrorResponse = Schemas["NeutronErrorResponse"];
/** Keystone's (and Neutron's auth middleware's) error body: `{"error": {code, title, message}}`. */
export type KeystoneErrorResponse = Schemas["KeystoneErrorResponse"];
/** Huawei Cloud API gateway's error body: `{error_code, error_msg, request_id}`. */
export type HuaweiGatewayError = Schemas["HuaweiGatewayError"];
/** WebOb's error body, as keystonemiddleware answers 503 when Keystone is unreachable: `{message, code, title}`. */
export type WebobErrorResponse = Schemas["WebobErrorResponse"];

/** The JSON body of operation `Op`'s response `Status`, per the spec. */
export type ResponseBody<Op extends keyof operations, Status extends number> =
  operations[Op]["responses"] extends Record<Status, { content: { "application/json": infer Body } }> ? Body : never;
