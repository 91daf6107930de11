import { isValidationError, type VpnaasTimeoutError, type VpnaasWaitError } from "../src";
import { realClock, type RetryClock } from "../src/clock";
import { waitForStatus } from "../src/operations/wait";

const ID = "851f280f-5639-4ea3-81aa-e298525ab74b";

/** A clock whose sleeps only move its time, which starts at a date (so a sum instead of a difference shows). */
function virtual(): RetryClock & { slept: number[]; now(): number } {
  let now = 1_700_000_000_000;
  const slept: number[] = [];
  return {
    ...realClock,
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw signal.reason;
      slept.push(ms);
      now += ms;
    },
  };
}

/** A read that answers the statuses in turn (the last one for ever), each read taking `readMs` of the clock. */
function reader(clock: { now(): number }, statuses: string[], advance: (ms: number) => void = () => undefined, readMs = 0) {
  const signals: Array<AbortSignal | undefined> = [];
  let i = 0;
  const read = async (id: string, signal: AbortSignal | undefined) => {
    signals.push(signal);
    advance(readMs);
    return { id, status: statuses[Math.min(i++, statuses.length - 1)], psk: "sekrit-psk" };
  };
  return { read, reads: () => i, signals };
}

const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a rejection"); }, (e: unknown) => e);

