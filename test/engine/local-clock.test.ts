import {
  availabilityTimezoneMismatch,
  continuousSession,
  createScorer,
  excessiveHours,
  offHoursPattern,
  ownBaselineShift,
  peerBaselineShift,
} from '../../src/index';
import type { AnyIndicator, SubjectView } from '../../src/index';
import { localClock, localClockColumns, localTimeIn } from '../../src/kit';

// The indicators that read event times in a subject's local time share one clock column per view
// and zone (`localClock`, through `view.memo`), and the session and work-log indicators read
// start and end times from columns. Work is counted (Date.parse calls outside the column builds,
// column builds, readings converted), never timed.

const asOf = '2025-12-01T00:00:00Z';
const ZONE = 'America/Chicago';

/**
 * Subjects with back-to-back 20-hour work logs, short sessions, and messages and data access at
 * 04:00 and 05:00 in Chicago (summer time): night work, continuous work logs and heavy weeks.
 */
function batch(subjects: number, eventsPerSubject: number) {
  const events: Record<string, unknown>[] = [];
  const start = Date.UTC(2025, 5, 2);
  const HOUR = 3_600_000;
  for (let s = 0; s < subjects; s++) {
    for (let e = 0; e < eventsPerSubject; e++) {
      const slot = start + Math.floor(e / 4) * 20 * HOUR;
      const night = Math.floor(slot / (24 * HOUR)) * 24 * HOUR + 9 * HOUR;
      const base = { id: `s${s}-e${e}`, subjectId: `s${s}` };
      const iso = (t: number): string => new Date(t).toISOString();
      switch (e % 4) {
        case 0:
          events.push({ ...base, at: iso(slot), type: 'session', accountId: 'a', deviceId: 'laptop', end: iso(slot + 2 * HOUR) });
          break;
        case 1:
          events.push({ ...base, at: iso(slot), type: 'worklog', accountId: 'w', hours: 20, end: iso(slot + 20 * HOUR) });
          break;
        case 2:
          events.push({ ...base, at: iso(night), type: 'message', direction: 'from-subject', channel: 'email' });
          break;
        default:
          events.push({ ...base, at: iso(night + HOUR), type: 'data-access', action: 'download', resource: 'repo', volumeBytes: 1000 * (e + 1) });
      }
    }
  }
  const subjects_ = Array.from({ length: subjects }, (_, s) => ({
    id: `s${s}`,
    identity: { residence: { country: 'US', timeZone: ZONE } },
    position: { team: 'platform' },
  }));
  return { asOf, subjects: subjects_, events };
}

interface Counts {
  /** Date.parse calls made inside the indicators' evaluate and summarise, outside column builds. */
  parses: number;
  /** Memo builds by key prefix (the part before the first NUL). */
  builds: Map<string, number>;
  /** Readings converted into local-clock columns, across all views. */
  readings: number;
  /** Events in the views the indicators saw (each counted once per view). */
  events: number;
  views: Set<unknown>;
  fired: number;
}

let parseSpy: { mock: { calls: unknown[] } } | undefined;

function countingView(view: SubjectView, counts: Counts): SubjectView {
  if (!counts.views.has(view.subject)) {
    counts.views.add(view.subject);
    counts.events += view.events.length;
  }
  return Object.freeze({
    ...view,
    memo: <T>(key: string, build: () => T): T =>
      view.memo(key, () => {
        const prefix = key.split('\u0000')[0] as string;
        counts.builds.set(prefix, (counts.builds.get(prefix) ?? 0) + 1);
        const before = parseSpy?.mock.calls.length ?? 0;
        const value = build();
        // Parses inside a column build happen once per view, not per indicator: not counted here.
        counts.parses -= (parseSpy?.mock.calls.length ?? 0) - before;
        if (prefix === 'time/local-clock') counts.readings += (value as { length: number }).length;
        return value;
      }),
  });
}

function spied<A extends unknown[], R>(counts: Counts, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    const parse = vi.spyOn(Date, 'parse');
    parseSpy = parse;
    try {
      return fn(...args);
    } finally {
      counts.parses += parse.mock.calls.length;
      parse.mockRestore();
      parseSpy = undefined;
    }
  };
}

