import { sharedMfaDevice } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const s = (accountId: string, mfaDeviceId: string, day = 3) => ({ type: 'session', at: `2025-03-0${day}T10:00:00Z`, accountId, mfaDeviceId });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sharedMfaDevice, {
  valid: [
    { name: 'one account, one phone', events: [s('jdoe', 'phone-1'), s('jdoe', 'phone-1', 4)] },
    { name: 'a person and their own admin twin', events: [s('jdoe', 'phone-1'), s('jdoe-admin', 'phone-1', 4)] },
    { name: 'two accounts on two phones', events: [s('jdoe', 'phone-1'), s('jane', 'phone-2')] },
  ],
  invalid: [
    {
      name: 'one phone approves three accounts',
      events: [s('andrew.m', 'phone-9'), s('a.miller', 'phone-9', 4), s('dev-ops-2', 'phone-9', 5)],
      findings: [{ messageId: 'shared', strength: 0.9, data: { mfaDevice: 'phone-9', count: 3, accounts: 'a.miller, andrew.m, dev-ops-2' }, evidence: ['e1', 'e2', 'e3'] }],
    },
    { name: 'two accounts is enough by default', events: [s('x', 'phone-9'), s('y', 'phone-9', 4)], findings: [{ messageId: 'shared', strength: 0.8 }] },
  ],
  notEvaluated: [{ name: 'no MFA device ids', events: [{ type: 'session', at: '2025-03-03T10:00:00Z', accountId: 'jdoe' }] }],
});
