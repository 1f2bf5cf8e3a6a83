import { identityRotation } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(identityRotation, {
  valid: [
    {
      name: 'one handle change after a marriage',
      subject: {
        profiles: [{ id: 'gh-1', platform: 'github', handle: 'jane-doe', previousHandles: [{ handle: 'jane-smith', changedAt: '2025-02-01T00:00:00Z' }] }],
      },
    },
    {
      name: 'old changes outside the window',
      subject: {
        profiles: [
          {
            id: 'gh-1',
            platform: 'github',
            previousHandles: [
              { handle: 'a', changedAt: '2019-01-01T00:00:00Z' },
              { handle: 'b', changedAt: '2020-01-01T00:00:00Z' },
            ],
          },
        ],
      },
    },
    {
      name: 'one handle change seen both in the handle history and as a profile-change event',
      subject: {
        profiles: [{ id: 'gh-1', platform: 'github', handle: 'jane-doe', previousHandles: [{ handle: 'jane-smith', changedAt: '2025-02-01T00:00:00Z' }] }],
      },
      events: [{ type: 'profile-change', at: '2025-02-01T09:00:00Z', field: 'handle', platform: 'github', from: 'Jane-Smith', to: 'jane-doe' }],
    },
    { name: 'an active profile', subject: { profiles: [{ id: 'gh-1', platform: 'github', status: 'active' }] } },
  ],
  invalid: [
    {
      name: 'handle changed twice and a name change event',
      subject: {
        profiles: [
          {
            id: 'gh-1',
            platform: 'github',
            handle: 'c',
            previousHandles: [
              { handle: 'a', changedAt: '2025-01-01T00:00:00Z' },
              { handle: 'b', changedAt: '2025-03-01T00:00:00Z' },
            ],
          },
        ],
      },
      events: [{ type: 'profile-change', at: '2025-04-01T00:00:00Z', field: 'name', from: 'Andrew Miller', to: 'Alex Moore' }],
      findings: [
        {
          messageId: 'changes',
          strength: 0.65,
          data: { count: 3 },
          message: /github handle a; github handle b; name Andrew Miller to Alex Moore/,
          evidence: ['gh-1', 'e1'],
        },
      ],
    },
    {
      name: 'a deleted profile',
      subject: { profiles: [{ id: 'li-1', platform: 'linkedin', handle: 'amiller', status: 'deleted' }] },
      findings: [{ messageId: 'removed', strength: 0.5, message: 'linkedin profile amiller was deleted', evidence: ['li-1'] }],
    },
  ],
  notEvaluated: [{ name: 'no profile history', subject: { profiles: [{ id: 'gh-1', platform: 'github' }] } }],
});
