// The curated public API of `redflags`, by concept: every export is listed by name (here or in
// engine/publicApi.ts, which `redflags/core` shares), so adding a file
// never widens it by accident. The committed API report (api-report/) lists it with signatures;
// `redflags/core` is the engine alone, `redflags/kit` the indicator author's helpers.

// The engine as `redflags/core` has it, listed once in engine/publicApi.ts: scoring types and
// config, the report, the indicator contract (helpers: `redflags/kit`), errors and VERSION.
export * from './engine/publicApi';

// Scoring: the scorer with the built-in catalogue as its defaults, and what only this entry adds.
export { builtinGroups, builtinIndicators, createScorer } from './defaults';
export type { PreparedBatch } from './engine/createScorer';
export { evidenceDecaySchema } from './engine/config';
export { createIndicatorTimer, formatTimingTable } from './engine/timing';
export type { Clock, IndicatorTimer, IndicatorTiming } from './engine/timing';

// The built-in indicators, by category.
export { continuousSession, excessiveHours, offHoursPattern, overemployment } from './indicators/activity/index';
export { disposableOrVoip } from './indicators/contact/index';
export {
  earlyTampering,
  ipKvm,
  remoteAccessSoftware,
  remoteAccessStacking,
  remoteDesktopInternetFacing,
  serialMismatch,
  sharedMfaDevice,
  tunnelSoftware,
  unmanagedDevice,
} from './indicators/device/index';
export {
  claimsInconsistent,
  documentVerificationFailed,
  footprintFabricated,
  historyUnverifiable,
  identityBelongsToOther,
  identityRotation,
  photoInconsistent,
  resumeAnachronism,
} from './indicators/identity/index';
export {
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
} from './indicators/insider/index';
export type { Ownership } from './indicators/insider/index';
export type { PeerIndex, PeerSummary } from './indicators/insider/peer-baseline-shift';
export {
  availabilityTimezoneMismatch,
  deepfakeArtifacts,
  inPersonAvoidance,
  locationCheckFailed,
  personMismatch,
  videoAvoidance,
} from './indicators/interview/index';
export {
  personaMultiplicity,
  referralRisk,
  resumeSimilarity,
  sharedContact,
  sharedInfrastructure,
  sharedPaymentInstrument,
  sharedShippingAddress,
  strongNonLinkageFacts,
} from './indicators/linkage/index';
export type {
  AuthenticatorUse,
  ClosestCrossSubjectUse,
  LinkageSummary,
  PreparedInfrastructure,
  PreparedLinks,
  PreparedPersonas,
  PreparedReferrals,
  ReferralSummary,
  StrongFact,
} from './indicators/linkage/index';
export { anonymizingInfrastructure, geoBaselineMismatch, multiCountryLogins, remoteAccessExposed } from './indicators/network/index';
export { belowMarketRate, cryptoOrForeignRouting, frequentAccountChanges, payeeNameMismatch, prepaymentPressure } from './indicators/payment/index';
export { addressMismatch, overseasReship } from './indicators/shipping/index';
export { watchlistMatch } from './indicators/watchlist/index';

// Records: the input schemas, their types and validation.
export {
  confirmationSchema,
  countryCodeSchema,
  dateTimeSchema,
  extensionsSchema,
  ipAddressSchema,
  partialDateSchema,
  postalAddressSchema,
  recordIdSchema,
  sourceSchema,
  timeZoneSchema,
} from './records/common';
export type { Confirmation, PostalAddress } from './records/common';
export { recordLimits } from './records/limits';
export {
  addressContactSchema,
  availabilitySchema,
  claimedIdentitySchema,
  claimedSkillSchema,
  compensationSchema,
  contactsSchema,
  educationSchema,
  emailContactSchema,
  employmentSchema,
  engagementSchema,
  identityCheckSchema,
  identityDocumentSchema,
  interviewSchema,
  onlineProfileSchema,
  paymentInstructionSchema,
  paymentRequestSchema,
  personNameSchema,
  phoneContactSchema,
  photoSchema,
  professionalReferenceSchema,
  shipmentSchema,
  subjectSchema,
  verificationSchema,
  workArrangementRequestSchema,
} from './records/subject';
export type { ClaimedSkill, Education, Employment, IdentityDocument, Interview, OnlineProfile, PaymentInstruction, Shipment, Subject } from './records/subject';
export {
  activityEventSchema,
  activityEventTypes,
  authenticatorRegistrationEventSchema,
  calendarEventSchema,
  codeChangeEventSchema,
  customEventSchema,
  dataAccessEventSchema,
  deviceCheckinEventSchema,
  emailEventSchema,
  identityRiskEventSchema,
  messageEventSchema,
  networkEnrichmentSchema,
  paymentEventSchema,
  printEventSchema,
  privilegeEventSchema,
  profileChangeEventSchema,
  remoteAccessSessionEventSchema,
  removableMediaEventSchema,
  securityEventSchema,
  sessionEventSchema,
  softwareEventSchema,
  transferAnomalyEventSchema,
  webEventSchema,
  worklogEventSchema,
} from './records/events';
export type { ActivityEvent, ActivityEventOf, ActivityEventType, NetworkEnrichment, SessionEvent, WorklogEvent } from './records/events';
export { organisationSchema } from './records/organisation';
export type { Organisation } from './records/organisation';
export { watchlistEntrySchema, watchlistSchema } from './records/watchlist';
export type { Watchlist, WatchlistEntry } from './records/watchlist';
export { inputDocumentSchema, referenceSchema } from './records/batchInput';
export type { InputDocument, Reference } from './records/batchInput';
export { jsonSchema } from './records/jsonSchema';
export type { SchemaName } from './records/jsonSchema';
export { parseEvent, parseSubject, safeParseEvent, safeParseSubject, safeParseWatchlist, toIssues } from './records/validate';
export type { ParseOptions, SafeParseResult } from './records/validate';

