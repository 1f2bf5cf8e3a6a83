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
import { availabilityTimezoneMismatch, deepfakeArtifacts, inPersonAvoidance, locationCheckFailed, personMismatch, videoAvoidance } from './interview/index';
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
 * Every built-in indicator, ordered by id (a test keeps it so). Pass it to `createScorer` (the
 * default) or spread it with your own: `createScorer({ indicators: [...builtinIndicators, myIndicator] })`.
 */
export const builtinIndicators: readonly AnyIndicator[] = [
  continuousSession,
  excessiveHours,
  offHoursPattern,
  overemployment,
  disposableOrVoip,
  earlyTampering,
  ipKvm,
  remoteAccessSoftware,
  remoteAccessStacking,
  remoteDesktopInternetFacing,
  serialMismatch,
  sharedMfaDevice,
  tunnelSoftware,
  unmanagedDevice,
  claimsInconsistent,
  documentVerificationFailed,
  footprintFabricated,
  historyUnverifiable,
  identityBelongsToOther,
  identityRotation,
  photoInconsistent,
  resumeAnachronism,
  bulkCollection,
  codeIntegrity,
  exfiltrationToPersonal,
  exitWindow,
  impersonation,
  intrusionActivity,
  ownBaselineShift,
  peerBaselineShift,
  privilegeSeeking,
  removableMediaExfiltration,
  sensitiveTechnologyAccess,
  transferAnomaly,
  webExfiltration,
  availabilityTimezoneMismatch,
  deepfakeArtifacts,
  inPersonAvoidance,
  locationCheckFailed,
  personMismatch,
  videoAvoidance,
  personaMultiplicity,
  referralRisk,
  resumeSimilarity,
  sharedContact,
  sharedInfrastructure,
  sharedPaymentInstrument,
  sharedShippingAddress,
  anonymizingInfrastructure,
  geoBaselineMismatch,
  multiCountryLogins,
  remoteAccessExposed,
  belowMarketRate,
  cryptoOrForeignRouting,
  frequentAccountChanges,
  payeeNameMismatch,
  prepaymentPressure,
  addressMismatch,
  overseasReship,
  watchlistMatch,
];
