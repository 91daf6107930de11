import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stateDir } from "./env";
import { memoryReport, runScript, SERVICES } from "./servers";

/** A server that died during the run explains the failures after it: show the end of its output. */
function reportDeadServers(running: string[]): string {
  return SERVICES.filter((name) => !running.includes(name))
    .map((name) => {
      const out = join(stateDir(), "log", `${name}.out`);
      const tail = existsSync(out) ? readFileSync(out, "utf8").split("\n").slice(-25).join("\n") : "(no output file)";
      return `[integration] ${name} is not running any more; the end of log/${name}.out:\n${tail}\n`;
    })
    .join("");
}

/** Prints the suite's total time and the servers' memory; stops the servers if the suite started them. */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __neutronSuiteStart?: number; __neutronStartedBySuite?: boolean };
  const seconds = ((Date.now() - (g.__neutronSuiteStart ?? Date.now())) / 1000).toFixed(1);
  const memory = Object.entries(memoryReport());
  const sum = (k: "rss" | "pss") => memory.reduce((a, [, m]) => a + (m[k] ?? 0), 0);
  process.stdout.write(
    `\n[integration] total time ${seconds} s (including server start-up when the suite did it)\n` +
      `[integration] server memory, RSS summed over each process group (PSS, shared pages counted once, in brackets):\n` +
      memory.map(([name, m]) => `[integration]   ${name.padEnd(17)} ${String(m.rss).padStart(5)} MB (${m.pss ?? "?"} MB)\n`).join("") +
      `[integration]   ${"total".padEnd(17)} ${String(sum("rss")).padStart(5)} MB (${sum("pss")} MB)\n` +
      reportDeadServers(memory.map(([name]) => name)),
  );
  if (g.__neutronStartedBySuite && process.env.NEUTRON_KEEP !== "1") {
    process.stdout.write("[integration] stopping the servers this run started: bash scripts/neutron/down.sh\n");
    runScript("down");
  }
}
