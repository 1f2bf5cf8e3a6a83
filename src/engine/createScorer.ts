import { applyEvidenceDecay } from './decay';
import { applySuppressions, parseSuppressions, withSuppressions, type Suppression } from './suppressions';
import { InvalidRecordError, type RecordKind } from '../errors/InvalidRecordError';
import { IndicatorRuntimeError } from '../errors/IndicatorRuntimeError';
import type { Issue } from '../errors/ScoringError';
import type { AnyIndicator, EvaluationContext, Population, WholeBatch } from '../contract/types';
import { dateTimeSchema } from '../records/common';
import type { ActivityEvent } from '../records/events';
import type { Reference } from '../records/batchInput';
import type { Subject } from '../records/subject';
import { checkTrustedSubject, readTrustedEvent, trustedEventFields, type TrustedCheck } from '../records/trusted';
import { parseIsoTime } from '../records/isoTime';
import { readRecordId, safeParseEvent, safeParseSubject, type ParseOptions, type SafeParseResult } from '../records/validate';
import type { Watchlist } from '../records/watchlist';
import type { GroupSetting, ScorerConfig } from './config';
import { subjectAsOf, watchlistsAsOf } from './asOfCut';
import { catalogueOf, type CompactReport, type ReportCatalogue, type ReportDetail } from './compact';
import { explain, explainCompact } from './explain';
import { declaredInputs, validateInputs, type DeclaredInputs } from './inputs';
import { compareRejected, compareReports } from './order';
import { freezeRecord } from './freezeRecord';
import { validateLists } from './lists';
import type { Report } from './report';
import { resolveConfig, type ResolvedConfig, type ResolvedIndicator } from './resolve';
import { evaluationContext, runIndicator, type RunOutcome } from './runIndicator';
import { ignoreSettlement, isThenable } from './thenable';
import { describeThrown } from './thrown';
import type { IndicatorTimer } from './timing';
import { type BuiltView, buildSortedView, emptyEvents, noTimes } from './view';
import { repeatedIds } from './repeatedIds';
import { fnv1a32 } from '../util/hash';
import { addValidEvent, eventAt, fillBuckets, freezeBuckets, validEventColumns, type TimedEvents, type ValidEvents } from './subjectEvents';
import { ShardedMap } from './shardedMap';
import {
  checkSummaries,
  combinedOnce,
  combineSummaries,
  hasSummaries,
  summarisePopulation,
  type GivenLists,
  type PopulationSummaries,
  type PreparedValue,
} from './summaries';

/** What `createScorer` takes. */
export interface ScorerOptions {
  /**
   * The indicators to run. From `redflags` they default to `builtinIndicators`; add your own with
   * `[...builtinIndicators, mine]`.
   */
  readonly indicators?: readonly AnyIndicator[];
  /** Weights, options, disabled indicators, bands, groups, corroboration. */
  readonly config?: ScorerConfig;
  /**
   * Adds each indicator's time to this timer (see `createIndicatorTimer`). Off by default; the
   * timer brings its own clock, so scoring reads none, and reports are the same with it on.
   */
  readonly timing?: IndicatorTimer;
  /**
   * Correlation groups the indicators name, with their decay and cap; config `groups` overrides
   * them one by one. From `redflags` they default to `builtinGroups`.
   */
  readonly groups?: Readonly<Record<string, GroupSetting>>;
}

/** What the bare engine's `createScorer` (from `redflags/core`) takes: the indicators are required, since it knows no catalogue. */
export interface CoreScorerOptions extends ScorerOptions {
  /** The indicators to run: the engine has no defaults. */
  readonly indicators: readonly AnyIndicator[];
}

/** One indicator of a scorer, as the scorer resolved it. */
export interface ScorerIndicator {
  /** The indicator's id. */
  readonly id: string;
  /** False when the config disabled it. */
  readonly enabled: boolean;
  /** Its effective weight (log-odds at strength 1). */
  readonly weight: number;
  /**
   * True when it prepares over the whole population (it has a `prepare` hook, or
   * `summarise` and `combine`, as peer baselines do), so scoring one subject at a time would lose
   * what it compares.
   */
  readonly readsPopulation: boolean;
  /**
   * True when it reads the population through `summarise` and `combine`: shards of a population
   * can then be scored apart, each with the merged summaries (see {@link Scorer.summarise}).
   */
  readonly summarises: boolean;
}

/** Context for scoring one subject. */
export interface ScoreContext {
  /** Point in time to score for (ISO 8601). Required: the core never reads the clock. */
  readonly asOf: string;
  /** The subject's activity events (each must belong to the subject or to a population subject). */
  readonly events?: readonly unknown[];
  /** Other subjects and their events, for population-level indicators (linkage, peer baselines). */
  readonly population?: { readonly subjects?: readonly unknown[]; readonly events?: readonly unknown[] };
  /** Watchlists to screen against. */
  readonly watchlists?: readonly unknown[];
  /** Reference tables. */
  readonly reference?: unknown;
  /** Extra named inputs for indicators' `prepare` hooks (e.g. externally grouped link keys). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Suppression records (see `suppressionSchema`): reviewed findings that count nothing until they expire. */
  readonly suppressions?: readonly unknown[];
}

/** The input of a batch: a population to score. */
export interface BatchInput {
  /** Point in time to score for; defaults to the latest event time (the result says which was used). */
  readonly asOf?: string | undefined;
  /** Subjects, validated one by one. */
  readonly subjects: readonly unknown[];
  /** Activity events of all subjects, validated one by one. */
  readonly events?: readonly unknown[] | undefined;
  /** Watchlists. */
  readonly watchlists?: readonly unknown[] | undefined;
  /** Reference tables. */
  readonly reference?: unknown;
  /** Extra named inputs for indicators' `prepare` hooks. */
  readonly inputs?: Readonly<Record<string, unknown>> | undefined;
  /** Suppression records (see `suppressionSchema`), validated one by one. */
  readonly suppressions?: readonly unknown[] | undefined;
}

