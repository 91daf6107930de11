// Preloaded by `bun test` in the runtime matrix (scripts/test-runtimes.mjs). The fault suite wraps the global
// setTimeout to check that the client leaves no timer behind; in jest on Node the test servers' node:http
// internals never reach that wrapper, but Bun's node:http arms each connection's keep-alive timer through the
// global setTimeout, so the check would count the server's timer as the client's. This turns the keep-alive
// timeout of the test servers off (0, as in Node: idle connections stay open until the server closes them).
import { Server } from "node:http";

Object.defineProperty(Server.prototype, "keepAliveTimeout", { configurable: true, get: () => 0, set: () => {} });
