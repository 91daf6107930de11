// Public surface: re-exports only.
export { createVpnaasClient, type VpnaasClient, type VpnaasClientOptions } from "./client";
export { akskAuth, type AkSkAuthOptions } from "./auth/aksk";
export { keystoneAuth, type KeystoneAuthOptions } from "./auth/keystone";
export type { CatalogService } from "./auth/keystone-token-provider";
export { formatSdkDate, signAkSk, type AkSkSignature, type AkSkSigningInput } from "./auth/sign-aksk";
export type { AuthContext, AuthenticatedFetch, AuthStrategy } from "./auth/strategy";
export { tokenAuth, type TokenSource } from "./auth/token";
export type { CallOptions, GetIpsecSiteConnectionOptions, IpsecSiteConnectionOperations } from "./ipsec-site-connections";
export {
  EXCERPT_LENGTH,
  isApiError,
  isAuthError,
  isNetworkError,
  isTimeoutError,
  isResponseError,
  isValidationError,
  isVpnaasError,
  redactHeaders,
  redactSecrets,
  VpnaasApiError,
  VpnaasAuthError,
  VpnaasNetworkError,
  VpnaasTimeoutError,
  VpnaasError,
  VpnaasResponseError,
  VpnaasValidationError,
  type HttpExchange,
  type RedactedRequest,
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
