import { exfiltrationToPersonal } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const push = (resource: string, destination: Record<string, unknown>, fields: Record<string, unknown> = {}) => ({
  type: 'data-access',
  at: '2025-03-20T10:00:00Z',
  resource,
  action: 'push',
  destination,
  ...fields,
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(exfiltrationToPersonal, {
  valid: [
    { name: 'pushes to the corporate host', events: [push('app', { kind: 'corporate', host: 'github.com/acme' })] },
    {
      name: 'an approved personal-fork host',
      events: [push('oss-lib', { kind: 'personal-repo', host: 'gitlab.example.org' })],
      options: { allowedHosts: ['gitlab.example.org'] },
    },
    { name: 'unknown destinations are missing data', events: [push('app', { kind: 'unknown' })] },
  ],
  invalid: [
    {
      name: 'company repositories pushed to a personal GitHub',
      events: [
        push('payments-core', { kind: 'personal-repo', host: 'github.com', url: 'https://github.com/devstar/pc' }),
        push('auth-service', { kind: 'personal-repo', host: 'github.com' }),
      ],
      findings: [
        {
          messageId: 'copies',
          strength: 0.5,
          data: { count: 2, resources: 2, destination: 'personal repositories', hosts: ' (github.com)' },
          evidence: ['e1', 'e2'],
        },
      ],
    },
    {
      // 0.4 base + 0.3 for 30 GB; a "public" tag is no sensitive technology and adds nothing.
      name: 'data tagged only as public weighs no more than untagged data',
      events: [push('designs', { kind: 'personal-cloud', host: 'drive.example.com' }, { action: 'sync', volumeBytes: 30e9, tags: ['public', 'docs'] })],
      findings: [{ messageId: 'copies', strength: [0.69, 0.71] }],
    },
    {
      name: 'tagged data synced to personal cloud in volume',
      events: [push('designs', { kind: 'personal-cloud', host: 'drive.example.com' }, { action: 'sync', volumeBytes: 30e9, tags: ['energy'] })],
      findings: [{ messageId: 'copies', strength: [0.89, 0.91], data: { volume: '30 GB in all' }, message: /personal cloud storage/ }],
    },
  ],
  notEvaluated: [{ name: 'no destinations recorded', events: [{ type: 'data-access', at: '2025-03-20T10:00:00Z', resource: 'app', action: 'read' }] }],
});
