import { describe, expect, it } from 'vitest';
import { builtinIndicators, createIndicatorTimer, createScorer, formatTimingTable } from '../../src/index';
import { loadDemo } from '../support/demo';
import { plugin } from '../support/plugin';

const demo = loadDemo();

/** A fake clock that moves one tick per reading: every timed call then takes exactly one tick. */
function countingClock(): { clock: () => number; readings: () => number } {
  let ticks = 0;
  return { clock: () => ticks++, readings: () => ticks };
}

describe('per-indicator timing', () => {
  it('leaves every report of the demo population unchanged and times each built-in once per subject', () => {
    const plain = createScorer().scoreBatch(demo);
    const { clock, readings } = countingClock();
    const timing = createIndicatorTimer(clock);
    const timed = createScorer({ timing }).scoreBatch(demo);
    expect(timed).toEqual(plain);

    const rows = timing.rows();
    const withPrepare = new Set(builtinIndicators.filter((i) => i.prepare !== undefined).map((i) => i.meta.id));
    const withSummaries = new Set(builtinIndicators.filter((i) => i.summarise !== undefined).map((i) => i.meta.id));
    expect(withSummaries.size).toBeGreaterThan(0);
    expect(rows.map((r) => r.id).sort()).toEqual(builtinIndicators.map((i) => i.meta.id).sort());
    for (const row of rows) {
      // One evaluate per subject, plus the population-wide prepare, or one summarise per subject and one combine.
      const population = withPrepare.has(row.id) ? 1 : withSummaries.has(row.id) ? demo.subjects.length + 1 : 0;
      expect(row.calls).toBe(demo.subjects.length + population);
      // The counting clock makes every call one tick long, and nothing else reads it.
      expect(row.totalMs).toBe(row.calls);
    }
    expect(readings()).toBe(2 * rows.reduce((n, r) => n + r.calls, 0));
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 10);
  }, 120_000);

  it('orders rows slowest first, counts the time of a call that throws, and skips indicators never called', () => {
    // The clock jumps by the cost each indicator sets before reading it again.
    let now = 0;
    let cost = 0;
    const timing = createIndicatorTimer(() => (now += cost));
    const slow = plugin('test/slow', () => {
      cost = 5;
      return [];
    });
    const fast = plugin(
      'test/fast',
      () => {
        cost = 1;
        return [];
      },
      () => {
        cost = 2;
        return undefined;
      },
    );
    const broken = plugin('test/broken', () => {
      cost = 3;
      throw new Error('boom');
    });
    const off = plugin('test/off', () => []);
    const scorer = createScorer({ indicators: [slow, fast, broken, off], config: { indicators: { 'test/off': { enabled: false } } }, timing });
    const subjects = [{ id: 'a' }, { id: 'b' }];
    const result = scorer.scoreBatch({ subjects, asOf: '2025-06-01T00:00:00Z' });
    expect(result.reports.every((r) => r.indicators.find((i) => i.indicatorId === 'test/broken')?.status === 'error')).toBe(true);
    const rows = timing.rows();
    expect(rows.map((r) => [r.id, r.calls])).toEqual([
      ['test/slow', 2],
      ['test/broken', 2],
      ['test/fast', 3],
    ]);
    // The cost set inside a call is charged to it when the clock is read on the way out.
    expect(rows.map((r) => r.totalMs)).toEqual([10, 6, 4]);
    const table = formatTimingTable(rows);
    expect(table.split('\n')[0]).toMatch(/^Indicator\s+\| Total ms \| % of total \| Calls$/);
    expect(table).toContain('test/slow   |     10.0 |      50.0% |     2');
    expect(formatTimingTable(rows, 1).split('\n')).toHaveLength(3);

    timing.reset();
    expect(timing.rows()).toEqual([]);
  });
});