describe("waitForStatus", () => {
  test("reads until a wanted status, pausing intervalMs between reads", async () => {
    const clock = virtual();
    const r = reader(clock, ["PENDING_CREATE", "PENDING_CREATE", "DOWN"]);
    await expect(waitForStatus(r.read, "Thing", ID, { status: ["ACTIVE", "DOWN"], intervalMs: 500 }, clock)).resolves.toMatchObject({ status: "DOWN" });
    expect(clock.slept).toEqual([500, 500]);
    expect(r.reads()).toBe(3);
  });

  test("the defaults: 2 s between reads, 5 minutes in all", async () => {
    const clock = virtual();
    const r = reader(clock, ["PENDING_CREATE"]);
    const err = (await errorOf(waitForStatus(r.read, "Thing", ID, { status: "ACTIVE" }, clock))) as VpnaasWaitError;
    expect(err.reason).toBe("timeout");
    expect(clock.slept).toHaveLength(150);
    expect(clock.slept.every((ms) => ms === 2000)).toBe(true);
    expect(err.elapsedMs).toBe(300_000);
    expect(err.message).toBe(`Thing ${ID} did not reach ACTIVE within timeoutMs 300000 ms; last status "PENDING_CREATE"`);
  });

  test("the last pause is what is left of timeoutMs, and the wait ends exactly when it runs out", async () => {
    const clock = virtual();
    const r = reader(clock, ["PENDING_UPDATE"]);
    const err = (await errorOf(waitForStatus(r.read, "Thing", ID, { status: "ACTIVE", timeoutMs: 2500, intervalMs: 1000 }, clock))) as VpnaasWaitError;
    expect(clock.slept).toEqual([1000, 1000, 500]);
    expect(r.reads()).toBe(4);
    expect([err.reason, err.elapsedMs, err.status, err.id]).toEqual(["timeout", 2500, "PENDING_UPDATE", ID]);
    expect(err.lastState).toMatchObject({ id: ID, status: "PENDING_UPDATE", psk: "[REDACTED]" });
  });

  test("1 ms left: one more pause of 1 ms and one more read", async () => {
    let now = 0;
    const clock = { ...virtual(), now: () => now, sleep: async (ms: number) => void (now += ms) };
    const r = reader(clock, ["PENDING_UPDATE", "PENDING_UPDATE", "ACTIVE"], (ms) => (now += ms), 999);
    // read (999 ms): 1 ms left, pause 1 ms, read (999): 998 ms over → timeout; with 1 ms more it would go on.
    const err = (await errorOf(waitForStatus(r.read, "Thing", ID, { status: "ACTIVE", timeoutMs: 1000, intervalMs: 5000 }, clock))) as VpnaasWaitError;
    expect([err.reason, err.elapsedMs, r.reads()]).toEqual(["timeout", 1999, 2]);
  });

  test("ERROR rejects at once, unless it is awaited", async () => {
    const clock = virtual();
    const r = reader(clock, ["PENDING_CREATE", "ERROR"]);
    const err = (await errorOf(waitForStatus(r.read, "Connection", ID, { status: ["ACTIVE", "DOWN"], intervalMs: 750 }, clock))) as VpnaasWaitError;
    expect(err.message).toBe(`Connection ${ID} reached status ERROR while waiting for ACTIVE or DOWN (after 750 ms)`);
    expect([err.reason, err.status, err.elapsedMs]).toEqual(["error-status", "ERROR", 750]);
    await expect(waitForStatus(reader(clock, ["ERROR"]).read, "Connection", ID, { status: "ERROR" }, clock)).resolves.toMatchObject({ status: "ERROR" });
  });

  test("the caller's signal goes to every read; aborting it ends the wait with a VpnaasTimeoutError of kind aborted", async () => {
    const clock = virtual();
    const controller = new AbortController();
    const r = reader(clock, ["PENDING_CREATE"]);
    const read = async (id: string, signal: AbortSignal | undefined) => {
      if (r.reads() === 2) controller.abort(new Error("stop"));
      return r.read(id, signal);
    };
    const err = (await errorOf(waitForStatus(read, "Thing", ID, { status: "ACTIVE", intervalMs: 100, signal: controller.signal }, clock))) as VpnaasTimeoutError;
    expect(err).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted", elapsedMs: 200 });
    expect(err.message).toMatch(new RegExp(`^GET Thing ${ID} \\(waiting for ACTIVE\\) aborted by the caller after 200 ms`));
    expect(r.signals.every((s) => s === controller.signal)).toBe(true);
    // Without a signal, reads get none.
    const plain = reader(clock, ["ACTIVE"]);
    await waitForStatus(plain.read, "Thing", ID, { status: "ACTIVE" }, clock);
    expect(plain.signals).toEqual([undefined]);
  });

  test("with several statuses wanted, a timeout and an abort name them all", async () => {
    const clock = virtual();
    const timedOut = (await errorOf(waitForStatus(reader(clock, ["PENDING_CREATE"]).read, "Thing", ID, { status: ["ACTIVE", "DOWN"], timeoutMs: 1000, intervalMs: 500 }, clock))) as VpnaasWaitError;
    expect(timedOut.message).toBe(`Thing ${ID} did not reach ACTIVE or DOWN within timeoutMs 1000 ms; last status "PENDING_CREATE"`);
    const aborted = (await errorOf(waitForStatus(reader(clock, ["PENDING_CREATE"]).read, "Thing", ID, { status: ["ACTIVE", "DOWN"], signal: AbortSignal.abort() }, clock))) as VpnaasTimeoutError;
    expect(aborted).toMatchObject({ name: "VpnaasTimeoutError", kind: "aborted", url: `Thing ${ID} (waiting for ACTIVE or DOWN)` });
  });

  test("intervalMs 0 reads again at once", async () => {
    const clock = virtual();
    await waitForStatus(reader(clock, ["A", "B", "ACTIVE"]).read, "Thing", ID, { status: "ACTIVE", intervalMs: 0 }, clock);
    expect(clock.slept).toEqual([0, 0]);
  });

  test.each<[string, object, string, string]>([
    ["no status", {}, "status", "status must be a status or a non-empty list of them, got undefined; nothing was sent."],
    ["an empty list", { status: [] }, "status", "status must be a status or a non-empty list of them, got []; nothing was sent."],
    ["a non-string status", { status: ["ACTIVE", 1] }, "status", 'status must be a status or a non-empty list of them, got ["ACTIVE",1]; nothing was sent.'],
    ["timeoutMs 0", { status: "ACTIVE", timeoutMs: 0 }, "timeoutMs", "timeoutMs must be a number of ms > 0, got 0; nothing was sent."],
    ["timeoutMs NaN", { status: "ACTIVE", timeoutMs: NaN }, "timeoutMs", "timeoutMs must be a number of ms > 0, got NaN; nothing was sent."],
    ["intervalMs -1", { status: "ACTIVE", intervalMs: -1 }, "intervalMs", "intervalMs must be a finite number of ms ≥ 0, got -1; nothing was sent."],
    ["intervalMs Infinity", { status: "ACTIVE", intervalMs: Infinity }, "intervalMs", "intervalMs must be a finite number of ms ≥ 0, got Infinity; nothing was sent."],
  ])("refuses %s before reading", async (_label, options, parameter, message) => {
    const clock = virtual();
    const r = reader(clock, ["ACTIVE"]);
    const err = await errorOf(waitForStatus(r.read, "Thing", ID, options as never, clock));
    expect(isValidationError(err)).toBe(true);
    expect(err).toMatchObject({ parameter, message });
    expect(r.reads()).toBe(0);
  });
});
