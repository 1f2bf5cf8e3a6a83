import { remoteAccessSoftware } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const sec = (software: string, at = '2025-03-03T10:00:00Z') => ({ type: 'security', at, category: 'remote-access-tool', software, deviceId: 'mac-1' });

const inventory = (names: string[], at = '2025-03-03T10:00:00Z') => ({
  type: 'device-checkin',
  at,
  deviceId: 'mac-1',
  installedSoftware: names.map((name) => ({ name, version: '1.0', publisher: `${name} Inc.` })),
});
const anydeskException = (validUntil: string) => ({
  exceptions: [
    { id: 'x1', kind: 'remote-access-tool', scope: { software: 'AnyDesk' }, approvedBy: 'it-support', validFrom: '2025-03-01T00:00:00Z', validUntil },
  ],
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(remoteAccessSoftware, {
  valid: [
    {
      name: 'an inventory of ordinary software',
      events: [inventory(['Slack', 'Zoom', 'Google Chrome']), inventory(['Slack', 'Zoom'], '2025-03-10T10:00:00Z')],
    },
    {
      name: 'the organisation approves TeamViewer in its reference tables',
      events: [inventory(['TeamViewer', 'Slack'])],
      reference: { organisation: { approvedRemoteAccessTools: ['TeamViewer'] } },
    },
    { name: 'AnyDesk inside a documented exception window', subject: anydeskException('2025-04-01T00:00:00Z'), events: [inventory(['AnyDesk'])] },
    { name: 'ordinary software only', events: [sec('Slack'), sec('Microsoft Teams'), sec('Visual Studio Code')] },
    { name: 'the approved support tool', events: [sec('TeamViewer 15.3 (64-bit)')], options: { allowList: ['TeamViewer'] } },
    { name: 'the approved tool by id', events: [sec('AnyDesk.exe')], options: { allowList: ['anydesk'] } },
    { name: 'OS built-ins are commonly sanctioned', events: [sec('Quick Assist'), sec('Remote Desktop Connection')] },
    { name: 'a session with no remote tools running', events: [{ type: 'session', at: '2025-03-03T10:00:00Z', remoteAccessSoftware: [] }] },
  ],
  invalid: [
    {
      name: 'AnyDesk and RustDesk in the installed-software inventory',
      events: [inventory(['Slack', 'AnyDesk', 'RustDesk']), inventory(['AnyDesk', 'Slack', 'RustDesk'], '2025-03-05T10:00:00Z')],
      findings: [
        { messageId: 'tool', data: { tool: 'AnyDesk', count: 2, first: '2025-03-03' }, evidence: ['e1', 'e2'] },
        { messageId: 'tool', data: { tool: 'RustDesk', count: 2 } },
      ],
    },
    {
      name: 'an exception for AnyDesk ends, and so does its cover',
      subject: anydeskException('2025-03-10T00:00:00Z'),
      events: [inventory(['AnyDesk']), inventory(['AnyDesk'], '2025-03-20T10:00:00Z')],
      findings: [{ messageId: 'tool', data: { tool: 'AnyDesk', count: 1, first: '2025-03-20' }, evidence: ['e2'] }],
    },
    {
      name: 'software installed and an inbound remote-access session',
      events: [
        { type: 'software', at: '2025-03-03T10:00:00Z', deviceId: 'mac-1', action: 'installed', name: 'ScreenConnect.ClientService.exe' },
        { type: 'remote-access-session', at: '2025-03-04T02:00:00Z', deviceId: 'mac-1', direction: 'inbound', tool: 'RustDesk', peerIp: '203.0.113.9' },
      ],
      findings: [
        { messageId: 'tool', data: { seenAs: 'ScreenConnect.ClientService.exe' }, evidence: ['e1'] },
        { messageId: 'tool', data: { tool: 'RustDesk' }, evidence: ['e2'] },
      ],
    },
    {
      name: 'AnyDesk on the company laptop',
      events: [sec('AnyDesk 8.0.9 (64-bit)'), sec('anydesk.exe', '2025-03-04T10:00:00Z')],
      findings: [
        {
          messageId: 'tool',
          strength: 1,
          data: { tool: 'AnyDesk', count: 2, seenAs: 'AnyDesk 8.0.9 (64-bit)', first: '2025-03-03' },
          evidence: ['e1', 'e2'],
          message: /AnyDesk/,
        },
      ],
    },
    {
      name: 'RustDesk and Chrome Remote Desktop seen during sessions',
      events: [{ type: 'session', at: '2025-03-03T10:00:00Z', remoteAccessSoftware: ['rustdesk', 'Chrome Remote Desktop Host'] }],
      findings: [
        { messageId: 'tool', data: { tool: 'Chrome Remote Desktop' } },
        { messageId: 'tool', data: { tool: 'RustDesk' } },
      ],
    },
    {
      name: 'allowing one tool does not allow another',
      events: [sec('TeamViewer'), sec('AnyDesk')],
      options: { allowList: ['teamviewer'] },
      findings: [{ messageId: 'tool', data: { tool: 'AnyDesk' } }],
    },
    {
      name: 'a caller-defined tool',
      events: [sec('FarmRelay Agent')],
      options: { extraTools: ['FarmRelay'] },
      findings: [{ messageId: 'tool', data: { tool: 'FarmRelay' } }],
    },
  ],
  notEvaluated: [{ name: 'no inventory', events: [{ type: 'session', at: '2025-03-03T10:00:00Z' }] }],
});
