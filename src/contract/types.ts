import type { Reference } from '../records/batchInput';
import type { ActivityEvent, ActivityEventOf, ActivityEventType } from '../records/events';
import type { Subject } from '../records/subject';
import type { Watchlist } from '../records/watchlist';
import type { StandardSchemaV1 } from './standardSchema';

/**
 * The independent kinds of data evidence comes from. Corroboration counts families: by default a
 * subject reaches the top bands only on evidence from at least two of them. The insider families
 * are kinds of evidence of their own: `data-movement` (data collected or sent out: bulk volume,
 * removable media, uploads, personal mail), `privilege-code` (privilege grants, code and pipeline
 * integrity), `device-insider` (what the person does on or to a machine: intrusion tooling,
 * keyloggers, unknown storage) and `lifecycle-timing` (when it happens: the exit window, use
 * after the end date). `data-access` is the older name of `data-movement` and counts as the same
 * family for corroboration.
 */
export type DataFamily =
  | 'identity'
  | 'interview'
  | 'contact'
  | 'payment'
  | 'shipping'
  | 'network'
  | 'device'
  | 'activity'
  | 'data-access'
  | 'data-movement'
  | 'privilege-code'
  | 'device-insider'
  | 'lifecycle-timing'
  | 'linkage'
  | 'watchlist'
  | 'custom';

/** The typologies built-in indicators support. Custom indicators may name their own. */
export type BuiltinTypology = 'remote-hire-identity-fraud' | 'insider-technology-collection';

/** A public source that justifies an indicator. */
export interface IndicatorSource {
  /** Short title, e.g. "FBI PSA I-051624-PSA (16 May 2024)". */
  readonly title: string;
  /** Where to read it. */
  readonly url: string;
}

/** Whether a finding raises the score (risk) or lowers it (mitigating). */
export type FindingKind = 'risk' | 'mitigating';

/** A value that can appear in evidence or message data: plain JSON. */
export type EvidenceValue = string | number | boolean | null | readonly EvidenceValue[] | { readonly [key: string]: EvidenceValue };

/** One piece of evidence behind a finding: which record, which field, when, what value. */
export interface Evidence {
  /** Id of the record (subject, event, interview, document...) the evidence comes from. */
  readonly recordId: string;
  /** Field path inside the record, e.g. `network.country` or `interviews[2].cameraOn`. */
  readonly field?: string;
  /** Time the evidence refers to, ISO 8601. */
  readonly at?: string;
  /** The observed value. */
  readonly value?: EvidenceValue;
  /** A short note on why this record matters. */
  readonly note?: string;
}

/** Placeholder values of a message template. */
export type MessageData = Readonly<Record<string, string | number | boolean>>;

/**
 * A declared or organisation record that explains a signal: a documented exception, a booked
 * trip, agreed hours, a declared household, an approved outside engagement. The report lists it
 * as "mitigated by" with the finding it explains.
 */
export interface Mitigation {
  /**
   * Id of the record that explains the signal (the exception, travel leg, relationship or
   * engagement; the subject id for a subject field such as agreed hours).
   */
  readonly recordId: string;
  /** Where the record sits, e.g. `exceptions`, `travel`, `position.agreedHours`, `relationships`, `engagements`. */
  readonly field: string;
  /** What it explains, in plain words, e.g. "documented VPN exception for Astrill, valid 2025-01-01 to 2025-12-31". */
  readonly explains: string;
}

/** A finding as an indicator returns it; the engine renders the message and weighs it. */
export interface FindingDraft<MessageIds extends string = string> {
  /** Key of `meta.messages` that describes this finding. */
  readonly messageId: MessageIds;
  /** Values for the `{{placeholders}}` of the message template. */
  readonly data?: MessageData;
  /** How strongly this finding supports the indicator, in [0, 1]. */
  readonly strength: number;
  /** Risk raises the score; mitigating lowers it. Defaults to `meta.kind`, or risk when that is `mixed`. */
  readonly kind?: FindingKind;
  /** The records that prove the finding. Must not be empty. */
  readonly evidence: readonly Evidence[];
  /**
   * The data family this finding's evidence comes from, when it differs from the indicator's
   * `meta.family`: a behaviour-baseline indicator's shift in USB copies is data-movement evidence,
   * its shift in after-hours work is activity evidence. Corroboration counts the finding there.
   */
  readonly family?: DataFamily;
  /**
   * Declared records that explain this signal. With strength 0 the signal is silenced: it adds
   * nothing and the report lists it under `mitigations` only; with a strength above 0 it was
   * reduced to that strength and is listed both as a finding and under `mitigations`.
   */
  readonly mitigatedBy?: readonly Mitigation[];
}

