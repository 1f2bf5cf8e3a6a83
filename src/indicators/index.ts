import type { AnyIndicator } from '../indicator/types';
import { continuousSession, excessiveHours } from './activity/index';

/**
 * Every built-in indicator, in a stable order. Pass it to `createScorer` (the default) or spread
 * it with your own: `createScorer({ indicators: [...builtinIndicators, myIndicator] })`.
 */
export const builtinIndicators: readonly AnyIndicator[] = [continuousSession, excessiveHours];
