// vpnaas-sdk/strategy: the seam for authors of their own auth strategy. Re-exports only.
export type { AuthContext, AuthLayer, AuthStrategy } from "./auth/strategy";
export type { Layer, Next, OutgoingRequest, Received } from "./request";