/** What an indicator returns when it lacks the data to run: the report lists it under coverage. */
export interface NotEvaluated {
  /** Marks the value as a not-evaluated outcome. */
  readonly notEvaluated: true;
  /** Plain-words reason, e.g. "no session events". */
  readonly reason: string;
  /** Data the indicator needed, as field paths, e.g. `events[type=session]`. */
  readonly missing: readonly string[];
}

/** What `evaluate` returns: findings (possibly none, meaning "ran, found nothing") or not-evaluated. */
export type IndicatorOutcome<MessageIds extends string = string> = readonly FindingDraft<MessageIds>[] | NotEvaluated;

/**
 * One subject as an indicator sees it: the validated subject record and its events up to `asOf`,
 * sorted once by time then id, and bucketed by type.
 */
export interface SubjectView {
  /** The subject record. */
  readonly subject: Subject;
  /** All of the subject's events at or before `asOf`, sorted by time then id. */
  readonly events: readonly ActivityEvent[];
  /** The subject's events of one type, sorted by time then id. */
  eventsOf<T extends ActivityEventType>(type: T): readonly ActivityEventOf<T>[];
  /**
   * An event's `at` in milliseconds since the epoch, as the engine parsed it once at validation:
   * use it instead of `Date.parse(event.at)` in loops over the view's events.
   */
  timeOf(event: ActivityEvent): number;
  /**
   * The event times as a column: `eventTimes()[i]` is the time of `events[i]`, and
   * `eventTimes(type)[i]` that of `eventsOf(type)[i]`, in milliseconds since the epoch. Built once
   * per view (a `Float64Array`, one pass for every type) and shared by all indicators, so a sweep
   * reads `times[i]` by index instead of asking {@link SubjectView.timeOf} per event.
   *
   * Read-only by contract: typed arrays cannot be frozen, and a write would change what later
   * indicators see.
   */
  eventTimes(type?: ActivityEventType): ArrayLike<number>;
  /**
   * A string field of the events as interned codes, built once per view and field: `codes[i]` is
   * the code of `events[i][field]` (of `eventsOf(type)[i]` with a type), -1 when the event has no
   * string there, and `values[code]` the string, codes numbered in order of first appearance (time,
   * then id). For per-device or per-account sweeps: `field` is a top-level event field such as
   * `deviceId`, `ip` or `accountId`. Read-only by contract, as {@link SubjectView.eventTimes}.
   */
  interned(field: string, type?: ActivityEventType): InternedColumn;
  /**
   * Builds a value once per view and shares it between indicators, the per-subject counterpart of
   * {@link Population.memo}: several indicators that read the same records (the three software
   * indicators read one table of software names) get one sweep between them. Namespace the key
   * with your indicator category, e.g. `acme/badge-swipes`. `build` must be pure and depend on the
   * view alone (not on options): the first caller's value is every caller's value. Values (and
   * the columns) are dropped once the subject is scored, so do not keep them beyond `evaluate`.
   */
  memo<T>(key: string, build: () => T): T;
}

/** One string field of a view's events, interned: see {@link SubjectView.interned}. */
export interface InternedColumn {
  /** `codes[i]` indexes `values` for the i-th event, or is -1 when the event has no string in the field (an `Int32Array`). */
  readonly codes: ArrayLike<number>;
  /** The distinct strings, in order of first appearance. */
  readonly values: readonly string[];
}

/** The batch a `prepare` hook sees: every subject and event of the population being scored. */
export interface Population {
  /** Every subject of the population. */
  readonly subjects: readonly Subject[];
  /** The view of one subject, or undefined when it is not in the population. */
  view(subjectId: string): SubjectView | undefined;
  /** Point in time the scores are computed for, ISO 8601. */
  readonly asOf: string;
  /** `asOf` in milliseconds since the epoch. */
  readonly asOfMs: number;
  /** Caller-supplied watchlists. */
  readonly watchlists: readonly Watchlist[];
  /** Caller-supplied reference tables. */
  readonly reference: Reference;
  /** Caller-supplied extra inputs (e.g. externally grouped link keys), keyed by name. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /**
   * Builds a value once per population and shares it between indicators, so several indicators
   * can use one index (the linkage indicators share one link index this way). Namespace the key
   * with your indicator category, e.g. `acme/peer-index`. `build` must be pure.
   */
  memo<T>(key: string, build: () => T): T;
}

