// The listing benchmark, shared by bench/run.mjs and bench/focus.mjs --list: each contender of
// bench/list-contenders.mjs walks the server's 1,000 connections in pages of LIMIT; a round runs
// `slices` blocks of `block` walks of each contender, interleaved, and each ratio to the plain
// fetch loop is taken within the round.
import { LIMIT, listContenders } from "./list-contenders.mjs";
import { interleavedRounds, quartiles, spread } from "./stats.mjs";

export async function listTable(url, { rounds, slices = 10, block = 2, warmup = 30, names = Object.keys(listContenders) }) {
  const walks = {};
  let items;
  for (const name of names) {
    const walk = await listContenders[name](url);
    for (let i = 0; i < warmup; i++) {
      const n = await walk();
      if ((items ??= n) !== n) throw new Error(`${name} iterated ${n} items, not ${items}`);
    }
    walks[name] = walk;
  }
  const { us, ratios } = await interleavedRounds(walks, { rounds, slices, block, baseline: "plain fetch loop" });
  const lines = [
    `## Listing ${items.toLocaleString("en")} connections in pages of ${LIMIT} on loopback, following the server's next links (${rounds} rounds; a round: ${slices} slices of ${block} whole listings per client, clients interleaved)`,
    "",
    "| client | ms per listing, median (min–max) | × plain fetch loop, same round: median (interquartile range) |",
    "| --- | ---: | ---: |",
  ];
  for (const name of names) lines.push(`| ${name} | ${spread(us[name].map((x) => x / 1000), 2)} | ${quartiles(ratios[name], 3)} |`);
  return lines;
}
