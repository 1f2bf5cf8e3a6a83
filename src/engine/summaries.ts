import { InvalidRecordError } from '../errors/InvalidRecordError';
import type { AnyIndicator, CombineContext, SubjectSummary, SubjectView, SummaryContext } from '../contract/types';
import { compareText } from './order';
import type { ResolvedConfig, ResolvedIndicator } from './resolve';
import { ignoreSettlement, isThenable } from './thenable';
import { describeThrown } from './thrown';
import { plainData } from '../util/plainData';
import { stableStringify } from '../util/hash';

/**
 * One indicator's summaries of a population (or of a shard of it): every subject's summary,
 * sorted by subject id, or the first failure (by subject id) of its `summarise` hook.
 */
export type IndicatorSummaries =
  { readonly ok: true; readonly subjects: readonly SubjectSummary[] } | { readonly ok: false; readonly subjectId: string; readonly message: string };

/**
 * The summaries of a population, or of one shard of it, for every enabled indicator that has
 * `summarise` and `combine`: plain data that can be posted to another thread or written as JSON.
 * Summaries of shards merged with {@link mergeSummaries} equal the summaries of the whole batch,
 * whatever the split and the record order.
 */
export interface PopulationSummaries {
  /** The `asOf` the subjects were summarised at: scoring with the summaries must use the same. */
  readonly asOf: string;
  /** Hash of the scorer's effective config: a scorer with other settings refuses the summaries. */
  readonly configHash: string;
  /** By indicator id, the indicator's summaries. */
  readonly indicators: Readonly<Record<string, IndicatorSummaries>>;
}

/** True when the indicator reads the population through `summarise` and `combine`. */
export function hasSummaries(indicator: AnyIndicator): boolean {
  return typeof indicator.summarise === 'function';
}

/** A subject of the population with its view, for {@link summarisePopulation}. */
export interface SummarisedSubject {
  readonly id: string;
  readonly view: SubjectView;
}

/**
 * Calls `summarise` of every enabled summarising indicator once per subject, in subject-id order
 * whatever order `subjects` come in. A hook that throws (or returns a promise) for a subject
 * stops that indicator: its entry is the failure, which every report then shows as the
 * indicator's error.
 */
export function summarisePopulation(
  indicators: readonly ResolvedIndicator[],
  subjects: readonly SummarisedSubject[],
  context: Omit<SummaryContext<object>, 'options'>,
  configHash: string,
): PopulationSummaries {
  const summarising = indicators.filter((r) => r.enabled && hasSummaries(r.indicator));
  const out: Record<string, IndicatorSummaries> = {};
  if (summarising.length > 0) {
    const sorted = subjects.slice().sort((a, b) => compareText(a.id, b.id));
    // Summaries shared between indicators (one object per subject through the view's memo) are checked once.
    const plain = new WeakSet<object>();
    for (const r of summarising) out[r.id] = summariseOne(r, sorted, { ...context, options: r.options as object }, plain);
  }
  return { asOf: context.asOf, configHash, indicators: out };
}

function summariseOne(r: ResolvedIndicator, sorted: readonly SummarisedSubject[], context: SummaryContext<object>, plain: WeakSet<object>): IndicatorSummaries {
  const summarise = r.indicator.summarise as NonNullable<AnyIndicator['summarise']>;
  const subjects: SubjectSummary[] = [];
  for (const { id, view } of sorted) {
    let summary: unknown;
    try {
      summary = summarise(view, context);
    } catch (cause) {
      return { ok: false, subjectId: id, message: `summarise threw for subject "${id}": ${describeThrown(cause)}` };
    }
    if (isThenable(summary)) {
      // The engine is synchronous: an `async summarise` is an error, its rejection handled here.
      ignoreSettlement(summary);
      return {
        ok: false,
        subjectId: id,
        message: `summarise returned a promise for subject "${id}"; summarise must be synchronous (the engine does not await it)`,
      };
    }
    if (summary === undefined) continue;
    // Summaries cross threads and machines: one that would not survive structuredClone and JSON is the indicator's error now, not a surprise there.
    // A -0 comes back as 0: JSON (a summaries file a caller writes, an NDJSON shard) would turn it into 0, so every path reads 0.
    const checked = plainData(summary, 'summary', plain);
    if (!checked.ok) {
      return {
        ok: false,
        subjectId: id,
        message: `summarise returned a summary that is not plain data for subject "${id}" (${checked.problem}); use objects, arrays, strings, finite numbers, booleans and null`,
      };
    }
    subjects.push({ subjectId: id, summary: checked.value });
  }
  return { ok: true, subjects };
}

