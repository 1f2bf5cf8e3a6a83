import { describe, expect, it } from 'vitest';
import { offHoursPattern } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2025-01-06 00:00 in New York (UTC-5 in January). */
const NY_MONDAY = Date.UTC(2025, 0, 6, 5);
const iso = (ms: number): string => new Date(ms).toISOString();

/** One session start at each of `localHours` (New York) on `days` consecutive days. */
function rhythm(days: number, localHours: readonly number[], startDay = 0): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let d = startDay; d < startDay + days; d++) {
    for (const h of localHours) out.push({ type: 'session', at: iso(NY_MONDAY + d * DAY + h * HOUR), accountId: 'corp-1' });
  }
  return out;
}

const newYork = { identity: { residence: { country: 'US', timeZone: 'America/New_York' } } };
const officeDay = [9, 10.5, 12, 14, 15.5, 17];
const nightShift = [22.5, 24, 25.5, 27, 28.5, 29.5];

new IndicatorTester({ asOf: '2025-03-01T00:00:00Z' }).run(offHoursPattern, {
  valid: [
    { name: 'an ordinary office day for three weeks', subject: newYork, events: rhythm(21, officeDay) },
    {
      name: 'a night-support rota with agreed hours 22:00 to 06:00',
      subject: { ...newYork, position: { agreedHours: { start: '22:00', end: '06:00', note: 'night support rota' } } },
      events: rhythm(21, nightShift),
    },
    {
      // Working the Sydney team's day from New York: 09:00-17:00 in Sydney is 17:00-01:00 in New York in January.
      name: 'someone in New York who works the hours agreed with a team in Sydney',
      subject: { ...newYork, position: { agreedHours: { start: '09:00', end: '17:00', timeZone: 'Australia/Sydney' } } },
      events: rhythm(21, [17.5, 19, 20.5, 22, 23.5, 24.5]),
    },
    { name: 'a night owl working 11:00 to 01:00', subject: newYork, events: rhythm(21, [11, 13, 15, 17, 19, 21, 23, 24.5]) },
    {
      name: 'a single late night never fires',
      subject: newYork,
      events: [...rhythm(20, officeDay), ...rhythm(1, [22, 23, 24, 25, 26, 27, 28], 20)],
    },
    {
      // A week in Berlin working 09:00-17:00 there shows as 03:00-11:00 in New York.
      name: 'a traveller working local hours abroad for a week',
      subject: newYork,
      events: [
        ...rhythm(21, officeDay),
        ...rhythm(
          7,
          officeDay.map((h) => h - 6),
          21,
        ),
      ],
    },
    { name: 'too few timestamps', subject: newYork, events: rhythm(5, [1, 2, 3, 4]) },
    {
      name: 'messages sent to the subject at night do not count',
      subject: newYork,
      events: [...rhythm(21, officeDay), ...rhythm(21, [1, 2, 3]).map((e) => ({ ...e, type: 'message', direction: 'to-subject', accountId: undefined }))],
    },
    { name: 'activity spread round the clock has no centre', subject: newYork, events: rhythm(21, [0, 3, 6, 9, 12, 15, 18, 21]) },
    {
      name: 'a Seoul resident working Seoul hours fits the claim',
      subject: { identity: { residence: { country: 'KR', timeZone: 'Asia/Seoul' } } },
      events: rhythm(21, [19, 20.5, 22, 24, 25.5, 27]),
    },
  ],
  invalid: [
    {
      name: 'agreed office hours do not excuse a night-time rhythm',
      subject: { ...newYork, position: { agreedHours: { start: '09:00', end: '17:00' } } },
      events: rhythm(21, nightShift),
      findings: [{ messageId: 'outsideAgreedHours', data: { agreed: '09:00-17:00', zone: 'America/New_York' } }],
    },
    {
      name: 'agreed night hours do not excuse a rhythm centred on the afternoon',
      subject: { ...newYork, position: { agreedHours: { start: '22:00', end: '06:00' } } },
      events: rhythm(21, officeDay),
      findings: [{ messageId: 'outsideAgreedHours', data: { agreed: '22:00-06:00' } }],
    },
    {
      name: 'a Pyongyang working day seen from New York centres on the night',
      subject: newYork,
      events: rhythm(21, [19.5, 21, 22.5, 24.5, 26, 27.5]),
      findings: [
        {
          messageId: 'nightCentre',
          strength: [0.7, 1],
          data: { zone: 'America/New_York', bestOffset: 'UTC+9', claimedOffset: 'UTC-5', samples: 126 },
          message: /America\/New_York.*UTC\+9/,
          evidence: ['subject-1', 'e3'],
        },
      ],
    },
    {
      // 17 Feb to 23 Mar 2025: New York moves from UTC-5 to UTC-4 on 9 March. A fixed UTC+9
      // working day must still fit UTC+9, and the claimed offset is the one most timestamps
      // fell in, never an average of winter and summer time (UTC-4:30).
      name: 'a Pyongyang working day across the daylight-saving change',
      asOf: '2025-04-01T00:00:00Z',
      subject: newYork,
      events: Array.from({ length: 35 }, (_, d) =>
        [0.5, 2, 3.5, 5.5, 7, 8.5].map((h) => ({ type: 'session', at: iso(Date.UTC(2025, 1, 17) + d * DAY + h * HOUR) })),
      ).flat(),
      findings: [{ messageId: 'nightCentre', data: { bestOffset: 'UTC+9', claimedOffset: 'UTC-5' }, message: /fits UTC\+9 better/ }],
    },
    {
      name: 'an early-morning rhythm fits another offset',
      subject: newYork,
      events: rhythm(21, [2.5, 4, 5.5, 7.5, 9, 10.5]),
      findings: [{ messageId: 'offsetFit', data: { bestOffset: 'UTC+2' }, strength: [0.4, 0.8] }],
    },
    {
      name: 'a smaller sample size is allowed by option',
      subject: newYork,
      events: rhythm(5, [0, 1, 2, 3]),
      options: { minSamples: 10, minDays: 3 },
      findings: 1,
    },
  ],
  notEvaluated: [
    {
      name: 'no claimed time zone',
      subject: { identity: { residence: { country: 'US' } } },
      events: rhythm(21, officeDay),
      missing: ['identity.residence.timeZone'],
    },
    { name: 'no activity', subject: newYork },
  ],
});