// Population linkage: link keys, the link index and the normalisers behind them.
export { compareLinkKeys, defaultPhotoMaxDistance, extractLinkKeys, fuzzyLinkKeyKinds, linkKeyKinds } from './linking/keys';
export type { ExtractOptions, LinkKey, LinkKeyKind } from './linking/keys';
export { buildLinkIndex, buildLinkIndexFromGroups, defaultLinkIndexOptions, groupLinkKeys } from './linking/linkIndex';
export type { AllowListedKey, Link, LinkGroup, LinkIndex, LinkIndexOptions, LinkMember, SubjectLinkKeys } from './linking/linkIndex';
export { groupPopulationLinkKeys } from './linking/populationKeys';
export type { LinkPopulation, PopulationGroupingWork } from './linking/populationKeys';
export type { KeyTableWork } from './linking/keyTable';
export {
  linkageInputsSchema,
  linkAllowListEntrySchema,
  linkAllowListSchema,
  linkGroupMemberSchema,
  linkGroupSchema,
  linkSettingsSchema,
} from './records/linkage';
export { normalizeLinkValue } from './linking/linkInput';
export type { LinkGroupInput, LinkSettings } from './records/linkage';
export {
  foldText,
  normalizeAccount,
  normalizeAddress,
  normalizeEmail,
  normalizeIdentifier,
  normalizePersonName,
  normalizePhone,
  normalizeWallet,
} from './linking/normalize';
export type { PhoneOptions } from './linking/normalize';
export { buildCidrSet, cidrContains, formatIp, normalizeIp, parseCidr, parseIp } from './records/ip';
export type { CidrSet, ParsedCidr, ParsedIp } from './records/ip';
export { defaultMinHashOptions, minHash, minHashSimilarity } from './linking/lsh';
export type { MinHashOptions } from './linking/lsh';

// Watchlist screening.
export { hostOf, multiPartSuffixes, registrableDomain } from './watchlist/domains';
export { defaultNameThreshold, jaroWinkler, nameSimilarity, nameTokens, phoneticKey } from './watchlist/names';
export { buildWatchlistIndex } from './watchlist/match';
export type { ListedEntry, MatchQuality, ScreenedKind, WatchlistIndex, WatchlistMatch } from './watchlist/match';

// Human-readable reports: pure renderers, no Node built-ins.
export { renderHtml, renderMarkdown, renderTable } from './render/index';
export type {
  CompactRenderableResult,
  FullRenderableResult,
  HtmlOptions,
  MarkdownOptions,
  RenderableResult,
  ReportSequence,
  ReportView,
  TableOptions,
} from './render/index';
export { defaultDetailLimit } from './render/format';
export { renderBacktestHtml } from './render/backtest-html';
export type { BacktestHtmlOptions } from './render/backtest-html';

// Decisions over time: outcomes, metrics, backtests, calibration, impact audits, timelines.
export { outcomeKinds, outcomeLabel, outcomeSchema, parseOutcomes } from './decisions/outcomes';
export type { Outcome, OutcomeKind, ParsedOutcomes, RejectedOutcome } from './decisions/outcomes';
export { aucWithInterval, histogram, precisionRecall, reliability, rocCurve } from './decisions/metrics';
export type { AucEstimate, LabelledScore, PrecisionRecall, ReliabilityBin, RocPoint } from './decisions/metrics';
export { backtest, scorePointInTime } from './decisions/backtest';
export type {
  BacktestCase,
  BacktestConfig,
  BacktestOptions,
  BacktestResult,
  BacktestRun,
  BandThresholdMetrics,
  DecisionChange,
  PointInTimeReports,
} from './decisions/backtest';
export { calibrate, calibrationMinimums } from './decisions/calibrate';
export type { CalibrateOptions, CalibrationResult, WeightProposal, WeightStatus } from './decisions/calibrate';
export { auditImpact, renderAuditMarkdown } from './decisions/audit';
export type { AuditOptions, AuditResult, AuditRow, AuditTable } from './decisions/audit';
export { scoreTimeline, scoreTimelines } from './decisions/timeline';
export { findingKeyOf, parseSuppressions, suppressionSchema, suppressionStatus } from './engine/suppressions';
export type { RejectedSuppression, ReportSuppression, SuppressedFinding, Suppression, SuppressionStatus } from './engine/suppressions';
export type { Timeline, TimelineBatch, TimelineOptions, TimelinePoint } from './decisions/timeline';

// Privacy: redaction and pseudonyms.
export { createRedactor, redactReport, redactResult } from './privacy/redact';
export type { RedactionOptions, RedactionSource, Redactor } from './privacy/redact';
