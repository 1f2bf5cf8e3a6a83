import { fc, test } from '@fast-check/vitest';
import { builtinIndicators, createScorer, safeParseEvent, type BatchOptions, type BatchResult } from '../../src/index';

// Event intake on random batches: repeated ids, shared instants, unknown subjects and malformed
// records. The trusted path (each field read once) must keep and reject what the validated path
// does, its promises must change nothing while they hold, and a broken unique-id promise must
// still account for every record and give reports that do not depend on record order.

const asOf = '2025-06-02T00:00:00Z';
const subjects = [{ id: 's0' }, { id: 's1' }, { id: 's2' }];
const times = ['2025-06-01T08:00:00Z', '2025-06-01T09:00:00Z', '2025-06-01T09:00:00.000Z', '2025-06-03T00:00:00Z'];

const goodArb = fc.record({
  id: fc.constantFrom('e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'),
  subjectId: fc.constantFrom('s0', 's1', 's2', 'nobody'),
  at: fc.constantFrom(...times),
  type: fc.constant('session'),
  deviceId: fc.constantFrom('d0', 'd1'),
});
// Records both paths reject: the structure the engine relies on is broken.
const badArb = fc.oneof(
  goodArb.map((e) => ({ ...e, id: 7 })),
  goodArb.map((e) => ({ ...e, type: 'no-such-type' })),
  goodArb.map((e) => ({ ...e, at: 'yesterday' })),
  goodArb.map(({ subjectId: _, ...e }) => e),
  fc.constantFrom(null, 'text', [1]),
);
const eventsArb = fc.array(fc.oneof({ weight: 5, arbitrary: goodArb }, { weight: 1, arbitrary: badArb }), { maxLength: 24 });

/** What validation gives for the records it accepts, the rest as they are: a caller that validated upstream. */
function upstream(events: readonly unknown[]): unknown[] {
  return events.map((e) => {
    const r = safeParseEvent(e);
    return r.success ? r.data : e;
  });
}

/** Each event's time for `eventTimes`: NaN where there is none, which rejects the event as its `at` does. */
function timesOf(events: readonly unknown[]): number[] {
  return events.map((e) => {
    const at = (e as { at?: unknown } | null)?.at;
    return typeof at === 'string' ? Date.parse(at) : NaN;
  });
}

const scorer = createScorer({ indicators: builtinIndicators });
const score = (events: readonly unknown[], options?: { readonly trusted: NonNullable<BatchOptions['trusted']> }): BatchResult =>
  scorer.scoreBatch({ asOf, subjects, events }, options);
const placesOf = (result: BatchResult): number[] => result.rejected.map((r) => r.index);
const opts = { numRuns: 60, seed: 1515 };

test.prop([eventsArb], opts)('the trusted path keeps and rejects what the validated path does', (events) => {
  const validated = score(events);
  const trusted = score(upstream(events), { trusted: true });
  expect(JSON.stringify(trusted.reports)).toBe(JSON.stringify(validated.reports));
  expect(placesOf(trusted)).toEqual(placesOf(validated));
});

test.prop([eventsArb], opts)('given times, and unique ids while they are unique, change nothing', (events) => {
  const input = upstream(events);
  const plain = score(input, { trusted: true });
  // Only the message of a rejected time differs: the number given is what is checked.
  const same = (result: BatchResult): void => {
    expect(JSON.stringify(result.reports)).toBe(JSON.stringify(plain.reports));
    expect(placesOf(result)).toEqual(placesOf(plain));
  };
  same(score(input, { trusted: { eventTimes: timesOf(input) } }));
  const ids = input.map((e) => (e as { id?: unknown } | null)?.id);
  fc.pre(new Set(ids).size === ids.length);
  same(score(input, { trusted: { eventTimes: timesOf(input), uniqueEventIds: true } }));
});

test.prop([eventsArb], opts)('a broken unique-id promise accounts for every record, whatever the record order', (events) => {
  const input = upstream(events);
  const run = (list: readonly unknown[]): BatchResult => score(list, { trusted: { eventTimes: timesOf(list), uniqueEventIds: true } });
  const result = run(input);
  const considered = result.reports.reduce((n, r) => n + r.meta.eventsConsidered + r.meta.eventsAfterAsOf, 0);
  expect(considered + new Set(placesOf(result)).size).toBe(input.length);
  expect(JSON.stringify(run([...input].reverse()).reports)).toBe(JSON.stringify(result.reports));
});
