import { describe, expect, it } from 'vitest';
import { exitWindow } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';
import { sessions, usbCopies, weekdays } from './history';

// Notice on 2025-05-10, last day 2025-05-30: the window runs from 2025-04-30 (30 days before the end).
const leaving = { lifecycle: { status: 'on-notice', noticeDate: '2025-05-10', endDate: '2025-05-30' } };
const history = sessions(weekdays('2024-11-04', '2025-05-30'), 10);
const monthly = usbCopies(['2024-12-02', '2025-01-06', '2025-02-03', '2025-03-03', '2025-04-01'], {}, 'm');
const burst = usbCopies(weekdays('2025-05-12', '2025-05-23'), { file: { name: 'designs.zip', sizeBytes: 200_000_000 } }, 'b');
const jobBoard = [
  { type: 'web', at: '2025-04-10T12:00:00Z', action: 'visit', category: 'job-board', host: 'jobs.example' },
  { type: 'web', at: '2025-04-11T12:00:00Z', action: 'visit', category: 'job-board', host: 'jobs.example' },
];

new IndicatorTester({ asOf: '2025-06-15T00:00:00Z' }).run(exitWindow, {
  valid: [
    { name: 'a leaver who copies no more than usual', subject: leaving, events: [...history, ...usbCopies(weekdays('2024-11-04', '2025-05-29'))] },
    { name: 'job-board browsing alone is context, never a finding', subject: leaving, events: [...history, ...jobBoard] },
    {
      name: 'copies covered by a documented removable-media exception (handover to the successor)',
      subject: {
        ...leaving,
        exceptions: [
          { id: 'x-handover', kind: 'removable-media', validFrom: '2025-05-01T00:00:00Z', validUntil: '2025-05-30T00:00:00Z', approvedBy: 'manager-3' },
        ],
      },
      events: [...history, ...monthly, ...burst],
    },
  ],
  invalid: [
    {
      name: 'ten copies in the window against one a month before',
      subject: leaving,
      events: [...history, ...monthly, ...burst],
      findings: [
        {
          messageId: 'channel',
          strength: [0.6, 0.8],
          data: { count: 10, channel: 'copies to removable media', volume: '2 GB', from: '2025-04-30', context: '' },
        },
      ],
    },
    {
      name: 'job-board browsing before the window raises the same finding',
      subject: leaving,
      events: [...history, ...monthly, ...burst, ...jobBoard],
      findings: [{ messageId: 'channel', strength: [0.75, 0.95], data: { context: '; 2 job-board visits before or during it' } }],
    },
    {
      name: 'uploads to a leak site and mail to the personal address, never done before',
      subject: leaving,
      events: [
        ...history,
        { type: 'web', at: '2025-05-20T21:00:00Z', action: 'upload', category: 'leak-site', bytesOut: 3e9 },
        { type: 'web', at: '2025-05-21T21:00:00Z', action: 'upload', category: 'file-sharing', bytesOut: 1e9 },
        { type: 'email', at: '2025-05-22T21:00:00Z', toOwnPersonalAddress: true, attachmentCount: 3, attachmentBytes: 2e7 },
        { type: 'email', at: '2025-05-23T21:00:00Z', toOwnPersonalAddress: true, attachmentCount: 1 },
      ],
      findings: [
        { messageId: 'channel', strength: [0.79, 0.81], data: { channel: 'uploads to file-sharing, cloud, paste or leak sites', volume: '4 GB' } },
        { messageId: 'channel', strength: [0.59, 0.61], data: { channel: "e-mails to the person's own personal address" } },
      ],
    },
    {
      name: 'the account is used after the end date, then an extortion report',
      subject: { lifecycle: { status: 'terminated', endDate: '2025-05-15', endReason: 'termination-for-cause' } },
      events: [
        ...sessions(weekdays('2025-01-06', '2025-05-15'), 10),
        { type: 'session', at: '2025-05-20T03:00:00Z' },
        { type: 'security', at: '2025-06-01T09:00:00Z', category: 'extortion', severity: 'critical', detail: 'ransom e-mail citing source code' },
      ],
      findings: [
        { messageId: 'extortion', strength: 1, data: { date: '2025-06-01', after: 'the end date', milestone: '2025-05-15' } },
        { messageId: 'afterEnd', strength: 0.7, data: { count: 1, end: '2025-05-15', last: '2025-05-20' } },
      ],
    },
  ],
  notEvaluated: [
    { name: 'no lifecycle', events: history, missing: ['lifecycle.endDate', 'lifecycle.noticeDate'] },
    {
      name: 'job-board browsing by someone who is not leaving gives no exit window',
      subject: { lifecycle: { status: 'active', startDate: '2023-01-01' } },
      events: [...history, ...jobBoard],
    },
  ],
});

describe('insider/exit-window mitigation', () => {
  it('lists the handover exception as what silenced the removable-media channel', () => {
    const { report } = evaluateCase(
      exitWindow,
      {
        subject: { ...leaving, exceptions: [{ id: 'x-handover', kind: 'removable-media', validFrom: '2025-05-01T00:00:00Z', approvedBy: 'manager-3' }] },
        events: [...history, ...monthly, ...burst],
      },
      { asOf: '2025-06-15T00:00:00Z' },
    );
    expect(report.mitigations.map((m) => [m.messageId, m.effect, m.mitigatedBy.map((b) => b.recordId)])).toEqual([['channel', 'silenced', ['x-handover']]]);
    expect(report.mitigations[0]?.mitigatedBy[0]?.explains).toMatch(/approved by manager-3/);
  });
});