/** Options of a batch run. */
export interface BatchOptions {
  /** Score only the subjects this returns true for (the population is still the whole batch), e.g. to shard across workers. */
  readonly select?: (subjectId: string) => boolean;
  /**
   * Accept records whose only problems are unknown keys: the keys are dropped and listed under
   * `warnings` instead of rejecting the record. Off by default, since an unknown key is usually a
   * misspelled field whose data would otherwise be lost silently.
   */
  readonly lenient?: boolean;
  /**
   * The summaries of the whole population (every shard's {@link Scorer.summarise}, merged with
   * `mergeSummaries`), for scoring a shard of it: the summarising indicators then compare each
   * subject with the whole population instead of the batch given, and the reports equal those of
   * one batch of everything. Hooks with `prepare` still see only the batch given. Needs the
   * `asOf` and config the summaries were made with.
   */
  readonly summaries?: PopulationSummaries;
  /**
   * `full` (the default): every report lists every indicator with its metadata and status.
   * `compact`: reports leave the indicator metadata to one `catalogue` in the result and list only
   * the indicators that fired (see `CompactReport`; `expandReport` gives the full report back).
   */
  readonly reportDetail?: ReportDetail;
  /**
   * Skip the schema validation of subjects and events, for records validated upstream (they must
   * be what `parseSubject` and `parseEvent` return). Only the structural checks the engine relies
   * on remain: ids are strings, the subject's lists are arrays, event types are known, event times
   * parse; a record that fails them is rejected with its field path, never a crash. The records
   * are frozen in place, not copied. Watchlists, reference tables and suppressions are validated
   * as always. An object instead of `true` is trusted input with more promises (event times as
   * numbers, unique event ids: see {@link TrustedInput}). See docs/reliability.md ("Trusted
   * input") for the risk.
   */
  readonly trusted?: boolean | TrustedInput;
}

/**
 * Trusted input with more of the work done upstream (`scoreBatch(input, { trusted: { ... } })`):
 * what the caller promises beyond `trusted: true`, so the engine can skip its own work. A broken
 * promise never crashes the batch; what it changes is said per field and in docs/reliability.md.
 */
export interface TrustedInput {
  /**
   * Each event's time as a number: `eventTimes[i]` is `Date.parse(events[i].at)`, milliseconds
   * since the epoch (a `Float64Array`, or any array of numbers, as long as `events`). The engine
   * then parses no `at`; it still checks that `at` is a string, and rejects an event whose number
   * is not finite (path `at`). The number is what orders the events, infers `asOf` and cuts at
   * `asOf`; indicators that quote `at` quote the string, so a number that disagrees with it gives
   * a report that disagrees with itself (it is not checked: that would be the parse it saves).
   * @throws {InvalidRecordError} from the batch when its length is not that of `events`.
   */
  readonly eventTimes?: ArrayLike<number>;
  /**
   * The caller's promise that no two events share an id, so the engine skips the batch-wide
   * check (one set addition per event). What still holds if the promise is broken: within a
   * subject, copies of an id at the same instant (which would make the report depend on record
   * order) are all rejected, as the validated path rejects copies; copies at different instants,
   * or in different subjects, are scored as distinct events, where the validated path would have
   * rejected them.
   */
  readonly uniqueEventIds?: boolean;
}

/** A record a batch could not use, and why. */
export interface RejectedRecord {
  /** What kind of record. */
  readonly kind: RecordKind;
  /** Its position in its input array. */
  readonly index: number;
  /** Its id, when readable. */
  readonly recordId?: string;
  /** Every problem, with field paths. */
  readonly issues: readonly Issue[];
}

/** A record that was accepted with problems (unknown keys dropped in lenient mode), and what they were. */
export interface RecordWarning {
  /** What kind of record. */
  readonly kind: RecordKind;
  /** Its position in its input array. */
  readonly index: number;
  /** Its id, when readable. */
  readonly recordId?: string;
  /** Every problem, with field paths. */
  readonly issues: readonly Issue[];
}

/** The result of a batch: a report per valid subject, highest score first, and the rejected records. */
export interface BatchResult {
  /** The point in time used. */
  readonly asOf: string;
  /** Where `asOf` came from: the input, or the latest event time. */
  readonly asOfSource: 'input' | 'latest-event';
  /** Reports, by score (highest first), then subject id. */
  readonly reports: readonly Report[];
  /** Records that failed validation; every valid record was still scored. */
  readonly rejected: readonly RejectedRecord[];
  /** Records accepted with warnings (in lenient mode, the unknown keys dropped from them), in input order by kind. */
  readonly warnings: readonly RecordWarning[];
}

/** The result of a batch with `reportDetail: 'compact'`: the indicator catalogue once, compact reports. */
export interface CompactBatchResult extends Omit<BatchResult, 'reports'> {
  /** The indicators' metadata, shared by every report (`expandReport` takes it). */
  readonly catalogue: ReportCatalogue;
  /** Compact reports, by score (highest first), then subject id. */
  readonly reports: readonly CompactReport[];
}

/**
 * A batch validated once, ready to be scored as of any instant: backtests and timelines score
 * the same records at many instants without validating them again.
 */
export interface PreparedBatch {
  /** Records that failed validation. */
  readonly rejected: readonly RejectedRecord[];
  /** Records accepted with warnings (lenient mode). */
  readonly warnings: readonly RecordWarning[];
  /** The latest valid event time, ISO 8601, or undefined without valid events. */
  readonly latestEventTime: string | undefined;
  /**
   * Scores the batch as of `asOf` (facts dated later are cut, as in `scoreBatch`), only the
   * subjects `select` returns true for. Reports by score, highest first.
   * @throws {InvalidRecordError} for an invalid `asOf`.
   */
  scoreAt(asOf: string, select?: (subjectId: string) => boolean, summaries?: PopulationSummaries): readonly Report[];
  /**
   * The summaries of this batch's subjects as of `asOf` (see {@link Scorer.summarise}), made
   * once per subject; pass the merged summaries of every shard to `scoreAt`.
   * @throws {InvalidRecordError} for an invalid `asOf`.
   */
  summariseAt(asOf: string): PopulationSummaries;
}

