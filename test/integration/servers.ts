import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stateDir } from "./env";

export const repoRoot = resolve(__dirname, "../..");
export const SERVICES = ["mariadb", "keystone", "neutron-noauth", "neutron-keystone"] as const;

/** Runs scripts/neutron/<script>.sh with its output shown; throws on failure. */
export function runScript(script: "up" | "down"): void {
  execFileSync("bash", [join(repoRoot, "scripts/neutron", `${script}.sh`)], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEUTRON_STATE: stateDir() } });
}

/** The PID (= process group) up.sh recorded for `service`, if that process is alive. */
function pidOf(service: string): number | undefined {
  const file = join(stateDir(), "run", `${service}.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && existsSync(`/proc/${pid}`) ? pid : undefined;
}

/** Are all four servers up and answering? (Only loopback URLs from env.json are probed.) */
export async function serversReady(): Promise<boolean> {
  const file = join(stateDir(), "env.json");
  if (!existsSync(file) || SERVICES.some((s) => pidOf(s) === undefined)) return false;
  const env = JSON.parse(readFileSync(file, "utf8")) as { neutronNoauthUrl: string; neutronKeystoneUrl: string; authUrl: string };
  const probes = [`${env.neutronNoauthUrl}/v2.0/`, `${env.neutronKeystoneUrl}/`, env.authUrl];
  try {
    const answers = await Promise.all(probes.map((url) => fetch(url, { signal: AbortSignal.timeout(5000) })));
    return answers.every((r) => r.ok);
  } catch {
    return false;
  }
}

/** Memory of each server's process group in MB: RSS summed over its processes, and PSS (shared pages split). */
export function memoryReport(): Record<string, { rss: number; pss: number | undefined }> {
  const report: Record<string, { rss: number; pss: number | undefined }> = {};
  const table = execFileSync("ps", ["-e", "-o", "pgid=,pid=,rss="], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 3);
  for (const service of SERVICES) {
    const pgid = pidOf(service);
    if (pgid === undefined) continue;
    const members = table.filter(([g]) => g === pgid);
    const rssKb = members.reduce((sum, [, , rss]) => sum + (rss ?? 0), 0);
    let pssKb: number | undefined = 0;
    for (const [, pid] of members) {
      try {
        pssKb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
      } catch {
        pssKb = undefined; // not readable (another user's process): RSS only
        break;
      }
    }
    report[service] = { rss: Math.round(rssKb / 1024), pss: pssKb === undefined ? undefined : Math.round(pssKb / 1024) };
  }
  return report;
}
