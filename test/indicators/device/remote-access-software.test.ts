import { remoteAccessSoftware } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const sec = (software: string, at = '2025-03-03T10:00:00Z') => ({ type: 'security', at, category: 'remote-access-tool', software, deviceId: 'mac-1' });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(remoteAccessSoftware, {
  valid: [
    { name: 'ordinary software only', events: [sec('Slack'), sec('Microsoft Teams'), sec('Visual Studio Code')] },
    { name: 'the approved support tool', events: [sec('TeamViewer 15.3 (64-bit)')], options: { allowList: ['TeamViewer'] } },
    { name: 'the approved tool by id', events: [sec('AnyDesk.exe')], options: { allowList: ['anydesk'] } },
    { name: 'OS built-ins are commonly sanctioned', events: [sec('Quick Assist'), sec('Remote Desktop Connection')] },
    { name: 'a session with no remote tools running', events: [{ type: 'session', at: '2025-03-03T10:00:00Z', remoteAccessSoftware: [] }] },
  ],
  invalid: [
    {
      name: 'AnyDesk on the company laptop',
      events: [sec('AnyDesk 8.0.9 (64-bit)'), sec('anydesk.exe', '2025-03-04T10:00:00Z')],
      findings: [{ messageId: 'tool', strength: 1, data: { tool: 'AnyDesk', count: 2, seenAs: 'AnyDesk 8.0.9 (64-bit)', first: '2025-03-03' }, evidence: ['e1', 'e2'], message: /AnyDesk/ }],
    },
    {
      name: 'RustDesk and Chrome Remote Desktop seen during sessions',
      events: [{ type: 'session', at: '2025-03-03T10:00:00Z', remoteAccessSoftware: ['rustdesk', 'Chrome Remote Desktop Host'] }],
      findings: [{ messageId: 'tool', data: { tool: 'Chrome Remote Desktop' } }, { messageId: 'tool', data: { tool: 'RustDesk' } }],
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
