import { z } from 'zod';
import { createScorer, defineIndicator, parseSubject } from '../../src/index';
import * as isoTime from '../../src/records/isoTime';
import { testMeta } from '../support/plugin';

// Event times are parsed once, at validation; the view, asOf inference and indicators reuse the
// parsed value (view.timeOf). Counted through Date.parse and parseIsoTime (which reads the
// canonical shape these events have without Date.parse), never timed.

/** An indicator that reads the time of every event of its subject, as sweeps do. */
const readsTimes = defineIndicator({
  meta: testMeta('test/reads-times', {
    title: 'Reads times',
    options: z.object({}),
    messages: { m: 'never' },
    neutralReason: 'n',
    recommendedAction: 'check',
    docs: { description: 'Sums event times.', requires: [], sources: [] },
  }),
  evaluate(view) {
    let latest = -Infinity;
    for (const e of view.events) latest = Math.max(latest, view.timeOf(e));
    return latest > Date.UTC(2100, 0, 1) ? [{ messageId: 'm' as const, strength: 1, evidence: [{ recordId: view.subject.id }] }] : [];
  },
});

function batch(subjects: number, eventsPerSubject: number): { subjects: unknown[]; events: unknown[] } {
  const events: unknown[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let e = 0; e < eventsPerSubject; e++) {
      // Out of time order, so the view sorts them.
      events.push({ id: `s${s}-e${e}`, subjectId: `s${s}`, type: 'session', at: new Date(Date.UTC(2025, 0, 1 + ((e * 7) % eventsPerSubject))).toISOString() });
    }
  }
  return { subjects: Array.from({ length: subjects }, (_, s) => ({ id: `s${s}` })), events };
}

/** Time parses (Date.parse and parseIsoTime calls) while scoring, beyond one per event. */
function extraParses(subjects: number, eventsPerSubject: number, asOf: string | undefined): number {
  const input = batch(subjects, eventsPerSubject);
  const scorer = createScorer({ indicators: [readsTimes] });
  const spy = vi.spyOn(Date, 'parse');
  const direct = vi.spyOn(isoTime, 'parseIsoTime');
  try {
    const result = scorer.scoreBatch({ ...input, ...(asOf !== undefined ? { asOf } : {}) });
    expect(result.reports).toHaveLength(subjects);
    expect(result.reports[0]?.meta.eventsConsidered).toBe(eventsPerSubject);
    return spy.mock.calls.length + direct.mock.calls.length - input.events.length;
  } finally {
    spy.mockRestore();
    direct.mockRestore();
  }
}

describe('event times are parsed once', () => {
  it('in a batch with asOf: one parse per event, whatever the size', () => {
    const small = extraParses(5, 20, '2025-06-01T00:00:00Z');
    expect(small).toBeLessThanOrEqual(2);
    expect(extraParses(20, 100, '2025-06-01T00:00:00Z')).toBe(small);
  });

  it('in a batch whose asOf is inferred from the latest event', () => {
    const small = extraParses(5, 20, undefined);
    expect(small).toBeLessThanOrEqual(2);
    expect(extraParses(20, 100, undefined)).toBe(small);
  });
});

describe('score() validates its subject once', () => {
  /** A subject whose `identity` counts how often validation reads it. */
  function countingSubject(): { subject: unknown; reads: () => number } {
    let reads = 0;
    const subject = { id: 's' } as Record<string, unknown>;
    Object.defineProperty(subject, 'identity', {
      get() {
        reads++;
        return { residence: { country: 'US' } };
      },
      enumerable: true,
    });
    return { subject, reads: () => reads };
  }

  it('reads the subject as often as one validation does', () => {
    const once = countingSubject();
    parseSubject(once.subject);
    const scored = countingSubject();
    createScorer({ indicators: [readsTimes] }).score(scored.subject, { asOf: '2025-06-01T00:00:00Z' });
    expect(once.reads()).toBeGreaterThan(0);
    expect(scored.reads()).toBe(once.reads());
  });
});
