import { fc, test as fcTest } from '@fast-check/vitest';
import { aucWithInterval, backtest, parseOutcomes } from '../../src/index';
import { countedEvents, signalEvent, signalIndicator } from '../support/signalIndicators';

const indicators = [signalIndicator('alpha', 3), signalIndicator('beta', 2.8)];
const day = (d: number): string => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();

function outcome(subjectId: string, decidedDay: number, kind: string): Record<string, unknown> {
  return { subjectId, decidedAt: day(decidedDay), outcome: kind, decidedBy: 'reviewer-1' };
}

describe('outcome records', () => {
  it('keeps the latest decision per subject, whatever the record order, and rejects bad records with field paths', () => {
    const records = [
      outcome('s1', 3, 'cleared'),
      outcome('s1', 5, 'confirmed-fraud'),
      { subjectId: 's2', decidedAt: 'yesterday', outcome: 'guilty', decidedBy: '' },
    ];
    for (const order of [records, [...records].reverse()]) {
      const parsed = parseOutcomes(order);
      expect(parsed.bySubject.get('s1')?.outcome).toBe('confirmed-fraud');
      expect(parsed.superseded).toHaveLength(1);
      expect(parsed.rejected).toHaveLength(1);
      expect(parsed.rejected[0]?.recordId).toBe('s2');
      expect([...new Set(parsed.rejected[0]?.issues.map((i) => i.path))].sort()).toEqual(['decidedAt', 'decidedBy', 'outcome']);
    }
  });
});

