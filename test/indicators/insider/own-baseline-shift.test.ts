import { describe, expect, it } from 'vitest';
import { ownBaselineShift } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';
import { sessions, usbCopies, weekdays } from './history';

// asOf 2025-06-01: the recent window is 2025-05-04 to 2025-06-01, the baseline the 26 weeks before.
const baselineDays = weekdays('2024-11-04', '2025-05-02');
const recentDays = weekdays('2025-05-05', '2025-05-30');
const utc = { identity: { residence: { country: 'US', timeZone: 'UTC' } } };
const daytime = sessions(baselineDays, 10);
const nights = sessions(recentDays, 22, 'laptop-1', 'n');

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(ownBaselineShift, {
  valid: [
    { name: 'a steady daytime rhythm', subject: utc, events: [...daytime, ...sessions(recentDays, 10, 'laptop-1', 'r')] },
    {
      name: 'a heavy but steady USB user (copies every day, before and now)',
      subject: utc,
      events: [...daytime, ...usbCopies(baselineDays), ...sessions(recentDays, 10, 'laptop-1', 'r'), ...usbCopies(recentDays, {}, 'ru')],
    },
    {
      name: 'night work inside agreed night hours (agreed hours explain the shift)',
      subject: { ...utc, position: { agreedHours: { start: '20:00', end: '06:00', timeZone: 'UTC' } } },
      events: [...daytime, ...nights],
    },
    {
      name: 'night work under a documented working-hours exception',
      subject: { ...utc, exceptions: [{ id: 'x-hours', kind: 'working-hours', validFrom: '2025-05-01T00:00:00Z', approvedBy: 'manager-7' }] },
      events: [...daytime, ...nights],
    },
    {
      name: 'night work during a booked trip abroad',
      subject: {
        ...utc,
        travel: [
          { id: 'leg-out', from: { country: 'US' }, to: { country: 'JP' }, depart: '2025-05-03T08:00:00Z', arrive: '2025-05-04T12:00:00Z' },
          { id: 'leg-back', from: { country: 'JP' }, to: { country: 'US' }, depart: '2025-06-03T08:00:00Z' },
        ],
      },
      events: [...daytime, ...nights],
    },
    {
      name: 'first USB use under a documented removable-media exception',
      subject: { ...utc, exceptions: [{ id: 'x-usb', kind: 'removable-media', validFrom: '2025-05-01T00:00:00Z' }] },
      events: [...daytime, ...sessions(recentDays, 10, 'laptop-1', 'r'), ...usbCopies(recentDays.slice(0, 1))],
    },
  ],
  invalid: [
    {
      name: 'a daytime user with no USB history works nights and copies to USB every day',
      subject: utc,
      events: [...daytime, ...nights, ...usbCopies(recentDays)],
      // The USB copies happen in the day, so half the recent activity is after hours.
      findings: [
        { messageId: 'shift', strength: [0.64, 0.66], data: { measure: 'removable-media connects and copies a week', recent: 5, median: 0 } },
        { messageId: 'shift', strength: [0.64, 0.66], data: { measure: 'share of activity after hours (%)', recent: 50, median: 0, weeks: 26 } },
        { messageId: 'firstUse', strength: 0.5, data: { channel: 'removable media', date: '2025-05-05', quietDays: 182 } },
      ],
    },
    {
      name: 'first visit to a leak site after half a year without one',
      subject: utc,
      events: [
        ...daytime,
        ...sessions(recentDays, 10, 'laptop-1', 'r'),
        { type: 'web', at: '2025-05-20T10:30:00Z', action: 'visit', category: 'leak-site', host: 'leaks.example' },
      ],
      findings: [{ messageId: 'firstUse', strength: 0.8, data: { channel: 'a leak or paste site' } }],
    },
    {
      name: 'three new devices a week against one',
      subject: utc,
      events: [
        ...daytime,
        ...sessions(recentDays, 10, 'laptop-1', 'r'),
        ...sessions(recentDays, 11, 'pc-2', 'p'),
        ...sessions(recentDays, 12, 'pc-3', 'q'),
        ...sessions(recentDays, 13, 'pc-4', 'w'),
      ],
      findings: [
        { messageId: 'shift', strength: [0.54, 0.56], data: { measure: 'distinct devices a week', recent: 4, median: 1 } },
        { messageId: 'shift', strength: [0.44, 0.46], data: { measure: 'active hours per working day', recent: 4, median: 1 } },
      ],
    },
  ],
  notEvaluated: [
    { name: 'no activity', subject: utc, events: [], missing: ['events[].at'] },
    { name: 'three weeks of history are no baseline', subject: utc, events: [...sessions(weekdays('2025-04-07', '2025-05-30'), 10)] },
  ],
});

