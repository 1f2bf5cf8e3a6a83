import { unmanagedDevice } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 3, 14);
const iso = (ms: number): string => new Date(ms).toISOString();
const sessions = (n: number, fields: Record<string, unknown>, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ type: 'session', at: iso(T0 + (from + i) * DAY), ...fields }));
const managed = { deviceManaged: true, deviceCompliant: true, deviceId: 'mac-1' };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(unmanagedDevice, {
  valid: [
    { name: 'the managed laptop only', events: sessions(20, managed) },
    { name: 'a couple of phone logins among many', events: [...sessions(30, managed), ...sessions(2, { deviceManaged: false, deviceId: 'phone' }, 30)] },
    { name: 'BYOD allowed by policy', events: sessions(10, { deviceManaged: false, deviceCompliant: true }), options: { personalDevicesAllowed: true } },
    {
      name: 'an approved accommodation request',
      subject: { workArrangementRequests: [{ id: 'req-1', at: '2025-03-01T00:00:00Z', kind: 'personal-device', approved: true }] },
    },
  ],
  invalid: [
    {
      name: 'most sign-ins from an unmanaged device',
      events: [...sessions(5, managed), ...sessions(10, { deviceManaged: false, deviceId: 'byod-1' }, 5)],
      findings: [{ messageId: 'unmanagedSessions', data: { count: 10, total: 15, what: 'unmanaged devices', devices: 1 }, evidence: ['e6'], strength: [1, 1] }],
    },
    {
      name: 'under a BYOD policy only non-compliance is named as the reason',
      events: [...sessions(5, managed), ...sessions(10, { deviceManaged: false, deviceCompliant: false, deviceId: 'byod-1' }, 5)],
      options: { personalDevicesAllowed: true },
      findings: [{ messageId: 'unmanagedSessions', data: { count: 10, what: 'non-compliant devices' }, message: /came from non-compliant devices/ }],
    },
    {
      name: 'virtual desktop sign-ins',
      events: [...sessions(10, managed), ...sessions(4, { virtualDesktop: true }, 10)],
      findings: [{ messageId: 'unmanagedSessions', data: { what: 'virtual desktops' } }],
    },
    {
      name: 'asked to work from a personal laptop',
      subject: { workArrangementRequests: [{ id: 'req-1', at: '2025-03-01T00:00:00Z', kind: 'personal-device', reason: 'company laptop is slow' }] },
      findings: [{ messageId: 'request', evidence: ['req-1'], message: /personal device \("company laptop is slow"\)/ }],
    },
    {
      name: 'the device checks in non-compliant',
      events: [{ type: 'device-checkin', at: iso(T0), deviceId: 'mac-1', managed: true, compliant: false }],
      findings: [{ messageId: 'checkin', data: { state: 'non-compliant' } }],
    },
  ],
  notEvaluated: [{ name: 'no device state anywhere', events: [{ type: 'session', at: iso(T0) }] }],
});
