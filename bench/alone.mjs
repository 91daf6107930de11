// Each contender alone in a process of its own: N processes each, the order alternating, every one
// making WARMUP calls and then CALLS timed ones. Slower than interleaving contenders in one process,
// but steadier, and it charges each client with its own garbage: interleaved in one heap, a
// client's garbage is collected during another's calls (a scavenge here takes ~4 ms, 20 calls' time).
// A call is one GET, or with `list` one whole listing (bench/list-contenders.mjs).
// Run as a script (`node bench/alone.mjs [--list] <contender> <url>`) it is the child: prints µs per
// call, wall and CPU (this process, all its threads).
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { contenders } from "./contenders.mjs";
import { listContenders } from "./list-contenders.mjs";
import { median } from "./stats.mjs";

const root = resolve(import.meta.dirname, "..");
/** Calls a process makes: warm-up, then timed. */
export const aloneCalls = (list) => (list ? { warmup: 150, calls: 1000 } : { warmup: 2000, calls: 15000 });

/**
 * Times `names` each alone, `processes` processes each, against the server at `url`. Returns µs per
 * call of every process (`wall`, `cpu`) and each contender's median ratio to `baseline`.
 */
export function timeAlone(names, url, { processes, list = false, baseline = list ? "plain fetch loop" : "plain fetch" }) {
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < processes; i++) {
    for (const name of i % 2 ? [...names].reverse() : names) {
      const out = execFileSync(process.execPath, [join(root, "bench/alone.mjs"), ...(list ? ["--list"] : []), name, url], { cwd: root, encoding: "utf8" });
      const [w, c] = out.trim().split(" ").map(Number);
      wall[name].push(w);
      cpu[name].push(c);
    }
  }
  const ratio = (xs, name) => median(xs[name]) / median(xs[baseline]);
  return { wall, cpu, wallRatio: (name) => ratio(wall, name), cpuRatio: (name) => ratio(cpu, name) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const list = args.includes("--list");
  const [name, url] = args.filter((a) => !a.startsWith("--"));
  const get = await (list ? listContenders : contenders)[name](url);
  const { warmup, calls } = aloneCalls(list);
  for (let i = 0; i < warmup; i++) await get();
  const usage = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await get();
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(usage);
  console.log(`${((ms * 1000) / calls).toFixed(2)} ${((user + system) / calls).toFixed(2)}`);
  process.exit(0);
}
