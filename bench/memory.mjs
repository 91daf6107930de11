// Heap before and after 100,000 sequential and 10,000 concurrent (64 at a time) GETs through one
// contender (default: the SDK with token auth + retry). Run with --expose-gc. Usage:
// node --expose-gc bench/memory.mjs <url> [sequential] [concurrent] [contender]; prints JSON, MB.
import { contenders } from "./contenders.mjs";

const [url, sequential = "100000", concurrent = "10000", contender = "vpnaas-sdk (tokenAuth + retry)"] = process.argv.slice(2);
const get = await contenders[contender](url);
const heapMb = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
};
for (let i = 0; i < 2000; i++) await get(); // warm: JIT, connection pool, lazily built state
const start = await heapMb();
for (let i = 0; i < Number(sequential); i++) await get();
const afterSequential = await heapMb();
let next = 0;
const worker = async () => {
  while (next++ < Number(concurrent)) await get();
};
await Promise.all(Array.from({ length: 64 }, worker));
const afterConcurrent = await heapMb();
console.log(JSON.stringify({ start, afterSequential, afterConcurrent, sequential: Number(sequential), concurrent: Number(concurrent) }));