describe('backtest', () => {
  // s1 and s2 confirmed, s3 and s4 cleared; s3's alpha signal arrives only after its decision.
  const input = {
    subjects: [{ id: 's1' }, { id: 's2' }, { id: 's3' }, { id: 's4' }],
    events: [
      signalEvent('e1', 's1', day(1), 'alpha'),
      signalEvent('e2', 's1', day(2), 'beta'),
      signalEvent('e3', 's2', day(1), 'beta'),
      signalEvent('e4', 's3', day(20), 'alpha'),
      signalEvent('e5', 's4', day(1), 'beta', 0.2),
    ],
  };
  const outcomes = [
    outcome('s1', 10, 'confirmed-fraud'),
    outcome('s2', 10, 'confirmed-insider'),
    outcome('s3', 10, 'cleared'),
    outcome('s4', 12, 'cleared'),
    outcome('nobody', 12, 'cleared'),
  ];

  it('scores each subject as of its decision time and reports the metrics of each configuration', () => {
    const result = backtest(input, outcomes, { indicators });
    const [run] = result.runs;
    expect(result.counts).toMatchObject({ outcomes: 5, confirmed: 2, cleared: 2, inconclusive: 0, decisionTimes: 2 });
    expect(result.rejectedOutcomes).toEqual([
      { kind: 'outcome', index: 4, recordId: 'nobody', issues: [{ path: 'subjectId', message: 'no valid subject "nobody" in the input' }] },
    ]);
    const s3 = run?.cases.find((c) => c.subjectId === 's3');
    // The alpha signal of day 20 came after the decision of day 10: it must not count.
    expect(s3?.contributions).toEqual({});
    expect(s3?.decidedAt).toBe(day(10));
    // Confirmed subjects all outscore the cleared ones.
    expect(run?.auc?.auc).toBe(1);
    expect(run?.auc?.positives).toBe(2);
    const elevated = run?.thresholds.find((t) => t.band === 'elevated');
    const s2 = run?.cases.find((c) => c.subjectId === 's2');
    expect(s2?.band).toBe('elevated');
    expect(elevated).toMatchObject({ truePositives: 2, falsePositives: 0, precision: 1, recall: 1 });
    const confusionTotal = run?.confusion.reduce((n, row) => n + row.confirmed + row.cleared + row.inconclusive, 0);
    expect(confusionTotal).toBe(4);
    expect(run?.distributions.confirmed.reduce((a, b) => a + b, 0)).toBe(2);
    expect(run?.reliability.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('lists the subjects whose band changes between configurations with the indicators that moved', () => {
    const result = backtest(input, outcomes, {
      indicators,
      configs: [{ name: 'current' }, { name: 'candidate', config: { indicators: { 'signal/beta': { weight: 0.5 } } } }],
    });
    expect(result.runs.map((r) => r.name)).toEqual(['current', 'candidate']);
    expect(result.runs[0]?.configHash).not.toBe(result.runs[1]?.configHash);
    const s2 = result.changes.find((c) => c.subjectId === 's2');
    expect(s2).toMatchObject({ config: 'candidate', outcome: 'confirmed-insider', from: { band: 'elevated' }, to: { band: 'low' } });
    expect(s2?.moved[0]).toMatchObject({ indicatorId: 'signal/beta', before: 2.8, after: 0.5 });
    expect(s2?.moved[0]?.delta).toBeCloseTo(-2.3, 12);
    // Nobody whose band stayed is listed.
    for (const change of result.changes) expect(change.from.band).not.toBe(change.to.band);
  });

  fcTest.prop(
    [
      fc.array(
        fc.record({ day: fc.integer({ min: 0, max: 30 }), kind: fc.constantFrom('alpha', 'beta'), strength: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
        { maxLength: 12 },
      ),
      fc.integer({ min: 0, max: 30 }),
    ],
    { seed: 1515, numRuns: 60 },
  )('no fact after the decision leaks in: the same result as an input cut at the decision', (events, decided) => {
    const all = events.map((e, i) => signalEvent(`e${i}`, 's1', day(e.day), e.kind, e.strength));
    const cut = all.filter((e) => Date.parse(e.at as string) <= Date.parse(day(decided)));
    const subjects = [{ id: 's1' }, { id: 's2' }];
    const outs = [outcome('s1', decided, 'confirmed-fraud'), outcome('s2', decided, 'cleared')];
    const full = backtest({ subjects, events: all }, outs, { indicators });
    const trimmed = backtest({ subjects, events: cut }, outs, { indicators });
    expect(full.runs[0]?.cases).toEqual(trimmed.runs[0]?.cases);
  });
});

describe('AUC with DeLong interval', () => {
  fcTest.prop(
    [fc.array(fc.record({ logOdds: fc.integer({ min: -5, max: 5 }), label: fc.constantFrom(0 as const, 1 as const) }), { minLength: 2, maxLength: 60 })],
    {
      seed: 42,
      numRuns: 100,
    },
  )('matches the pairwise definition and the direct DeLong variance', (cases) => {
    const pos = cases.filter((c) => c.label === 1).map((c) => c.logOdds);
    const neg = cases.filter((c) => c.label === 0).map((c) => c.logOdds);
    const estimate = aucWithInterval(cases);
    if (pos.length === 0 || neg.length === 0) {
      expect(estimate).toBeUndefined();
      return;
    }
    const psi = (x: number, y: number): number => (x > y ? 1 : x === y ? 0.5 : 0);
    const v10 = pos.map((x) => neg.reduce((s, y) => s + psi(x, y), 0) / neg.length);
    const v01 = neg.map((y) => pos.reduce((s, x) => s + psi(x, y), 0) / pos.length);
    const auc = v10.reduce((a, b) => a + b, 0) / pos.length;
    const sampleVar = (v: number[]): number => {
      if (v.length < 2) return 0;
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1);
    };
    const se = Math.sqrt(sampleVar(v10) / pos.length + sampleVar(v01) / neg.length);
    expect(estimate?.auc).toBeCloseTo(auc, 10);
    expect(estimate?.standardError).toBeCloseTo(se, 10);
    expect(estimate?.lower).toBeLessThanOrEqual(estimate?.auc as number);
    expect(estimate?.upper).toBeGreaterThanOrEqual(estimate?.auc as number);
  });
});

describe('backtest cost', () => {
  it('validates the batch once, however many decision times there are', () => {
    const subjects = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}` }));
    const raw = subjects.map((s, i) => signalEvent(`e${i}`, s.id, day(1), 'alpha'));
    const readsFor = (times: number): number => {
      const counted = countedEvents(raw);
      const outcomes = subjects.map((s, i) => outcome(s.id, 2 + (i % times), i % 2 === 0 ? 'confirmed-fraud' : 'cleared'));
      const result = backtest({ subjects, events: counted.events }, outcomes, { indicators });
      expect(result.counts.decisionTimes).toBe(times);
      return counted.reads();
    };
    const once = readsFor(1);
    expect(once).toBeGreaterThanOrEqual(raw.length);
    // Twelve decision times read each event's fields exactly as often as one does.
    expect(readsFor(12)).toBe(once);
  });
});
