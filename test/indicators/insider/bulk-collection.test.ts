import { bulkCollection } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 3, 10);
const iso = (ms: number): string => new Date(ms).toISOString();
const MB = 1e6;
/** One clone a day of `mb` megabytes for `days` days. */
const daily = (days: number, mb: number, subjectId?: string, from = 0) =>
  Array.from({ length: days }, (_, i) => ({
    type: 'data-access',
    at: iso(T0 + (from + i) * DAY),
    resource: `repo-${i % 3}`,
    action: 'clone',
    volumeBytes: mb * MB,
    ...(subjectId !== undefined ? { subjectId, id: `${subjectId}-e${i}` } : {}),
  }));
const spike = (mb: number, day: number) => ({
  type: 'data-access',
  at: iso(T0 + day * DAY + 3_600_000),
  resource: 'monorepo',
  action: 'export',
  volumeBytes: mb * MB,
});
const dev = { role: 'backend-developer', hiredAt: '2025-03-01T00:00:00Z' };
const peers = {
  subjects: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, role: 'backend-developer' })),
  events: ['p1', 'p2', 'p3', 'p4'].flatMap((id, k) => daily(10, 100 + 20 * k, id)),
};

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(bulkCollection, {
  valid: [
    { name: 'steady daily clones', subject: dev, events: daily(20, 200) },
    { name: 'a big day that is still small in absolute terms', subject: dev, events: [...daily(10, 10), spike(400, 12)] },
    { name: 'reads are not collection', subject: dev, events: daily(10, 100).map((e) => ({ ...e, action: 'read', volumeBytes: 50_000 * MB })) },
    { name: 'a peak in line with role peers', subject: dev, events: daily(3, 150), population: peers },
    {
      name: 'peers with no collection data are not a zero baseline',
      subject: dev,
      events: daily(3, 900),
      population: { subjects: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, role: 'backend-developer' })), events: [] },
    },
    {
      name: 'peers whose logs carry no volumes are not a zero byte baseline',
      subject: dev,
      events: daily(3, 900),
      population: {
        subjects: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, role: 'backend-developer' })),
        events: ['q1', 'q2', 'q3', 'q4'].flatMap((id) => daily(5, 0, id).map(({ volumeBytes: _v, ...e }) => e)),
      },
    },
    {
      name: 'days without a logged volume are not zero-byte days in the own baseline',
      subject: dev,
      events: [...daily(10, 0).map(({ volumeBytes: _v, ...e }) => e), spike(2_000, 12)],
    },
    {
      name: 'a caller baseline for a heavy role',
      subject: { ...dev, role: 'data-engineer' },
      events: daily(3, 20_000),
      reference: { collectionBaselines: { 'data-engineer': { dailyBytes: 50e9 } } },
    },
  ],
  invalid: [
    {
      name: 'a tenfold export day in the second week',
      subject: dev,
      events: [...daily(10, 100), spike(20_000, 12)],
      findings: [
        {
          messageId: 'ownBaseline',
          data: { day: '2025-03-15', peak: '20 GB', unit: 'bytes', factor: 200, baseline: '100 MB' },
          strength: [0.99, 1],
          message: /20 GB.*14 days into the tenure/,
          evidence: ['e11'],
        },
      ],
    },
    {
      name: 'far above the role peers in the batch',
      subject: dev,
      events: daily(3, 5_000),
      population: peers,
      findings: [
        {
          messageId: 'peerBaseline',
          data: { role: 'backend-developer', source: 'median of 4 peers in this batch', baseline: '130 MB' },
          evidence: ['e1', 'subject-1'],
        },
      ],
    },
    {
      name: 'far above a caller-supplied role baseline, late in tenure',
      subject: { role: 'analyst', hiredAt: '2019-01-01T00:00:00Z' },
      events: daily(2, 9_000),
      reference: { collectionBaselines: { analyst: { dailyBytes: 1e9 } } },
      findings: [{ messageId: 'peerBaseline', data: { source: 'caller baseline', factor: 9, early: '' }, strength: [0.55, 0.6] }],
    },
  ],
  notEvaluated: [{ name: 'no data access', subject: dev }],
});
