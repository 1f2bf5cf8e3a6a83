import type { Band } from '../engine/config';
import type { BatchInput, PreparedBatch, RejectedRecord, ScoreContext, Scorer } from '../engine/createScorer';
import type { Report } from '../engine/report';
import { InvalidRecordError } from '../errors/InvalidRecordError';
import { dateTimeSchema } from '../records/common';
import { readRecordId, safeParseSubject } from '../records/validate';
import { compareText } from '../engine/order';

/** Options of {@link scoreTimeline}. */
export interface TimelineOptions {
  /** First instant (ISO 8601). */
  readonly from: string;
  /** Last instant (ISO 8601); included when it falls on a step. */
  readonly to: string;
  /**
   * Step between instants: a number of hours or days, such as `12h`, `1d` or `7d`, or an ISO 8601
   * duration of weeks, days, hours and minutes, such as `P1W`, `P1D`, `PT6H` or `P1DT12H`
   * (months and years have no fixed length and are refused).
   */
  readonly every: string;
  /** Most instants allowed (default 1000): each instant runs the indicators of the subject once. */
  readonly maxInstants?: number;
}

/** The score at one instant. */
export interface TimelinePoint {
  readonly at: string;
  readonly score: number;
  readonly band: Band;
  readonly logOdds: number;
  /** The three largest reasons at that instant. */
  readonly topReasons: readonly { readonly indicatorId: string; readonly kind: 'risk' | 'mitigating'; readonly contribution: number }[];
}

/** Timelines of several subjects, from {@link scoreTimelines}. */
export interface TimelineBatch {
  /** One timeline per subject asked for (every valid subject by default), by subject id. */
  readonly timelines: readonly Timeline[];
  /** The last instant, or undefined when the range holds none (`to` before `from`). */
  readonly asOf: string | undefined;
  /** The same subjects' reports at the last instant, highest score first: the report a timeline ends in. */
  readonly reports: readonly Report[];
  /** Records that failed validation: they are in no timeline. */
  readonly rejected: readonly RejectedRecord[];
}

/** A subject's score over time. */
export interface Timeline {
  readonly subjectId: string;
  readonly points: readonly TimelinePoint[];
  /** The first instant each reason (indicator and kind) appeared, in order of appearance. */
  readonly firstSeen: readonly { readonly indicatorId: string; readonly kind: 'risk' | 'mitigating'; readonly at: string }[];
  /** Instants where the band rose, with the reasons that were new or larger than at the instant before. */
  readonly rises: readonly { readonly at: string; readonly from: Band; readonly to: Band; readonly reasons: readonly string[] }[];
}

const bandRank: Readonly<Record<Band, number>> = { low: 0, elevated: 1, high: 2, critical: 3 };
const minuteMs = 60_000;

function badStep(every: string): InvalidRecordError {
  return new InvalidRecordError('document', undefined, [
    {
      path: 'every',
      message: `"${every}" is not a step; use a number of hours or days such as 12h, 1d or 7d, or an ISO 8601 duration such as P1W, P1D or PT6H`,
    },
  ]);
}

/**
 * The length in milliseconds of a timeline step: `<n>h` or `<n>d`, or an ISO 8601 duration of
 * weeks, days, hours and minutes (`P1W`, `P1DT12H`, `PT30M`). Months and years are refused: they
 * have no fixed length.
 *
 * @throws {InvalidRecordError} on `every` for anything else, or a step of zero.
 */
export function timelineStepMs(every: string): number {
  const short = /^(\d{1,6})(h|d)$/.exec(every);
  if (short !== null) {
    const n = Number(short[1]);
    if (n < 1) throw badStep(every);
    return n * (short[2] === 'h' ? 60 : 1440) * minuteMs;
  }
  const iso = /^P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?)?$/.exec(every);
  if (iso === null || every.endsWith('T')) throw badStep(every);
  const [weeks, days, hours, minutes] = [iso[1], iso[2], iso[3], iso[4]].map((part) => Number(part ?? 0)) as [number, number, number, number];
  const total = ((weeks * 7 + days) * 24 + hours) * 60 + minutes;
  if (total < 1) throw badStep(every);
  return total * minuteMs;
}

