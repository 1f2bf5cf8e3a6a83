import { builtinIndicators, createScorer, type BatchOptions, type BatchResult } from '../../src/index';

// Trusted records are the caller's own objects, so a field may be a getter that answers one
// thing to intake's check and another later. Intake reads each field once and works on what it
// read; the engine's later steps never throw on what a second read gives. The batch is scored.

const asOf = '2025-06-02T00:00:00Z';

/** An event whose `field` is a getter: `first` on the first read, then `later` on every read after. */
function lying(base: Record<string, unknown>, field: string, first: unknown, later: unknown): Record<string, unknown> {
  const event = { ...base };
  delete event[field];
  let reads = 0;
  Object.defineProperty(event, field, { enumerable: true, configurable: true, get: () => (reads++ === 0 ? first : later) });
  return event;
}

function session(id: string, subjectId: string, at: string): Record<string, unknown> {
  return { id, subjectId, type: 'session', at, deviceId: 'd1' };
}

/** Two subjects; events at one shared instant, so ordering a subject's events compares their ids. */
function batch(liar: Record<string, unknown>) {
  const at = '2025-06-01T09:00:00Z';
  const events = [session('e1', 's0', at), session('e2', 's0', at), liar, session('e3', 's1', at)];
  return { asOf, subjects: [{ id: 's0' }, { id: 's1' }], events };
}

const later: readonly [string, unknown][] = [
  ['a symbol', Symbol('id')],
  ['a number', 42],
  [
    'an object whose text conversion throws',
    {
      toString: () => {
        throw new Error('no text');
      },
    },
  ],
  ['another string', 'zz'],
];

const options: readonly [string, (events: readonly unknown[]) => NonNullable<BatchOptions['trusted']>][] = [
  ['trusted: true', () => true],
  ['unique ids promised', () => ({ uniqueEventIds: true })],
  ['times given and unique ids promised', (events) => ({ eventTimes: events.map(() => Date.parse('2025-06-01T09:00:00Z')), uniqueEventIds: true })],
];

/** Every input position, scored or rejected, exactly once. */
function accountedFor(result: BatchResult, eventCount: number): void {
  const considered = result.reports.reduce((n, r) => n + r.meta.eventsConsidered, 0);
  const rejected = new Set(result.rejected.filter((r) => r.kind === 'event').map((r) => r.index));
  expect(considered + rejected.size).toBe(eventCount);
}

describe('trusted records whose getters answer differently on a second read', () => {
  const scorer = createScorer({ indicators: builtinIndicators });

  for (const [laterName, laterValue] of later) {
    for (const [optionName, trustedOf] of options) {
      it(`scores the batch when the id reads as a string, then as ${laterName} (${optionName})`, () => {
        const input = batch(lying(session('', 's0', '2025-06-01T09:00:00Z'), 'id', 'e0', laterValue));
        const result = scorer.scoreBatch(input, { trusted: trustedOf(input.events) });
        expect(result.reports.map((r) => r.subjectId).sort()).toEqual(['s0', 's1']);
        accountedFor(result, input.events.length);
      });

      it(`scores the batch when the subject id reads as a valid subject, then as ${laterName} (${optionName})`, () => {
        const input = batch(lying(session('e0', '', '2025-06-01T09:00:00Z'), 'subjectId', 's0', laterValue));
        const result = scorer.scoreBatch(input, { trusted: trustedOf(input.events) });
        expect(result.reports.map((r) => r.subjectId).sort()).toEqual(['s0', 's1']);
        // Bucketed by the subject id its check read.
        expect(result.reports.find((r) => r.subjectId === 's0')?.meta.eventsConsidered).toBe(3);
        accountedFor(result, input.events.length);
      });

      it(`rejects an event whose subject id reads as an unknown subject, then as ${laterName}, naming what was read (${optionName})`, () => {
        const input = batch(lying(session('e0', '', '2025-06-01T09:00:00Z'), 'subjectId', 'nobody', laterValue));
        const result = scorer.scoreBatch(input, { trusted: trustedOf(input.events) });
        expect(result.rejected.map((r) => [r.index, r.issues[0]?.message])).toEqual([[2, 'no valid subject "nobody" in the input']]);
        accountedFor(result, input.events.length);
      });
    }
  }

  it('scores the batch when copies of an id at one instant (unique ids promised, the promise broken) read their subject id differently later', () => {
    const at = '2025-06-01T09:00:00Z';
    const events = [session('e1', 's0', at), lying(session('e1', '', at), 'subjectId', 's0', Symbol('s')), session('e3', 's1', at)];
    const result = scorer.scoreBatch({ asOf, subjects: [{ id: 's0' }, { id: 's1' }], events }, { trusted: { uniqueEventIds: true } });
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(Object.fromEntries(result.reports.map((r) => [r.subjectId, r.meta.eventsConsidered]))).toEqual({ s0: 0, s1: 1 });
  });
});