/** A configured scorer. Create it once and reuse it: config and options are validated up front. */
export interface Scorer {
  /**
   * Scores one subject.
   * @throws {InvalidRecordError} when the subject, an event or `asOf` is invalid, an event belongs
   * to no subject given, or a list in the context is not an array.
   */
  score(subject: unknown, context: ScoreContext): Report;
  /**
   * Scores a population with compact reports (`reportDetail: 'compact'`): the indicator catalogue
   * once, and per report only what is particular to the subject. Never throws for bad records,
   * which are listed under `rejected`.
   * @throws {InvalidRecordError} when the input itself is malformed (not an object, `subjects` or
   * `events` not an array) or `asOf` is invalid or cannot be inferred.
   */
  scoreBatch(input: BatchInput, options: BatchOptions & { readonly reportDetail: 'compact' }): CompactBatchResult;
  /**
   * Scores a population with full reports (the default); never throws for bad records, which are
   * listed under `rejected`.
   * @throws {InvalidRecordError} as the compact form.
   */
  scoreBatch(input: BatchInput, options?: BatchOptions & { readonly reportDetail?: 'full' }): BatchResult;
  /**
   * Scores a population with full or compact reports, as `options.reportDetail` says.
   * @throws {InvalidRecordError} as the compact form.
   */
  scoreBatch(input: BatchInput, options?: BatchOptions): BatchResult | CompactBatchResult;
  /**
   * Validates a population once for scoring at many instants (`scoreBatch` is `prepareBatch`
   * then one `scoreAt`). Never throws for bad records.
   * @throws {InvalidRecordError} when the input itself is malformed.
   */
  prepareBatch(input: Omit<BatchInput, 'asOf'>, options?: Pick<BatchOptions, 'lenient' | 'trusted'>): PreparedBatch;
  /**
   * Summarises the batch's subjects for the indicators that read the population through
   * `summarise` and `combine`: step one of sharded scoring. Summarise each shard (a subject and
   * its events in one shard only) at one `asOf`, merge the parts with `mergeSummaries`, and score
   * each shard with `scoreBatch(shard, { summaries })`: the reports are those of one batch of
   * every shard, whatever the split and the record order. Never throws for bad records.
   * @throws {InvalidRecordError} when the input itself is malformed or `asOf` is invalid or
   * cannot be inferred (give every shard the same `asOf`).
   */
  summarise(input: BatchInput, options?: Pick<BatchOptions, 'lenient'>): PopulationSummaries;
  /** The indicators, with their effective weights, whether they are enabled and whether they read the whole population. */
  readonly indicators: readonly ScorerIndicator[];
  /** The effective band thresholds (0-100), as configured or by default. */
  readonly bands: { readonly elevated: number; readonly high: number; readonly critical: number };
  /** Hash of the effective config, as in every report's metadata. */
  readonly configHash: string;
  /** The indicator metadata compact reports refer to (`expandReport` takes it). */
  readonly catalogue: ReportCatalogue;
}

interface ParsedPopulation {
  subjects: Subject[];
  eventsBySubject: ShardedMap<string, TimedEvents>;
  watchlists: Watchlist[];
  reference: Reference;
  rejected: RejectedRecord[];
  warnings: RecordWarning[];
  /** Valid suppression records by subject. */
  suppressions: ReadonlyMap<string, readonly Suppression[]>;
  /** The named inputs, those the indicators declare validated (see `validateInputs`), frozen. */
  inputs: Readonly<Record<string, unknown>>;
  /** The caller's own list objects, by identity: given summaries are combined once for them (see `combinedOnce`). */
  given?: GivenLists;
}

function reject(kind: RecordKind, index: number, value: unknown, issues: readonly Issue[]): RejectedRecord {
  const recordId = readRecordId(value);
  return { kind, index, ...(recordId !== undefined ? { recordId } : {}), issues };
}

/** What validating a record or, for trusted input, checking its structure gives. */
type BatchParseOptions = ParseOptions & {
  readonly trusted?: boolean;
  /** Trusted input's event times, as long as the events (checked by the caller of `parsePopulation`). */
  readonly eventTimes?: Float64Array;
  readonly uniqueEventIds?: boolean;
};

/** No warnings: shared by every trusted record rather than an empty array per record. */
const noIssues: readonly Issue[] = Object.freeze([]);

/** A trusted record's structural check as a validation result, so both paths feed the same bookkeeping. */
function asParseResult<T>(kind: RecordKind, value: unknown, check: TrustedCheck<T>): SafeParseResult<T> {
  return check.ok
    ? { success: true, data: check.data, warnings: noIssues }
    : { success: false, error: new InvalidRecordError(kind, readRecordId(value), check.issues) };
}

/**
 * Validates every record of a population once. `validated` are subjects the caller already
 * validated (the subject `score()` was given), placed before `subjectsIn` and only frozen here.
 * `eventsIn` is the engine's own copy of the event list (never the caller's array): each valid
 * event takes its record's place in it, as validation gave it.
 */
