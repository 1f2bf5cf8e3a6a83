import { intrusionActivity } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const sec = (category: string, fields: Record<string, unknown> = {}, at = '2025-03-20T10:00:00Z') => ({
  type: 'security',
  at,
  category,
  deviceId: 'mac-1',
  ...fields,
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(intrusionActivity, {
  valid: [
    { name: 'only unrelated detections', events: [sec('usb-device'), sec('remote-access-tool')] },
    {
      name: 'a penetration tester scanning',
      subject: { role: 'pentester' },
      events: [sec('port-scan'), sec('exploit-attempt')],
      options: { authorizedRoles: ['pentester'] },
    },
    { name: 'below the severity floor', events: [sec('port-scan', { severity: 'low' })], options: { minSeverity: 'medium' } },
  ],
  invalid: [
    {
      name: 'session-cookie theft and an internal scan',
      events: [
        sec('cookie-theft', { severity: 'high', detail: 'browser cookie store read by unsigned binary' }),
        sec('port-scan', { severity: 'medium' }, '2025-03-21T10:00:00Z'),
      ],
      findings: [
        { messageId: 'activity', strength: 1, data: { category: 'cookie-theft', detail: 'browser cookie store read by unsigned binary' }, evidence: ['e1'] },
        { messageId: 'activity', data: { category: 'port-scan' }, strength: [0.42, 0.43] },
      ],
    },
  ],
  notEvaluated: [{ name: 'no security events', missing: ['events[type=security]'] }],
});
