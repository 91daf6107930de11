// vpnaas-sdk/operations: one function per operation, named as the client's method, taking a
// session (createVpnaasSession) first. The functions are generated from the spec
// (generated/operation-functions.ts, by scripts/operation-functions.mjs): each is a plain arrow over
// its own table entry, so a bundler drops every function an app does not import, and that
// operation's table entry with it. The waits, which the spec cannot state, are written here.
import { getIpsecSiteConnection as getIpsecSiteConnectionSpec, getVpnService as getVpnServiceSpec } from "../generated/operations";
import { waitCall } from "./operations/methods";
import type { WaitFunction } from "./operations/method-types";
import { stackOf } from "./session";

export * from "../generated/operation-functions";
export type { OperationFunction, WaitFunction } from "./operations/method-types";
export type { VpnaasSession } from "./session";

/** Polls `getIpsecSiteConnection` until the connection reaches a status; see the client's `waitForIpsecSiteConnection`. */
export const waitForIpsecSiteConnection = (async (session, id, options) => waitCall(stackOf(session), getIpsecSiteConnectionSpec, "IPsec site connection", id, options)) as WaitFunction<"getIpsecSiteConnection">;
/** Polls `getVpnService` until the service reaches a status; see the client's `waitForVpnService`. */
export const waitForVpnService = (async (session, id, options) => waitCall(stackOf(session), getVpnServiceSpec, "VPN service", id, options)) as WaitFunction<"getVpnService">;