function parsePopulation(
  subjectsIn: readonly unknown[],
  eventsIn: unknown[],
  watchlistsIn: readonly unknown[],
  referenceIn: unknown,
  parseOptions: BatchParseOptions = {},
  suppressionsIn: readonly unknown[] = [],
  validated: readonly Subject[] = [],
  inputsIn: Readonly<Record<string, unknown>> = {},
  declared: DeclaredInputs = new Map(),
): ParsedPopulation {
  const rejected: RejectedRecord[] = [];
  const warnings: RecordWarning[] = [];
  const warn = (kind: RecordKind, index: number, value: unknown, issues: readonly Issue[]): void => {
    if (issues.length > 0) warnings.push(reject(kind, index, value, issues));
  };
  const candidates: { subject: Subject; index: number }[] = [];
  const idCount = new ShardedMap<string, number>();
  const accept = (subject: Subject, index: number): void => {
    candidates.push({ subject, index });
    idCount.set(subject.id, (idCount.get(subject.id) ?? 0) + 1);
  };
  validated.forEach((subject, index) => {
    const unfrozen = freezeRecord(subject);
    if (unfrozen !== undefined) rejected.push(reject('subject', index, subject, unfrozen));
    else accept(subject, index);
  });
  subjectsIn.forEach((value, at) => {
    const index = validated.length + at;
    const result = parseOptions.trusted === true ? asParseResult('subject', value, checkTrustedSubject(value)) : safeParseSubject(value, parseOptions);
    const unfrozen = result.success ? freezeRecord(result.data) : undefined;
    if (!result.success) rejected.push(reject('subject', index, value, result.error.issues));
    else if (unfrozen !== undefined) rejected.push(reject('subject', index, value, unfrozen));
    else {
      warn('subject', index, value, result.warnings);
      accept(result.data, index);
    }
  });
  const subjects: Subject[] = [];
  const eventsBySubject = new ShardedMap<string, TimedEvents>();
  const buckets: TimedEvents[] = [];
  for (const { subject, index } of candidates) {
    const count = idCount.get(subject.id) as number;
    if (count > 1) {
      // Every copy is rejected, so the outcome does not depend on which copy came first.
      rejected.push(reject('subject', index, subject, [{ path: 'id', message: `duplicate subject id: ${count} subjects share it` }]));
      continue;
    }
    subjects.push(subject);
    const bucket: TimedEvents = { slot: buckets.length, events: emptyEvents, times: noTimes };
    buckets.push(bucket);
    eventsBySubject.set(subject.id, bucket);
  }
  const trusted = parseOptions.trusted === true;
  const givenTimes = trusted ? parseOptions.eventTimes : undefined;
  const uniqueIds = trusted && parseOptions.uniqueEventIds === true;
  const valid = validEventColumns(eventsIn, !uniqueIds);
  // Exports list a subject's events together: the last subject's slot is kept, so a run of
  // events of one subject costs one look-up, not one per event. -1 for an unknown subject.
  let lastSubjectId: string | undefined;
  let lastSlot = -1;
  // The subject ids of events of no valid subject, by input position, as intake read them (for
  // their rejection). Sharded: a batch may hold more such events than one Map can.
  const unknownSubjects = new ShardedMap<number, string>();
  // Each trusted event's fields, read once by its check: intake uses these, not a second read of the record.
  const fields = trustedEventFields();
  eventsIn.forEach((value, index) => {
    let event: ActivityEvent;
    let id: string;
    let subjectId: string;
    let time: number;
    let recordWarnings: readonly Issue[] = noIssues;
    if (trusted) {
      const issues = readTrustedEvent(value, givenTimes !== undefined, givenTimes?.[index], fields);
      if (issues !== undefined) {
        rejected.push(reject('event', index, value, issues));
        return;
      }
      event = value as ActivityEvent;
      ({ id, subjectId, time } = fields);
    } else {
      const result = safeParseEvent(value, parseOptions);
      if (!result.success) {
        rejected.push(reject('event', index, value, result.error.issues));
        return;
      }
      event = result.data;
      // The list is the batch's own copy (`listAt`): the validated record takes its place there, where the columns find it.
      eventsIn[index] = event;
      recordWarnings = result.warnings;
      // Validation built the record afresh: its fields are plain data, read as often as needed.
      id = event.id;
      subjectId = event.subjectId;
      // The one parse of the event's time: the view, asOf inference and indicators (view.timeOf) reuse it.
      time = parseIsoTime(event.at);
    }
    const unfrozen = freezeRecord(event);
    if (unfrozen !== undefined) {
      rejected.push(reject('event', index, value, unfrozen));
      return;
    }
    warn('event', index, value, recordWarnings);
    if (subjectId !== lastSubjectId) {
      lastSubjectId = subjectId;
      lastSlot = eventsBySubject.get(subjectId)?.slot ?? -1;
    }
    if (lastSlot === -1) unknownSubjects.set(index, subjectId);
    // The id's hash taken here, while the event is in the cache, rather than by reading every event again.
    addValidEvent(valid, index, time, lastSlot, uniqueIds ? 0 : fnv1a32(id));
  });
  // With unique ids promised, copies that would make a report depend on record order are found per subject (`fillBuckets`).
  const duplicated = valid.hashes === undefined ? undefined : repeatedIds(valid.count, valid.hashes, (i) => eventAt(valid, i).id);
  if (duplicated !== undefined && duplicated.size > 0) rejectDuplicates(valid, duplicated, rejected);
  rejectUnknownSubjects(valid, unknownSubjects, rejected);
  // Each subject's events in view order, once per batch. Events sharing time and id (only when
  // the caller promised unique ids and broke the promise) are rejected, every copy, as duplicates.
  const tied = fillBuckets(valid, buckets);
  if (tied.length > 0) rejectTied(new Set(tied), eventsIn, buckets, rejected);
  freezeBuckets(buckets);
  const lists = validateLists(watchlistsIn, referenceIn, { ...(parseOptions.lenient !== undefined ? { lenient: parseOptions.lenient } : {}) });
  for (const problem of lists.rejected) rejected.push(problem);
  for (const problem of lists.warnings) warnings.push(problem);
  const watchlists = lists.watchlists as Watchlist[];
  const reference: Reference = lists.reference ?? {};
  const inputs = validateInputs(inputsIn, declared);
  if (inputs.issues.length > 0) rejected.push({ kind: 'document', index: 0, issues: inputs.issues });
  const suppressions = parseSuppressions(suppressionsIn);
  for (const r of suppressions.rejected) rejected.push({ kind: 'suppression', ...r });
  for (const [subjectId, list] of suppressions.bySubject) {
    if (eventsBySubject.has(subjectId)) continue;
    suppressions.bySubject.delete(subjectId);
    for (const x of list) {
      const index = suppressions.indexById.get(x.id) as number;
      rejected.push({ kind: 'suppression', index, recordId: x.id, issues: [{ path: 'subjectId', message: `no valid subject "${subjectId}" in the input` }] });
    }
  }
  rejected.sort(compareRejected);
  // Frozen like the records in them: an indicator must not add, drop or reorder what others see.
  Object.freeze(subjects);
  Object.freeze(watchlists);
  return { subjects, eventsBySubject, watchlists, reference, rejected, warnings, suppressions: suppressions.bySubject, inputs: inputs.inputs };
}

