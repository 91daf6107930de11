import { memoryReport, runScript } from "./servers";

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
      `[integration]   ${"total".padEnd(17)} ${String(sum("rss")).padStart(5)} MB (${sum("pss")} MB)\n`,
  );
  if (g.__neutronStartedBySuite && process.env.NEUTRON_KEEP !== "1") {
    process.stdout.write("[integration] stopping the servers this run started: bash scripts/neutron/down.sh\n");
    runScript("down");
  }
}
