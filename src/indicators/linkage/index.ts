export { personaMultiplicity } from './persona-multiplicity';
export { referralRisk, strongNonLinkageFacts } from './referral-risk';
export type { PreparedReferrals, StrongFact } from './referral-risk';
export type { PreparedLinks } from './shared';
export { resumeSimilarity } from './resume-similarity';
export { sharedContact } from './shared-contact';
export { sharedInfrastructure } from './shared-infrastructure';
export { sharedPaymentInstrument } from './shared-payment-instrument';
export { sharedShippingAddress } from './shared-shipping-address';
