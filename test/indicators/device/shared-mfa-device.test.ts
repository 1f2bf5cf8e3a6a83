import { sharedMfaDevice } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const mfa = (accountId: string, authenticatorId: string, day = 3) => ({
  type: 'session',
  at: `2025-03-0${day}T10:00:00Z`,
  accountId,
  mfa: { method: 'push', authenticatorId, approvedAt: `2025-03-0${day}T10:00:05Z` },
});
const s = (accountId: string, mfaDeviceId: string, day = 3) => ({ type: 'session', at: `2025-03-0${day}T10:00:00Z`, accountId, mfaDeviceId });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sharedMfaDevice, {
  valid: [
    { name: 'one account, one phone', events: [s('jdoe', 'phone-1'), s('jdoe', 'phone-1', 4)] },
    { name: 'a person and their own admin twin', events: [s('jdoe', 'phone-1'), s('jdoe-admin', 'phone-1', 4)] },
    { name: 'two accounts on two phones', events: [s('jdoe', 'phone-1'), s('jane', 'phone-2')] },
    {
      name: 'MFA detail names one authenticator per account',
      events: [
        mfa('jdoe', 'key-1'),
        mfa('jane', 'key-2', 4),
        { type: 'authenticator-registration', at: '2025-03-02T10:00:00Z', accountId: 'jdoe', action: 'registered', authenticatorId: 'key-1' },
      ],
    },
    {
      name: 'an authenticator removed from one account is not a use of it',
      events: [
        mfa('jdoe', 'key-1'),
        { type: 'authenticator-registration', at: '2025-03-05T10:00:00Z', accountId: 'jane', action: 'removed', authenticatorId: 'key-1' },
      ],
    },
  ],
  invalid: [
    {
      name: 'one phone approves three accounts',
      events: [s('andrew.m', 'phone-9'), s('a.miller', 'phone-9', 4), s('dev-ops-2', 'phone-9', 5)],
      findings: [
        {
          messageId: 'shared',
          strength: 0.9,
          data: { mfaDevice: 'phone-9', count: 3, accounts: 'a.miller, andrew.m, dev-ops-2' },
          evidence: ['e1', 'e2', 'e3'],
        },
      ],
    },
    {
      name: 'one authenticator in the MFA detail approves two accounts',
      events: [mfa('jdoe', 'phone-9'), mfa('dev-ops-2', 'phone-9', 4)],
      findings: [{ messageId: 'shared', data: { mfaDevice: 'phone-9', count: 2 }, evidence: ['e1', 'e2'] }],
    },
    {
      name: 'an authenticator registered on a second account',
      events: [
        mfa('jdoe', 'phone-9'),
        { type: 'authenticator-registration', at: '2025-03-05T10:00:00Z', accountId: 'contractor-7', action: 'registered', authenticatorId: 'phone-9' },
      ],
      findings: [{ messageId: 'shared', data: { count: 2, accounts: 'contractor-7, jdoe' } }],
    },
    { name: 'two accounts is enough by default', events: [s('x', 'phone-9'), s('y', 'phone-9', 4)], findings: [{ messageId: 'shared', strength: 0.8 }] },
  ],
  notEvaluated: [{ name: 'no MFA device ids', events: [{ type: 'session', at: '2025-03-03T10:00:00Z', accountId: 'jdoe' }] }],
});