/** What `prepare` receives besides the population. */
export interface PrepareContext<Options> {
  /** The validated options, defaults applied. */
  readonly options: Readonly<Options>;
}

/**
 * What `summarise` and `combine` receive besides the subject or the summaries: the batch-wide
 * facts every shard of a population shares, never another subject.
 */
export interface SummaryContext<Options> {
  /** The validated options, defaults applied. */
  readonly options: Readonly<Options>;
  /** Point in time the scores are computed for, ISO 8601. */
  readonly asOf: string;
  /** `asOf` in milliseconds since the epoch. */
  readonly asOfMs: number;
  /** Caller-supplied watchlists. */
  readonly watchlists: readonly Watchlist[];
  /** Caller-supplied reference tables. */
  readonly reference: Reference;
  /** Caller-supplied extra inputs, keyed by name. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /**
   * The whole batch, present when the engine scores a population at once (`scoreBatch`, `score`,
   * `scoreAt` without given summaries); absent when a shard is scored with given summaries, or
   * when summaries are made to be merged (`scorer.summarise`, the CLI's workers). An indicator
   * whose `summarise` only feeds its own `combine` may then return nothing from `summarise` and
   * build from the views in `combine`: summaries held for every subject until `combine` are
   * memory the collector walks. Its reports must be the same either way.
   */
  readonly wholeBatch?: WholeBatch;
}

/**
 * The whole batch, as the engine holds it while scoring it at once: every subject's view (events
 * up to `asOf`), in the engine's order.
 */
export interface WholeBatch {
  /** Subjects in the batch. */
  readonly size: number;
  /** Calls `visit` with every subject's view, the same views in the same order each time. */
  forEachView(visit: (view: SubjectView) => void): void;
}

/** What `combine` receives besides the summaries: the {@link SummaryContext} and a batch-wide memo. */
export interface CombineContext<Options> extends SummaryContext<Options> {
  /**
   * Builds a value once per batch and shares it between the `combine` hooks of several
   * indicators, as {@link Population.memo} does for `prepare`: indicators whose `summarise` return
   * the same summaries (the seven linkage indicators share one per subject) build one index
   * between them. Namespace the key with your indicator category, e.g. `acme/peer-index`. `build`
   * must be pure and depend only on what every caller passes alike (those summaries and the
   * context without options): the first caller's value is every caller's value.
   */
  memo<T>(key: string, build: () => T): T;
}

/** One subject's summary, as `combine` receives it: summaries come sorted by `subjectId`. */
export interface SubjectSummary<Summary = unknown> {
  /** Id of the subject the summary was made from. */
  readonly subjectId: string;
  /** What `summarise` returned for it. */
  readonly summary: Summary;
}

/** What `evaluate` receives besides the subject. */
export interface EvaluationContext<Options, Prepared = undefined> {
  /** The validated options, defaults applied. */
  readonly options: Readonly<Options>;
  /** Point in time the score is computed for, ISO 8601. */
  readonly asOf: string;
  /** `asOf` in milliseconds since the epoch. */
  readonly asOfMs: number;
  /** Caller-supplied watchlists. */
  readonly watchlists: readonly Watchlist[];
  /** Caller-supplied reference tables. */
  readonly reference: Reference;
  /** What this indicator's `prepare` (or `combine`) hook returned for the population, if it has one. */
  readonly prepared: Prepared;
  /** Builds the not-evaluated outcome: `return context.notEvaluated('no sessions', ['events[type=session]'])`. */
  notEvaluated(reason: string, missing?: readonly string[]): NotEvaluated;
}

/**
 * What explains an indicator to people: the indicator reference pages, `redflags indicators
 * --json` and the investigator notes of rendered reports read it. The engine never does, so
 * nothing here changes a score.
 */
export interface IndicatorDocs {
  /** What the indicator detects and why it matters. */
  readonly description: string;
  /** The data the indicator reads, as field paths. */
  readonly requires: readonly string[];
  /** Investigator-facing hypothesis, never shown to the candidate. */
  readonly threatHypothesis?: string;
  /** Public sources that justify the indicator. */
  readonly sources: readonly IndicatorSource[];
  /** Known honest explanations a reviewer should rule out. */
  readonly falsePositives?: readonly string[];
}

/**
 * Static, declarative description of an indicator, readable without running it. The fields at
 * the top are what the engine reads to score and build the report; `docs` holds what only
 * explains the indicator to people.
 */
