import { continuousSession } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const MONDAY = Date.UTC(2025, 0, 6);

/** Back-to-back sessions of `chunk` hours covering `hours` hours from `start`. */
function shifts(start: number, hours: number, chunk = 4, accountId = 'corp-1'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let h = 0; h < hours; h += chunk) {
    out.push({ type: 'session', at: iso(start + h * HOUR), end: iso(start + Math.min(h + chunk, hours) * HOUR), accountId });
  }
  return out;
}

new IndicatorTester({ asOf: '2025-02-01T00:00:00Z' }).run(continuousSession, {
  valid: [
    { name: 'a normal working week', events: [0, 1, 2, 3, 4].flatMap((d) => shifts(MONDAY + d * 24 * HOUR + 9 * HOUR, 8)) },
    { name: 'a long 20-hour push stays under a day', events: shifts(MONDAY, 20) },
    {
      name: 'one session forgotten open over a weekend is idle, not work',
      events: [{ type: 'session', at: '2025-01-10T17:00:00Z', end: '2025-01-13T09:00:00Z', accountId: 'corp-1' }],
    },
    {
      // The laptop stays on: MDM checks in every four hours and EDR scans, with nobody at it.
      name: 'a session forgotten open over a weekend on a laptop that keeps checking in',
      events: [
        { type: 'session', at: '2025-01-10T17:00:00Z', end: '2025-01-13T09:00:00Z', accountId: 'corp-1' },
        ...Array.from({ length: 15 }, (_, i) => ({ type: 'device-checkin', at: iso(Date.parse('2025-01-10T19:00:00Z') + i * 4 * HOUR), deviceId: 'mac-1' })),
        { type: 'security', at: '2025-01-11T03:00:00Z', category: 'other', detail: 'scheduled scan' },
      ],
    },
    {
      name: 'two accounts each used for half a day do not merge',
      events: [...shifts(MONDAY, 12, 4, 'corp-1'), ...shifts(MONDAY + 12 * HOUR, 12, 4, 'corp-2')],
    },
    { name: 'failed sign-ins are not sessions', events: shifts(MONDAY, 30).map((e) => ({ ...e, result: 'failure' })) },
    { name: 'a higher threshold', events: shifts(MONDAY, 30), options: { minHours: 36 } },
    { name: 'one ordinary work log', events: [{ type: 'worklog', at: '2025-01-06T09:00:00Z', end: '2025-01-06T17:00:00Z', hours: 8 }] },
    {
      name: 'a daily summary work log spanning a day but claiming 8 hours',
      events: [{ type: 'worklog', at: '2025-01-06T00:00:00Z', end: '2025-01-07T00:00:00Z', hours: 8 }],
    },
    {
      name: 'eight back-to-back weekly timesheets of 40 hours are summaries, not unbroken work',
      events: Array.from({ length: 8 }, (_, w) => ({
        type: 'worklog',
        at: iso(MONDAY + w * 7 * 24 * HOUR),
        end: iso(MONDAY + (w + 1) * 7 * 24 * HOUR),
        hours: 40,
      })),
    },
    {
      name: 'a dense log after a weekly timesheet starts a new span',
      events: [
        { type: 'worklog', at: '2025-01-06T00:00:00Z', end: '2025-01-13T00:00:00Z', hours: 40 },
        { type: 'worklog', at: '2025-01-13T00:00:00Z', end: '2025-01-13T20:00:00Z', hours: 20 },
      ],
    },
    {
      name: 'work logs of two time-tracking accounts do not merge',
      events: [
        { type: 'worklog', at: '2025-01-06T00:00:00Z', end: '2025-01-06T14:00:00Z', hours: 14, accountId: 'a' },
        { type: 'worklog', at: '2025-01-06T14:00:00Z', end: '2025-01-07T04:00:00Z', hours: 14, accountId: 'b' },
      ],
    },
  ],
  invalid: [
    {
      name: 'with minWorklogDensity 0, back-to-back weekly timesheets chain into one span',
      options: { minWorklogDensity: 0 },
      events: Array.from({ length: 2 }, (_, w) => ({
        type: 'worklog',
        at: iso(MONDAY + w * 7 * 24 * HOUR),
        end: iso(MONDAY + (w + 1) * 7 * 24 * HOUR),
        hours: 40,
      })),
      findings: [{ messageId: 'continuousWorklog', data: { hours: 80, logs: 2 } }],
    },
    {
      name: 'three days of shifts on one account',
      events: shifts(MONDAY, 72),
      findings: [{ messageId: 'continuous', strength: 1, data: { account: 'corp-1', hours: 72, sessions: 18 }, evidence: ['e1', 'e18'] }],
    },
    {
      name: 'exactly one day, at the threshold',
      events: shifts(MONDAY, 24),
      findings: [{ messageId: 'continuous', strength: 0.6, data: { hours: 24 } }],
    },
    {
      name: 'short gaps between sessions are bridged',
      events: shifts(MONDAY, 30).map((e, i) => ({ ...e, at: iso(Date.parse(e['at'] as string) + (i === 0 ? 0 : 10 * 60_000)) })),
      findings: [{ messageId: 'continuous', data: { sessions: 8 } }],
    },
    {
      name: 'one long session with other activity throughout is work',
      events: [
        { type: 'session', at: '2025-01-06T00:00:00Z', end: '2025-01-07T06:00:00Z', accountId: 'corp-1' },
        ...[2, 8, 14, 20, 26].map((h) => ({ type: 'data-access', at: iso(MONDAY + h * HOUR), resource: 'repo/app', action: 'read' })),
      ],
      findings: [{ messageId: 'continuous', data: { hours: 30, maxIdle: 6 }, strength: [0.6, 0.7] }],
    },
    {
      name: 'two separate day-long spans give two findings',
      events: [...shifts(MONDAY, 26), ...shifts(MONDAY + 3 * 24 * HOUR, 40)],
      findings: [
        { messageId: 'continuous', data: { hours: 40 } },
        { messageId: 'continuous', data: { hours: 26 } },
      ],
    },
    {
      name: 'back-to-back work logs claim 36 hours on one account',
      events: [0, 12, 24].map((h) => ({ type: 'worklog', at: iso(MONDAY + h * HOUR), end: iso(MONDAY + (h + 12) * HOUR), hours: 12, accountId: 'upwork-1' })),
      findings: [
        {
          messageId: 'continuousWorklog',
          data: { account: 'upwork-1', hours: 36, logs: 3 },
          strength: [0.69, 0.71],
          evidence: ['e1', 'e3'],
          message: /upwork-1/,
        },
      ],
    },
    {
      name: 'a lower threshold fires on 12 hours',
      events: shifts(MONDAY, 12),
      options: { minHours: 12 },
      findings: 1,
    },
  ],
  notEvaluated: [
    { name: 'no sessions or work logs at all', missing: ['events[type=session]', 'events[type=worklog]'] },
    { name: 'only data access', events: [{ type: 'data-access', at: '2025-01-06T09:00:00Z', resource: 'r', action: 'read' }] },
  ],
});
