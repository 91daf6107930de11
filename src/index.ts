// Public surface: what users call and the types they name. Re-exports only; each name is listed in README ("Public names").
export { createVpnaasClient, type VpnaasClient } from "./client";
export { createVpnaasCoreClient, type VpnaasCoreClient } from "./core-client";
export { createVpnaasSession, type VpnaasSession } from "./session";
export type { VpnaasClientOptions } from "./pipeline";
export type { CallOptions } from "./call";
export type { GetIpsecSiteConnectionOptions, IpsecSiteConnectionOperations } from "./ipsec-site-connections";
export type { DeleteOptions } from "./operations/engine";
export type { Listing } from "./operations/list";
export type { OperationMethods, WaitMethods } from "./operations/method-types";
export { isWaitError, VpnaasWaitError, type WaitFailure, type WaitOptions } from "./operations/wait";
export { isSiteToSiteError, VpnaasSiteToSiteError, type SiteToSiteMethods, type SiteToSiteVpn, type SiteToSiteVpnSpec } from "./operations/site-to-site";
export { akskAuth, type AkSkAuthOptions } from "./auth/aksk";
export { keystoneAuth, type KeystoneAuthOptions } from "./auth/keystone";
export { tokenAuth, type TokenSource } from "./auth/token";
export type { AuthStrategy } from "./auth/strategy";
export { akskSigner, formatSdkDate, signAkSk, type AkSkRequest, type AkSkSignature, type AkSkSigningInput } from "./auth/sign-aksk";
export { RETRY_DEFAULTS, type RetrySettings, type TimeoutSettings } from "./retry-policy";
export type { RetryEvent } from "./retry";
export type { RetryClock } from "./clock";
export {
  isApiError,
  isAuthError,
  isNetworkError,
  isRedirectError,
  isResponseError,
  isTimeoutError,
  isValidationError,
  isVpnaasError,
  redactHeaders,
  VpnaasApiError,
  VpnaasAuthError,
  VpnaasError,
  VpnaasNetworkError,
  VpnaasRedirectError,
  VpnaasResponseError,
  VpnaasTimeoutError,
  VpnaasValidationError,
  type HttpExchange,
  type FailedRequest,
  type RedactedRequest,
  type TimeoutKind,
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
  WebobErrorResponse,
} from "./types";
