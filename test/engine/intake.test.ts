import { createScorer } from '../../src/index';
import { copyList } from '../../src/engine/copyList';

// Intake writes each validated event into the batch's own copy of the event list (where the
// valid-event columns find it by input position): the caller's list must come back as it was.

const asOf = '2025-12-01T00:00:00Z';

function input() {
  const subjects = [{ id: 's0' }, { id: 's1' }];
  const events: Record<string, unknown>[] = [];
  for (let e = 0; e < 6; e++) {
    events.push({ id: `e${e}`, subjectId: `s${e % 2}`, at: new Date(Date.UTC(2025, 5, 1, 0, 6 - e)).toISOString(), type: 'session', deviceId: `d${e % 3}` });
  }
  // Rejected: a repeated id, an unknown subject, a malformed record.
  events.push({ ...events[0] }, { id: 'x', subjectId: 'nobody', at: asOf, type: 'session' }, { id: 'y', type: 'session' });
  return { asOf, subjects, events };
}

describe('event intake', () => {
  it("leaves the caller's event list and records as they were on the validated path", () => {
    const batch = input();
    const before = batch.events.slice();
    const copies = batch.events.map((e) => JSON.stringify(e));
    const result = createScorer().scoreBatch(batch);
    expect(batch.events).toHaveLength(before.length);
    batch.events.forEach((e, i) => expect(e).toBe(before[i]));
    expect(batch.events.map((e) => JSON.stringify(e))).toEqual(copies);
    // The repeated id (both copies), the unknown subject and the malformed record, at their input positions.
    expect(result.rejected.filter((r) => r.kind === 'event').map((r) => r.index)).toEqual([0, 6, 7, 8]);
    expect(result.reports.map((r) => r.meta.eventsConsidered)).toEqual([2, 3]);
  });

  it('rejects and keeps the same events validated and trusted', () => {
    const validated = createScorer().scoreBatch(input());
    const raw = input();
    // What validation gives, as a caller that validated upstream hands it over (the malformed record left out).
    const trusted = createScorer().scoreBatch({ ...raw, events: raw.events.slice(0, -1) }, { trusted: true });
    expect(trusted.reports).toEqual(validated.reports);
    expect(trusted.rejected.map((r) => r.index)).toEqual([0, 6, 7]);
  });
});

describe('copyList', () => {
  it('copies a frozen list, whole or its first items, into a plain array', () => {
    const frozen = Object.freeze(['a', 'b', 'c']);
    const whole = copyList(frozen);
    expect(whole).toEqual(['a', 'b', 'c']);
    expect(Object.isFrozen(whole)).toBe(false);
    expect(copyList(frozen, 2)).toEqual(['a', 'b']);
    expect(copyList(frozen, 0)).toEqual([]);
  });
});