function summariesProblem(path: string, message: string): InvalidRecordError {
  return new InvalidRecordError('document', undefined, [{ path, message }]);
}

/**
 * Merges the summaries of the shards of one population into the summaries of the whole, sorted
 * by subject id: the same, value for value, as summarising the whole batch at once. For an
 * indicator that failed in some shard, the failure of the lowest subject id wins, as in one batch.
 *
 * @throws {InvalidRecordError} when the parts were made at different `asOf` or with different
 * configs, or a subject appears in two parts (a subject must not span shards).
 *
 * @example
 * ```ts
 * const parts = shards.map((shard) => scorer.summarise(shard));
 * const all = mergeSummaries(parts);
 * const reports = shards.flatMap((shard) => scorer.scoreBatch(shard, { summaries: all }).reports);
 * ```
 */
export function mergeSummaries(parts: readonly PopulationSummaries[]): PopulationSummaries {
  const first = parts[0];
  if (first === undefined) throw summariesProblem('summaries', 'nothing to merge: give the summaries of at least one shard');
  const ids = new Set<string>();
  parts.forEach((part, index) => {
    if (part.asOf !== first.asOf)
      throw summariesProblem(`summaries[${index}].asOf`, `was made at ${part.asOf}, summaries[0] at ${first.asOf}: summarise every shard at one asOf`);
    if (part.configHash !== first.configHash)
      throw summariesProblem(`summaries[${index}].configHash`, 'was made with another config than summaries[0]: summarise every shard with one config');
    for (const id of Object.keys(part.indicators)) ids.add(id);
  });
  // The ids come from the parts, which may come from anywhere: "__proto__" must stay a plain key.
  const merged: Record<string, IndicatorSummaries> = Object.create(null) as Record<string, IndicatorSummaries>;
  for (const id of Array.from(ids).sort(compareText)) {
    let failure: Extract<IndicatorSummaries, { ok: false }> | undefined;
    const subjects: SubjectSummary[] = [];
    parts.forEach((part, index) => {
      const entry = Object.hasOwn(part.indicators, id) ? part.indicators[id] : undefined;
      if (entry === undefined)
        throw summariesProblem(`summaries[${index}].indicators`, `has no summaries of "${id}", which another part has: summarise every shard with one config`);
      if (!entry.ok) {
        if (failure === undefined || compareText(entry.subjectId, failure.subjectId) < 0) failure = entry;
      } else for (const s of entry.subjects) subjects.push(s);
    });
    if (failure !== undefined) {
      merged[id] = failure;
      continue;
    }
    subjects.sort((a, b) => compareText(a.subjectId, b.subjectId));
    for (let i = 1; i < subjects.length; i++) {
      const subjectId = (subjects[i] as SubjectSummary).subjectId;
      if (subjectId === (subjects[i - 1] as SubjectSummary).subjectId) {
        throw summariesProblem('summaries', `subject "${subjectId}" is summarised in two parts: a subject and its events must be in one shard only`);
      }
    }
    merged[id] = { ok: true, subjects };
  }
  return { asOf: first.asOf, configHash: first.configHash, indicators: merged };
}

/**
 * Checks that summaries given for scoring fit the scorer and the instant: same `asOf`, same
 * config, an entry for every enabled summarising indicator.
 * @throws {InvalidRecordError} naming what does not fit.
 */
export function checkSummaries(summaries: PopulationSummaries, indicators: readonly ResolvedIndicator[], asOf: string, configHash: string): void {
  if (typeof summaries !== 'object' || summaries === null || typeof summaries.indicators !== 'object' || summaries.indicators === null) {
    throw summariesProblem('summaries', 'must be what scorer.summarise or mergeSummaries returned');
  }
  if (summaries.asOf !== asOf)
    throw summariesProblem('summaries.asOf', `the summaries were made at ${String(summaries.asOf)}, the batch is scored at ${asOf}: use one asOf`);
  if (summaries.configHash !== configHash)
    throw summariesProblem('summaries.configHash', "the summaries were made with another config (settings or indicators) than this scorer's");
  for (const r of indicators) {
    if (r.enabled && hasSummaries(r.indicator) && !Object.hasOwn(summaries.indicators, r.id)) {
      throw summariesProblem('summaries.indicators', `has no summaries of "${r.id}", which this scorer runs`);
    }
  }
}

/** What an indicator's population hook gave: the value `evaluate` reads as `prepared`, or the error every report shows. */
export type PreparedValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string; readonly cause: unknown };

