import { memoryReport, runScript } from "./servers";

/** Prints the suite's total time and the servers' memory; stops the servers if the suite started them. */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __neutronSuiteStart?: number; __neutronStartedBySuite?: boolean };
  const seconds = ((Date.now() - (g.__neutronSuiteStart ?? Date.now())) / 1000).toFixed(1);
  const memory = memoryReport();
  const total = Object.values(memory).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `\n[integration] total time ${seconds} s (including server start-up when the suite did it)\n` +
      `[integration] server memory (RSS summed over each process group): ${Object.entries(memory).map(([k, v]) => `${k} ${v} MB`).join(", ")}; total ${total} MB\n`,
  );
  if (g.__neutronStartedBySuite && process.env.NEUTRON_KEEP !== "1") {
    process.stdout.write("[integration] stopping the servers this run started: bash scripts/neutron/down.sh\n");
    runScript("down");
  }
}
