import { remoteDesktopInternetFacing } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const checkin = (fields: Record<string, unknown>, at = '2025-03-03T10:00:00Z') => ({ type: 'device-checkin', at, deviceId: 'win-1', ...fields });
const inbound = (peerIp: string, at = '2025-03-04T02:00:00Z', extra: Record<string, unknown> = {}) => ({
  type: 'remote-access-session',
  at,
  deviceId: 'win-1',
  direction: 'inbound',
  tool: 'RDP',
  peerIp,
  ...extra,
});
const org = { organisation: { corporateEgress: ['198.51.100.0/24'], offices: [{ id: 'hq', name: 'HQ', egressIps: ['203.0.113.7'] }] } };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(remoteDesktopInternetFacing, {
  valid: [
    { name: 'remote desktop off, check-in from home', events: [checkin({ remoteDesktopEnabled: false, ip: '81.2.69.160' })] },
    { name: 'remote desktop on behind a home router', events: [checkin({ remoteDesktopEnabled: true, ip: '192.168.1.20' })] },
    { name: 'remote desktop on, checking in from the corporate VPN', events: [checkin({ remoteDesktopEnabled: true, ip: '198.51.100.44' })], reference: org },
    {
      name: 'IT support connecting from the office and the corporate egress',
      events: [checkin({ remoteDesktopEnabled: true, ip: '10.1.2.3' }), inbound('203.0.113.7'), inbound('198.51.100.9', '2025-03-05T02:00:00Z')],
      reference: org,
    },
    { name: 'a connection from the local network', events: [checkin({ remoteDesktopEnabled: true }), inbound('192.168.1.50')] },
    { name: 'outbound sessions are the worker connecting elsewhere', events: [{ ...inbound('81.2.69.160'), direction: 'outbound' }] },
  ],
  invalid: [
    {
      name: 'RDP enabled and reached from abroad',
      events: [
        checkin({ remoteDesktopEnabled: true, ip: '10.0.0.5' }),
        inbound('175.45.176.10', '2025-03-04T02:00:00Z', { peerNetwork: { country: 'CN', city: 'Shenyang' } }),
        inbound('175.45.176.10', '2025-03-05T02:00:00Z', { peerNetwork: { country: 'CN', city: 'Shenyang' } }),
      ],
      reference: org,
      findings: [
        {
          messageId: 'inbound',
          strength: 0.9,
          data: { count: 2, tools: 'RDP', deviceId: 'win-1', peers: '175.45.176.10 in Shenyang, CN', first: '2025-03-04' },
          evidence: ['e2', 'e3'],
          message: /remote desktop is enabled/,
        },
      ],
    },
    {
      name: 'inbound AnyDesk sessions from outside without the setting',
      events: [inbound('81.2.69.160', '2025-03-04T02:00:00Z', { tool: 'AnyDesk' })],
      findings: [{ messageId: 'inbound', strength: 0.6, data: { tools: 'AnyDesk', setting: '' } }],
    },
    {
      name: 'remote desktop enabled on a device that holds a public address',
      events: [checkin({ remoteDesktopEnabled: true, ip: '81.2.69.160' }), checkin({ remoteDesktopEnabled: true, ip: '81.2.69.160' }, '2025-03-04T10:00:00Z')],
      findings: [{ messageId: 'publicAddress', strength: 0.4, data: { ip: '81.2.69.160', count: 2, first: '2025-03-03' }, evidence: ['e1', 'e2'] }],
    },
  ],
  notEvaluated: [{ name: 'no setting and no sessions', events: [checkin({ ip: '81.2.69.160' })] }],
});