describe('insider/own-baseline-shift mitigations', () => {
  it('reports the agreed hours that silence a night shift, with the record', () => {
    const { report } = evaluateCase(ownBaselineShift, {
      subject: { ...utc, position: { agreedHours: { start: '20:00', end: '06:00', timeZone: 'UTC' } } },
      events: [...daytime, ...nights],
    });
    expect(report.findings).toHaveLength(0);
    expect(report.mitigations).toHaveLength(1);
    expect(report.mitigations[0]).toMatchObject({
      indicatorId: 'insider/own-baseline-shift',
      effect: 'silenced',
      strength: 0,
      mitigatedBy: [{ recordId: 'subject-1', field: 'position.agreedHours' }],
    });
    expect(report.mitigations[0]?.message).toMatch(/after hours/);
  });

  it('names every booked leg of the trip that explains the night work', () => {
    const { report } = evaluateCase(ownBaselineShift, {
      subject: {
        ...utc,
        travel: [
          { id: 'leg-out', from: { country: 'US' }, to: { country: 'JP' }, depart: '2025-05-03T08:00:00Z' },
          { id: 'leg-back', from: { country: 'JP' }, to: { country: 'US' }, depart: '2025-06-03T08:00:00Z' },
        ],
      },
      events: [...daytime, ...nights],
    });
    expect(report.mitigations.flatMap((m) => m.mitigatedBy.map((b) => b.recordId))).toEqual(['leg-back', 'leg-out']);
  });

  it('an exception outside the recent window explains nothing', () => {
    const { findings } = evaluateCase(ownBaselineShift, {
      subject: { ...utc, exceptions: [{ id: 'x-old', kind: 'working-hours', validFrom: '2024-01-01T00:00:00Z', validUntil: '2024-06-01T00:00:00Z' }] },
      events: [...daytime, ...nights],
    });
    expect(findings.map((f) => f.messageId)).toEqual(['shift']);
  });
});

// A person whose history predates the export: three weeks of events before the recent window, and
// the SIEM's summary of the two years before them.
const shortHistory = sessions(weekdays('2025-04-07', '2025-05-02'), 10);
const daytimeSummary = {
  from: '2023-04-01T00:00:00Z',
  through: '2025-04-01T00:00:00Z',
  weeks: 100,
  source: 'siem:ueba',
  measures: { afterHoursShare: { median: 0.02, mad: 0.02 }, removableMedia: { median: 0 } },
  channelsUsed: [],
};

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(ownBaselineShift, {
  valid: [
    {
      name: 'a steady daytime rhythm, compared with a supplied daytime baseline',
      subject: { ...utc, behaviourBaseline: daytimeSummary },
      events: [...shortHistory, ...sessions(recentDays, 10, 'laptop-1', 'r')],
    },
    {
      name: 'a long-standing night owl whose supplied baseline is night work',
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, measures: { afterHoursShare: { median: 0.95, mad: 0.05 } } } },
      events: [...sessions(weekdays('2025-04-07', '2025-05-02'), 22), ...nights],
    },
    {
      name: 'USB in the recent window by a person whose supplied history already used it',
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, measures: { removableMedia: { median: 1, mad: 1 } }, channelsUsed: ['removable-media'] } },
      events: [...shortHistory, ...sessions(recentDays, 10, 'laptop-1', 'r'), ...usbCopies(recentDays.slice(0, 2))],
    },
    {
      name: 'a summary without channelsUsed says nothing about channels: a first USB copy three weeks into the export is no first-ever use',
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, measures: { removableMedia: { median: 1, mad: 1 } }, channelsUsed: undefined } },
      events: [...shortHistory, ...sessions(recentDays, 10, 'laptop-1', 'r'), ...usbCopies(recentDays.slice(0, 1))],
    },
  ],
  invalid: [
    {
      name: 'night work against a supplied daytime baseline, with only three weeks of events before the recent window',
      subject: { ...utc, behaviourBaseline: daytimeSummary },
      events: [...shortHistory, ...nights],
      findings: [
        { messageId: 'shiftPrior', data: { measure: 'share of activity after hours (%)', recent: 100, median: 2, weeks: 100, through: '2025-04-01' } },
      ],
    },
    {
      name: 'a first USB copy after two years of supplied history without removable media',
      subject: { ...utc, behaviourBaseline: daytimeSummary },
      events: [...shortHistory, ...sessions(recentDays, 10, 'laptop-1', 'r'), ...usbCopies(recentDays.slice(0, 1))],
      findings: [{ messageId: 'firstUse', strength: 0.5, data: { channel: 'removable media', date: '2025-05-05', quietDays: 765 } }],
    },
  ],
  notEvaluated: [
    {
      name: 'a supplied summary that runs into the recent window is no baseline',
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, through: '2025-05-20T00:00:00Z' } },
      events: [...shortHistory, ...nights],
      missing: ['behaviourBaseline'],
    },
    {
      name: 'a supplied summary of four weeks is too short',
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, weeks: 4 } },
      events: [...shortHistory, ...nights],
    },
  ],
});

describe('insider/own-baseline-shift with a supplied baseline', () => {
  it('cites the supplied summary as evidence, with its source', () => {
    const { findings } = evaluateCase(ownBaselineShift, { subject: { ...utc, behaviourBaseline: daytimeSummary }, events: [...shortHistory, ...nights] });
    expect(findings).toHaveLength(1);
    const cited = findings[0]?.evidence.find((e) => e.field === 'behaviourBaseline.measures.afterHoursShare');
    expect(cited).toMatchObject({ recordId: 'subject-1', value: 0.02 });
    expect(cited?.note).toMatch(/100 weeks to 2025-04-01 \(siem:ueba\)/);
  });

  it("prefers the events' own weeks when they are enough: a supplied night-owl baseline does not hide a change the events show", () => {
    const { findings } = evaluateCase(ownBaselineShift, {
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, measures: { afterHoursShare: { median: 0.95, mad: 0.05 } } } },
      events: [...daytime, ...nights],
    });
    expect(findings.map((f) => f.messageId)).toEqual(['shift']);
  });

  it('reads no summary computed after asOf', () => {
    const { report } = evaluateCase(ownBaselineShift, {
      subject: { ...utc, behaviourBaseline: { ...daytimeSummary, through: '2025-07-01T00:00:00Z' } },
      events: [...shortHistory, ...nights],
    });
    expect(report.findings).toHaveLength(0);
    expect(report.coverage.notEvaluated[0]?.reason).not.toMatch(/behaviourBaseline/);
  });
});
