import { codeIntegrity } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const change = (fields: Record<string, unknown>, at = '2025-04-10T10:00:00Z') => ({
  type: 'code-change',
  at,
  repository: 'acme/payments',
  action: 'merge',
  ...fields,
});
const org = { organisation: { sensitivityTags: { valueMoving: ['treasury'] } } };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(codeIntegrity, {
  valid: [
    {
      name: 'a reviewed change to value-moving code, merged by its author',
      events: [change({ approvals: 1, selfMerged: true, tags: ['treasury'] })],
      reference: org,
    },
    { name: 'a routine change merged alone', events: [change({ approvals: 0, repository: 'acme/docs', tags: ['docs'] })] },
    {
      name: 'a pipeline change by the DevOps role',
      subject: { role: 'devops' },
      events: [change({ action: 'pipeline-change', repository: 'acme/infra' })],
      options: { pipelineOwnerRoles: ['devops'] },
    },
    {
      name: 'a pipeline change by a long-tenured engineer when no owners are listed',
      subject: { hiredAt: '2020-01-01T00:00:00Z' },
      events: [change({ action: 'pipeline-change' })],
    },
  ],
  invalid: [
    {
      name: 'self-approved and unreviewed merges to treasury code',
      events: [
        change({ approvals: 0, tags: ['treasury'], changeId: '#41' }),
        change({ approvals: 1, selfApproved: true, tags: ['Treasury'], changeId: '#42' }, '2025-04-11T10:00:00Z'),
      ],
      reference: org,
      findings: [
        {
          messageId: 'unreviewed',
          strength: 1,
          data: {
            count: 2,
            what: 'merges with no approving review and self-approved changes',
            sensitivity: 'sensitive',
            repository: 'acme/payments',
            first: '2025-04-10',
          },
          evidence: ['e1', 'e2'],
        },
      ],
    },
    {
      name: 'a direct push to a sensitive path, bypassing protection',
      events: [change({ action: 'direct-push', target: 'main', paths: ['contracts/Vault.sol'], protectionBypassed: true })],
      options: { sensitivePaths: ['contracts/'] },
      findings: [
        { messageId: 'bypass', strength: 0.9, data: { sensitivity: ' on sensitive code' } },
        { messageId: 'unreviewed', strength: 0.9, data: { what: 'direct pushes' } },
      ],
    },
    {
      name: 'a front-end developer changes the release workflow',
      subject: { role: 'frontend-developer' },
      events: [change({ approvals: 1, paths: ['.github/workflows/release.yml'] })],
      options: { pipelineOwnerRoles: ['devops'] },
      findings: [{ messageId: 'pipeline', strength: 0.6, data: { who: 'role frontend-developer, which does not own CI/CD' } }],
    },
    {
      name: 'a new hire changes CI secrets in the first weeks',
      subject: { lifecycle: { startDate: '2025-04-01' } },
      events: [change({ action: 'pipeline-change' })],
      findings: [{ messageId: 'pipeline', strength: 0.5, message: /new hire/ }],
    },
    {
      name: 'untagged unreviewed merges when asked, at a third',
      events: [change({ approvals: 0 })],
      options: { includeNonSensitive: true },
      findings: [{ messageId: 'unreviewed', strength: [0.26, 0.27], data: { sensitivity: 'untagged' } }],
    },
  ],
  notEvaluated: [{ name: 'no code changes', events: [{ type: 'session', at: '2025-04-10T10:00:00Z' }] }],
});
