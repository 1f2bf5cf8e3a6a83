/**
 * What the library snippets of the docs take as given: the demo population (`input`), its
 * reviewed outcomes, a current and a candidate config, and the population's parts by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScorerConfig } from '../../../src/index';

const demo = join(process.cwd(), 'examples', 'demo');

/** The synthetic demo population, as `redflags score` reads it. */
export const input = JSON.parse(readFileSync(join(demo, 'population.json'), 'utf8')) as {
  asOf: string;
  subjects: unknown[];
  events: unknown[];
  watchlists: unknown[];
  reference: unknown;
};
export const { subjects, events, watchlists } = input;

/** Reviewed decisions on the demo workers, one outcome record a line. */
export const outcomes: unknown[] = readFileSync(join(demo, 'outcomes.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as unknown);

/** The config in use: the defaults. */
export const current: ScorerConfig = {};
/** The config under review. */
export const candidate = JSON.parse(readFileSync(join(demo, 'candidate-config.json'), 'utf8')) as ScorerConfig;

/** A pseudonymisation key, as read from a secret store. */
export const secret = 'doc-test pseudonym key, 32 bytes or more of secret';
