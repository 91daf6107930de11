// Small statistics over repeated runs: medians and spread, never a single timing.
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** "median (min–max)" with `digits` decimals. */
export const spread = (xs, digits = 1) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/** "median (first quartile–third quartile)" with `digits` decimals. */
export const quartiles = (xs, digits = 1) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `${median(xs).toFixed(digits)} (${at(0.25).toFixed(digits)}–${at(0.75).toFixed(digits)})`;
};

/** Runs `fn` `n` times in sequence and returns the mean time per call in µs. */
export async function timePerCallUs(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / n;
}

/** Runs the synchronous `fn` `n` times and returns the mean time per call in µs. */
export function timePerSyncCallUs(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / n;
}

/**
 * Time per call of each of `gets`, interleaved: every round runs `slices` blocks of `block` calls of
 * each, in an order rotated per round and slice, so drift and garbage collection fall on all alike.
 * Returns, per name, µs per call and the ratio to `baseline`, one value per round.
 */
export async function interleavedRounds(gets, { rounds, slices, block, baseline = "plain fetch" }) {
  const names = Object.keys(gets);
  const us = Object.fromEntries(names.map((n) => [n, []]));
  const ratios = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const round = Object.fromEntries(names.map((n) => [n, 0]));
    for (let slice = 0; slice < slices; slice++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + slice + k) % names.length];
        round[name] += await timePerCallUs(gets[name], block);
      }
    }
    for (const name of names) us[name].push(round[name] / slices);
    for (const name of names) ratios[name].push(round[name] / round[baseline]);
  }
  return { us, ratios };
}
