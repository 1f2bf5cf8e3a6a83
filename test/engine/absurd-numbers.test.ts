import { createScorer } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';
const huge = 1.7e308;
const scorer = createScorer();
const worklog = (id: string, at: string, hours: number) => ({ id, subjectId: 'w', type: 'worklog', at, end: at.replace('T09', 'T23').replace('T10', 'T23').replace('T11', 'T23'), hours });
// Integer fields are capped at the largest safe integer by the schema.
const hugeInt = Number.MAX_SAFE_INTEGER;
const heavyWeeks = ['2025-05-05', '2025-05-12', '2025-05-19'].flatMap((day, i) => [
  worklog(`h${i}a`, `${day}T09:00:00Z`, 50),
  worklog(`h${i}b`, `${day}T10:00:00Z`, 40),
]);

describe('finite but absurd numbers fire indicators, never break them', () => {
  it('worklog hours of 1.7e308 keep activity/excessive-hours firing, with no indicator error', () => {
    const normal = scorer.scoreBatch({ asOf, subjects: [{ id: 'w' }], events: heavyWeeks }).reports[0];
    const absurd = scorer.scoreBatch({
      asOf,
      subjects: [{ id: 'w' }],
      events: [...heavyWeeks, worklog('x1', '2025-05-20T09:00:00Z', huge), worklog('x2', '2025-05-20T11:00:00Z', huge)],
    }).reports[0];
    expect(normal?.errors).toEqual([]);
    expect(absurd?.errors).toEqual([]);
    expect(absurd?.score).toBeGreaterThanOrEqual(normal?.score as number);
    expect(absurd?.reasons.map((r) => r.indicatorId)).toContain('activity/excessive-hours');
  });

  it('every numeric field at 1.7e308 gives no indicator error', () => {
    const subject = {
      id: 'w',
      role: 'engineer',
      hiredAt: '2025-01-01T00:00:00Z',
      profiles: [{ id: 'p1', platform: 'upwork', createdAt: '2025-05-25T00:00:00Z', observedAt: '2025-05-31T00:00:00Z', hoursBilled: huge, rating: huge, jobsCompleted: hugeInt, contributions: hugeInt, followers: hugeInt }],
      skills: [{ name: 'Kubernetes', years: huge }],
      compensation: { rateAsked: huge, marketRate: huge, currency: 'USD', period: 'hour' },
      paymentRequests: [{ id: 'pr1', at: '2025-05-01T00:00:00Z', kind: 'advance', amount: huge, currency: 'USD' }],
      engagements: [{ id: 'g1', organisation: 'Other', start: '2025-01', hoursPerWeek: huge }],
    };
    const access = (id: string, at: string) => ({ id, subjectId: 'w', type: 'data-access', at, action: 'download', resource: 'repo', volumeBytes: huge, itemCount: hugeInt, destination: { kind: 'personal-cloud' } });
    const result = scorer.scoreBatch({
      asOf,
      subjects: [subject],
      events: [...heavyWeeks, worklog('x1', '2025-05-20T09:00:00Z', huge), access('d1', '2025-05-20T09:00:00Z'), access('d2', '2025-05-20T10:00:00Z')],
    });
    expect(result.rejected).toEqual([]);
    expect(result.reports[0]?.errors).toEqual([]);
  });
});