export interface IndicatorMeta<Options = unknown, MessageIds extends string = string> {
  /** Stable id, `category/name` in kebab case, e.g. `activity/continuous-session`. Part of the public contract. */
  readonly id: string;
  /** Short title for reports. */
  readonly title: string;
  /** Category folder: the part of the id before the slash, checked against it. */
  readonly category: string;
  /** Version of the indicator's logic (semver); reported in every report's metadata. */
  readonly version: string;
  /** `risk` indicators raise the score, `mitigating` ones lower it, `mixed` ones say per finding. */
  readonly kind: FindingKind | 'mixed';
  /** The data family its evidence comes from, for corroboration. */
  readonly family: DataFamily;
  /** Typologies the indicator supports (e.g. `remote-hire-identity-fraud`). */
  readonly typologies: readonly string[];
  /** Log-odds added at strength 1 when no config overrides it. Strong signals 2-4, weak ones below 1. */
  readonly defaultWeight: number;
  /** Indicators in one correlation group are several views of one fact and do not add up as independent evidence. */
  readonly correlationGroup?: string;
  /** Options schema with defaults (zod, or any Standard Schema). Omit when the indicator takes no options. */
  readonly options?: StandardSchemaV1<unknown, Options>;
  /** Message templates by id, with `{{placeholders}}` filled from finding data. */
  readonly messages: Readonly<Record<MessageIds, string>>;
  /** Neutral wording fit for a candidate-facing or adverse-action notice, e.g. "identity could not be verified". */
  readonly neutralReason: string;
  /** The recommended next verification step for a human reviewer. */
  readonly recommendedAction: string;
  /** Description, data read, hypothesis, sources and honest explanations, for people. */
  readonly docs: IndicatorDocs;
}

/**
 * An indicator: declarative `meta` and a pure `evaluate` function, optionally reading the whole
 * population (for peer baselines or linkage indexes) in one of two ways:
 *
 * - `summarise` and `combine`, a map-reduce that scales out: `summarise` turns each subject into
 *   a small summary of plain data, `combine` folds every subject's summary into what `evaluate`
 *   reads as `context.prepared`. Shards of a population (worker threads, machines) summarise
 *   their own subjects, the summaries are merged, and each shard scores with all of them.
 * - `prepare`, which sees every subject of the batch at once: simpler, but the whole population
 *   must then be in one thread.
 *
 * An indicator has one or the other, never both. Built-in indicators use exactly this contract.
 */
// `any` defaults: `Indicator` alone names an indicator of any options; `unknown` would refuse
// most, since options are read as well as declared (eslint.config.mjs allows `any` in this file).
export interface Indicator<Options = any, MessageIds extends string = string, Prepared = any, Summary = any> {
  /** Static description. */
  readonly meta: IndicatorMeta<Options, MessageIds>;
  /**
   * Runs once per population before any subject is evaluated, seeing every subject; must be pure
   * and linear in the population. Not with `summarise`/`combine`.
   */
  readonly prepare?: (population: Population, context: PrepareContext<Options>) => Prepared;
  /**
   * Summarises one subject for `combine`, once per subject of the population, before any subject
   * is evaluated. Return plain data that survives `structuredClone` and JSON unchanged (strings,
   * finite numbers, booleans, null, arrays and plain objects of them; no Map, Set, Date, class
   * instance or function), since summaries cross threads and machines; `undefined` when the
   * subject adds nothing. Must be pure: the summary depends on the subject's view and the context
   * only. Requires `combine`.
   */
  readonly summarise?: (view: SubjectView, context: SummaryContext<Options>) => Summary | undefined;
  /**
   * Folds the summaries of the whole population (sorted by subject id, those `summarise` returned
   * `undefined` for left out) into the value `evaluate` reads as `context.prepared`. It may build
   * Maps and indexes: its result never leaves the thread. Must be pure, and its result must not
   * depend on how the population was split into shards. Requires `summarise`.
   */
  readonly combine?: (summaries: readonly SubjectSummary<Summary>[], context: CombineContext<Options>) => Prepared;
  /**
   * The named batch inputs (`inputs.<name>` of a batch, `population.inputs` in `prepare`) this
   * indicator reads, with their schemas. The engine validates each once per batch, before any
   * `prepare`: a malformed one is a single rejected entry with field paths and is left out, and
   * `prepare` sees the schema's output (defaults applied).
   */
  readonly inputs?: Readonly<Record<string, StandardSchemaV1>>;
  /** Evaluates one subject; must be pure, deterministic and independent of record order. */
  readonly evaluate: (view: SubjectView, context: EvaluationContext<Options, Prepared>) => IndicatorOutcome<MessageIds>;
}

/** Any indicator, whatever its options. */
export type AnyIndicator = Indicator<any, string, any, any>;
