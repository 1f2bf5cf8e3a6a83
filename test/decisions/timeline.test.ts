import { createScorer, isInvalidRecordError, scoreTimeline } from '../../src/index';
import { signalEvent, signalIndicator } from '../support/signalIndicators';

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
