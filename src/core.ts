// `redflags/core`: the bare engine, without the indicator catalogue (like `zod/mini`). Bring your
// own indicators: `createScorer({ indicators: [mine] })`. Everything here is also in `redflags`,
// except `createScorer`, which there defaults to the built-in indicators and groups.

export { createScorer } from './engine/createScorer';
export type {
  BatchInput,
  BatchOptions,
  BatchResult,
  CoreScorerOptions,
  RecordWarning,
  RejectedRecord,
  ScoreContext,
  Scorer,
  ScorerIndicator,
  ScorerOptions,
} from './engine/createScorer';
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
} from './engine/config';
export type { Band, GroupSetting, ScorerConfig } from './engine/config';
export type {
  IndicatorError,
  IndicatorReport,
  IndicatorStatus,
  Reason,
  Report,
  ReportFinding,
  ReportMitigation,
  TypologyScore,
} from './engine/report';
export { interpolate } from './engine/interpolate';

export { defineIndicator } from './indicator/defineIndicator';
export type { IndicatorDefinition, InferOptions } from './indicator/defineIndicator';
export type { StandardSchemaV1 } from './indicator/standardSchema';
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
  IndicatorMeta,
  IndicatorOutcome,
  IndicatorSource,
  MessageData,
  Mitigation,
  NotEvaluated,
  Population,
  PrepareContext,
  SubjectView,
} from './indicator/types';

export { ScoringError } from './errors/ScoringError';
export type { Issue, ScoringErrorCode } from './errors/ScoringError';
export { ConfigError } from './errors/ConfigError';
export { IndicatorOptionsError } from './errors/IndicatorOptionsError';
export { InvalidRecordError } from './errors/InvalidRecordError';
export type { RecordKind } from './errors/InvalidRecordError';
export { IndicatorRuntimeError } from './errors/IndicatorRuntimeError';
export {
  isConfigError,
  isIndicatorOptionsError,
  isIndicatorRuntimeError,
  isInvalidRecordError,
  isScoringError,
} from './errors/guards';

export { VERSION } from './version';
