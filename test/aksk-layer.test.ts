import type { AuthStrategy } from "../src/auth/strategy";
import type { OutgoingRequest, Received } from "../src/request";

const keys = { accessKey: "AKTESTAKTESTAKTEST01", secretKey: "SK-DO-NOT-LEAK-4c1e9b0a77" };
const at = Date.UTC(2026, 10, 28, 18, 30, 5);
const context = { transport: async () => { throw new Error("no own requests"); }, ownRequestTimeoutMs: 1000 };
const request = (url = "https://vpc.example.com/v2.0/vpn/ikepolicies"): OutgoingRequest => ({ method: "POST", url, headers: { accept: "application/json" }, body: new TextEncoder().encode('{"ikepolicy":{}}'), read: "text" });
const answer: Received = { response: new Response(null, { status: 204 }), body: null };

/** Runs `use` with the properties `names` of `target` taken away (undefined), then puts them back. */
function without<T>(target: object, names: string[], use: () => T): T {
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const);
  for (const name of names) Object.defineProperty(target, name, { value: undefined, configurable: true, writable: true });
  try {
    return use();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete (target as Record<string, unknown>)[name];
    }
  }
}

/** akskAuth from a fresh copy of the modules, loaded as in a browser: no node:crypto (no process.getBuiltinModule). */
function browserAkskAuth(): (typeof import("../src/auth/aksk"))["akskAuth"] {
  let loaded: typeof import("../src/auth/aksk") | undefined;
  without(process, ["getBuiltinModule"], () => jest.isolateModules(() => (loaded = require("../src/auth/aksk"))));
  return loaded!.akskAuth;
}

const signedBy = async (auth: AuthStrategy) => {
  const sent: OutgoingRequest[] = [];
  await auth.layer(context)(request(), async (r) => (sent.push(r), answer));
  return sent[0]!.headers;
};

describe("akskAuth's layer", () => {
  test("with native hashing (Node) it signs without awaiting: next is called before the layer returns", () => {
    const { akskAuth } = jest.requireActual<typeof import("../src/auth/aksk")>("../src/auth/aksk");
    let called = false;
    void akskAuth({ ...keys, now: () => at }).layer(context)(request(), async () => ((called = true), answer));
    expect(called).toBe(true);
  });

  test("without node:crypto (a browser) it signs with WebCrypto, awaiting, and the signature is the same", async () => {
    const { akskAuth } = jest.requireActual<typeof import("../src/auth/aksk")>("../src/auth/aksk");
    const native = await signedBy(akskAuth({ ...keys, now: () => at }));
    const webCrypto = browserAkskAuth()({ ...keys, now: () => at });
    let called = false;
    const pending = webCrypto.layer(context)(request(), async () => ((called = true), answer));
    expect(called).toBe(false);
    await pending;
    expect(called).toBe(true);
    expect(await signedBy(webCrypto)).toEqual(native);
    expect(native.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKTESTAKTESTAKTEST01, SignedHeaders=accept;host;x-sdk-date, Signature=[0-9a-f]{64}$/);
  });

  test("without node:crypto and without WebCrypto (a page on plain http) it signs in plain JavaScript, without awaiting, and the signature is the same", async () => {
    const { akskAuth } = jest.requireActual<typeof import("../src/auth/aksk")>("../src/auth/aksk");
    const native = await signedBy(akskAuth({ ...keys, now: () => at }));
    const plain = without(globalThis, ["crypto"], () => browserAkskAuth()({ ...keys, now: () => at }));
    let called = false;
    void plain.layer(context)(request(), async () => ((called = true), answer));
    expect(called).toBe(true);
    expect(await signedBy(plain)).toEqual(native);
  });

  test("a request it cannot sign is a rejected promise, not an exception thrown at the caller", async () => {
    const { akskAuth } = jest.requireActual<typeof import("../src/auth/aksk")>("../src/auth/aksk");
    let result: Promise<Received> | undefined;
    expect(() => (result = akskAuth({ ...keys, now: () => at }).layer(context)(request("not a url"), async () => answer))).not.toThrow();
    await expect(result).rejects.toThrow();
  });

  test("a new X-Sdk-Date each second, the same within one", async () => {
    const { akskAuth } = jest.requireActual<typeof import("../src/auth/aksk")>("../src/auth/aksk");
    let now = at + 999;
    const auth = akskAuth({ ...keys, now: () => now });
    expect((await signedBy(auth))["x-sdk-date"]).toBe("20261128T183005Z");
    now = at + 1000;
    expect((await signedBy(auth))["x-sdk-date"]).toBe("20261128T183006Z");
    now = at + 1999;
    expect((await signedBy(auth))["x-sdk-date"]).toBe("20261128T183006Z");
    now = at - 1;
    expect((await signedBy(auth))["x-sdk-date"]).toBe("20261128T183004Z");
  });
});
