import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** A response captured from a real Neutron 21 + VPNaaS server (test/fixtures/neutron-captures). */
export interface Capture {
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; status_line: string; headers: Record<string, string>; body: unknown; body_raw: string };
}

const root = resolve(__dirname, "../fixtures/neutron-captures");

/** Loads `name` (without .json), e.g. "get-connection-200" or "keystone/get-connection-no-token-401". */
export function capture(name: string): Capture {
  return JSON.parse(readFileSync(join(root, `${name}.json`), "utf8")) as Capture;
}

/** Every capture's name, in the folder and its subfolders (`keystone/`, `ikepolicies/`, …), sorted. */
export function captureNames(): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\\/g, "/").replace(/\.json$/, ""))
    .sort();
}
