// The engine's public API, listed once: `redflags/core` and `redflags` both re-export it (each adds
// its own `createScorer`: the bare one, or the one with the built-in catalogue as defaults).
// Scoring types and config, the report, the indicator contract, errors and the version.
export type {
  BatchInput,
  BatchOptions,
  BatchResult,
  CompactBatchResult,
  RecordWarning,
  RejectedRecord,
  ScoreContext,
  Scorer,
  ScorerIndicator,
  ScorerOptions,
  TrustedInput,
} from './createScorer';
export { mergeSummaries } from './summaries';
export { compareReports } from './order';
export type { IndicatorSummaries, PopulationSummaries } from './summaries';
export {
  bandOrder,
  bandsSchema,
  defaultBands,
  defaultCorroboration,
  defaultGroupDecay,
  defaultPriorLogOdds,
  groupSettingSchema,
  indicatorSettingSchema,
  scorerConfigSchema,
} from './config';
export type { Band, GroupSetting, ScorerConfig } from './config';
export type { IndicatorError, IndicatorReport, IndicatorStatus, Reason, Report, ReportFinding, ReportMitigation, TypologyScore } from './report';
export { interpolate } from './interpolate';
export { compactReport, expandReport, isCompactReport } from './compact';
export type { CatalogueEntry, CompactReport, FiredIndicator, ReportCatalogue, ReportDetail } from './compact';

export { defineIndicator } from '../contract/defineIndicator';
export type { FlatIndicatorDocs, IndicatorDefinition, IndicatorDefinitionMeta, InferOptions } from '../contract/defineIndicator';
export type { StandardSchemaV1 } from '../contract/standardSchema';
export type {
  AnyIndicator,
  BuiltinTypology,
  DataFamily,
  EvaluationContext,
  Evidence,
  EvidenceValue,
  FindingDraft,
  FindingKind,
  Indicator,
  IndicatorDocs,
  IndicatorMeta,
  IndicatorOutcome,
  IndicatorSource,
  InternedColumn,
  MessageData,
  Mitigation,
  NotEvaluated,
  Population,
  PrepareContext,
  SubjectSummary,
  SubjectView,
  SummaryContext,
  CombineContext,
  WholeBatch,
} from '../contract/types';

export { ScoringError } from '../errors/ScoringError';
export type { Issue, ScoringErrorCode } from '../errors/ScoringError';
export { ConfigError } from '../errors/ConfigError';
export { IndicatorOptionsError } from '../errors/IndicatorOptionsError';
export { InvalidRecordError } from '../errors/InvalidRecordError';
export type { RecordKind } from '../errors/InvalidRecordError';
export { IndicatorRuntimeError } from '../errors/IndicatorRuntimeError';
export { isConfigError, isIndicatorOptionsError, isIndicatorRuntimeError, isInvalidRecordError, isScoringError } from '../errors/guards';

export { VERSION } from '../version';
