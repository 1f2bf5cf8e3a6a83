import { createScorer, safeParseEvent, safeParseSubject } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';

function pathsOf(result: ReturnType<typeof safeParseEvent> | ReturnType<typeof safeParseSubject>): string[] {
  return result.success ? [] : result.error.issues.map((i) => i.path);
}

describe('impossible values are rejected with a path', () => {
  it('an end before at', () => {
    const base = { id: 'e', subjectId: 's', at: '2025-05-02T10:00:00Z', end: '2025-05-02T09:00:00Z' };
    expect(pathsOf(safeParseEvent({ ...base, type: 'session' }))).toEqual(['end']);
    expect(pathsOf(safeParseEvent({ ...base, type: 'calendar' }))).toEqual(['end']);
    expect(pathsOf(safeParseEvent({ ...base, type: 'worklog', hours: 0 }))).toEqual(['end']);
    expect(pathsOf(safeParseSubject({ id: 's', availability: [{ from: '2025-05-02T10:00:00Z', to: '2025-05-02T09:00:00Z' }] }))).toEqual([
      'availability[0].to',
    ]);
  });

  it('worklog hours above the period', () => {
    const worklog = { id: 'e', subjectId: 's', type: 'worklog', at: '2025-05-02T09:00:00Z', end: '2025-05-02T17:00:00Z' };
    expect(safeParseEvent({ ...worklog, hours: 8 }).success).toBe(true);
    expect(pathsOf(safeParseEvent({ ...worklog, hours: 8.5 }))).toEqual(['hours']);
  });

  it('impossible calendar dates, in partial dates and date-times', () => {
    expect(pathsOf(safeParseSubject({ id: 's', identity: { dateOfBirth: '2020-02-31' } }))).toEqual(['identity.dateOfBirth']);
    expect(pathsOf(safeParseSubject({ id: 's', identity: { dateOfBirth: '2021-02-29' } }))).toEqual(['identity.dateOfBirth']);
    expect(safeParseSubject({ id: 's', identity: { dateOfBirth: '2020-02-29' } }).success).toBe(true);
    expect(pathsOf(safeParseEvent({ id: 'e', subjectId: 's', type: 'session', at: '2020-02-31T09:00:00Z' }))).toEqual(['at']);
  });

  it('years outside 1900..2100', () => {
    expect(pathsOf(safeParseSubject({ id: 's', employment: [{ id: 'j', organisation: 'A', start: '1850' }] }))).toEqual(['employment[0].start']);
    expect(pathsOf(safeParseSubject({ id: 's', appliedAt: '2999-01-01T00:00:00Z' }))).toEqual(['appliedAt']);
    expect(pathsOf(safeParseSubject({ id: 's', appliedAt: '1899-12-31T23:00:00Z' }))).toEqual(['appliedAt']);
  });

  it('IP strings that are not IP addresses', () => {
    const session = { id: 'e', subjectId: 's', type: 'session', at: asOf };
    expect(safeParseEvent({ ...session, ip: '203.0.113.7' }).success).toBe(true);
    expect(safeParseEvent({ ...session, ip: '2001:db8::1' }).success).toBe(true);
    expect(pathsOf(safeParseEvent({ ...session, ip: '999.1.1.1' }))).toEqual(['ip']);
    expect(pathsOf(safeParseEvent({ ...session, ip: `${'%'.repeat(50_000)}\nx` }))).toEqual(['ip']);
    expect(pathsOf(safeParseEvent({ id: 'e', subjectId: 's', type: 'device-checkin', at: asOf, deviceId: 'd', ip: 'localhost' }))).toEqual(['ip']);
  });

  it('numbers beyond their documented bounds', () => {
    expect(pathsOf(safeParseSubject({ id: 's', engagements: [{ id: 'g', organisation: 'B', hoursPerWeek: 169 }] }))).toEqual(['engagements[0].hoursPerWeek']);
    expect(pathsOf(safeParseSubject({ id: 's', profiles: [{ id: 'p', platform: 'upwork', hoursBilled: 1.7e308 }] }))).toEqual(['profiles[0].hoursBilled']);
    expect(pathsOf(safeParseEvent({ id: 'e', subjectId: 's', type: 'payment', at: asOf, amount: 1e300, currency: 'USD' }))).toEqual(['amount']);
  });

  it('hours: 1.7e308 never turns activity/excessive-hours into an error: the event is rejected and the score is the one without it', () => {
    const weeks = Array.from({ length: 6 }, (_, w) =>
      Array.from({ length: 7 }, (_, d) => {
        const day = new Date(Date.UTC(2025, 3, 7 + w * 7 + d));
        return {
          id: `w${w}-${d}`,
          subjectId: 's',
          type: 'worklog',
          at: day.toISOString(),
          end: new Date(day.getTime() + 14 * 3_600_000).toISOString(),
          hours: 14,
        };
      }),
    ).flat();
    const absurd = { id: 'huge', subjectId: 's', type: 'worklog', at: '2025-05-30T00:00:00Z', end: '2025-05-30T10:00:00Z', hours: 1.7e308 };
    const scorer = createScorer();
    const baseline = scorer.scoreBatch({ asOf, subjects: [{ id: 's' }], events: weeks }).reports[0];
    const result = scorer.scoreBatch({ asOf, subjects: [{ id: 's' }], events: [...weeks, absurd] });
    const report = result.reports[0];
    expect(result.rejected.map((r) => [r.recordId, r.issues[0]?.path])).toEqual([['huge', 'hours']]);
    expect(report?.errors).toEqual([]);
    expect(report?.indicators.find((i) => i.indicatorId === 'activity/excessive-hours')?.status).toBe('fired');
    expect(report?.score).toBe(baseline?.score);
    // A large but allowed value on a profile is scored, not an error.
    const profile = scorer.scoreBatch({
      asOf,
      subjects: [{ id: 's', profiles: [{ id: 'p', platform: 'upwork', createdAt: '2025-01-01T00:00:00Z', hoursBilled: 1_000_000 }] }],
    }).reports[0];
    expect(profile?.errors).toEqual([]);
    expect(profile?.indicators.find((i) => i.indicatorId === 'activity/excessive-hours')?.status).toBe('fired');
  });
});
