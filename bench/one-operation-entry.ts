// The SDK's stack for one GET and nothing else: bundled into one file at bench time
// (bench/contenders.mjs, bundleOneOperation), it is the least code a package with the SDK's
// guarantees loads to make that call, so its cold start is the floor of the SDK's.
export { createVpnaasSession, tokenAuth } from "../src";
export { getIpsecSiteConnection } from "../src/per-operation";
