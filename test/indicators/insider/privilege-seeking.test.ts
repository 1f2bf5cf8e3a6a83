import { privilegeSeeking } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const newHire = { role: 'frontend-developer', hiredAt: '2025-03-01T00:00:00Z' };
const priv = (privilege: string, action: string, fields: Record<string, unknown> = {}) => ({
  type: 'privilege',
  at: '2025-03-10T10:00:00Z',
  privilege,
  action,
  ...fields,
});
const edit = (files: string[], at = '2025-03-12T10:00:00Z') => ({ type: 'data-access', at, resource: 'acme/web', action: 'modify', files });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(privilegeSeeking, {
  valid: [
    { name: 'ordinary code edits', subject: newHire, events: [edit(['src/app.tsx', 'src/index.css'])] },
    {
      name: 'a release engineer asks to publish',
      subject: { ...newHire, role: 'release-engineer' },
      events: [priv('publish', 'request')],
      options: { rolePrivileges: { 'release-engineer': ['publish', 'sign'] } },
    },
    { name: 'a grant after the first weeks is not seeking', subject: newHire, events: [priv('admin', 'grant', { at: '2025-05-10T10:00:00Z' })] },
    {
      name: 'an early grant of a privilege the role holds',
      subject: { ...newHire, role: 'sre' },
      events: [priv('admin', 'grant')],
      options: { rolePrivileges: { sre: ['admin'] } },
    },
    { name: 'an early grant with no known start', subject: { role: 'frontend-developer' }, events: [priv('admin', 'grant')] },
    {
      name: 'CI edits by a long-tenured engineer',
      subject: { ...newHire, hiredAt: '2020-01-01T00:00:00Z' },
      events: [edit(['.github/workflows/release.yml'])],
    },
  ],
  invalid: [
    {
      name: 'admin rights granted nine days in, by the manager',
      subject: newHire,
      events: [priv('admin', 'grant', { resource: 'aws-prod', grantor: 'mgr-1' }), priv('admin', 'grant', { at: '2025-03-11T10:00:00Z', resource: 'gcp' })],
      findings: [
        { messageId: 'earlyGrant', strength: 0.33, data: { privilege: 'admin', days: 9, resource: ' on aws-prod', grantor: ', by mgr-1' }, evidence: ['e1'] },
      ],
    },
    {
      name: 'a self-granted secrets role in the first week, tenure given by the source',
      subject: { role: 'analyst', lifecycle: { startDate: '2025-03-01' }, accounts: [{ system: 'okta', accountId: 'j.doe' }] },
      events: [priv('secrets', 'grant', { tenureDaysAtGrant: 4, grantor: 'J.Doe', role: 'Key Vault Administrator' })],
      findings: [{ messageId: 'earlyGrant', strength: 0.9, data: { days: 4, grantor: ', self-granted' } }],
    },
    {
      name: 'a new front-end developer asks to become a multisig signer and tries admin',
      subject: newHire,
      events: [priv('multisig-signer', 'request', { resource: 'treasury-safe' }), priv('admin', 'attempt', { granted: false })],
      findings: [
        { messageId: 'privilege', data: { privilege: 'admin', actions: 'attempts' }, strength: 0.36 },
        {
          messageId: 'privilege',
          data: { privilege: 'multisig-signer', resource: ' on treasury-safe', role: 'frontend-developer' },
          strength: 0.36,
          evidence: ['e1'],
        },
      ],
    },
    {
      name: 'an administrator grants themself signing and secrets rights years into the tenure',
      subject: { role: 'Administrator', hiredAt: '2020-01-06T00:00:00Z', accounts: [{ system: 'okta', accountId: 'adm-7' }] },
      events: [
        priv('secrets', 'grant', { at: '2025-05-27T21:00:00Z', resource: 'vault/prod', grantor: 'ADM-7' }),
        priv('secrets', 'grant', { at: '2025-05-28T21:00:00Z', resource: 'vault/dr', grantor: 'adm-7' }),
        priv('publish', 'grant', { at: '2025-05-28T22:00:00Z', grantor: 'it-manager' }),
        priv('other', 'grant', { at: '2025-05-29T22:00:00Z', grantor: 'adm-7' }),
      ],
      findings: [
        {
          messageId: 'selfGrant',
          strength: 0.85,
          data: { count: 2, privilege: 'secrets', resource: ' on vault/dr, vault/prod', role: 'Administrator', first: '2025-05-27' },
          evidence: ['e1', 'e2'],
        },
      ],
    },
    {
      name: 'a new hire edits the release workflow and the lockfile',
      subject: newHire,
      events: [edit(['.github/workflows/release.yml', 'package.json']), edit(['Jenkinsfile'], '2025-03-13T10:00:00Z')],
      findings: [
        { messageId: 'pipelineEdit', data: { count: 2, files: '.github/workflows/release.yml, Jenkinsfile' }, strength: 0.36, evidence: ['e1', 'e2'] },
        { messageId: 'manifestEdit', data: { count: 1, files: 'package.json' }, strength: 0.12 },
      ],
    },
  ],
  notEvaluated: [{ name: 'nothing to read', subject: { role: 'x' }, events: [edit(['a.ts'])] }],
});