function instant(value: string, path: string): number {
  if (!dateTimeSchema.safeParse(value).success) {
    throw new InvalidRecordError('document', undefined, [{ path, message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T00:00:00Z' }]);
  }
  return Date.parse(value);
}

/**
 * The instants of a timeline, ISO 8601: `from`, then every `every` up to `to` (included when it
 * falls on a step); none when `to` is before `from`.
 *
 * @throws {InvalidRecordError} for an invalid `from`, `to` or `every`, or more instants than `maxInstants`.
 */
export function timelineInstants(options: TimelineOptions): string[] {
  const from = instant(options.from, 'from');
  const to = instant(options.to, 'to');
  const step = timelineStepMs(options.every);
  const max = options.maxInstants ?? 1000;
  const count = to < from ? 0 : Math.floor((to - from) / step) + 1;
  if (count > max) {
    throw new InvalidRecordError('document', undefined, [
      { path: 'every', message: `gives ${count} instants, more than maxInstants (${max}); use a longer step or a shorter range` },
    ]);
  }
  const instants: string[] = [];
  for (let i = 0; i < count; i++) instants.push(new Date(from + i * step).toISOString());
  return instants;
}

/** Builds one subject's timeline from its reports, instant by instant, in time order. */
class TimelineBuilder {
  readonly points: TimelinePoint[] = [];
  readonly firstSeen: { indicatorId: string; kind: 'risk' | 'mitigating'; at: string }[] = [];
  readonly rises: { at: string; from: Band; to: Band; reasons: string[] }[] = [];
  private readonly seen = new Set<string>();
  private previous: { band: Band; contributions: Map<string, number> } | undefined;

  constructor(readonly subjectId: string) {}

  add(at: string, report: Report): void {
    const contributions = new Map<string, number>();
    for (const reason of report.reasons) {
      const key = `${reason.indicatorId}|${reason.kind}`;
      contributions.set(key, reason.contribution);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.firstSeen.push({ indicatorId: reason.indicatorId, kind: reason.kind, at });
      }
    }
    if (this.previous !== undefined && bandRank[report.band] > bandRank[this.previous.band]) {
      const before = this.previous.contributions;
      const reasons = report.reasons.filter((r) => r.kind === 'risk' && r.contribution > (before.get(`${r.indicatorId}|risk`) ?? 0)).map((r) => r.indicatorId);
      this.rises.push({ at, from: this.previous.band, to: report.band, reasons });
    }
    this.points.push({
      at,
      score: report.score,
      band: report.band,
      logOdds: report.logOdds,
      topReasons: report.reasons.slice(0, 3).map((r) => ({ indicatorId: r.indicatorId, kind: r.kind, contribution: r.contribution })),
    });
    this.previous = { band: report.band, contributions };
  }

  build(): Timeline {
    return { subjectId: this.subjectId, points: this.points, firstSeen: this.firstSeen, rises: this.rises };
  }
}

/** Scores the selected subjects at each instant, one pass over the instants; the reports of the last instant are kept. */
function sweep(prepared: PreparedBatch, subjectIds: readonly string[], instants: readonly string[]): { timelines: Timeline[]; reports: readonly Report[] } {
  const builders = new Map(subjectIds.map((id) => [id, new TimelineBuilder(id)]));
  const select = (id: string): boolean => builders.has(id);
  let reports: readonly Report[] = [];
  for (const at of instants) {
    reports = prepared.scoreAt(at, select);
    for (const report of reports) builders.get(report.subjectId)?.add(at, report);
  }
  return { timelines: [...builders.values()].map((b) => b.build()), reports };
}

/**
 * Scores one subject at each instant from `from` to `to`, every `every`: the score, band and top
 * reasons at each, the first instant each reason appeared, and the instants where the band rose with
 * the reasons that made it rise. Each instant is a full point-in-time score (`asOf` = the instant),
 * so the timeline is exactly what the subject would have scored then. The records are validated
 * once; each instant then cuts the facts dated after it and runs the indicators, so the cost is
 * one validation plus at most `maxInstants` runs of the indicators on one subject. Pure: the
 * caller gives every instant.
 *
 * @throws {InvalidRecordError} for an invalid `from`, `to` or `every`, more instants than
 * `maxInstants`, or an invalid subject or event.
 */
export function scoreTimeline(scorer: Scorer, subject: unknown, context: Omit<ScoreContext, 'asOf'>, options: TimelineOptions): Timeline {
  const instants = timelineInstants(options);
  // Validated once, as `scorer.score` would: the subject first (its error is thrown as is), then the rest.
  const parsedSubject = safeParseSubject(subject);
  if (!parsedSubject.success) throw parsedSubject.error;
  const subjectId = parsedSubject.data.id;
  const population = context.population ?? {};
  const others = (population.subjects ?? []).filter((s) => readRecordId(s) !== subjectId);
  const prepared = scorer.prepareBatch({
    subjects: [subject, ...others],
    events: [...(context.events ?? []), ...(population.events ?? [])],
    ...(context.watchlists !== undefined ? { watchlists: context.watchlists } : {}),
    ...(context.reference !== undefined ? { reference: context.reference } : {}),
    ...(context.inputs !== undefined ? { inputs: context.inputs } : {}),
    ...(context.suppressions !== undefined ? { suppressions: context.suppressions } : {}),
  });
  const firstRejected = prepared.rejected[0];
  if (firstRejected !== undefined) throw new InvalidRecordError(firstRejected.kind, firstRejected.recordId, firstRejected.issues);
  return sweep(prepared, [subjectId], instants).timelines[0] as Timeline;
}

/**
 * Timelines of a batch: every valid subject, or those in `subjectIds`, scored at each instant
 * from `from` to `to`, every `every`, each point exactly its point-in-time score (as
 * {@link scoreTimeline}). The records are validated once and each instant scores the selected
 * subjects once, so the cost is one validation plus (instants × selected subjects) indicator
 * runs. Invalid records are listed under `rejected`, never thrown, as in `scoreBatch`.
 *
 * @throws {InvalidRecordError} for an invalid `from`, `to` or `every`, more instants than
 * `maxInstants`, or an id in `subjectIds` that is not a valid subject of the input.
 */
export function scoreTimelines(
  scorer: Scorer,
  input: Omit<BatchInput, 'asOf'>,
  options: TimelineOptions & { readonly subjectIds?: readonly string[] },
): TimelineBatch {
  const instants = timelineInstants(options);
  const prepared = scorer.prepareBatch(input);
  const rejectedSubjects = new Set<number>();
  for (const r of prepared.rejected) if (r.kind === 'subject') rejectedSubjects.add(r.index);
  const valid = new Set<string>();
  (input.subjects ?? []).forEach((subject, index) => {
    const id = readRecordId(subject);
    if (id !== undefined && !rejectedSubjects.has(index)) valid.add(id);
  });
  const wanted = options.subjectIds ?? [...valid];
  for (const id of wanted) {
    if (!valid.has(id)) throw new InvalidRecordError('document', undefined, [{ path: 'subjectIds', message: `no valid subject "${id}" in the input` }]);
  }
  const subjectIds = [...new Set(wanted)].sort(compareText);
  const { timelines, reports } = sweep(prepared, subjectIds, instants);
  return { timelines, asOf: instants[instants.length - 1], reports, rejected: prepared.rejected };
}
