import type { AnyIndicator } from '../contract/types';
import { continuousSession, excessiveHours, offHoursPattern, overemployment } from './activity/index';
import { disposableOrVoip } from './contact/index';
import {
  earlyTampering,
  ipKvm,
  remoteAccessSoftware,
  remoteAccessStacking,
  remoteDesktopInternetFacing,
  serialMismatch,
  sharedMfaDevice,
  tunnelSoftware,
  unmanagedDevice,
} from './device/index';
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
import { bulkCollection, exfiltrationToPersonal, intrusionActivity, privilegeSeeking, sensitiveTechnologyAccess } from './insider/index';
import { codeIntegrity, impersonation, transferAnomaly } from './insider/index';
import {
  availabilityTimezoneMismatch,
  deepfakeArtifacts,
  inPersonAvoidance,
  locationCheckFailed,
  personMismatch,
  videoAvoidance,
} from './interview/index';
import { anonymizingInfrastructure, geoBaselineMismatch, multiCountryLogins, remoteAccessExposed } from './network/index';
import { belowMarketRate, cryptoOrForeignRouting, frequentAccountChanges, payeeNameMismatch, prepaymentPressure } from './payment/index';
import { addressMismatch, overseasReship } from './shipping/index';
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
import { exitWindow, ownBaselineShift, peerBaselineShift, removableMediaExfiltration, webExfiltration } from './insider/index';

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
  // Population linkage and watchlists (#5).
  sharedShippingAddress,
  sharedPaymentInstrument,
  sharedContact,
  sharedInfrastructure,
  resumeSimilarity,
  personaMultiplicity,
  referralRisk,
  watchlistMatch,
  // Indicators v2: device inventory.
  tunnelSoftware,
  remoteAccessStacking,
  remoteDesktopInternetFacing,
  // Indicators v2: impersonation, code and privilege integrity.
  impersonation,
  codeIntegrity,
  transferAnomaly,
  // Insider behaviour: own and peer baselines, the exit window, removable media and web exfiltration.
  ownBaselineShift,
  peerBaselineShift,
  exitWindow,
  removableMediaExfiltration,
  webExfiltration,
];
