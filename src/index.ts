// Public surface: re-exports only.
export { createVpnaasClient, type VpnaasClient } from "./client";
export { createVpnaasCoreClient, type VpnaasClientOptions, type VpnaasCoreClient } from "./core-client";
export { akskAuth, type AkSkAuthOptions } from "./auth/aksk";
export { keystoneAuth, type KeystoneAuthOptions } from "./auth/keystone";
export type { CatalogService } from "./auth/keystone-token-provider";
export { akskSigner, formatSdkDate, signAkSk, type AkSkRequest, type AkSkSignature, type AkSkSigningInput } from "./auth/sign-aksk";
export type { AuthContext, AuthenticatedFetch, AuthStrategy } from "./auth/strategy";
export { tokenAuth, type TokenSource } from "./auth/token";
export {
  decideRetry,
  isRetryableStatus,
  parseRetryAfterMs,
  RETRY_DEFAULTS,
  withRetry,
  type AttemptOutcome,
  type RetryClock,
  type RetryDecision,
  type RetryEvent,
  type RetryInput,
  type RetryOptions,
  type RetrySettings,
  type TimeoutSettings,
} from "./retry";
export type { Fetch, TransportContext } from "./call";
export type { OutgoingRequest, Send } from "./request";
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
  type FailedRequest,
  type HttpExchange,
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
} from "./types";
