import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from "node:net";
import type { AuthStrategy } from "../../src/auth/strategy";
import { type RetryClock, realClock } from "../../src/clock";
import { type Layer, type OutgoingRequest, type Received, stack } from "../../src/request";
import { retryLayer, type RetryOptions } from "../../src/retry";
import { fetchTransport } from "../../src/transport";
import { type Handler, sendJson, type TestServer } from "./http-server";

/** Answers the n-th request (from 0) with `steps[n]`, and every later one with the last step. */
export function script(server: TestServer, ...steps: Handler[]): void {
  server.handle((req, res, seen) => steps[Math.min(server.requests.length - 1, steps.length - 1)]!(req, res, seen));
}

/** Misbehaviours a server can show, one per request. */
export const fault = {
  json: (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => sendJson(res, status, body, headers),
  raw: (status: number, contentType: string, body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
    res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body), ...headers });
    res.end(body);
  },
  /** TCP RST before any byte of a response. */
  resetBeforeResponse: (): Handler => (req) => void req.socket.resetAndDestroy(),
  /** Sends the head and part of a body promising more, then a TCP RST. */
  resetMidBody: (body: string): Handler => (req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.write(body.slice(0, body.length >> 1), () => setTimeout(() => req.socket.resetAndDestroy(), 5));
  },
  /** Accepts the request and never answers. */
  hang: (): Handler => () => undefined,
  /** Sends the head at once, then one byte of a JSON body every `everyMs`, never finishing. */
  trickle: (everyMs: number): Handler => (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write("{");
    const timer = setInterval(() => res.write(" "), everyMs);
    res.on("close", () => clearInterval(timer));
  },
};

/** An HTML error page as a proxy in front of Neutron sends it. */
export const HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

/** The real clock, counting the timers and sleeps it has running: a client must leave none behind. */
export function countingClock(): RetryClock & { pending: () => number } {
  let pending = 0;
  return {
    pending: () => pending,
    now: realClock.now,
    random: realClock.random,
    setTimer(run, ms) {
      pending++;
      let done = false;
      const finish = () => {
        if (!done) (done = true), pending--;
      };
      const cancel = realClock.setTimer(() => (finish(), run()), ms);
      return () => (finish(), cancel());
    },
    async sleep(ms, signal) {
      pending++;
      try {
        await realClock.sleep(ms, signal);
      } finally {
        pending--;
      }
    },
  };
}

/** A retry layer (and `layers` under it) over the real transport and `fetch`: the client's stack without a client. */
export function retryStack(options: RetryOptions, ...layers: Layer[]): (request: OutgoingRequest) => Promise<Received> {
  return stack([retryLayer(options), ...layers], fetchTransport(fetch));
}

/** An {@link OutgoingRequest} for `url`, read as text. */
export const outgoing = (url: string, init: { method?: string; body?: string; headers?: Record<string, string>; retryNonIdempotent?: boolean } = {}): OutgoingRequest => ({
  method: init.method ?? "GET",
  url,
  headers: init.headers ?? {},
  body: init.body === undefined ? null : new TextEncoder().encode(init.body),
  read: "text",
  retryNonIdempotent: init.retryNonIdempotent,
});

/** A raw TCP server on 127.0.0.1 that resets every connection once the request's first bytes arrive. */
export async function startResettingServer(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.once("data", () => socket.resetAndDestroy());
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: connecting is refused. */
export async function refusingUrl(): Promise<string> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

/** `strategy`'s auth layer over the real transport: the client's stack without retries or redirects. */
export function authStack(strategy: AuthStrategy): (request: OutgoingRequest) => Promise<Received> {
  const transport = fetchTransport(fetch);
  return stack([strategy.layer({ transport, ownRequestTimeoutMs: 10_000 })], transport);
}
