import { remoteAccessStacking } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const sw = (name: string, at: string, deviceId = 'lap-1') => ({ type: 'software', at, deviceId, action: 'installed', name });
const enrol = (at: string, deviceId = 'lap-1') => ({ type: 'device-checkin', at, deviceId });

new IndicatorTester({ asOf: '2025-12-01T00:00:00Z' }).run(remoteAccessStacking, {
  valid: [
    { name: 'one support tool on a new laptop', events: [enrol('2025-03-01T10:00:00Z'), sw('AnyDesk', '2025-03-02T10:00:00Z')] },
    {
      name: 'a second tool months after the laptop arrived',
      events: [enrol('2025-03-01T10:00:00Z'), sw('AnyDesk', '2025-03-02T10:00:00Z'), sw('RustDesk', '2025-07-01T10:00:00Z')],
    },
    {
      name: 'two tools on two different laptops',
      events: [
        enrol('2025-03-01T10:00:00Z'),
        enrol('2025-03-01T10:00:00Z', 'lap-2'),
        sw('AnyDesk', '2025-03-02T10:00:00Z'),
        sw('RustDesk', '2025-03-02T11:00:00Z', 'lap-2'),
      ],
    },
    {
      name: 'the approved IT tool and the built-in RDP client do not count',
      events: [
        enrol('2025-03-01T10:00:00Z'),
        sw('TeamViewer Host', '2025-03-02T10:00:00Z'),
        sw('mstsc.exe', '2025-03-02T10:00:00Z'),
        sw('AnyDesk', '2025-03-03T10:00:00Z'),
      ],
      reference: { organisation: { approvedRemoteAccessTools: ['TeamViewer'] } },
    },
    {
      name: 'tools installed on an old device re-issued long ago',
      events: [enrol('2025-03-01T10:00:00Z'), sw('AnyDesk', '2025-03-02T10:00:00Z'), sw('RustDesk', '2025-03-02T11:00:00Z')],
      reference: { organisation: { devices: [{ deviceId: 'lap-1', handover: 'shipped', issuedAt: '2024-01-10T00:00:00Z' }] } },
    },
  ],
  invalid: [
    {
      name: 'three remote-access tools and a tunnel in the first week',
      events: [
        enrol('2025-03-01T10:00:00Z'),
        sw('AnyDesk', '2025-03-02T10:00:00Z'),
        sw('RustDesk', '2025-03-02T10:05:00Z'),
        sw('Chrome Remote Desktop Host', '2025-03-03T09:00:00Z'),
        sw('ngrok', '2025-03-04T09:00:00Z'),
        sw('AnyDesk', '2025-03-05T09:00:00Z'),
      ],
      findings: [
        {
          messageId: 'stacked',
          strength: 0.9,
          data: { count: 4, deviceId: 'lap-1', startSource: 'first seen', start: '2025-03-01', tools: 'AnyDesk, RustDesk, Chrome Remote Desktop, ngrok' },
          evidence: ['e2', 'e3', 'e4', 'e5'],
        },
      ],
    },
    {
      name: 'two tools in the first weeks from the issue date',
      events: [sw('AnyDesk', '2025-03-20T10:00:00Z'), sw('Splashtop Streamer', '2025-03-21T10:00:00Z')],
      reference: { organisation: { devices: [{ deviceId: 'lap-1', handover: 'shipped', issuedAt: '2025-03-10T00:00:00Z' }] } },
      findings: [{ messageId: 'stacked', strength: 0.6, data: { count: 2, startSource: 'issued', start: '2025-03-10' } }],
    },
    {
      name: 'tunnels left out when asked',
      events: [
        enrol('2025-03-01T10:00:00Z'),
        sw('AnyDesk', '2025-03-02T10:00:00Z'),
        sw('tailscaled', '2025-03-02T10:00:00Z'),
        sw('RustDesk', '2025-03-02T11:00:00Z'),
      ],
      options: { includeTunnels: false },
      findings: [{ messageId: 'stacked', data: { count: 2, tools: 'AnyDesk, RustDesk' } }],
    },
  ],
  notEvaluated: [{ name: 'no software data', events: [enrol('2025-03-01T10:00:00Z')] }],
});
