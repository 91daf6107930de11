import { type KeystoneToken, KeystoneTokenProvider } from "../src/auth/keystone-token-provider";

/** A provider over a fake Keystone that hands out tok-1, tok-2, … each valid `lifetimeMs` from `now`. */
function setup(lifetimeMs: number | undefined, options: { refreshBeforeExpiryMs?: number } = {}) {
  let now = 1_000_000;
  let issued = 0;
  const provider = new KeystoneTokenProvider(
    async (): Promise<KeystoneToken> => ({ value: `tok-${++issued}`, expiresAtMs: lifetimeMs === undefined ? undefined : now + lifetimeMs, obtainedAtMs: now, catalog: [] }),
    { ...options, now: () => now },
  );
  return { provider, advance: (ms: number) => (now += ms), issued: () => issued };
}

describe("KeystoneTokenProvider: when a token is refreshed", () => {
  test("with the default margin (120 s): kept until 1 ms before, refreshed exactly at expiry − 120 s", async () => {
    const { provider, advance, issued } = setup(3_600_000);
    expect((await provider.get()).value).toBe("tok-1");
    advance(3_600_000 - 120_000 - 1);
    expect((await provider.get()).value).toBe("tok-1");
    advance(1);
    expect((await provider.get()).value).toBe("tok-2");
    expect(issued()).toBe(2);
  });

  test("a given margin is used as given", async () => {
    const { provider, advance } = setup(3_600_000, { refreshBeforeExpiryMs: 1000 });
    await provider.get();
    advance(3_600_000 - 1001);
    expect((await provider.get()).value).toBe("tok-1");
    advance(1);
    expect((await provider.get()).value).toBe("tok-2");
  });

  test("a short-lived token is refreshed at half its lifetime, not 120 s before expiry", async () => {
    const { provider, advance } = setup(60_000);
    await provider.get();
    expect((await provider.get()).value).toBe("tok-1");
    advance(29_999);
    expect((await provider.get()).value).toBe("tok-1");
    advance(1);
    expect((await provider.get()).value).toBe("tok-2");
  });

  test("a token without expires_at is kept however long", async () => {
    const { provider, advance, issued } = setup(undefined);
    await provider.get();
    advance(10 * 365 * 86_400_000);
    expect((await provider.get()).value).toBe("tok-1");
    expect(issued()).toBe(1);
  });

  test("refresh(stale) sends a request only when the current token is the stale one", async () => {
    const { provider, issued } = setup(3_600_000);
    const first = await provider.get();
    const second = await provider.refresh(first);
    expect(second.value).toBe("tok-2");
    // Another caller still holding tok-1 gets tok-2, without a request.
    expect((await provider.refresh(first)).value).toBe("tok-2");
    expect(issued()).toBe(2);
    // The current token itself called stale: a new one.
    expect((await provider.refresh(second)).value).toBe("tok-3");
  });

  test("refresh(stale) of a token that has meanwhile expired sends a request", async () => {
    const { provider, advance } = setup(60_000);
    const first = await provider.get();
    const second = await provider.refresh(first);
    advance(30_000);
    expect((await provider.refresh(first)).value).toBe("tok-3");
    expect(second.value).toBe("tok-2");
  });

  test("concurrent callers share one request; a failed request is not cached", async () => {
    let calls = 0;
    let fail = true;
    const provider = new KeystoneTokenProvider(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error("keystone down");
      return { value: "tok", expiresAtMs: undefined, obtainedAtMs: 0, catalog: [] };
    });
    const failures = await Promise.allSettled([provider.get(), provider.get(), provider.get()]);
    expect(failures.map((f) => f.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(calls).toBe(1);
    fail = false;
    const tokens = await Promise.all([provider.get(), provider.get()]);
    expect(tokens.map((t) => t.value)).toEqual(["tok", "tok"]);
    expect(calls).toBe(2);
  });
});
