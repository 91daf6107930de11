import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query exactly as sent on the wire (not normalized). */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order. */
  requests: SeenRequest[];
  /** Replaces the handler for the requests that follow. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** A real node:http server on 127.0.0.1 with a swappable handler; closes every socket on close(). */
export async function startServer(handler: Handler = (_req, res) => void res.end()): Promise<TestServer> {
  let current = handler;
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const seen: SeenRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(seen);
      Promise.resolve(current(req, res, seen)).catch((err) => {
        res.statusCode = 599;
        res.end(String(err));
      });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => (current = h),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * The server of one test file: started before its tests, closed after them, its list of requests
 * emptied before each test. Use it as the started server (`server.url`, `server.handle(...)`).
 */
export function suiteServer(handler?: Handler): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(handler);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.requests.length = 0;
  });
  const started = () => server ?? (() => { throw new Error("suiteServer: the server starts in beforeAll"); })();
  return {
    get url() { return started().url; },
    get requests() { return started().requests; },
    handle: (h) => started().handle(h),
    close: () => started().close(),
  };
}

/** Sends `body` as JSON with `status` and extra headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
