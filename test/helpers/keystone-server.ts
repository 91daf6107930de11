import type { KeystoneAuthOptions } from "../../src";
import { capture } from "./captures";
import { sendJson, startServer, type Handler, type SeenRequest, type TestServer } from "./http-server";

export const PASSWORD = "pw-DO-NOT-LEAK-e4d1a2";
export const APP_SECRET = "appsecret-DO-NOT-LEAK-77b0";

/** The real DevStack token response, with its catalog's network endpoints replaced. */
const real = JSON.parse(capture("keystone/keystone-post-auth-tokens-201").response.body_raw) as { token: Record<string, unknown> };

export interface NetworkEndpoint {
  url: string;
  region: string;
  interface: string;
}

/**
 * A Keystone stand-in: `POST /v3/auth/tokens` accepts the password {@link PASSWORD} or the
 * application credential secret {@link APP_SECRET} and issues `tok-1`, `tok-2`, … valid for
 * `ttlMs` on the shared clock; anything else gets Keystone's 401.
 */
export interface KeystoneStandIn {
  server: TestServer;
  /** Token requests received, in order. */
  tokenRequests(): SeenRequest[];
  /** Whether `token` was issued and has not expired on the clock. */
  valid(token: unknown): boolean;
  /** Tokens the API must treat as revoked. */
  revoked: Set<string>;
  ttlMs: number;
  catalog: NetworkEndpoint[];
  /** Delay before answering a token request, in real ms (to overlap concurrent callers). */
  delayMs: number;
  /** Forgets issued tokens (numbering restarts at tok-1) and restores defaults and the handler. */
  reset(): void;
}

export async function startKeystone(clock: { now: number }, catalog: NetworkEndpoint[] = []): Promise<KeystoneStandIn> {
  const issued = new Map<string, number>();
  const state: KeystoneStandIn = {
    server: await startServer(),
    tokenRequests: () => state.server.requests.filter((r) => r.url.endsWith("/auth/tokens")),
    valid: (token) => typeof token === "string" && !state.revoked.has(token) && (issued.get(token) ?? -Infinity) > clock.now,
    revoked: new Set(),
    ttlMs: 3_600_000,
    catalog,
    delayMs: 0,
    reset() {
      issued.clear();
      state.revoked.clear();
      state.server.requests.length = 0;
      state.ttlMs = 3_600_000;
      state.delayMs = 0;
      state.server.handle(handler);
    },
  };
  const handler: Handler = async (_req, res, seen) => {
    if (seen.method !== "POST" || seen.url !== "/v3/auth/tokens") return sendJson(res, 404, { error: { code: 404, title: "Not Found", message: "The resource could not be found." } });
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    const identity = JSON.parse(seen.body).auth.identity;
    const ok = identity.methods[0] === "password" ? identity.password.user.password === PASSWORD : identity.application_credential.secret === APP_SECRET;
    if (!ok) {
      return sendJson(res, 401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }, { "X-Openstack-Request-Id": "req-kst-401" });
    }
    const token = `tok-${issued.size + 1}`;
    const expires = clock.now + state.ttlMs;
    issued.set(token, expires);
    const body = {
      token: {
        ...real.token,
        expires_at: new Date(expires).toISOString().replace("Z", "000Z"),
        issued_at: new Date(clock.now).toISOString(),
        catalog: [
          (real.token.catalog as unknown[])[0],
          {
            type: "network",
            name: "neutron",
            id: "0f251ab7033d4c20b2e831c7c7d0961b",
            endpoints: state.catalog.map((e, i) => ({ id: `ep${i}`, interface: e.interface, region_id: e.region, region: e.region, url: e.url })),
          },
        ],
      },
    };
    sendJson(res, 201, body, { "X-Subject-Token": token });
  };
  state.server.handle(handler);
  return state;
}

/** keystoneAuth options for the stand-in's user admin/Default in project admin/Default, over http. */
export function passwordOptions(keystone: KeystoneStandIn, more: Partial<KeystoneAuthOptions> = {}): KeystoneAuthOptions {
  return {
    authUrl: `${keystone.server.url}/v3`,
    username: "admin",
    password: PASSWORD,
    userDomainName: "Default",
    projectName: "admin",
    projectDomainName: "Default",
    allowInsecureHttp: true,
    ...more,
  };
}
