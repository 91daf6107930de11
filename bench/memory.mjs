// Heap before and after 100,000 sequential and 10,000 concurrent (64 at a time) GETs through one
// contender (default: the SDK with token auth + retry). Run with --expose-gc. Usage:
// node --expose-gc bench/memory.mjs <url> [sequential] [concurrent] [contender]; prints JSON, MB.
// With --list, the heap while iterating a long listing item by item instead (bench/server.mjs
// started with LIST_ITEMS, e.g. 100,000, in pages of 100): before it starts, at each quarter from
// inside the loop (the listing alive, mid-way), and after it. A listing that kept the pages it has
// handed on would grow by all their items. Usage:
// node --expose-gc bench/memory.mjs --list <url> <items> [list contender]; prints JSON, MB.
import { contenders } from "./contenders.mjs";
import { listIterators } from "./list-contenders.mjs";

const list = process.argv[2] === "--list";
const [url, sequential = "100000", concurrent = "10000", contender = "vpnaas-sdk (tokenAuth + retry)"] = process.argv.slice(list ? 3 : 2);
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
if (list) {
  const items = Number(sequential);
  const name = process.argv[5] ?? "vpnaas-sdk listIpsecSiteConnections (tokenAuth + retry)";
  // Warm-up: 2,000 items of a listing, so that the JIT and the connection are in place.
  let warm = 0;
  for await (const _ of await listIterators[name](url)) if (++warm === 2000) break;
  const start = await heapMb();
  const during = [];
  let seen = 0;
  const listing = await listIterators[name](url);
  for await (const item of listing) {
    if (!item.id) throw new Error("an item without an id");
    if (++seen % (items / 4) === 0) during.push(await heapMb());
  }
  if (seen !== items) throw new Error(`iterated ${seen} items, not ${items}`);
  const end = await heapMb();
  console.log(JSON.stringify({ start, during, end, items: seen, listing: typeof listing }));
  process.exit(0);
}
const get = await contenders[contender](url);
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