/** Rejects every copy of a repeated event id (`duplicated`: id to copies), every copy, so the outcome does not depend on which came first. */
function rejectDuplicates(valid: ValidEvents, duplicated: ReadonlyMap<string, number>, rejected: RejectedRecord[]): void {
  for (let i = 0; i < valid.count; i++) {
    const event = eventAt(valid, i);
    const count = duplicated.get(event.id);
    if (count === undefined) continue;
    rejected.push(reject('event', valid.index[i] as number, event, [{ path: 'id', message: `duplicate event id: ${count} events share it` }]));
    valid.slots[i] = -2;
  }
}

/**
 * Rejects the valid events of no valid subject (slot -1; -2 marks those rejected already), each
 * naming the subject id intake read (`subjectIds`, by input position).
 */
function rejectUnknownSubjects(valid: ValidEvents, subjectIds: ReadonlyMap<number, string>, rejected: RejectedRecord[]): void {
  for (let i = 0; i < valid.count; i++) {
    if (valid.slots[i] !== -1) continue;
    const index = valid.index[i] as number;
    const event = eventAt(valid, i);
    rejected.push(reject('event', index, event, [{ path: 'subjectId', message: `no valid subject "${subjectIds.get(index) as string}" in the input` }]));
  }
}

/**
 * Rejects every event of `tied` (copies of an id at the same instant within a subject, from a
 * broken `uniqueEventIds` promise: trusted events are the caller's objects, found in `eventsIn`
 * by identity) with its input position, and drops it from its subject's events (found among the
 * buckets, not by reading the record's subject id again).
 */
function rejectTied(tied: ReadonlySet<ActivityEvent>, eventsIn: readonly unknown[], buckets: readonly TimedEvents[], rejected: RejectedRecord[]): void {
  // A record read differently each time (a getter) can be rejected at one place and kept at another: each place is listed once.
  const listed = new Set<number>();
  for (const r of rejected) if (r.kind === 'event') listed.add(r.index);
  for (let i = 0; i < eventsIn.length; i++) {
    const event = eventsIn[i] as ActivityEvent;
    if (!tied.has(event) || listed.has(i)) continue;
    rejected.push(
      reject('event', i, event, [
        { path: 'id', message: 'duplicate event id: another event of the same subject has it at the same time (unique event ids were promised)' },
      ]),
    );
  }
  for (const bucket of buckets) {
    if (!bucket.events.some((event) => tied.has(event))) continue;
    const events: ActivityEvent[] = [];
    const times: number[] = [];
    for (let i = 0; i < bucket.events.length; i++) {
      const event = bucket.events[i] as ActivityEvent;
      if (tied.has(event)) continue;
      events.push(event);
      times.push(bucket.times[i] as number);
    }
    bucket.events = events;
    bucket.times = Float64Array.from(times);
  }
}

/**
 * Places a list of records may have (2^30): far beyond what memory holds (at 100 bytes a record,
 * 100 GB), so only a sparse array or a hostile length reaches it.
 */
const maxRecordsPerList = 2 ** 30;

/**
 * Reads an optional list of records from caller input, as a fresh plain copy the engine owns (so
 * intake may write validated records into it). `null` or a non-array (a single record, a string
 * that would spread into characters) is a caller mistake: say so with its path instead of failing
 * later with a TypeError.
 */
function listAt(value: unknown, path: string): unknown[] {
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch (thrown) {
    // A revoked proxy: not a list of records, and not an exception that escapes.
    throw new InvalidRecordError('document', undefined, [{ path, message: `could not be read: ${describeThrown(thrown)}` }]);
  }
  if (isArray) {
    try {
      const length = (value as readonly unknown[]).length;
      if (length > maxRecordsPerList) {
        throw new InvalidRecordError('document', undefined, [
          { path, message: `holds ${length} places, more than the ${maxRecordsPerList} records a batch can take: split the batch` },
        ]);
      }
      // A plain copy, read once: a proxy's or getter's exception is the document's problem here, not a crash while scoring.
      return Array.prototype.slice.call(value) as unknown[];
    } catch (thrown) {
      if (thrown instanceof InvalidRecordError) throw thrown;
      throw new InvalidRecordError('document', undefined, [{ path, message: `could not be read: ${describeThrown(thrown)}` }]);
    }
  }
  if (value === undefined) return [];
  throw new InvalidRecordError('document', undefined, [{ path, message: `must be an array of records; got ${value === null ? 'null' : typeof value}` }]);
}

/**
 * Reads one top-level field of the caller's input document. A getter or proxy trap that throws
 * makes the document malformed (an `InvalidRecordError` with the field's path), never another
 * kind of exception.
 */
function readField(input: object, key: string): unknown {
  try {
    return (input as Record<string, unknown>)[key];
  } catch (thrown) {
    throw new InvalidRecordError('document', undefined, [{ path: key, message: `could not be read: ${describeThrown(thrown)}` }]);
  }
}

/**
 * The batch's trusted-input options as `parsePopulation` takes them: `true` or an object is trusted
 * input, anything else the validated path. The time column is checked (as long as the events) and
 * held as a `Float64Array` (a copy unless it is one: a number the engine cannot read is NaN, and
 * its event is rejected).
 * @throws {InvalidRecordError} when `eventTimes` is not an array of `eventCount` places or cannot be read.
 */
