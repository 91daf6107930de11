import { runScript, serversReady } from "./servers";

/** Uses running servers if up.sh already started them; otherwise runs up.sh (and teardown will run down.sh). */
export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __neutronSuiteStart?: number; __neutronStartedBySuite?: boolean };
  g.__neutronSuiteStart = Date.now();
  if (await serversReady()) {
    process.stdout.write("\n[integration] using the servers scripts/neutron/up.sh already started\n");
    g.__neutronStartedBySuite = false;
    return;
  }
  process.stdout.write("\n[integration] servers not running: bash scripts/neutron/up.sh\n");
  runScript("up");
  g.__neutronStartedBySuite = true;
}
