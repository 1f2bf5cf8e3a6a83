import { describe, expect, it } from 'vitest';
import { overemployment } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const hired = { hiredAt: '2025-01-06T00:00:00Z' };
const log = (at: string, end: string, engagement: string) => ({ type: 'worklog', at, end, hours: (Date.parse(end) - Date.parse(at)) / 3_600_000, engagement });
const cal = (at: string, conflict?: string) => ({ type: 'calendar', at, end: at.replace('T10', 'T11'), ...(conflict !== undefined ? { conflict } : {}) });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(overemployment, {
  valid: [
    {
      name: 'a second job approved by the conflict-of-interest review',
      subject: {
        ...hired,
        engagements: [{ id: 'eng-2', organisation: 'Globex', start: '2024-06', hoursPerWeek: 30, conflictReview: { outcome: 'approved', reviewedBy: 'hr-9' } }],
      },
    },
    {
      name: 'a disclosed side job',
      subject: { ...hired, engagements: [{ id: 'eng-1', organisation: 'Acme', start: '2024-06', hoursPerWeek: 40, source: 'declared' }] },
    },
    { name: 'a small side gig', subject: { ...hired, engagements: [{ id: 'eng-1', organisation: 'Acme', start: '2024-06', hoursPerWeek: 5 }] } },
    {
      name: 'a previous job that ended before the start',
      subject: { ...hired, engagements: [{ id: 'eng-1', organisation: 'Acme', start: '2022', end: '2024-12' }] },
    },
    { name: 'one calendar clash', events: [cal('2025-02-03T10:00:00Z', 'standup at OtherCorp'), cal('2025-02-04T10:00:00Z')] },
    {
      name: 'back-to-back logs on two engagements',
      events: [log('2025-02-03T09:00:00Z', '2025-02-03T13:00:00Z', 'a'), log('2025-02-03T13:00:00Z', '2025-02-03T17:00:00Z', 'b')],
    },
  ],
  invalid: [
    {
      name: 'an undisclosed full-time job during the tenure',
      subject: { ...hired, engagements: [{ id: 'eng-1', organisation: 'OtherCorp', start: '2025-02', hoursPerWeek: 40, source: 'employment-verification' }] },
      findings: [{ messageId: 'engagement', strength: 1, data: { organisation: 'OtherCorp', from: '2025-02-01' }, evidence: ['eng-1', 'subject-1'] }],
    },
    {
      name: 'repeated clashes with another employer',
      events: [
        cal('2025-02-03T10:00:00Z', 'sprint review at OtherCorp'),
        cal('2025-02-05T10:00:00Z', 'OtherCorp 1:1'),
        cal('2025-02-07T10:00:00Z', 'OtherCorp demo'),
      ],
      findings: [{ messageId: 'calendarConflicts', data: { count: 3, example: 'sprint review at OtherCorp' }, strength: 0.5, evidence: ['e1', 'e2', 'e3'] }],
    },
    {
      // Two overlapping client-b entries (a double import) cover 10:00-12:00 once: two hours, not 2.5.
      name: 'overlapping logs of one engagement count the shared stretch once',
      events: [
        log('2025-02-03T09:00:00Z', '2025-02-03T17:00:00Z', 'client-a'),
        log('2025-02-03T10:00:00Z', '2025-02-03T11:00:00Z', 'client-b'),
        log('2025-02-03T10:30:00Z', '2025-02-03T12:00:00Z', 'client-b'),
      ],
      options: { minOverlapHours: 1 },
      findings: [{ messageId: 'doubleBilling', data: { hours: 2, first: 'client-a', second: 'client-b' }, evidence: ['e1', 'e2', 'e3'] }],
    },
    {
      name: 'hours billed to two clients at once',
      events: [log('2025-02-03T09:00:00Z', '2025-02-03T17:00:00Z', 'client-a'), log('2025-02-03T10:00:00Z', '2025-02-03T18:00:00Z', 'client-b')],
      findings: [{ messageId: 'doubleBilling', data: { hours: 7, first: 'client-a', second: 'client-b' }, evidence: ['e1', 'e2'] }],
    },
  ],
  notEvaluated: [{ name: 'nothing to compare', subject: hired }],
});

describe('activity/overemployment mitigation', () => {
  it('lists the approved outside engagement as what silenced the overlap', () => {
    const { report } = evaluateCase(
      overemployment,
      {
        subject: {
          ...hired,
          engagements: [
            {
              id: 'eng-2',
              organisation: 'Globex',
              start: '2024-06',
              hoursPerWeek: 30,
              disclosed: true,
              conflictReview: { outcome: 'approved', reviewedBy: 'hr-9' },
            },
          ],
        },
      },
      { asOf: '2025-06-01T00:00:00Z' },
    );
    expect(report.findings).toEqual([]);
    expect(report.mitigations).toMatchObject([
      {
        messageId: 'overlappingEngagement',
        effect: 'silenced',
        mitigatedBy: [{ recordId: 'eng-2', field: 'engagements', explains: 'disclosed outside engagement with Globex, conflict review approved by hr-9' }],
      },
    ]);
  });

  it('an engagement discovered by verification is not disclosed, whatever its source says', () => {
    const { findings } = evaluateCase(
      overemployment,
      {
        subject: {
          ...hired,
          engagements: [{ id: 'eng-3', organisation: 'Initech', start: '2024-06', hoursPerWeek: 40, source: 'declared', disclosed: false }],
        },
      },
      { asOf: '2025-06-01T00:00:00Z' },
    );
    expect(findings.map((f) => f.messageId)).toEqual(['engagement']);
  });
});