function trustedOptions(trusted: BatchOptions['trusted'], eventCount: number): { trusted: boolean; eventTimes?: Float64Array; uniqueEventIds?: boolean } {
  if (trusted === true) return { trusted: true };
  if (typeof trusted !== 'object' || trusted === null) return { trusted: false };
  const times = readField(trusted, 'eventTimes');
  const uniqueEventIds = readField(trusted, 'uniqueEventIds') === true;
  if (times === undefined) return { trusted: true, uniqueEventIds };
  let column: Float64Array;
  try {
    column = times instanceof Float64Array ? times : Float64Array.from(times as ArrayLike<number>);
  } catch (thrown) {
    throw new InvalidRecordError('document', undefined, [{ path: 'eventTimes', message: `could not be read: ${describeThrown(thrown)}` }]);
  }
  if (column.length !== eventCount) {
    throw new InvalidRecordError('document', undefined, [
      { path: 'eventTimes', message: `holds ${column.length} times for ${eventCount} events: eventTimes[i] is the time of events[i]` },
    ]);
  }
  return { trusted: true, eventTimes: column, uniqueEventIds };
}

function checkAsOf(asOf: unknown): string {
  const result = dateTimeSchema.safeParse(asOf);
  if (!result.success) {
    throw new InvalidRecordError('document', undefined, [
      { path: 'asOf', message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T00:00:00Z' },
    ]);
  }
  return result.data;
}

function latestEventTime(events: Iterable<TimedEvents>): string | undefined {
  let bestMs = -Infinity;
  // Each subject's times are in order (sortSubjectEvents): its latest is its last.
  for (const { times } of events) {
    const last = times.length > 0 ? (times[times.length - 1] as number) : -Infinity;
    if (last > bestMs) bestMs = last;
  }
  return bestMs === -Infinity ? undefined : new Date(bestMs).toISOString();
}

/** The population as of an instant: subjects and watchlists cut at `asOf`, a view per subject. */
interface PopulationAt {
  readonly asOfMs: number;
  readonly subjects: readonly Subject[];
  readonly watchlists: readonly Watchlist[];
  /** Every subject's view, by id; empty when the views are built one at a time (see {@link populationAt}). */
  readonly views: ShardedMap<string, BuiltView>;
  /** The same views in the order of `subjects`; empty as `views`. */
  readonly viewList: readonly BuiltView[];
}

/**
 * The population at `asOf`. With `allViews` every subject's view is built up front, for the hooks
 * that read the population (`prepare`, summaries); without, none is, and the scoring loop builds
 * each subject's view when it scores it ({@link viewAt}), so views die young instead of all living
 * until the batch is scored.
 */
function populationAt(parsed: ParsedPopulation, asOf: string, allViews = true): PopulationAt {
  const asOfMs = Date.parse(asOf);
  // Facts dated after asOf are cut once, here, so no indicator can read them (events are cut in the view).
  const subjects = Object.freeze(parsed.subjects.map((subject) => subjectAsOf(subject, asOfMs)));
  const watchlists = watchlistsAsOf(parsed.watchlists, asOfMs);
  const views = new ShardedMap<string, BuiltView>();
  const viewList: BuiltView[] = [];
  if (allViews) {
    for (const subject of subjects) {
      const built = viewAt(parsed, subject, asOfMs);
      views.set(subject.id, built);
      viewList.push(built);
    }
  }
  return { asOfMs, subjects, watchlists, views, viewList };
}

/** A subject's view at `asOfMs`, from its events as `parsePopulation` left them (in order, frozen). */
function viewAt(parsed: ParsedPopulation, subject: Subject, asOfMs: number): BuiltView {
  const own = parsed.eventsBySubject.get(subject.id);
  return buildSortedView(subject, own?.events ?? emptyEvents, own?.times ?? noTimes, asOfMs);
}

/**
 * Every subject's summaries for the summarising indicators (see `summarisePopulation`). With
 * `whole`, the batch is scored at once and the contexts say so (built-ins may then skip summaries
 * they would only combine again); without, the summaries are complete, to be merged with others.
 */
function summariseBatch(config: ResolvedConfig, parsed: ParsedPopulation, at: PopulationAt, asOf: string, whole?: WholeBatch): PopulationSummaries {
  const subjects = at.subjects.map((subject, i) => ({ id: subject.id, view: (at.viewList[i] as BuiltView).view }));
  const context = { asOf, asOfMs: at.asOfMs, watchlists: at.watchlists, reference: parsed.reference, inputs: parsed.inputs };
  return summarisePopulation(config.indicators, subjects, whole !== undefined ? { ...context, wholeBatch: whole } : context, config.configHash);
}

/** The population as a whole batch: every subject's view, in the batch's order. */
function wholeBatchAt(at: PopulationAt): WholeBatch {
  return {
    size: at.viewList.length,
    forEachView(visit) {
      // A sweep of the views in the subjects' order, not a look-up by id per subject and pass.
      for (const built of at.viewList) visit(built.view);
    },
  };
}

/**
 * Runs every enabled indicator over the population's subjects. With `given` summaries (of the
 * whole population, the batch being a shard of it) the summarising indicators combine those
 * instead of summarising the batch.
 */
function run(
  config: ResolvedConfig,
  parsed: ParsedPopulation,
  asOf: string,
  select: (subjectId: string) => boolean,
  given?: PopulationSummaries,
  detail: ReportDetail = 'full',
): (Report | CompactReport)[] {
  if (given !== undefined) checkSummaries(given, config.indicators, asOf, config.configHash);
  // Only the hooks that read the population need every view at once.
  const readsPopulation = config.indicators.some((r) => r.enabled && (r.indicator.prepare !== undefined || hasSummaries(r.indicator)));
  const at = populationAt(parsed, asOf, readsPopulation);
  const { asOfMs, subjects, watchlists, views } = at;

  const memos = new Map<string, unknown>();
  const population: Population = Object.freeze<Population>({
    memo<T>(key: string, build: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = build();
      memos.set(key, value);
      return value;
    },
    subjects,
    view: (id) => views.get(id)?.view,
    asOf,
    asOfMs,
    watchlists,
    reference: parsed.reference,
    // A frozen copy, made at validation: the caller's object is not changed, and no indicator can swap an input for the others.
    inputs: parsed.inputs,
  });
  const prepared = new Map<string, PreparedValue>();
  const summarising = config.indicators.some((r) => r.enabled && hasSummaries(r.indicator));
  // Each subject is summarised once per run, in subject-id order, whatever the record order.
  // Scored at once: the linkage indicators build from the views, without per-subject summaries.
  const whole = given === undefined && summarising ? wholeBatchAt(at) : undefined;
  const summaries = given ?? (summarising ? summariseBatch(config, parsed, at, asOf, whole) : undefined);
  const combineMemos = new Map<string, unknown>();
  const combineContext = {
    asOf,
    asOfMs,
    watchlists,
    reference: parsed.reference,
    inputs: parsed.inputs,
    memo<T>(key: string, build: () => T): T {
      if (combineMemos.has(key)) return combineMemos.get(key) as T;
      const value = build();
      combineMemos.set(key, value);
      return value;
    },
  };
  const summaryContext = whole !== undefined ? { ...combineContext, wholeBatch: whole } : combineContext;
  const combined = given !== undefined ? combinedOnce(given, config, asOf, summaryContext, parsed.given) : undefined;
  for (const r of config.indicators) {
    if (!r.enabled) continue;
    if (summaries !== undefined && hasSummaries(r.indicator)) {
      const value =
        combined?.get(r.id) ?? combineSummaries(r, summaries.indicators[r.id] as NonNullable<PopulationSummaries['indicators'][string]>, summaryContext);
      prepared.set(r.id, value);
      continue;
    }
    try {
      const prepare = r.indicator.prepare;
      if (prepare === undefined) continue;
      const value: unknown = prepare(population, { options: r.options as object });
      if (isThenable(value)) {
        // The engine is synchronous: an `async prepare` is an error, its rejection handled here.
        ignoreSettlement(value);
        prepared.set(r.id, { ok: false, message: 'prepare returned a promise; prepare must be synchronous (the engine does not await it)', cause: undefined });
      } else prepared.set(r.id, { ok: true, value });
    } catch (cause) {
      prepared.set(r.id, { ok: false, message: `prepare threw: ${describeThrown(cause)}`, cause });
    }
  }
  const base = { asOf, asOfMs, watchlists, reference: parsed.reference };
  // What each enabled indicator runs with, worked out once per run: its context (one per indicator and run, not a spread per call) or its prepare failure.
  const plan: { resolved: ResolvedIndicator; context: EvaluationContext<unknown, unknown>; failed?: RunOutcome }[] = [];
  for (const r of config.indicators) {
    if (!r.enabled) continue;
    const prep = prepared.get(r.id);
    plan.push({
      resolved: r,
      context: evaluationContext(r, base, prep?.ok === true ? prep.value : undefined),
      ...(prep !== undefined && !prep.ok ? { failed: { status: 'error', message: prep.message, cause: prep.cause } as const } : {}),
    });
  }
  const reports: (Report | CompactReport)[] = [];
  const explainAs = detail === 'compact' ? explainCompact : explain;
  for (let i = 0; i < subjects.length; i++) {
    const subject = subjects[i] as Subject;
    if (!select(subject.id)) continue;
    const built = at.viewList[i] ?? viewAt(parsed, subject, asOfMs);
    const { view, eventsAfterAsOf } = built;
    const outcomes = new Map<string, RunOutcome>();
    for (const { resolved: r, context, failed } of plan) {
      const outcome: RunOutcome = failed ?? runIndicator(r, view, context, config.maxFindingsPerIndicator);
      if (outcome.status === 'error' && config.onIndicatorError === 'throw') {
        throw new IndicatorRuntimeError(r.id, subject.id, outcome.message, outcome.cause);
      }
      outcomes.set(r.id, outcome);
    }
    // Decay (off unless configured) and suppressions act between the indicators and the weighing.
    const decayed = applyEvidenceDecay(outcomes, config, asOfMs);
    const own = parsed.suppressions.get(subject.id);
    const applied = own !== undefined ? applySuppressions(decayed, own, config, asOfMs) : undefined;
    reports.push(withSuppressions(explainAs(subject.id, config, applied?.outcomes ?? decayed, asOf, view.events.length, eventsAfterAsOf), applied));
    // The subject is scored: its columns and memo tables are not read again in this run.
    built.release();
  }
  return reports.sort(compareReports);
}

/**
 * Creates a scorer from the indicators given, and nothing else: the bare engine, as
 * `redflags/core` ships it. Validates the config and every indicator's options once, up front,
 * and returns functions that score one subject or a population. `createScorer` from `redflags`
 * is this with the built-in indicators and groups as defaults.
 *
 * Scoring is pure: no clock, no I/O, no randomness; the same input gives the same report
 * whatever the order of records. Each subject's events are sorted once and bucketed by type, so
 * the cost is O(n log n) in its events plus what the indicators do in their single passes.
 *
 * @throws {ConfigError} for an unknown indicator id (with suggestions) or an invalid setting.
 * @throws {IndicatorOptionsError} when options fail an indicator's schema.
 *
 * @example
 * ```ts
 * import { createScorer } from 'redflags/core';
 * import { myIndicator } from './my-indicator';
 *
 * const scorer = createScorer({ indicators: [myIndicator] });
 * ```
 */
export function createScorer(options: CoreScorerOptions): Scorer {
  const config = resolveConfig(options.timing !== undefined ? options.timing.wrap(options.indicators) : options.indicators, options.config, options.groups);
  const declared = declaredInputs(config);

  function score(subject: unknown, context: ScoreContext): Report {
    const asOf = checkAsOf(context?.asOf);
    const events = listAt(context.events, 'events');
    const population: unknown = context.population ?? {};
    if (typeof population !== 'object' || population === null) {
      throw new InvalidRecordError('document', undefined, [{ path: 'population', message: 'must be an object with subjects and events' }]);
    }
    const populationSubjects = listAt((population as { subjects?: unknown }).subjects, 'population.subjects');
    const populationEvents = listAt((population as { events?: unknown }).events, 'population.events');
    const watchlists = listAt(context.watchlists, 'watchlists');
    const subjectResult = safeParseSubject(subject);
    if (!subjectResult.success) throw subjectResult.error;
    const id = subjectResult.data.id;
    const others = populationSubjects.filter((s) => readRecordId(s) !== id);
    const suppressions = listAt(context.suppressions, 'suppressions');
    // The subject is validated once, above; the population validates the rest.
    const parsed = parsePopulation(
      others,
      [...events, ...populationEvents],
      watchlists,
      context.reference,
      {},
      suppressions,
      [subjectResult.data],
      context.inputs ?? {},
      declared,
    );
    const first = parsed.rejected[0];
    if (first !== undefined) throw new InvalidRecordError(first.kind, first.recordId, first.issues);
    const [report] = run(config, parsed, asOf, (sid) => sid === id) as Report[];
    return report as Report;
  }

  function parseBatch(input: Omit<BatchInput, 'asOf'>, batchOptions: Pick<BatchOptions, 'lenient' | 'trusted'>): ParsedPopulation {
    if (typeof input !== 'object' || input === null) {
      throw new InvalidRecordError('document', undefined, [{ path: '', message: 'must be an object with asOf, subjects and events' }]);
    }
    const subjects = listAt(readField(input, 'subjects'), 'subjects');
    const events = listAt(readField(input, 'events'), 'events');
    const watchlists = readField(input, 'watchlists');
    const watchlistRecords = listAt(watchlists, 'watchlists');
    const reference = readField(input, 'reference');
    const lenient = batchOptions.lenient === true;
    const trusted = trustedOptions(batchOptions.trusted, events.length);
    const suppressions = listAt(readField(input, 'suppressions'), 'suppressions');
    const inputs = readField(input, 'inputs') as BatchInput['inputs'];
    const parsed = parsePopulation(subjects, events, watchlistRecords, reference, { lenient, ...trusted }, suppressions, [], inputs ?? {}, declared);
    // The event-time column and the unique-id promise change how events are taken in, not how the lists are validated.
    parsed.given = { watchlists, reference, inputs, lenient, trusted: trusted.trusted };
    return parsed;
  }

  function prepareBatch(input: Omit<BatchInput, 'asOf'>, batchOptions: Pick<BatchOptions, 'lenient' | 'trusted'> = {}): PreparedBatch {
    const parsed = parseBatch(input, batchOptions);
    return {
      rejected: parsed.rejected,
      warnings: parsed.warnings,
      latestEventTime: latestEventTime(parsed.eventsBySubject.values()),
      scoreAt: (asOf, select, summaries) => run(config, parsed, checkAsOf(asOf), select ?? (() => true), summaries) as Report[],
      summariseAt: (asOf) => {
        const checked = checkAsOf(asOf);
        return summariseBatch(config, parsed, populationAt(parsed, checked), checked);
      },
    };
  }

  const catalogue = catalogueOf(config);

  function scoreBatch(input: BatchInput, batchOptions: BatchOptions & { readonly reportDetail: 'compact' }): CompactBatchResult;
  function scoreBatch(input: BatchInput, batchOptions?: BatchOptions): BatchResult;
  function scoreBatch(input: BatchInput, batchOptions: BatchOptions = {}): BatchResult | CompactBatchResult {
    if (typeof input !== 'object' || input === null) {
      throw new InvalidRecordError('document', undefined, [{ path: '', message: 'must be an object with asOf, subjects and events' }]);
    }
    // A bad asOf is refused before a large batch is validated, not after.
    const asOfGiven = readField(input, 'asOf');
    const givenAsOf = asOfGiven !== undefined ? checkAsOf(asOfGiven) : undefined;
    const parsed = parseBatch(input, batchOptions);
    const { asOf, asOfSource } = settleAsOf(givenAsOf, latestEventTime(parsed.eventsBySubject.values()));
    const select = batchOptions.select ?? (() => true);
    if (batchOptions.reportDetail === 'compact') {
      const reports = run(config, parsed, asOf, select, batchOptions.summaries, 'compact') as CompactReport[];
      return { asOf, asOfSource, catalogue, reports, rejected: parsed.rejected, warnings: parsed.warnings };
    }
    const reports = run(config, parsed, asOf, select, batchOptions.summaries) as Report[];
    return { asOf, asOfSource, reports, rejected: parsed.rejected, warnings: parsed.warnings };
  }

  function summarise(input: BatchInput, batchOptions: Pick<BatchOptions, 'lenient'> = {}): PopulationSummaries {
    if (typeof input !== 'object' || input === null) {
      throw new InvalidRecordError('document', undefined, [{ path: '', message: 'must be an object with asOf, subjects and events' }]);
    }
    const asOfGiven = readField(input, 'asOf');
    const givenAsOf = asOfGiven !== undefined ? checkAsOf(asOfGiven) : undefined;
    const prepared = prepareBatch(input, batchOptions);
    return prepared.summariseAt(settleAsOf(givenAsOf, prepared.latestEventTime).asOf);
  }

  /** The batch's `asOf`: the one given, or else the latest valid event's. */
  function settleAsOf(givenAsOf: string | undefined, latestEvent: string | undefined): { asOf: string; asOfSource: BatchResult['asOfSource'] } {
    let asOf: string;
    let asOfSource: BatchResult['asOfSource'];
    if (givenAsOf !== undefined) {
      asOf = givenAsOf;
      asOfSource = 'input';
    } else {
      const latest = latestEvent;
      if (latest === undefined) {
        throw new InvalidRecordError('document', undefined, [{ path: 'asOf', message: 'is required when the input has no valid events' }]);
      }
      asOf = latest;
      asOfSource = 'latest-event';
    }
    return { asOf, asOfSource };
  }

  return {
    score,
    scoreBatch,
    prepareBatch,
    summarise,
    indicators: config.indicators.map((r) => ({
      id: r.id,
      enabled: r.enabled,
      weight: r.weight,
      readsPopulation: r.indicator.prepare !== undefined || hasSummaries(r.indicator),
      summarises: hasSummaries(r.indicator),
    })),
    // A copy: a caller changing it must not change how this scorer bands.
    bands: Object.freeze({ elevated: config.bands.elevated, high: config.bands.high, critical: config.bands.critical }),
    configHash: config.configHash,
    catalogue,
  };
}
