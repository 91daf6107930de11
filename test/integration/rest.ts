import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as sent. */
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface RawOptions {
  body?: unknown;
  /** Sent as X-Auth-Token. */
  token?: string;
  headers?: Record<string, string>;
}

/**
 * One HTTP request with node:http, the path sent byte for byte as given: no URL normalization, so
 * `../` and `%2F` reach the server as written (fetch/WHATWG URL would resolve `..` first).
 * Used to seed through Neutron's and Keystone's REST APIs and to show what the raw server does.
 */
export function rawRequest(baseUrl: string, method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const base = new URL(baseUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { Accept: "application/json", Connection: "close", ...options.headers };
  if (payload !== undefined) headers["Content-Type"] = "application/json";
  if (options.token) headers["X-Auth-Token"] = options.token;
  return new Promise((resolveResponse, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, method, path, headers, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolveResponse({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: res.headers, text, body });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** Like {@link rawRequest}, but throws unless the status is `expected`; returns the parsed body. */
export async function expectStatus<T = any>(expected: number, baseUrl: string, method: string, path: string, options?: RawOptions): Promise<T> {
  const res = await rawRequest(baseUrl, method, path, options);
  if (res.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.status}: ${res.text.slice(0, 300)}`);
  return res.body as T;
}
