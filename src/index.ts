// Public surface: re-exports only.
export { createVpnaasClient, type VpnaasClient, type VpnaasClientOptions } from "./client";
export type { CallOptions, GetIpsecSiteConnectionOptions, IpsecSiteConnectionOperations } from "./ipsec-site-connections";
export {
  EXCERPT_LENGTH,
  isApiError,
  isResponseError,
  isValidationError,
  isVpnaasError,
  redactSecrets,
  VpnaasApiError,
  VpnaasError,
  VpnaasResponseError,
  VpnaasValidationError,
  type HttpExchange,
} from "./errors";
export type {
  components,
  Dpd,
  HuaweiGatewayError,
  IpsecSiteConnection,
  IpsecSiteConnectionField,
  KeystoneErrorResponse,
  NeutronErrorResponse,
  operations,
  paths,
  ResponseBody,
} from "./types";