describe('activity/off-hours-pattern mitigation', () => {
  it('shows the agreed night rota as what silenced the night-time rhythm', () => {
    const { report } = evaluateCase(
      offHoursPattern,
      { subject: { ...newYork, position: { agreedHours: { start: '22:00', end: '06:00' } } }, events: rhythm(21, nightShift) },
      { asOf: '2025-03-01T00:00:00Z' },
    );
    expect(report.findings).toEqual([]);
    expect(report.mitigations).toMatchObject([
      {
        messageId: 'nightCentre',
        effect: 'silenced',
        mitigatedBy: [{ recordId: 'subject-1', field: 'position.agreedHours', explains: 'agreed working hours 22:00-06:00' }],
      },
    ]);
  });

  it('an ordinary day inside agreed office hours needs no mitigation', () => {
    const { report } = evaluateCase(
      offHoursPattern,
      { subject: { ...newYork, position: { agreedHours: { start: '09:00', end: '17:00' } } }, events: rhythm(21, officeDay) },
      { asOf: '2025-03-01T00:00:00Z' },
    );
    expect(report.mitigations).toEqual([]);
  });
});

describe('activity/off-hours-pattern reads the person activity only', () => {
  // Night sessions, plus at night: calendar entries, failed sign-ins and device check-ins. Only the
  // sessions count, and the calendar entries too when the caller opts them in.
  const events = [
    ...rhythm(21, nightShift),
    ...rhythm(21, [23.25]).map((e) => ({ ...e, type: 'calendar', end: iso(Date.parse(e.at as string) + HOUR), accountId: undefined })),
    ...rhythm(21, [23.75]).map((e) => ({ ...e, result: 'failure' })),
    ...rhythm(21, [26.75]).map((e) => ({ ...e, type: 'device-checkin', deviceId: 'laptop', accountId: undefined })),
  ];
  const samplesOf = (eventTypes?: string[]) => {
    const { report } = evaluateCase(
      offHoursPattern,
      { subject: newYork, events, ...(eventTypes !== undefined ? { options: { eventTypes } } : {}) },
      { asOf: '2025-03-01T00:00:00Z' },
    );
    expect(report.findings).toHaveLength(1);
    const finding = report.findings[0]!;
    return { samples: finding.data?.samples, night: finding.evidence.filter((e) => e.note === 'night-time activity, local time') };
  };

  it('counts successful sign-ins, not failures or check-ins', () => {
    const { samples, night } = samplesOf();
    expect(samples).toBe(21 * nightShift.length);
    // The first ten night-time events in time order, each with its local time.
    expect(night).toHaveLength(10);
    expect(night[0]).toMatchObject({ at: iso(NY_MONDAY + 22.5 * HOUR), value: '2025-01-06 22:30' });
    expect(night.every((e, i) => i === 0 || Date.parse(e.at!) > Date.parse(night[i - 1]!.at!))).toBe(true);
  });

  it('counts calendar entries when they are opted in', () => {
    const { samples, night } = samplesOf(['session', 'calendar']);
    expect(samples).toBe(21 * (nightShift.length + 1));
    expect(night.map((e) => e.value)).toContain('2025-01-06 23:15');
  });
});
