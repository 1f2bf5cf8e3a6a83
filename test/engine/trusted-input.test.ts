import { z } from 'zod';
import {
  builtinIndicators,
  createScorer,
  defineIndicator,
  isInvalidRecordError,
  safeParseEvent,
  safeParseSubject,
  type BatchInput,
  type BatchResult,
} from '../../src/index';
import * as repeated from '../../src/engine/repeatedIds';
import * as isoTime from '../../src/records/isoTime';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { population } from '../../bench/population.mjs';
import { loadDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';
import { testMeta } from '../support/plugin';

/** The records as validation gives them: what a caller who validated upstream hands the trusted path. */
function validatedUpstream(input: BatchInput): BatchInput {
  const subjects: unknown[] = [];
  const events: unknown[] = [];
  for (const s of input.subjects) {
    const r = safeParseSubject(s);
    if (r.success) subjects.push(r.data);
  }
  for (const e of input.events ?? []) {
    const r = safeParseEvent(e);
    if (r.success) events.push(r.data);
  }
  return { ...input, subjects, events };
}

describe('the trusted-input path', () => {
  it('gives the reports of the validated path for records validated upstream', { timeout: 120_000 }, () => {
    const scorer = createScorer({});
    const input = population(30, 60, 7) as BatchInput;
    const validated = scorer.scoreBatch(input);
    const trusted = scorer.scoreBatch(validatedUpstream(input), { trusted: true });
    expect(trusted.rejected).toEqual([]);
    expect(trusted.reports.length).toBe(30);
    expect(JSON.stringify(trusted.reports)).toBe(JSON.stringify(validated.reports));
  });

  it('gives the reports of the validated path for the demo population', { timeout: 120_000 }, () => {
    const scorer = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] });
    const input = loadDemo();
    expect(JSON.stringify(scorer.scoreBatch(validatedUpstream(input), { trusted: true }).reports)).toBe(JSON.stringify(scorer.scoreBatch(input).reports));
  });

  it('rejects what would crash the engine, with field paths, and scores the rest', () => {
    const scorer = createScorer({});
    const unreadable = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('no access');
      },
    });
    const result = scorer.scoreBatch(
      {
        asOf: '2025-06-01T00:00:00Z',
        subjects: [{ id: 'ok' }, null, { id: 7 }, { id: 'lists', documents: 'passport' }, [], unreadable],
        events: [
          { id: 'e1', subjectId: 'ok', type: 'session', at: '2025-05-01T10:00:00Z' },
          { id: 'e2', subjectId: 'ok', type: 'teleport', at: '2025-05-01T10:00:00Z' },
          { id: 'e3', subjectId: 'ok', type: 'session', at: 'yesterday' },
          { id: 'e4', subjectId: 42, type: 'session', at: '2025-05-01T10:00:00Z' },
          { id: 'e5', subjectId: 'nobody', type: 'session', at: '2025-05-01T10:00:00Z' },
          'not an event',
        ],
      },
      { trusted: true },
    );
    expect(result.reports.map((r) => r.subjectId)).toEqual(['ok']);
    expect(result.reports[0]?.meta.eventsConsidered).toBe(1);
    expect(result.rejected.map((r) => [r.kind, r.index, r.issues.map((i) => i.path).join(',')])).toEqual([
      ['subject', 1, ''],
      ['subject', 2, 'id'],
      ['subject', 3, 'documents'],
      ['subject', 4, ''],
      ['subject', 5, ''],
      ['event', 1, 'type'],
      ['event', 2, 'at'],
      ['event', 3, 'subjectId'],
      ['event', 4, 'subjectId'],
      ['event', 5, ''],
    ]);
    expect(result.rejected.find((r) => r.index === 5 && r.kind === 'subject')?.issues[0]?.message).toContain('could not be read');
  });

  it('freezes the records it is given, in place, so no indicator can change them for another', () => {
    const subject = { id: 's1', contacts: { emails: [{ address: 'a@example.com' }] } };
    createScorer({}).scoreBatch({ asOf: '2025-06-01T00:00:00Z', subjects: [subject] }, { trusted: true });
    expect(Object.isFrozen(subject.contacts.emails[0])).toBe(true);
  });
});

/** Each event's time as the caller who validated upstream holds it: milliseconds since the epoch. */
function timesOf(events: readonly unknown[]): Float64Array {
  return Float64Array.from(events, (e) => Date.parse((e as { at: string }).at));
}

