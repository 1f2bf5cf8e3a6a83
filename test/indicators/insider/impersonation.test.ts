import { impersonation } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const signIn = (accountId: string, at = '2025-03-10T09:00:00Z', extra: Record<string, unknown> = {}) => ({ type: 'session', at, accountId, ...extra });
const supervisor = { id: 'boss', accounts: [{ system: 'okta', accountId: 'm.jones' }] };
const devices = {
  organisation: {
    devices: [
      { deviceId: 'LAP-BOSS', subjectId: 'boss', handover: 'shipped' },
      { deviceId: 'lab-7', subjectId: 'boss', handover: 'lab' },
    ],
  },
};

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(impersonation, {
  valid: [
    {
      name: 'signs in to their own account and laptop',
      subject: { accounts: [{ system: 'okta', accountId: 'a.smith' }] },
      events: [signIn('a.smith', '2025-03-10T09:00:00Z', { deviceId: 'lap-own' })],
      population: { subjects: [supervisor] },
      reference: devices,
    },
    {
      name: 'a shared lab login held by both',
      subject: { accounts: [{ system: 'okta', accountId: 'lab-user', kind: 'shared' }] },
      events: [signIn('lab-user')],
      population: {
        subjects: [
          {
            id: 'boss',
            accounts: [
              { system: 'okta', accountId: 'lab-user', kind: 'shared' },
              { system: 'okta', accountId: 'm.jones' },
            ],
          },
        ],
      },
    },
    {
      name: 'a shared lab computer',
      events: [signIn('a.smith', '2025-03-10T09:00:00Z', { deviceId: 'lab-7' })],
      population: { subjects: [supervisor] },
      reference: devices,
    },
    {
      name: "IT support signs in to a colleague's laptop",
      subject: { role: 'it-support' },
      events: [signIn('a.smith', '2025-03-10T09:00:00Z', { deviceId: 'lap-boss' })],
      population: { subjects: [supervisor] },
      reference: devices,
      options: { deviceExemptRoles: ['it-support'] },
    },
    {
      name: 'a failed attempt at another account',
      events: [signIn('m.jones', '2025-03-10T09:00:00Z', { result: 'failure' })],
      population: { subjects: [supervisor] },
    },
    {
      name: 'a token-replay detection reviewed as safe',
      events: [{ type: 'identity-risk', at: '2025-03-10T09:00:00Z', detection: 'token-replay', state: 'confirmed-safe' }],
    },
  ],
  invalid: [
    {
      name: "the administrator logs in as the supervisor on the supervisor's laptop",
      subject: { accounts: [{ system: 'okta', accountId: 'a.smith' }] },
      events: [
        signIn('a.smith'),
        signIn('M.Jones', '2025-03-12T22:00:00Z', { deviceId: 'lap-boss' }),
        signIn('m.jones', '2025-03-13T22:00:00Z', { signInKind: 'token-refresh' }),
      ],
      population: { subjects: [supervisor] },
      reference: devices,
      findings: [
        { messageId: 'otherAccount', strength: 0.9, data: { count: 2, account: 'm.jones', holders: 'boss', first: '2025-03-12' }, evidence: ['e2', 'e3'] },
        { messageId: 'otherDevice', strength: 0.7, data: { count: 1, deviceId: 'lap-boss', holder: 'boss' }, evidence: ['e2'] },
      ],
    },
    {
      name: "only token refreshes on another person's account",
      events: [signIn('m.jones', '2025-03-12T22:00:00Z', { signInKind: 'token-refresh' })],
      population: { subjects: [supervisor] },
      findings: [{ messageId: 'otherAccount', strength: 0.6 }],
    },
    {
      name: 'session-cookie replay confirmed as compromise',
      events: [
        { type: 'identity-risk', at: '2025-03-10T09:00:00Z', detection: 'session-cookie-replay', state: 'at-risk' },
        {
          type: 'identity-risk',
          at: '2025-03-11T09:00:00Z',
          detection: 'session-cookie-replay',
          state: 'confirmed-compromised',
          vendorDetection: 'okta.session.hijack',
        },
      ],
      findings: [{ messageId: 'replay', strength: 1, data: { count: 2, detection: 'session-cookie-replay', first: '2025-03-10' }, evidence: ['e1', 'e2'] }],
    },
  ],
  notEvaluated: [{ name: 'no holders, no assignments, no risk events', events: [signIn('a.smith')] }],
});
