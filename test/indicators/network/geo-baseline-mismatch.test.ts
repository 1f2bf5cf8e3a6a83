import { geoBaselineMismatch } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 3, 14);
const iso = (ms: number): string => new Date(ms).toISOString();
const login = (d: number, network: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'session',
  at: iso(T0 + d * DAY),
  network,
  ...extra,
});
const claimUS = { identity: { residence: { country: 'US', city: 'Atlanta' } } };
const US = { country: 'US', city: 'Atlanta' };
const CN = { country: 'CN', city: 'Shenyang' };
const days = (n: number, network: Record<string, unknown>, from = 0, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => login(from + i, network, extra));

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(geoBaselineMismatch, {
  valid: [
    { name: 'home logins match the claim', subject: claimUS, events: days(20, US) },
    { name: 'a traveller abroad for a week', subject: claimUS, events: [...days(15, US), ...days(7, { country: 'DE' }, 15), ...days(5, US, 22)] },
    {
      name: 'an expat in Germany whose VPN exits elsewhere',
      subject: { identity: { residence: { country: 'DE' } } },
      events: [...days(12, { country: 'DE' }), ...days(12, { country: 'US', isVpn: true }, 12)],
    },
    {
      name: 'a geocoded home with nearby sign-ins',
      subject: { identity: { residence: { country: 'US', city: 'Atlanta', lat: 33.75, lon: -84.39 } } },
      events: days(20, { country: 'US', city: 'Marietta', lat: 33.95, lon: -84.55 }),
    },
    { name: 'too few logins to call a baseline', subject: claimUS, events: days(5, CN) },
    {
      name: 'a foreign start then the claimed country on managed devices (a relocation)',
      subject: claimUS,
      events: [...days(10, { country: 'GB' }), ...days(30, US, 10, { deviceManaged: true })],
    },
  ],
  invalid: [
    {
      name: 'a claimed Atlanta home, every sign-in from Nashville',
      subject: { identity: { residence: { country: 'US', region: 'GA', city: 'Atlanta', lat: 33.75, lon: -84.39 } } },
      events: [
        ...days(12, { country: 'US', region: 'TN', city: 'Nashville', lat: 36.16, lon: -86.78 }),
        ...days(2, { country: 'US', city: 'Atlanta', lat: 33.75, lon: -84.39 }, 12),
      ],
      findings: [
        {
          messageId: 'farFromHome',
          data: { share: 86, place: 'Nashville, TN, US', km: 345, home: 'Atlanta, GA, US' },
          evidence: ['subject-1', 'e1'],
          message: /Nashville, TN, US \(345 km away\)/,
        },
      ],
    },
    {
      name: 'most logins from another country',
      subject: claimUS,
      events: [...days(16, CN), ...days(4, US, 16)],
      findings: [
        { messageId: 'foreignBaseline', data: { share: 80, country: 'CN', claimed: 'US', logins: 20 }, evidence: ['subject-1', 'e1'], message: /CN.*US/ },
      ],
    },
    {
      name: 'a foreign baseline, then domestic IPs on an unmanaged device',
      subject: claimUS,
      events: [...days(10, CN), ...days(12, { country: 'US', city: 'Dallas' }, 10, { deviceManaged: false, deviceId: 'byod-1' })],
      findings: [{ messageId: 'shiftToClaimed', data: { country: 'CN', unmanaged: 12 }, evidence: ['e1', 'e11'] }],
    },
  ],
  notEvaluated: [
    { name: 'no claimed residence', events: days(20, CN), missing: ['identity.residence.country'] },
    { name: 'only VPN logins', subject: claimUS, events: days(20, { country: 'NL', isVpn: true }) },
  ],
});