/** An indicator that reads every event's time from the view and fires on none: work that scales with events, no findings. */
const readsTimes = defineIndicator({
  meta: testMeta('test/reads-times', {
    title: 'Reads times',
    options: z.object({}),
    messages: { m: 'never' },
    neutralReason: 'n',
    recommendedAction: 'check',
    docs: { description: 'Reads event times.', requires: [], sources: [] },
  }),
  evaluate(view) {
    let latest = -Infinity;
    for (const e of view.events) latest = Math.max(latest, view.timeOf(e));
    return latest > Date.UTC(2100, 0, 1) ? [{ messageId: 'm' as const, strength: 1, evidence: [{ recordId: view.subject.id }] }] : [];
  },
});

/** `subjects` subjects with `perSubject` session events each, out of time order. */
function sessions(
  subjects: number,
  perSubject: number,
): { asOf: string; subjects: unknown[]; events: { id: string; subjectId: string; type: 'session'; at: string }[] } {
  const events: { id: string; subjectId: string; type: 'session'; at: string }[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let e = 0; e < perSubject; e++) {
      events.push({ id: `s${s}-e${e}`, subjectId: `s${s}`, type: 'session', at: new Date(Date.UTC(2025, 0, 1 + ((e * 7) % perSubject))).toISOString() });
    }
  }
  return { asOf: '2025-06-01T00:00:00Z', subjects: Array.from({ length: subjects }, (_, s) => ({ id: `s${s}` })), events };
}

