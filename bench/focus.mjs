#!/usr/bin/env node
// A focused, quicker form of two of bench/run.mjs's tables, for working on one overhead: only the
// contenders named on the command line (plain fetch always), against bench/server.mjs in its own
// process. Time per GET is measured as run.mjs does (clients interleaved in blocks, ratios taken
// within each round); --cold=N instead runs N cold starts per contender (bench/cold-start.mjs),
// interleaved, and reports medians with interquartile ranges.
// --process=N runs each contender alone in a process (bench/alone.mjs: N processes each,
// alternating, 15,000 calls after 2,000 warm-up calls): slower, but much steadier than
// interleaving, and it shows what a process that uses only that client pays, its own garbage included.
// --list measures the listing contenders (bench/list-contenders.mjs: 1,000 connections in pages of
// 100, a call being a whole listing) instead, against the plain fetch loop; --process then runs
// 1,000 listings after 150.
// Usage: npm run build && node bench/focus.mjs [--list] [--rounds=15 | --cold=21 | --process=7] ["contender name" ...]
import { execFileSync, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { timeAlone } from "./alone.mjs";
import { bundleOneOperation, contenders as getContenders } from "./contenders.mjs";
import { listContenders } from "./list-contenders.mjs";
import { interleavedRounds, median, quartiles, spread } from "./stats.mjs";

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const list = args.includes("--list");
const contenders = list ? listContenders : getContenders;
const baseline = list ? "plain fetch loop" : "plain fetch";
const PROCESSES = Number(option("process") ?? 0);
const ROUNDS = Number(option("rounds") ?? 15);
const COLD = Number(option("cold") ?? 0);
if (list && COLD) throw new Error("--cold times GETs only; bench/cold-start.mjs has no listing");
const SLICES = 25;
const BLOCK = 20;
const asked = args.filter((a) => !a.startsWith("--"));
const defaults = list ? Object.keys(listContenders).slice(1) : ["vpnaas-sdk (tokenAuth + retry)", "vpnaas-sdk (akskAuth + retry)"];
const names = [baseline, ...(asked.length ? asked : defaults)];
for (const name of names) if (!contenders[name]) throw new Error(`no contender ${JSON.stringify(name)}; known: ${Object.keys(contenders).join(", ")}`);

const root = resolve(import.meta.dirname, "..");
if (!list) await bundleOneOperation();
const server = spawn(process.execPath, [join(root, "bench/server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((done) => server.stdout.once("data", (d) => done(String(d).trim())));
try {
  if (PROCESSES) {
    const { wall, cpu, wallRatio, cpuRatio } = timeAlone(names, url, { processes: PROCESSES, list, baseline });
    console.log(`${PROCESSES} processes each · µs per call, median (interquartile range), × plain fetch · CPU µs per call (whole process), × plain fetch`);
    for (const name of names) console.log(`${name.padEnd(50)} ${quartiles(wall[name]).padEnd(22)} ${wallRatio(name).toFixed(3)}   ${quartiles(cpu[name]).padEnd(22)} ${cpuRatio(name).toFixed(3)}`);
  } else if (COLD) {
    const ms = Object.fromEntries(names.map((n) => [n, []]));
    // The order alternates, so that neither end of a pass is always the same contender's.
    for (let i = 0; i < COLD; i++) {
      for (const name of i % 2 ? [...names].reverse() : names) {
        ms[name].push(Number(execFileSync(process.execPath, [join(root, "bench/cold-start.mjs"), name, url], { cwd: root, encoding: "utf8" }).trim()));
      }
    }
    console.log(`${COLD} cold starts each · ms, median (interquartile range) · × plain fetch (medians)`);
    for (const name of names) console.log(`${name.padEnd(50)} ${quartiles(ms[name]).padEnd(24)} ${(median(ms[name]) / median(ms["plain fetch"])).toFixed(3)}`);
  } else {
    const gets = {};
    for (const name of names) {
      gets[name] = await contenders[name](url);
      for (let i = 0; i < (list ? 30 : 500); i++) await gets[name]();
    }
    const { us, ratios } = await interleavedRounds(gets, { rounds: ROUNDS, slices: list ? 10 : SLICES, block: list ? 2 : BLOCK, baseline });
    console.log(`${ROUNDS} rounds · µs per call, median (min–max) · × plain fetch, median (interquartile range)`);
    for (const name of names) console.log(`${name.padEnd(50)} ${spread(us[name]).padEnd(24)} ${quartiles(ratios[name], 3)}`);
  }
} finally {
  server.kill("SIGTERM");
}
