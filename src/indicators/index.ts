import type { AnyIndicator } from '../indicator/types';
import { continuousSession, excessiveHours, offHoursPattern, overemployment } from './activity/index';
import { earlyTampering, ipKvm, remoteAccessSoftware, serialMismatch, sharedMfaDevice, unmanagedDevice } from './device/index';
import { bulkCollection, exfiltrationToPersonal, intrusionActivity, privilegeSeeking, sensitiveTechnologyAccess } from './insider/index';
import { anonymizingInfrastructure, geoBaselineMismatch, multiCountryLogins, remoteAccessExposed } from './network/index';

/**
 * Every built-in indicator, in a stable order. Pass it to `createScorer` (the default) or spread
 * it with your own: `createScorer({ indicators: [...builtinIndicators, myIndicator] })`.
 */
export const builtinIndicators: readonly AnyIndicator[] = [
  continuousSession,
  excessiveHours,
  // Issue #4: post-hire pack.
  offHoursPattern,
  overemployment,
  multiCountryLogins,
  anonymizingInfrastructure,
  geoBaselineMismatch,
  remoteAccessExposed,
  remoteAccessSoftware,
  ipKvm,
  unmanagedDevice,
  earlyTampering,
  serialMismatch,
  sharedMfaDevice,
  sensitiveTechnologyAccess,
  bulkCollection,
  exfiltrationToPersonal,
  privilegeSeeking,
  intrusionActivity,
];