/** Calls an indicator's `combine` on the summaries of the whole population. */
export function combineSummaries(r: ResolvedIndicator, entry: IndicatorSummaries, context: Omit<CombineContext<object>, 'options'>): PreparedValue {
  if (typeof entry !== 'object' || entry === null) return { ok: false, message: 'the summaries given for this indicator are not summaries', cause: undefined };
  if (!entry.ok) return { ok: false, message: typeof entry.message === 'string' ? entry.message : 'summarise failed', cause: undefined };
  const combine = r.indicator.combine as NonNullable<AnyIndicator['combine']>;
  try {
    // Summaries given by a caller may be malformed: a failure here is the indicator's error, not a crash.
    const value: unknown = combine(Object.freeze(Array.from(entry.subjects)), { ...context, options: r.options as object });
    if (isThenable(value)) {
      ignoreSettlement(value);
      return { ok: false, message: 'combine returned a promise; combine must be synchronous (the engine does not await it)', cause: undefined };
    }
    return { ok: true, value };
  } catch (cause) {
    return { ok: false, message: `combine threw: ${describeThrown(cause)}`, cause };
  }
}

/**
 * The objects a caller gave a batch for what `combine` reads (watchlists, reference data, named
 * inputs), as given, and the options that change what is validated from them.
 */
export interface GivenLists {
  readonly watchlists: unknown;
  readonly reference: unknown;
  readonly inputs: unknown;
  readonly lenient: boolean;
  readonly trusted: boolean;
}

/** Work counter for tests: serialisations of the lists made to compare them. */
export interface CombineWork {
  serialisations: number;
}

interface Combined {
  readonly asOf: string;
  /** The caller's objects the values were combined for (compared by identity), or the last equal copies seen. */
  given: GivenLists | undefined;
  /** The validated lists `combine` read, kept to be serialised only if a later call gives other objects. */
  readonly read: readonly [unknown, unknown, unknown];
  key: string | undefined;
  readonly values: ReadonlyMap<string, PreparedValue>;
}

/**
 * What `combine` gave for summaries a caller passed, by summaries object and scorer config: the
 * shards of one population are scored one after another with the same merged summaries (the CLI's
 * partitions: dozens to hundreds per thread), and combining them again for each shard would cost
 * the whole population's index per shard. Weak keys: an entry lives as long as the caller holds
 * the summaries.
 */
const combinedBySummaries = new WeakMap<PopulationSummaries, WeakMap<ResolvedConfig, Combined>>();

function sameObjects(a: GivenLists, b: GivenLists): boolean {
  return a.watchlists === b.watchlists && a.reference === b.reference && a.inputs === b.inputs && a.lenient === b.lenient && a.trusted === b.trusted;
}

/**
 * Calls `combine` of every enabled summarising indicator on summaries a caller gave, once per
 * summaries object, config, `asOf` and lists. A shard given the same watchlists, reference and
 * inputs objects as the one before (the same objects, as the scale-out guide says) reuses what
 * was combined without reading them; other objects are compared by content (one serialisation of
 * each side, the cached side's kept), so an equal copy reuses it too and different lists combine
 * afresh. Objects changed in place between calls are not seen: the summaries were combined with
 * what they held first, as a summaries object changed in place is not.
 */
export function combinedOnce(
  given: PopulationSummaries,
  config: ResolvedConfig,
  asOf: string,
  context: Omit<CombineContext<object>, 'options'>,
  lists: GivenLists | undefined,
  work?: CombineWork,
): ReadonlyMap<string, PreparedValue> {
  let byConfig = combinedBySummaries.get(given);
  if (byConfig === undefined) {
    byConfig = new WeakMap();
    combinedBySummaries.set(given, byConfig);
  }
  const read = [context.watchlists, context.reference, context.inputs] as const;
  const cached = byConfig.get(config);
  let key: string | undefined;
  if (cached !== undefined && cached.asOf === asOf) {
    if (lists !== undefined && cached.given !== undefined && sameObjects(cached.given, lists)) return cached.values;
    const keyOf = (lists: readonly [unknown, unknown, unknown]): string => {
      if (work !== undefined) work.serialisations++;
      return stableStringify(lists);
    };
    cached.key ??= keyOf(cached.read);
    key = keyOf(read);
    if (key === cached.key) {
      // Equal copies: the next shard given these same objects is a hit by identity.
      cached.given = lists;
      return cached.values;
    }
  }
  const values = new Map<string, PreparedValue>();
  for (const r of config.indicators) {
    if (!r.enabled || !hasSummaries(r.indicator)) continue;
    values.set(r.id, combineSummaries(r, given.indicators[r.id] as NonNullable<PopulationSummaries['indicators'][string]>, context));
  }
  byConfig.set(config, { asOf, given: lists, read, key, values });
  return values;
}
