import { builtinIndicators, createScorer } from '../../src/index';

// Reports are the caller's plain data: what every report of a scorer repeats (each indicator's
// entry, its typologies, the indicator versions) is a copy per report, so changing one report
// changes no other, and no later batch.

const asOf = '2025-12-01T00:00:00Z';
const input = {
  asOf,
  subjects: [{ id: 's0' }, { id: 's1' }],
  events: [
    { id: 'e0', subjectId: 's0', at: '2025-06-01T09:00:00Z', type: 'session' },
    { id: 'e1', subjectId: 's1', at: '2025-06-01T10:00:00Z', type: 'session' },
  ],
};

describe('report copies', () => {
  it('gives each report its own indicator entries, typologies and versions, with every built-in', () => {
    const scorer = createScorer();
    const [a, b] = scorer.scoreBatch(input).reports;
    if (a === undefined || b === undefined) throw new Error('two reports expected');
    expect(Object.keys(a.meta.indicatorVersions)).toEqual(builtinIndicators.map((i) => i.meta.id));
    expect(a.meta.indicatorVersions).not.toBe(b.meta.indicatorVersions);
    const before = JSON.stringify(b);
    (a.meta.indicatorVersions as Record<string, string>)[builtinIndicators[0]?.meta.id as string] = 'changed';
    const entry = a.indicators[0] as unknown as { title: string; typologies: string[] };
    entry.title = 'changed';
    entry.typologies.push('changed');
    expect(JSON.stringify(b)).toBe(before);
    // A later batch of the same scorer is built from the scorer's own data, not from an earlier report.
    const [again] = scorer.scoreBatch(input).reports;
    expect(JSON.stringify(again)).toBe(JSON.stringify(scorer.scoreBatch(input).reports[0]));
    expect(again?.meta.indicatorVersions[builtinIndicators[0]?.meta.id as string]).toBe(builtinIndicators[0]?.meta.version);
    expect(again?.indicators[0]?.title).toBe(builtinIndicators[0]?.meta.title);
    expect(again?.indicators[0]?.typologies).toEqual(builtinIndicators[0]?.meta.typologies);
  });
});
