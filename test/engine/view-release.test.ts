import { z } from 'zod';
import { createScorer, defineIndicator } from '../../src/index';
import type { SubjectView } from '../../src/index';
import { buildView } from '../../src/engine/view';
import { localClock } from '../../src/kit';

// A view's derived tables (columns, memo values, the timeOf map) are dropped once its subject is
// scored, so a batch does not hold every subject's tables to the end. Counted, not measured by RSS.

const asOf = '2025-12-01T00:00:00Z';

function batch(subjects: number, eventsPerSubject: number) {
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let e = 0; e < eventsPerSubject; e++) {
      events.push({ id: `s${s}-e${e}`, subjectId: `s${s}`, at: new Date(Date.UTC(2025, 5, 1, 0, e)).toISOString(), type: 'session', deviceId: `d${e % 3}` });
    }
  }
  return { asOf, subjects: Array.from({ length: subjects }, (_, s) => ({ id: `s${s}`, identity: { residence: { country: 'US', timeZone: 'UTC' } } })), events };
}

describe('view release', () => {
  it('drops columns, memo values and the timeOf map: none retained after release', () => {
    const events = batch(1, 10).events as never[];
    const times = events.map((e: { at: string }) => Date.parse(e.at));
    const built = buildView({ id: 's0' } as never, events, times, Date.parse(asOf));
    expect(built.retained()).toBe(0);
    const column = built.view.eventTimes('session');
    built.view.interned('deviceId');
    built.view.memo('a', () => 1);
    built.view.timeOf(built.view.events[0] as never);
    expect(built.retained()).toBe(4);
    built.view.eventTimes();
    expect(built.retained()).toBe(5);
    built.release();
    expect(built.retained()).toBe(0);
    // The view still answers, building again on first use.
    expect(Array.from(built.view.eventTimes('session'))).toEqual(Array.from(column));
    expect(built.view.eventTimes('session')).not.toBe(column);
  });

  it("holds no subject's memo entries after scoreBatch, and shares them between indicators while the subject is scored", () => {
    for (const subjects of [3, 12]) {
      const views: SubjectView[] = [];
      let builds = 0;
      const reader = (id: string) =>
        defineIndicator({
          meta: {
            id: `test/${id}`,
            title: id,
            category: 'test',
            description: 'Reads columns and a memo value of every view.',
            version: '1.0.0',
            kind: 'risk',
            family: 'activity',
            typologies: ['remote-hire-identity-fraud'],
            defaultWeight: 1,
            requires: ['events[].at'],
            options: z.object({}),
            messages: { m: 'never' },
            neutralReason: 'n',
            recommendedAction: 'check',
            sources: [],
          },
          evaluate(view) {
            if (id === 'a') views.push(view);
            view.memo('probe', () => ++builds);
            localClock(view, 'UTC');
            view.interned('deviceId');
            view.eventTimes('session');
            return [];
          },
        });
      const result = createScorer({ indicators: [reader('a'), reader('b')] }).scoreBatch(batch(subjects, 20));
      expect(result.reports).toHaveLength(subjects);
      // Two indicators, one build per subject while it was scored.
      expect(builds).toBe(subjects);
      // After the batch no view still holds its entry: asking again builds again, for every subject.
      let alive = 0;
      for (const view of views) {
        const before = builds;
        view.memo('probe', () => ++builds);
        if (builds === before) alive++;
      }
      expect(alive).toBe(0);
    }
  });
});
