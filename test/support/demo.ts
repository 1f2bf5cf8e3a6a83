import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinIndicators, createScorer, type BatchInput, type BatchResult } from '../../src/index';
import { demoIndicators } from './demoIndicators';

/** Path of the committed demo population. */
export const demoPath = fileURLToPath(new URL('../../examples/demo/population.json', import.meta.url));

/** The committed demo population, parsed. */
export function loadDemo(): BatchInput {
  return JSON.parse(readFileSync(demoPath, 'utf8')) as BatchInput;
}

/** Scores the demo with the built-ins plus the test stand-ins, so reports have fired findings. */
export function scoreDemo(): BatchResult {
  return createScorer({ indicators: [...builtinIndicators, ...demoIndicators] }).scoreBatch(loadDemo());
}
