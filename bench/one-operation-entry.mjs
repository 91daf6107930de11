// The SDK's stack for one GET and nothing else, taken from the built package (dist/, what users
// install) and bundled into one file at bench time (bench/contenders.mjs, bundleOneOperation): the
// least code a package with the SDK's guarantees loads to make that call, so its cold start is the
// floor of the SDK's.
export { createVpnaasSession, tokenAuth } from "../dist/index.js";
export { getIpsecSiteConnection } from "../dist/operations.js";
