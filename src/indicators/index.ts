import type { AnyIndicator } from '../indicator/types';
import { continuousSession, excessiveHours } from './activity/index';
import {
  personaMultiplicity,
  referralRisk,
  resumeSimilarity,
  sharedContact,
  sharedInfrastructure,
  sharedPaymentInstrument,
  sharedShippingAddress,
} from './linkage/index';
import { watchlistMatch } from './watchlist/index';

/**
 * Every built-in indicator, in a stable order. Pass it to `createScorer` (the default) or spread
 * it with your own: `createScorer({ indicators: [...builtinIndicators, myIndicator] })`.
 */
export const builtinIndicators: readonly AnyIndicator[] = [
  continuousSession,
  excessiveHours,
  sharedShippingAddress,
  sharedPaymentInstrument,
  sharedContact,
  sharedInfrastructure,
  resumeSimilarity,
  personaMultiplicity,
  referralRisk,
  watchlistMatch,
];
