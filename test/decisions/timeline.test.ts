import { createScorer, isInvalidRecordError, scoreTimeline, scoreTimelines } from '../../src/index';
import { countedEvents, signalEvent, signalIndicator } from '../support/signalIndicators';

const scorer = createScorer({ indicators: [signalIndicator('alpha', 3), signalIndicator('beta', 2.5)] });
const day = (d: number): string => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();
const events = [signalEvent('e1', 's1', day(2), 'alpha'), signalEvent('e2', 's1', day(5), 'beta', 0.9), signalEvent('e3', 's1', day(20), 'alpha')];

describe('scoreTimeline', () => {
  const timeline = scoreTimeline(scorer, { id: 's1' }, { events }, { from: day(0), to: day(10), every: '1d' });

  it('gives at each instant exactly the point-in-time score', () => {
    expect(timeline.points).toHaveLength(11);
    for (const point of timeline.points) {
      const report = scorer.score({ id: 's1' }, { events, asOf: point.at });
      expect([point.score, point.band, point.logOdds]).toEqual([report.score, report.band, report.logOdds]);
    }
    // The event of day 20 lies after the last instant: it never shows.
    expect(timeline.points.at(-1)?.topReasons.find((r) => r.indicatorId === 'signal/alpha')?.contribution).toBe(3);
  });

  it('says when each reason first appeared and which evidence made the band rise', () => {
    expect(timeline.firstSeen).toEqual([
      { indicatorId: 'signal/alpha', kind: 'risk', at: day(2) },
      { indicatorId: 'signal/beta', kind: 'risk', at: day(5) },
    ]);
    expect(timeline.rises.map((r) => [r.at, r.from, r.to, r.reasons])).toEqual([
      [day(2), 'low', 'elevated', ['signal/alpha']],
      [day(5), 'elevated', 'high', ['signal/beta']],
    ]);
  });

  it('refuses a bad step and more instants than allowed, naming the field', () => {
    for (const [options, path] of [
      [{ from: day(0), to: day(10), every: '1w' }, 'every'],
      [{ from: day(0), to: day(400), every: '1h' }, 'every'],
      [{ from: 'yesterday', to: day(1), every: '1d' }, 'from'],
    ] as const) {
      let caught: unknown;
      try {
        scoreTimeline(scorer, { id: 's1' }, { events }, options);
      } catch (error) {
        caught = error;
      }
      expect(isInvalidRecordError(caught)).toBe(true);
      expect((caught as { issues: { path: string }[] }).issues[0]?.path).toBe(path);
    }
  });
});

describe('scoreTimeline cost', () => {
  it('validates the records once and runs the indicators once per instant', () => {
    let runs = 0;
    const alpha = signalIndicator('alpha', 3);
    const counting = { ...alpha, evaluate: (...args: Parameters<typeof alpha.evaluate>) => (runs++, alpha.evaluate(...args)) } as typeof alpha;
    const countingScorer = createScorer({ indicators: [counting] });
    const readsAndRuns = (to: number): [number, number] => {
      const counted = countedEvents(events);
      runs = 0;
      const timeline = scoreTimeline(countingScorer, { id: 's1' }, { events: counted.events }, { from: day(0), to: day(to), every: '1d' });
      expect(timeline.points).toHaveLength(to + 1);
      return [counted.reads(), runs];
    };
    const [reads5, runs5] = readsAndRuns(4);
    const [reads40, runs40] = readsAndRuns(39);
    expect(reads40).toBe(reads5);
    expect([runs5, runs40]).toEqual([5, 40]);
  });
});

describe('scoreTimelines', () => {
  const subjects = [{ id: 's2' }, { id: 's1' }, { id: 'bad', kind: 'robot' }];
  const all = [...events, signalEvent('e4', 's2', day(3), 'beta')];
  const options = { from: day(0), to: day(10), every: 'P1D' };

  it('gives every valid subject the timeline scoreTimeline gives it, by subject id, and lists the rejected records', () => {
    const batch = scoreTimelines(scorer, { subjects, events: all }, options);
    expect(batch.timelines.map((t) => t.subjectId)).toEqual(['s1', 's2']);
    for (const timeline of batch.timelines) {
      const own = all.filter((e) => e.subjectId === timeline.subjectId);
      expect(timeline).toEqual(scoreTimeline(scorer, { id: timeline.subjectId }, { events: own }, { ...options, every: '1d' }));
    }
    expect(batch.asOf).toBe(day(10));
    expect(batch.reports.map((r) => [r.subjectId, r.meta.asOf])).toEqual(
      scorer.scoreBatch({ asOf: day(10), subjects: subjects.slice(0, 2), events: all }).reports.map((r) => [r.subjectId, r.meta.asOf]),
    );
    expect(batch.rejected.map((r) => [r.kind, r.index])).toEqual([['subject', 2]]);
  });

  it('follows only the subjects asked for, and refuses an id that is not a valid subject', () => {
    expect(scoreTimelines(scorer, { subjects, events: all }, { ...options, subjectIds: ['s2'] }).timelines.map((t) => t.subjectId)).toEqual(['s2']);
    for (const id of ['ghost', 'bad']) {
      let caught: unknown;
      try {
        scoreTimelines(scorer, { subjects, events: all }, { ...options, subjectIds: [id] });
      } catch (error) {
        caught = error;
      }
      expect((caught as { issues: { path: string; message: string }[] }).issues[0]).toEqual({
        path: 'subjectIds',
        message: `no valid subject "${id}" in the input`,
      });
    }
  });

  it('reads ISO 8601 steps of weeks, days, hours and minutes, and refuses months, years and empty steps', () => {
    const at = (every: string) =>
      scoreTimelines(scorer, { subjects: [{ id: 's1' }], events }, { from: day(0), to: day(14), every }).timelines[0]?.points.map((p) => p.at);
    expect(at('P1W')).toEqual([day(0), day(7), day(14)]);
    expect(at('P7D')).toEqual(at('7d'));
    expect(at('P3DT12H')).toEqual(at('84h'));
    expect(at('PT10080M')).toEqual(at('P1W'));
    for (const every of ['P1M', 'P1Y', 'P', 'PT', 'P1DT', 'P0D', '0d', 'p1d']) expect(() => at(every), every).toThrow(/not a step/);
  });

  it('runs the indicators once per instant and selected subject', () => {
    let runs = 0;
    const alpha = signalIndicator('alpha', 3);
    const counting = { ...alpha, evaluate: (...args: Parameters<typeof alpha.evaluate>) => (runs++, alpha.evaluate(...args)) } as typeof alpha;
    scoreTimelines(createScorer({ indicators: [counting] }), { subjects: subjects.slice(0, 2), events: all }, options);
    expect(runs).toBe(11 * 2);
  });
});
