import { createScorer } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';
const huge = 1.7e308;
const scorer = createScorer();
// A week-long period, so 50 logged hours fit inside it.
const worklog = (id: string, at: string, hours: number) => ({
  id,
  subjectId: 'w',
  type: 'worklog',
  at,
  end: new Date(Date.parse(at) + 7 * 86_400_000).toISOString(),
  hours,
});
// Integer fields are capped at the largest safe integer by the schema.
const hugeInt = Number.MAX_SAFE_INTEGER;
const heavyWeeks = ['2025-05-05', '2025-05-12', '2025-05-19'].flatMap((day, i) => [
  worklog(`h${i}a`, `${day}T09:00:00Z`, 50),
  worklog(`h${i}b`, `${day}T10:00:00Z`, 40),
]);

describe('finite but absurd numbers are rejected with their path or scored, never an indicator error', () => {
  it('worklog hours of 1.7e308 are rejected naming hours; the rest still fires activity/excessive-hours, with no indicator error', () => {
    const normal = scorer.scoreBatch({ asOf, subjects: [{ id: 'w' }], events: heavyWeeks }).reports[0];
    const result = scorer.scoreBatch({
      asOf,
      subjects: [{ id: 'w' }],
      events: [...heavyWeeks, worklog('x1', '2025-05-20T09:00:00Z', huge), worklog('x2', '2025-05-20T11:00:00Z', huge)],
    });
    const absurd = result.reports[0];
    expect(result.rejected.map((r) => [r.recordId, [...new Set(r.issues.map((i) => i.path))]])).toEqual([
      ['x1', ['hours']],
      ['x2', ['hours']],
    ]);
    expect(normal?.errors).toEqual([]);
    expect(absurd?.errors).toEqual([]);
    expect(absurd?.score).toBe(normal?.score);
    expect(absurd?.reasons.map((r) => r.indicatorId)).toContain('activity/excessive-hours');
  });

  it('every numeric field at 1.7e308 is rejected with its path, and what is scored gives no indicator error', () => {
    const subject = {
      id: 'w',
      role: 'engineer',
      hiredAt: '2025-01-01T00:00:00Z',
      profiles: [
        {
          id: 'p1',
          platform: 'upwork',
          createdAt: '2025-05-25T00:00:00Z',
          observedAt: '2025-05-31T00:00:00Z',
          hoursBilled: huge,
          rating: huge,
          jobsCompleted: hugeInt,
          contributions: hugeInt,
          followers: hugeInt,
        },
      ],
      skills: [{ name: 'Kubernetes', years: huge }],
      compensation: { rateAsked: huge, marketRate: huge, currency: 'USD', period: 'hour' },
      paymentRequests: [{ id: 'pr1', at: '2025-05-01T00:00:00Z', kind: 'advance', amount: huge, currency: 'USD' }],
      engagements: [{ id: 'g1', organisation: 'Other', start: '2025-01', hoursPerWeek: huge }],
    };
    const access = (id: string, at: string) => ({
      id,
      subjectId: 'w',
      type: 'data-access',
      at,
      action: 'download',
      resource: 'repo',
      volumeBytes: huge,
      itemCount: hugeInt,
      destination: { kind: 'personal-cloud' },
    });
    const events = [...heavyWeeks, worklog('x1', '2025-05-20T09:00:00Z', huge), access('d1', '2025-05-20T09:00:00Z'), access('d2', '2025-05-20T10:00:00Z')];
    const result = scorer.scoreBatch({ asOf, subjects: [subject], events });
    // Validation bounds absurd values: each rejection names the field that holds one.
    for (const record of result.rejected) {
      for (const issue of record.issues) expect(issue.path).not.toBe('');
    }
    expect(result.rejected.length).toBeGreaterThan(0);
    for (const report of result.reports) expect(report.errors).toEqual([]);
    // The same values at the largest size validation accepts are scored without an indicator error.
    const accepted = scorer.scoreBatch({
      asOf,
      subjects: [{ id: 'w' }],
      events: [...heavyWeeks, access('d1', '2025-05-20T09:00:00Z'), access('d2', '2025-05-20T10:00:00Z')].map((e) =>
        'volumeBytes' in e ? { ...e, volumeBytes: hugeInt } : e,
      ),
    });
    expect(accepted.rejected).toEqual([]);
    expect(accepted.reports[0]?.errors).toEqual([]);
  });
});
