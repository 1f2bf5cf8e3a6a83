import { availabilityTimezoneMismatch } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const chicago = { residence: { country: 'US', timeZone: 'America/Chicago' } };
const slot = (day: number, fromUtcHour: number, hours: number) => {
  const from = Date.UTC(2025, 0, day, fromUtcHour);
  return { from: new Date(from).toISOString(), to: new Date(from + hours * 3_600_000).toISOString() };
};
const replies = (utcHour: number, count: number, month = 0) =>
  Array.from({ length: count }, (_, i) => ({
    type: 'message',
    direction: 'from-subject',
    at: new Date(Date.UTC(2025, month, i + 1, utcHour, 10)).toISOString(),
  }));

new IndicatorTester({ asOf: '2025-08-01T00:00:00Z' }).run(availabilityTimezoneMismatch, {
  valid: [
    {
      name: 'business-hours slots in Chicago (15:00-17:00 UTC in winter)',
      subject: { identity: chicago, availability: [slot(6, 15, 2), slot(7, 15, 2), slot(8, 16, 3)] },
    },
    { name: 'replies during the Chicago day', subject: { identity: chicago }, events: replies(17, 12) },
    { name: 'a night owl who replies late but not mostly at night', subject: { identity: chicago }, events: [...replies(5, 4), ...replies(18, 8, 1)] },
    {
      name: 'a zero threshold does not fire when nothing falls in the night',
      subject: { identity: chicago, availability: [slot(6, 15, 2), slot(7, 15, 2), slot(8, 16, 3)] },
      events: replies(17, 12),
      options: { minNightShare: 0 },
    },
    { name: 'too few slots to judge', subject: { identity: chicago, availability: [slot(6, 7, 2)] } },
    {
      name: 'replies at 07:10 UTC are daytime for someone who claims Seoul',
      subject: { identity: { residence: { country: 'KR', timeZone: 'Asia/Seoul' } } },
      events: replies(7, 12),
    },
  ],
  invalid: [
    {
      name: 'slots offered in the middle of the Chicago night (06:00-09:00 UTC = 00:00-03:00 CST)',
      subject: { identity: chicago, availability: [slot(6, 6, 3), slot(7, 6, 3), slot(8, 6, 3)] },
      findings: [
        {
          messageId: 'slots',
          strength: 1,
          data: { share: 100, slots: 3, timeZone: 'America/Chicago' },
          message: '100% of the 9 hours of availability offered (3 slots) fall between 23:00 and 7:00 in the claimed time zone America/Chicago',
          evidence: ['subject-1'],
        },
      ],
    },
    {
      name: 'replies at 01:10 Chicago daylight time in July (06:10 UTC)',
      subject: { identity: chicago },
      events: replies(6, 10, 6),
      findings: [{ messageId: 'messages', strength: 1, data: { count: 10, share: 100 }, evidence: ['e1'] }],
    },
    {
      name: 'a lower threshold: each slot is only partly at night (20:00-01:00 CST), yet the evidence names them',
      subject: { identity: chicago, availability: [slot(6, 2, 5), slot(7, 2, 5), slot(8, 2, 5)] },
      options: { minNightShare: 0.3 },
      findings: [{ messageId: 'slots', data: { share: 40 }, evidence: ['subject-1'] }],
    },
    {
      name: 'a narrower night window still catches 01:00-03:00',
      subject: { identity: chicago, availability: [slot(6, 7, 2), slot(7, 7, 2), slot(8, 7, 2)] },
      options: { nightStartHour: 0, nightEndHour: 5 },
      findings: [{ messageId: 'slots', data: { nightStart: 0, nightEnd: 5 } }],
    },
  ],
  notEvaluated: [
    { name: 'no claimed time zone', subject: { availability: [slot(6, 6, 3)] }, missing: ['identity.residence.timeZone'] },
    { name: 'a time zone but no slots or replies', subject: { identity: chicago } },
  ],
});
