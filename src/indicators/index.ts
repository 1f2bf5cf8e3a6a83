import type { AnyIndicator } from '../indicator/types';
import { continuousSession, excessiveHours } from './activity/index';
import { disposableOrVoip } from './contact/index';
import {
  claimsInconsistent,
  documentVerificationFailed,
  footprintFabricated,
  historyUnverifiable,
  identityBelongsToOther,
  identityRotation,
  photoInconsistent,
  resumeAnachronism,
} from './identity/index';
import {
  availabilityTimezoneMismatch,
  deepfakeArtifacts,
  inPersonAvoidance,
  locationCheckFailed,
  personMismatch,
  videoAvoidance,
} from './interview/index';
import { belowMarketRate, cryptoOrForeignRouting, frequentAccountChanges, payeeNameMismatch, prepaymentPressure } from './payment/index';
import { addressMismatch, overseasReship } from './shipping/index';

/**
 * Every built-in indicator, in a stable order. Pass it to `createScorer` (the default) or spread
 * it with your own: `createScorer({ indicators: [...builtinIndicators, myIndicator] })`.
 */
export const builtinIndicators: readonly AnyIndicator[] = [
  continuousSession,
  excessiveHours,
  // Candidate record (#3).
  documentVerificationFailed,
  identityBelongsToOther,
  claimsInconsistent,
  photoInconsistent,
  historyUnverifiable,
  resumeAnachronism,
  footprintFabricated,
  identityRotation,
  videoAvoidance,
  personMismatch,
  deepfakeArtifacts,
  inPersonAvoidance,
  locationCheckFailed,
  availabilityTimezoneMismatch,
  disposableOrVoip,
  payeeNameMismatch,
  frequentAccountChanges,
  cryptoOrForeignRouting,
  prepaymentPressure,
  belowMarketRate,
  addressMismatch,
  overseasReship,
];
