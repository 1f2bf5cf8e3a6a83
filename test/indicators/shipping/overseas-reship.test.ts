import { overseasReship } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const shipment = (extra: Record<string, unknown> = {}) => ({
  shipments: [{ id: 'ship-1', serial: 'C02XYZ', deviceId: 'mac-1', address: { city: 'Nashville', region: 'TN', country: 'US' }, ...extra }],
});
const checkin = (at: string, network: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'device-checkin',
  at,
  deviceId: 'mac-1',
  ip: '203.0.113.5',
  network,
  ...extra,
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(overseasReship, {
  valid: [
    { name: 'device checks in at home', subject: shipment(), events: [checkin('2025-05-15T00:00:00Z', { country: 'US', city: 'Nashville' })] },
    {
      name: 'a legitimate VPN user: the VPN exit abroad is skipped, the first located check-in is home',
      subject: shipment(),
      events: [
        checkin('2025-05-15T00:00:00Z', { country: 'NL', isVpn: true, vpnProvider: 'Corporate VPN' }),
        checkin('2025-05-16T00:00:00Z', { country: 'US', city: 'Nashville' }),
        checkin('2025-05-20T00:00:00Z', { country: 'MX', city: 'Cancún' }),
      ],
    },
    {
      name: 'a redirect abroad dated after the point in time scored is not seen',
      subject: shipment({ changeRequests: [{ at: '2025-07-12T00:00:00Z', address: { city: 'Toronto', country: 'CA' } }] }),
    },
    {
      name: 'a change request inside the same country',
      subject: shipment({ changeRequests: [{ at: '2025-05-12T00:00:00Z', address: { city: 'Memphis', country: 'US' } }] }),
    },
    { name: 'another device checking in abroad', subject: shipment(), events: [checkin('2025-05-15T00:00:00Z', { country: 'CN' }, { deviceId: 'other' })] },
  ],
  invalid: [
    {
      name: 'first check-in from abroad',
      subject: shipment(),
      events: [checkin('2025-05-15T00:00:00Z', { country: 'CN', city: 'Dandong' }), checkin('2025-05-16T00:00:00Z', { country: 'US' })],
      findings: [
        {
          messageId: 'checkinAbroad',
          strength: 0.9,
          message: 'Device C02XYZ shipped to Nashville, TN, US first checked in from Dandong, CN on 2025-05-15',
          evidence: ['e1', 'ship-1'],
        },
      ],
    },
    {
      name: 'matched by serial when the device id differs',
      subject: shipment({ deviceId: undefined }),
      events: [checkin('2025-05-15T00:00:00Z', { country: 'GB', city: 'London' }, { deviceId: 'mdm-77', serial: 'C02XYZ' })],
      findings: [{ messageId: 'checkinAbroad', data: { checkinPlace: 'London, GB' } }],
    },
    {
      name: 'shipped to a freight forwarder',
      subject: shipment({ forwarder: true, address: { city: 'Portland', region: 'OR', country: 'US' } }),
      findings: [{ messageId: 'forwarder', strength: 1, message: 'Shipment ship-1 went to a freight forwarder in Portland, OR, US' }],
    },
    {
      name: 'redirected abroad',
      subject: shipment({ changeRequests: [{ at: '2025-05-12T00:00:00Z', address: { city: 'Shenyang', country: 'CN' } }] }),
      findings: [{ messageId: 'redirectedAbroad', strength: 0.9, data: { to: 'Shenyang, CN' } }],
    },
    {
      name: 'VPN check-ins count when the option is off',
      subject: shipment(),
      events: [checkin('2025-05-15T00:00:00Z', { country: 'NL', isVpn: true })],
      options: { skipAnonymisedCheckins: false },
      findings: [{ messageId: 'checkinAbroad', data: { checkinPlace: 'NL' } }],
    },
  ],
  notEvaluated: [{ name: 'no shipments', missing: ['shipments'] }],
});
