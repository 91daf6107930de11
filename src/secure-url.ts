import { VpnaasValidationError } from "./errors";

/**
 * Throws unless `url` is https, or http with the caller's explicit opt-in. Called where the URL a
 * credential goes to is final (the client's endpoint, resolved; Keystone's token URL), before
 * anything is sent.
 */
export function requireSecureUrl(url: string, allowInsecureHttp: boolean, optInto: "createVpnaasClient" | "keystoneAuth"): void {
  const { protocol, host } = new URL(url);
  if (protocol === "https:" || (protocol === "http:" && allowInsecureHttp)) return;
  throw new VpnaasValidationError(
    "allowInsecureHttp",
    protocol === "http:"
      ? `Refusing to send credentials over plain http:// to ${host}; use https, or pass allowInsecureHttp: true to ${optInto} for a local test cloud. Nothing was sent.`
      : `Refusing to send credentials to a ${protocol} URL; only https (or http with allowInsecureHttp: true) is allowed. Nothing was sent.`,
  );
}
