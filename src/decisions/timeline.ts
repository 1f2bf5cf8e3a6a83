import type { Band } from '../engine/config';
import type { ScoreContext, Scorer } from '../engine/createScorer';
import type { Report } from '../engine/report';
import { InvalidRecordError } from '../errors/InvalidRecordError';
import { dateTimeSchema } from '../records/common';
import { readRecordId, safeParseSubject } from '../records/validate';

/** Options of {@link scoreTimeline}. */
export interface TimelineOptions {
  /** First instant (ISO 8601). */
  readonly from: string;
  /** Last instant (ISO 8601); included when it falls on a step. */
  readonly to: string;
  /** Step between instants: a number of hours or days, such as `12h`, `1d` or `7d`. */
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

function stepMs(every: string): number {
  const match = /^(\d+)(h|d)$/.exec(every);
  const n = match === null ? 0 : Number(match[1]);
  if (match === null || n < 1) {
    throw new InvalidRecordError('document', undefined, [{ path: 'every', message: `"${every}" is not a step; use a number of hours or days such as 12h, 1d or 7d` }]);
  }
  return n * (match[2] === 'h' ? 3_600_000 : 86_400_000);
}

function instant(value: string, path: string): number {
  if (!dateTimeSchema.safeParse(value).success) {
    throw new InvalidRecordError('document', undefined, [{ path, message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T00:00:00Z' }]);
  }
  return Date.parse(value);
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
  const from = instant(options.from, 'from');
  const to = instant(options.to, 'to');
  const step = stepMs(options.every);
  const max = options.maxInstants ?? 1000;
  const count = to < from ? 0 : Math.floor((to - from) / step) + 1;
  if (count > max) {
    throw new InvalidRecordError('document', undefined, [{ path: 'every', message: `gives ${count} instants, more than maxInstants (${max}); use a longer step or a shorter range` }]);
  }
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
  const points: TimelinePoint[] = [];
  const firstSeen: { indicatorId: string; kind: 'risk' | 'mitigating'; at: string }[] = [];
  const seen = new Set<string>();
  const rises: { at: string; from: Band; to: Band; reasons: string[] }[] = [];
  let previous: { band: Band; contributions: Map<string, number> } | undefined;
  for (let i = 0; i < count; i++) {
    const at = new Date(from + i * step).toISOString();
    const report = prepared.scoreAt(at, (id) => id === subjectId)[0] as Report;
    const contributions = new Map<string, number>();
    for (const reason of report.reasons) {
      const key = `${reason.indicatorId}|${reason.kind}`;
      contributions.set(key, reason.contribution);
      if (!seen.has(key)) {
        seen.add(key);
        firstSeen.push({ indicatorId: reason.indicatorId, kind: reason.kind, at });
      }
    }
    if (previous !== undefined && bandRank[report.band] > bandRank[previous.band]) {
      const before = previous.contributions;
      const reasons = report.reasons
        .filter((r) => r.kind === 'risk' && r.contribution > (before.get(`${r.indicatorId}|risk`) ?? 0))
        .map((r) => r.indicatorId);
      rises.push({ at, from: previous.band, to: report.band, reasons });
    }
    points.push({
      at,
      score: report.score,
      band: report.band,
      logOdds: report.logOdds,
      topReasons: report.reasons.slice(0, 3).map((r) => ({ indicatorId: r.indicatorId, kind: r.kind, contribution: r.contribution })),
    });
    previous = { band: report.band, contributions };
  }
  return { subjectId, points, firstSeen, rises };
}
