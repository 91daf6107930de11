// Heap before and after 100,000 sequential and 10,000 concurrent (64 at a time) GETs through one
// contender (default: the SDK with token auth + retry). Run with --expose-gc. Usage:
// node --expose-gc bench/memory.mjs <url> [sequential] [concurrent] [contender]; prints JSON, MB.
import { contenders } from "./contenders.mjs";

const [url, sequential = "100000", concurrent = "10000", contender = "vpnaas-sdk (tokenAuth + retry)"] = process.argv.slice(2);
const get = await contenders[contender](url);
// Collects until the heap stops shrinking: fetch's finalizers (undici unhooks a request from its
// signal when the request is collected) run as tasks after a collection and free more in the next.
const heapMb = async () => {
  let last = Infinity;
  for (let i = 0; i < 10; i++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 10));
    const now = process.memoryUsage().heapUsed / 2 ** 20;
    if (last - now < 0.02) return Math.min(now, last);
    last = now;
  }
  return last;
};
const inParallel = async (calls) => {
  let next = 0;
  const worker = async () => {
    while (next++ < calls) await get();
  };
  await Promise.all(Array.from({ length: 64 }, worker));
};
// Warm-up: JIT, lazily built state, and the 64 keep-alive connections the concurrent run opens
// (whoever sends on them holds their buffers; that is the pool, not growth).
for (let i = 0; i < 2000; i++) await get();
await inParallel(2000);
const start = await heapMb();
for (let i = 0; i < Number(sequential); i++) await get();
const afterSequential = await heapMb();
await inParallel(Number(concurrent));
const afterConcurrent = await heapMb();
console.log(JSON.stringify({ start, afterSequential, afterConcurrent, sequential: Number(sequential), concurrent: Number(concurrent) }));
