/**
 * How many cases the fuzz suite runs and from which seed.
 *
 * - CI (`npx vitest run`): a fixed seed and a few hundred cases per property.
 * - `npm run fuzz`: `FUZZ_RUNS` cases in total (100,000 by default), shared among the properties
 *   by weight, from a fresh seed that is printed.
 * - Replay: `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/fuzz -t "<property>"` with the
 *   seed and path fast-check printed with the counterexample.
 */
import { randomInt } from 'node:crypto';

/** The seed CI always uses, so its cases are the same on every run. */
export const ciSeed = 20_261_201;

const totalRuns = process.env.FUZZ_RUNS !== undefined ? Number(process.env.FUZZ_RUNS) : undefined;
if (totalRuns !== undefined && !(Number.isInteger(totalRuns) && totalRuns > 0))
  throw new Error(`FUZZ_RUNS must be a positive whole number, got ${process.env.FUZZ_RUNS}`);

/** True in the long run (`npm run fuzz`). */
export const longRun = totalRuns !== undefined;

/** The seed of this run: FUZZ_SEED, else a fresh one in the long run, else the CI seed. */
export const fuzzSeed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : longRun ? randomInt(2 ** 31) : ciSeed;

if (longRun || process.env.FUZZ_SEED !== undefined)
  console.log(`fuzz: seed ${fuzzSeed}, ${totalRuns ?? 'CI'} cases in total; replay with FUZZ_SEED=${fuzzSeed}`);

/**
 * The shares of the long run's cases, by property. They add up to 1, so the long run runs
 * FUZZ_RUNS cases in total; CI runs the fixed `ci` count of each.
 */
export const shares = {
  parse: { long: 0.2, ci: 300 },
  batch: { long: 0.25, ci: 150 },
  strict: { long: 0.04, ci: 100 },
  nestedIds: { long: 0.01, ci: 60 },
  score: { long: 0.08, ci: 80 },
  order: { long: 0.07, ci: 40 },
  planted: { long: 0.05, ci: 60 },
  cliJson: { long: 0.12, ci: 40 },
  cliNdjson: { long: 0.1, ci: 40 },
  cliDuplicateKeys: { long: 0.03, ci: 15 },
  cliDeterminism: { long: 0.05, ci: 15 },
} as const;

/** fast-check parameters of one property. */
export function params(name: keyof typeof shares): { seed: number; numRuns: number; path?: string } {
  const share = shares[name];
  const numRuns = totalRuns !== undefined ? Math.ceil(totalRuns * share.long) : share.ci;
  return {
    seed: fuzzSeed,
    numRuns,
    ...(process.env.FUZZ_PATH !== undefined ? { path: process.env.FUZZ_PATH } : {}),
  };
}

/** Per-test timeout: generous, for a machine twice as slow and busy; never an assertion about time. */
export const fuzzTimeout = longRun ? 24 * 3_600_000 : 300_000;
