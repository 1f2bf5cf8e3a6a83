import { tunnelSoftware } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const checkin = (names: string[], at = '2025-03-03T10:00:00Z') => ({
  type: 'device-checkin',
  at,
  deviceId: 'mac-1',
  installedSoftware: names.map((name) => ({ name })),
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(tunnelSoftware, {
  valid: [
    {
      name: 'an ordinary developer laptop: editor, browser, Docker',
      events: [checkin(['Visual Studio Code', 'Google Chrome', 'Docker Desktop', 'Cloudflare WARP'])],
    },
    {
      name: "Tailscale approved as the organisation's VPN",
      events: [checkin(['Tailscale 1.66.4'])],
      reference: { organisation: { approvedVpnProviders: ['Tailscale'] } },
    },
    { name: 'ngrok on the allow-list', events: [checkin(['ngrok'])], options: { allowList: ['ngrok'] } },
    {
      name: 'a documented exception for ZeroTier while it holds',
      subject: {
        exceptions: [
          { id: 'x1', kind: 'remote-access-tool', scope: { software: 'ZeroTier' }, validFrom: '2025-03-01T00:00:00Z', validUntil: '2025-04-01T00:00:00Z' },
        ],
      },
      events: [checkin(['ZeroTier One'])],
    },
    {
      name: 'a tool removed is not a sighting',
      events: [{ type: 'software', at: '2025-03-03T10:00:00Z', deviceId: 'mac-1', action: 'removed', name: 'ngrok' }],
    },
  ],
  invalid: [
    {
      name: 'ngrok and cloudflared on a laptop, each once however many check-ins',
      events: [checkin(['ngrok', 'Slack']), checkin(['ngrok', 'cloudflared 2024.6.1'], '2025-03-04T10:00:00Z')],
      findings: [
        {
          messageId: 'tool',
          strength: 0.8,
          data: { tool: 'Cloudflare Tunnel (cloudflared)', kind: 'reverse-tunnel', count: 1, first: '2025-03-04' },
          evidence: ['e2'],
        },
        { messageId: 'tool', strength: 0.8, data: { tool: 'ngrok', count: 2, deviceId: 'mac-1', first: '2025-03-03' }, evidence: ['e1', 'e2'] },
      ],
    },
    {
      name: 'a mesh VPN is weaker than a reverse tunnel',
      events: [{ type: 'software', at: '2025-03-03T10:00:00Z', deviceId: 'mac-1', action: 'executed', name: 'tailscaled' }],
      findings: [{ messageId: 'tool', strength: 0.5, data: { kind: 'mesh-vpn' }, message: /Tailscale/ }],
    },
    {
      name: 'an exception that ended no longer covers the tool',
      subject: { exceptions: [{ id: 'x1', kind: 'vpn', scope: { provider: 'ZeroTier' }, validUntil: '2025-02-01T00:00:00Z' }] },
      events: [checkin(['ZeroTier One'])],
      findings: [{ messageId: 'tool', data: { tool: 'ZeroTier One' } }],
    },
    {
      name: 'a VS Code dev tunnel process',
      events: [{ type: 'security', at: '2025-03-03T10:00:00Z', deviceId: 'mac-1', category: 'unauthorized-software', software: 'code-tunnel.exe' }],
      findings: [{ messageId: 'tool', strength: 0.6, data: { kind: 'dev-tunnel' } }],
    },
  ],
  notEvaluated: [{ name: 'no software data', events: [{ type: 'device-checkin', at: '2025-03-03T10:00:00Z', deviceId: 'mac-1' }] }],
});
