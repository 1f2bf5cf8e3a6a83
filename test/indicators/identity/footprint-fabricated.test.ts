import { footprintFabricated } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const github = (extra: Record<string, unknown>) => ({ id: 'gh-1', platform: 'github', handle: 'devstar', ...extra });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(footprintFabricated, {
  valid: [
    {
      name: 'old code re-uploaded a few months before the account (within tolerance)',
      subject: { profiles: [github({ createdAt: '2020-01-01T00:00:00Z', earliestActivityAt: '2019-06-01T00:00:00Z' })] },
    },
    {
      name: 'a senior engineer with a long-standing profile',
      subject: {
        appliedAt: '2025-05-01T00:00:00Z',
        employment: [{ id: 'j1', organisation: 'Acme', start: '2012' }],
        profiles: [github({ createdAt: '2013-01-01T00:00:00Z' })],
      },
    },
    {
      name: 'a junior with a new profile',
      subject: {
        appliedAt: '2025-05-01T00:00:00Z',
        employment: [{ id: 'j1', organisation: 'Acme', start: '2023' }],
        profiles: [github({ createdAt: '2025-01-01T00:00:00Z' })],
      },
    },
  ],
  invalid: [
    {
      name: 'account created years after its first commits',
      subject: { profiles: [github({ createdAt: '2024-11-01T00:00:00Z', earliestActivityAt: '2018-03-01T00:00:00Z' })] },
      findings: [
        { messageId: 'backdated', strength: [0.9, 1], data: { handle: 'devstar', createdAt: '2024-11-01', earliestAt: '2018-03-01' }, evidence: ['gh-1'] },
      ],
    },
    {
      name: 'twelve years claimed, every profile months old',
      subject: {
        appliedAt: '2025-05-01T00:00:00Z',
        employment: [
          { id: 'j1', organisation: 'Acme', start: '2012-03' },
          { id: 'j2', organisation: 'Globex', start: '2018' },
        ],
        profiles: [github({ createdAt: '2025-02-01T00:00:00Z' }), { id: 'li-1', platform: 'linkedin', createdAt: '2025-01-15T00:00:00Z' }],
      },
      findings: [{ messageId: 'thin', strength: 0.5, data: { profiles: 'github devstar, linkedin li-1' }, evidence: ['j1', 'gh-1', 'li-1'] }],
    },
  ],
  notEvaluated: [{ name: 'no profiles with a creation date', subject: { profiles: [{ id: 'gh-1', platform: 'github' }] }, missing: ['profiles[].createdAt'] }],
});
