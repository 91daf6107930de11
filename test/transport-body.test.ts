// The transport reads a body as its request asks (text or bytes), up to maxResponseBytes exactly,
// counted whenever the length is not declared as a plain number.
import { createVpnaasClient } from "../src";
import { VpnaasResponseError } from "../src/errors";
import type { OutgoingRequest } from "../src/request";
import { fetchTransport } from "../src/transport";
import { suiteServer } from "./helpers/http-server";

const server = suiteServer();
const MAX = 64;
const request = (read: OutgoingRequest["read"]): OutgoingRequest => ({ method: "GET", url: `${server.url}/body`, headers: {}, body: null, read });
const transport = fetchTransport(globalThis.fetch, MAX);
const text = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((from + i) % 26))).join("");

/** Sends `body` with its Content-Length. */
const declared = (body: string) => server.handle((_req, res) => void res.writeHead(200, { "Content-Length": Buffer.byteLength(body) }).end(body));
/** Sends `parts` chunked, one write each, without a length. */
const chunked = (parts: string[]) =>
  server.handle(async (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    for (const part of parts) {
      res.write(part);
      await new Promise((done) => setTimeout(done, 5));
    }
    res.end();
  });

describe("a declared length", () => {
  test.each([
    ["text", "string"],
    ["bytes", "object"],
  ] as const)("of exactly maxResponseBytes is read in full, as %s", async (read, type) => {
    const body = text(MAX);
    declared(body);
    const received = await transport(request(read));
    expect(typeof received.body).toBe(type);
    expect(read === "text" ? received.body : new TextDecoder().decode(received.body as Uint8Array)).toBe(body);
    if (read === "bytes") expect(received.body).toBeInstanceOf(Uint8Array);
  });

  test("one byte over maxResponseBytes is refused by the length it declares, and no excerpt is made of the unread body", async () => {
    declared(text(MAX + 1));
    const error = await transport(request("text")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpnaasResponseError);
    expect((error as Error).message).toMatch(/declares 65 bytes, over maxResponseBytes 64; the rest was not read/);
    expect((error as VpnaasResponseError).excerpt).toBe("");
    expect((error as Error).message).toMatch(/body is empty/);
  });
});

describe("a body without a declared length", () => {
  test.each([
    ["text", "string"],
    ["bytes", "object"],
  ] as const)("of exactly maxResponseBytes in several chunks is read in full and in order, as %s", async (read, type) => {
    const parts = [text(20), text(20, 20), text(24, 40)];
    chunked(parts);
    const received = await transport(request(read));
    expect(typeof received.body).toBe(type);
    if (read === "bytes") expect(received.body).toBeInstanceOf(Uint8Array);
    expect(read === "text" ? received.body : new TextDecoder().decode(received.body as Uint8Array)).toBe(parts.join(""));
  });

  test("one byte past maxResponseBytes is refused as having gone past it", async () => {
    chunked([text(40), text(25)]);
    const error = await transport(request("text")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpnaasResponseError);
    expect((error as Error).message).toMatch(/went past it, over maxResponseBytes 64; the rest was not read \(content-type text\/plain\)/);
    expect((error as VpnaasResponseError).contentType).toBe("text/plain");
  });
});

test("client.api hands fetch the Request's own settings (cache, credentials), with redirects left to the client", async () => {
  const inits: RequestInit[] = [];
  const ownFetch = async (_url: string | URL | Request, init?: RequestInit) => (inits.push(init!), Response.json({}));
  const client = createVpnaasClient({ baseUrl: "https://network.example.com", fetch: ownFetch as typeof fetch, retry: false });
  await client.api.GET("/v2.0/vpn/ipsec-site-connections", { cache: "no-store", credentials: "omit" });
  expect(inits).toHaveLength(1);
  expect(inits[0]).toMatchObject({ method: "GET", cache: "no-store", credentials: "omit", redirect: "manual" });
});

// A fetch of the caller's own may hand up any Content-Length; only a plain number lets the
// transport leave the reading to fetch. Anything else is counted like an undeclared length.
test.each(["1x", "x1", "abc", "1e1"])("a Content-Length of %p does not let a body past maxResponseBytes", async (length) => {
  const ownFetch = async () => new Response(text(100), { headers: { "content-length": length } });
  const error = await fetchTransport(ownFetch as typeof fetch, MAX)(request("text")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(VpnaasResponseError);
  expect((error as Error).message).toMatch(/went past it, over maxResponseBytes 64/);
});

test("an attempt over by the time fetch answers reads none of the body, and fails with the signal's reason", async () => {
  let pulls = 0;
  const controller = new AbortController();
  const ownFetch = async () => {
    controller.abort(new DOMException("timeoutMs 10 ms", "TimeoutError"));
    const body = new ReadableStream({ pull: (c) => (pulls++, c.enqueue(new TextEncoder().encode("{}")), c.close()) }, { highWaterMark: 0 });
    return new Response(body, { headers: { "content-length": "2" } });
  };
  const error = await fetchTransport(ownFetch as typeof fetch, MAX)({ ...request("text"), signal: controller.signal }).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: "TimeoutError", message: "timeoutMs 10 ms" });
  await new Promise((done) => setTimeout(done, 10));
  expect(pulls).toBe(0);
});
