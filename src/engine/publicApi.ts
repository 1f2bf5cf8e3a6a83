// The engine's public API, listed once: `redflags/core` and `redflags` both re-export it (each adds
// its own `createScorer`: the bare one, or the one with the built-in catalogue as defaults).
// Scoring types and config, the report, the indicator contract, errors and the version.
export type {
  BatchInput,
  BatchOptions,
  BatchResult,
  RecordWarning,
  RejectedRecord,
  ScoreContext,
  Scorer,
  ScorerIndicator,
  ScorerOptions,
} from './createScorer';
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
export type {
  IndicatorError,
  IndicatorReport,
  IndicatorStatus,
  Reason,
  Report,
  ReportFinding,
  ReportMitigation,
  TypologyScore,
} from './report';
export { interpolate } from './interpolate';

export { defineIndicator } from '../indicator/defineIndicator';
export type { FlatIndicatorDocs, IndicatorDefinition, IndicatorDefinitionMeta, InferOptions } from '../indicator/defineIndicator';
export type { StandardSchemaV1 } from '../indicator/standardSchema';
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
  MessageData,
  Mitigation,
  NotEvaluated,
  Population,
  PrepareContext,
  SubjectView,
} from '../indicator/types';

export { ScoringError } from '../errors/ScoringError';
export type { Issue, ScoringErrorCode } from '../errors/ScoringError';
export { ConfigError } from '../errors/ConfigError';
export { IndicatorOptionsError } from '../errors/IndicatorOptionsError';
export { InvalidRecordError } from '../errors/InvalidRecordError';
export type { RecordKind } from '../errors/InvalidRecordError';
export { IndicatorRuntimeError } from '../errors/IndicatorRuntimeError';
export {
  isConfigError,
  isIndicatorOptionsError,
  isIndicatorRuntimeError,
  isInvalidRecordError,
  isScoringError,
} from '../errors/guards';

export { VERSION } from '../version';
