import { request } from "node:http";
import { createServer } from "node:https";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";

/**
 * An https front for an http server, with the rig's certificate for 127.0.0.1, as a
 * TLS-terminating proxy puts one in front of neutron-server: the client under test then talks
 * https only, its trust coming from the `cacert` it was given.
 */
export async function startTlsProxy(target: string, tls: { serverCert: string; serverKey: string }): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const upstream = new URL(target);
  const state = { requests: 0 };
  const server = createServer({ cert: readFileSync(tls.serverCert), key: readFileSync(tls.serverKey) }, (req, res) => {
    state.requests++;
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
