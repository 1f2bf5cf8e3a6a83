export { claimsInconsistent } from './claims-inconsistent';
export { documentVerificationFailed } from './document-verification-failed';
export { footprintFabricated } from './footprint-fabricated';
export { historyUnverifiable } from './history-unverifiable';
export { identityBelongsToOther } from './identity-belongs-to-other';
export { identityRotation } from './identity-rotation';
export { photoInconsistent } from './photo-inconsistent';
export { resumeAnachronism } from './resume-anachronism';
