// Starts a Prism mock server from spec/openapi.yaml on 127.0.0.1 and a free port; resolves to
// { url, stop, log } once Prism listens. Used by the demo (ESM) and the contract tests (jest, CJS),
// hence CommonJS.
const { spawn } = require("node:child_process");
const { createServer } = require("node:net");
const { join, resolve } = require("node:path");

const root = resolve(__dirname, "..");

async function startPrism({ spec = join(root, "spec/openapi.yaml"), timeoutMs = 30_000 } = {}) {
  const port = await freePort();
  const child = spawn(join(root, "node_modules/.bin/prism"), ["mock", "-h", "127.0.0.1", "-p", String(port), spec], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        done();
      }
    });
  const deadline = Date.now() + timeoutMs;
  while (!/Prism is listening/.test(log)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop, log: () => log };
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

module.exports = { startPrism };