/** Calls of `object[method]` while `run` runs. */
function callsOf<T extends object>(object: T, method: keyof T & string, run: () => void): number {
  const spy = vi.spyOn(object, method as never);
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('trusted input with event times as numbers and unique ids promised', () => {
  it('gives the reports of the validated path, full and compact, for records validated upstream', { timeout: 120_000 }, () => {
    const scorer = createScorer({});
    const input = population(30, 60, 7) as BatchInput;
    const upstream = validatedUpstream(input);
    const trusted = { eventTimes: timesOf(upstream.events ?? []), uniqueEventIds: true };
    expect(JSON.stringify(scorer.scoreBatch(upstream, { trusted }))).toBe(JSON.stringify(scorer.scoreBatch(input)));
    expect(JSON.stringify(scorer.scoreBatch(upstream, { trusted, reportDetail: 'compact' }))).toBe(
      JSON.stringify(scorer.scoreBatch(input, { reportDetail: 'compact' })),
    );
    // Each promise alone, and a plain array of numbers for the column.
    expect(JSON.stringify(scorer.scoreBatch(upstream, { trusted: { eventTimes: [...trusted.eventTimes] } }).reports)).toBe(
      JSON.stringify(scorer.scoreBatch(input).reports),
    );
    expect(JSON.stringify(scorer.scoreBatch(upstream, { trusted: { uniqueEventIds: true } }).reports)).toBe(JSON.stringify(scorer.scoreBatch(input).reports));
  });

  it('gives the reports of the validated path for the demo population, whatever the record order', { timeout: 120_000 }, () => {
    const scorer = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] });
    const input = loadDemo();
    const upstream = validatedUpstream(input);
    const events = [...(upstream.events ?? [])].reverse();
    const result = scorer.scoreBatch({ ...upstream, events }, { trusted: { eventTimes: timesOf(events), uniqueEventIds: true } });
    expect(JSON.stringify(result.reports)).toBe(JSON.stringify(scorer.scoreBatch(input).reports));
  });

  it('parses no event time when the times are given: time parses (Date.parse, parseIsoTime) do not grow with the events', () => {
    const scorer = createScorer({ indicators: [readsTimes] });
    const parses = (subjects: number, perSubject: number): number => {
      const input = sessions(subjects, perSubject);
      const eventTimes = timesOf(input.events);
      let direct = 0;
      const parsed = callsOf(Date, 'parse', () => {
        direct = callsOf(isoTime, 'parseIsoTime', () => {
          const result = scorer.scoreBatch(input, { trusted: { eventTimes } });
          expect(result.reports[0]?.meta.eventsConsidered).toBe(perSubject);
        });
      });
      return parsed + direct;
    };
    const small = parses(5, 20);
    expect(small).toBeLessThanOrEqual(2);
    expect(parses(20, 100)).toBe(small);
    // Without the column, each event's `at` is parsed once (read directly: these are in the canonical shape).
    const input = sessions(20, 100);
    let direct = 0;
    const parsed = callsOf(Date, 'parse', () => {
      direct = callsOf(isoTime, 'parseIsoTime', () => scorer.scoreBatch(input, { trusted: true }));
    });
    expect(parsed + direct).toBe(input.events.length + small);
  });

  it('makes no batch-wide id check when unique ids are promised: the check over every event is skipped', () => {
    const scorer = createScorer({ indicators: [readsTimes] });
    const input = sessions(20, 100);
    const spy = vi.spyOn(repeated, 'repeatedIds');
    try {
      scorer.scoreBatch(input, { trusted: true });
      expect(spy.mock.calls.map((call) => call[0])).toEqual([input.events.length]);
      spy.mockClear();
      scorer.scoreBatch(input, { trusted: { uniqueEventIds: true } });
      expect(spy.mock.calls).toHaveLength(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects an event whose given time is not a finite number, or whose at is not a string, and scores the rest', () => {
    const scorer = createScorer({});
    const input = sessions(1, 4);
    (input.events[3] as { at: unknown }).at = 17;
    const eventTimes = [...timesOf(input.events.slice(0, 3)), 0];
    eventTimes[1] = Number.NaN;
    const result = scorer.scoreBatch(input, { trusted: { eventTimes, uniqueEventIds: true } });
    expect(result.reports[0]?.meta.eventsConsidered).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.recordId, r.issues.map((i) => `${i.path}: ${i.message}`)])).toEqual([
      [1, 's0-e1', ['at: its time in eventTimes must be a finite number of milliseconds since the epoch (got NaN)']],
      [3, 's0-e3', ['at: must be an ISO 8601 date-time (got 17)']],
    ]);
  });

  it('refuses a time column that is not as long as the events, as a malformed document', () => {
    const scorer = createScorer({});
    const input = sessions(1, 4);
    let thrown: unknown;
    try {
      scorer.scoreBatch(input, { trusted: { eventTimes: new Float64Array(3) } });
    } catch (error) {
      thrown = error;
    }
    expect(isInvalidRecordError(thrown) && thrown.recordKind === 'document' && thrown.issues[0]?.path).toBe('eventTimes');
  });

  it('orders and cuts by the given time, not by at, when the two disagree (the promise broken)', () => {
    const scorer = createScorer({ indicators: [readsTimes] });
    const input = sessions(1, 3);
    const eventTimes = timesOf(input.events);
    eventTimes[0] = Date.parse('2030-01-01T00:00:00Z');
    const report = scorer.scoreBatch(input, { trusted: { eventTimes } }).reports[0];
    expect([report?.meta.eventsConsidered, report?.meta.eventsAfterAsOf]).toEqual([2, 1]);
  });

  it('rejects every copy of an id at the same instant within a subject when the promise is broken, whatever the record order', () => {
    const scorer = createScorer({});
    const input = sessions(2, 3);
    const copy = { ...input.events[1] } as (typeof input.events)[number];
    const laterCopy = { ...input.events[2], at: '2025-04-01T00:00:00Z' } as (typeof input.events)[number];
    const otherSubject = { ...input.events[0], subjectId: 's1' } as (typeof input.events)[number];
    const events = [...input.events, copy, laterCopy, otherSubject];
    const run = (list: typeof events): BatchResult =>
      scorer.scoreBatch({ ...input, events: list }, { trusted: { eventTimes: timesOf(list), uniqueEventIds: true } });
    const result = run(events);
    // The two copies at one instant are rejected; a copy at another instant, or in another subject, is scored.
    expect(result.rejected.map((r) => [r.index, r.recordId, r.issues[0]?.path])).toEqual([
      [1, 's0-e1', 'id'],
      [6, 's0-e1', 'id'],
    ]);
    expect(Object.fromEntries(result.reports.map((r) => [r.subjectId, r.meta.eventsConsidered]))).toEqual({ s0: 3, s1: 4 });
    expect(JSON.stringify(run([...events].reverse()).reports)).toBe(JSON.stringify(result.reports));
  });

  it('takes an empty object as trusted: true', () => {
    const scorer = createScorer({});
    const upstream = validatedUpstream(population(5, 20, 3) as BatchInput);
    expect(JSON.stringify(scorer.scoreBatch(upstream, { trusted: {} }))).toBe(JSON.stringify(scorer.scoreBatch(upstream, { trusted: true })));
  });
});