function watched(indicators: readonly AnyIndicator[], counts: Counts): AnyIndicator[] {
  return indicators.map((indicator) => ({
    ...indicator,
    ...(indicator.summarise !== undefined
      ? {
          summarise: spied(counts, (view: SubjectView, context: Parameters<NonNullable<AnyIndicator['summarise']>>[1]) =>
            indicator.summarise?.(countingView(view, counts), context),
          ),
        }
      : {}),
    evaluate: spied(counts, (view: SubjectView, context: Parameters<AnyIndicator['evaluate']>[1]) => {
      const outcome = indicator.evaluate(countingView(view, counts), context);
      if (Array.isArray(outcome)) counts.fired += outcome.length;
      return outcome;
    }),
  }));
}

const timeIndicators = [offHoursPattern, ownBaselineShift, peerBaselineShift, continuousSession, excessiveHours, availabilityTimezoneMismatch];

function countsOf(subjects: number, eventsPerSubject: number): Counts {
  const counts: Counts = { parses: 0, builds: new Map(), readings: 0, events: 0, views: new Set(), fired: 0 };
  const result = createScorer({ indicators: watched(timeIndicators, counts) }).scoreBatch(batch(subjects, eventsPerSubject));
  expect(result.rejected).toEqual([]);
  for (const report of result.reports) expect(report.errors).toEqual([]);
  return counts;
}

describe('local-time and end-time columns', () => {
  it('convert each event to local time once per view, whichever indicators read local time', { timeout: 120_000 }, () => {
    for (const [subjects, perSubject] of [
      [6, 80],
      [6, 240],
    ] as const) {
      const counts = countsOf(subjects, perSubject);
      // The sweeps ran and fired (night work, continuous work logs, heavy weeks).
      expect(counts.fired).toBeGreaterThanOrEqual(subjects * 3);
      // One all-events clock per view (off-hours, own and peer baselines share it) and one of the
      // messages (availability): readings = the views' events plus their messages, not x indicators.
      expect(counts.builds.get('time/local-clock')).toBe(2 * subjects);
      expect(counts.readings).toBe(counts.events + (subjects * perSubject) / 4);
      // Session and work-log ends parsed once per view, for both indicators that read them.
      expect(counts.builds.get('time/end-times')).toBe(2 * subjects);
      // No event time parsed in any sweep: at most one parse per finding (the dates its message
      // shows), none per event, at either size.
      expect(counts.parses).toBeLessThanOrEqual(counts.fired);
    }
  });

  it('read the same local day, minute, weekday and offset as the per-instant conversion', () => {
    // Both sides of the 2025 changes in Chicago and a zone with a 45-minute offset.
    const times = [
      Date.UTC(2025, 2, 9, 7, 59),
      Date.UTC(2025, 2, 9, 8, 0),
      Date.UTC(2025, 10, 2, 6, 30),
      Date.UTC(2025, 10, 2, 7, 1),
      Date.UTC(1969, 11, 31, 23, 0),
    ];
    for (const zone of [ZONE, 'Asia/Kathmandu', 'Pacific/Chatham']) {
      const clock = localClockColumns(times, zone);
      const reference = localTimeIn(zone);
      times.forEach((t, i) => {
        const expected = reference(t);
        expect(new Date((clock.day[i] as number) * 86_400_000).toISOString().slice(0, 10)).toBe(expected.date);
        expect(Math.floor((clock.minute[i] as number) / 60) + ((clock.minute[i] as number) % 60) / 60).toBe(expected.hour);
        expect(clock.offset[i]).toBe(expected.offsetHours * 60);
        expect(clock.weekday[i]).toBe(new Date(`${expected.date}T00:00:00Z`).getUTCDay());
      });
    }
  });

  it('is built once per view, zone and type', () => {
    const views: SubjectView[] = [];
    const probe = {
      ...offHoursPattern,
      meta: { ...offHoursPattern.meta, id: 'test/probe', category: 'test' },
      evaluate(view: SubjectView) {
        views.push(view);
        return [];
      },
    } as unknown as AnyIndicator;
    createScorer({ indicators: [probe] }).scoreBatch(batch(1, 8));
    const view = views[0] as SubjectView;
    const a = localClock(view, ZONE);
    expect(localClock(view, ZONE)).toBe(a);
    expect(localClock(view, 'Europe/Paris')).not.toBe(a);
    expect(localClock(view, ZONE, 'message')).not.toBe(a);
    expect(localClock(view, ZONE, 'message').length).toBe(view.eventsOf('message').length);
    expect(a.length).toBe(view.events.length);
  });
});
