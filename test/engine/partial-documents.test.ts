import { createScorer } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';
const scorer = createScorer();

const subject = {
  id: 'cand-1',
  identity: { names: [{ value: 'Kim Chol Ung', kind: 'legal' }] },
  contacts: { emails: [{ address: 'kim@front.example' }] },
  employment: [{ id: 'emp-1', organisation: 'Front Ltd', domain: 'front.example' }],
};

function scoreOf(input: Parameters<typeof scorer.scoreBatch>[0]): number {
  return (scorer.scoreBatch(input).reports[0] as { score: number }).score;
}

describe('one bad watchlist entry', () => {
  const sanctions = (entries: unknown[]) => ({ name: 'OFAC SDN extract', kind: 'sanctions', entries });
  const match = { id: 'sdn-1', type: 'name', value: 'Kim Chol Ung' };

  it('drops only that entry: the match in the same list still scores, and the entry is rejected with list name and path', () => {
    const clean = scoreOf({ asOf, subjects: [subject], watchlists: [sanctions([match])] });
    const result = scorer.scoreBatch({ asOf, subjects: [subject], watchlists: [sanctions([match, { id: 'p-1', type: 'passport', value: 'X123' }])] });
    expect(clean).toBeGreaterThan(scoreOf({ asOf, subjects: [subject] }));
    expect(result.reports[0]?.score).toBe(clean);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ kind: 'watchlist', index: 0, recordId: 'OFAC SDN extract' });
    expect(result.rejected[0]?.issues.map((i) => i.path)).toEqual(['entries[1].type']);
    expect(result.rejected[0]?.issues[0]?.message).toContain('the rest of the list is used');
  });

  it('keeps a valid entry whose id only a bad entry repeats, as for subjects and events; two valid copies are both rejected', () => {
    const clean = scoreOf({ asOf, subjects: [subject], watchlists: [sanctions([match])] });
    const misspelled = { ...match, lisedAt: '2023-01-01T00:00:00Z' };
    const result = scorer.scoreBatch({ asOf, subjects: [subject], watchlists: [sanctions([match, misspelled])] });
    expect(result.reports[0]?.score).toBe(clean);
    expect(result.rejected[0]?.issues.map((i) => i.path)).toEqual(['entries[1].lisedAt']);

    const twice = scorer.scoreBatch({ asOf, subjects: [subject], watchlists: [sanctions([match, { ...match }, misspelled])] });
    expect(twice.rejected[0]?.issues.map((i) => i.path)).toEqual(['entries[2].lisedAt', 'entries[0].id', 'entries[1].id']);
    expect(twice.rejected[0]?.issues[1]?.message).toContain('2 entries of this list share it');
    expect(twice.reports[0]?.score).toBe(scoreOf({ asOf, subjects: [subject] }));
  });

  it('rejects the whole list when the list itself is invalid, naming it when it has a name', () => {
    const result = scorer.scoreBatch({
      asOf,
      subjects: [subject],
      watchlists: [
        { name: 'mine', kind: 'nonsense', entries: [match] },
        { kind: 'sanctions', entries: [] },
      ],
    });
    expect(result.rejected.map((r) => [r.index, r.recordId])).toEqual([
      [0, 'mine'],
      [1, undefined],
    ]);
    expect(result.reports[0]?.score).toBe(scoreOf({ asOf, subjects: [subject] }));
  });
});

describe('one bad reference element', () => {
  it('drops only that element: the front-company finding stays, the other tables stay, and the element is rejected with its path', () => {
    const clean = scoreOf({ asOf, subjects: [subject], reference: { frontCompanyDomains: ['front.example'] } });
    const result = scorer.scoreBatch({
      asOf,
      subjects: [subject],
      reference: {
        frontCompanyDomains: ['front.example', 5],
        collectionBaselines: { engineer: { dailyBytes: 10 }, analyst: { dailyBytes: -1 } },
        custom: { kept: true },
      },
    });
    expect(clean).toBeGreaterThan(scoreOf({ asOf, subjects: [subject] }));
    expect(result.reports[0]?.score).toBe(clean);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.kind).toBe('document');
    expect(result.rejected[0]?.issues.map((i) => i.path).sort()).toEqual([
      'reference.collectionBaselines.analyst.dailyBytes',
      'reference.frontCompanyDomains[1]',
    ]);
  });

  it('drops a table of the wrong shape and keeps the others', () => {
    const clean = scoreOf({ asOf, subjects: [subject], reference: { frontCompanyDomains: ['front.example'] } });
    const result = scorer.scoreBatch({ asOf, subjects: [subject], reference: { frontCompanyDomains: ['front.example'], linkAllowList: 'none' } });
    expect(result.reports[0]?.score).toBe(clean);
    expect(result.rejected[0]?.issues.map((i) => i.path)).toEqual(['reference.linkAllowList']);
  });

  it('rejects a reference that is not an object', () => {
    const result = scorer.scoreBatch({ asOf, subjects: [subject], reference: 5 });
    expect(result.rejected[0]?.issues[0]?.path).toBe('reference');
    expect(result.reports).toHaveLength(1);
  });
});
