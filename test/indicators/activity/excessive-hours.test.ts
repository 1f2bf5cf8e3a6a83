import { excessiveHours } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2025, 0, 6);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Daily work logs of `hoursPerDay` for `days` days from `start`. */
function daily(start: number, days: number, hoursPerDay: number): Record<string, unknown>[] {
  return Array.from({ length: days }, (_, d) => ({
    type: 'worklog',
    at: iso(start + d * DAY),
    end: iso(start + d * DAY + hoursPerDay * 3_600_000),
    hours: hoursPerDay,
  }));
}

/** Daily closed sessions of `hoursPerDay` for `days` days from `start` on one account. */
function sessions(start: number, days: number, hoursPerDay: number, accountId = 'corp-1'): Record<string, unknown>[] {
  return Array.from({ length: days }, (_, d) => ({
    type: 'session',
    at: iso(start + d * DAY),
    end: iso(start + d * DAY + hoursPerDay * 3_600_000),
    accountId,
  }));
}

const profile = (fields: Record<string, unknown>) => ({ profiles: [{ id: 'upwork-1', platform: 'upwork', handle: 'devstar', ...fields }] });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(excessiveHours, {
  valid: [
    { name: 'a full-time freelancer over three years', subject: profile({ hoursBilled: 6000, createdAt: '2022-06-01T00:00:00Z' }) },
    { name: 'a modest total with no creation date', subject: profile({ hoursBilled: 1500 }) },
    { name: 'a profile too new to average', subject: profile({ hoursBilled: 600, createdAt: '2025-05-01T00:00:00Z' }) },
    { name: 'forty-hour weeks', events: daily(MONDAY, 28, 8) },
    { name: 'ordinary signed-in days', events: sessions(MONDAY, 28, 9) },
    {
      name: 'a session forgotten open over a weekend, every weekend',
      events: [0, 7, 14].flatMap((w) => [{ type: 'session', at: iso(MONDAY + (w + 4) * DAY), end: iso(MONDAY + (w + 7) * DAY), accountId: 'corp-1' }]),
    },
    {
      name: 'two accounts of 10 hours a day each stay under the per-account limit',
      events: [...sessions(MONDAY, 14, 10, 'a'), ...sessions(MONDAY, 14, 10, 'b')],
    },
    { name: 'one crunch week is not a pattern', events: [...daily(MONDAY, 7, 13), ...daily(MONDAY + 7 * DAY, 7, 6)] },
  ],
  invalid: [
    {
      name: 'several thousand hours in under a year',
      subject: profile({ hoursBilled: 5200, createdAt: '2024-09-01T00:00:00Z' }),
      findings: [{ messageId: 'profileRate', strength: 1, data: { platform: 'upwork', handle: 'devstar', hours: 5200 }, evidence: ['upwork-1'] }],
    },
    {
      name: 'just over the sustained limit gives a moderate finding',
      subject: profile({ hoursBilled: 3400, createdAt: '2024-06-01T00:00:00Z' }),
      findings: [{ messageId: 'profileRate', strength: [0.5, 0.6] }],
    },
    {
      name: 'several thousand hours with no creation date is weak',
      subject: profile({ hoursBilled: 5000 }),
      findings: [{ messageId: 'profileTotal', strength: [0.3, 0.5], kind: 'risk' }],
    },
    {
      name: 'weeks of 90+ logged hours',
      events: daily(MONDAY, 21, 13),
      findings: [{ messageId: 'weeklyHours', data: { weeks: 3, max: 91, peakWeek: '2025-01-06' }, strength: [0.6, 0.8] }],
    },
    {
      name: 'an account signed in 13 hours a day, every day, for three weeks',
      events: sessions(MONDAY, 21, 13, 'corp-7'),
      findings: [{ messageId: 'weeklySessionHours', data: { account: 'corp-7', weeks: 3, max: 91 }, evidence: ['e1'], message: /corp-7/ }],
    },
    {
      // Shifts of 13 hours every 12 hours overlap, so the account is signed in round the clock:
      // one merged span of three weeks, 168 hours in each calendar week.
      name: 'overlapping shifts keep an account signed in round the clock for three weeks',
      events: Array.from({ length: 42 }, (_, i) => ({
        type: 'session',
        at: iso(MONDAY + i * 12 * 3_600_000),
        end: iso(MONDAY + i * 12 * 3_600_000 + 13 * 3_600_000),
        accountId: 'corp-9',
      })),
      findings: [{ messageId: 'weeklySessionHours', data: { account: 'corp-9', weeks: 3, max: 168 } }],
    },
    {
      name: 'a stricter weekly limit',
      events: daily(MONDAY, 14, 9),
      options: { maxWeeklyHours: 60 },
      findings: [{ messageId: 'weeklyHours', data: { limit: 60, weeks: 2 } }],
    },
  ],
  notEvaluated: [
    { name: 'no profiles and no work logs', missing: ['profiles[].hoursBilled', 'events[type=worklog]', 'events[type=session].end'] },
    { name: 'only open sessions: signed-in time cannot be measured', events: sessions(MONDAY, 21, 20).map(({ end: _end, ...e }) => e) },
    { name: 'profiles without billed hours', subject: profile({ rating: 4.9 }) },
  ],
});
