// One cold start, in a fresh process: load a contender's library, build its client, make the first
// call. Usage: node bench/cold-start.mjs <contender> <url>; prints the milliseconds it took.
import { contenders } from "./contenders.mjs";

const [name, url] = process.argv.slice(2);
const start = performance.now();
const get = await contenders[name](url);
const connection = await get();
const ms = performance.now() - start;
if (!connection?.id) throw new Error(`${name}: no connection`);
console.log(ms.toFixed(2));
