import { describe, expect, it } from 'vitest';
import { matchTunnelTool, tunnelTools } from '../../src/data/tunnelTools';

describe('tunnelTools table', () => {
  it('has unique kebab-case ids, at least one alias each, and is frozen', () => {
    const ids = tunnelTools.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of tunnelTools) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.aliases.length + (t.exactAliases?.length ?? 0)).toBeGreaterThan(0);
    }
    expect(Object.isFrozen(tunnelTools)).toBe(true);
    expect(Object.isFrozen(tunnelTools[0])).toBe(true);
    expect(Object.isFrozen(tunnelTools[0]?.aliases)).toBe(true);
  });
});

describe('matchTunnelTool', () => {
  it.each([
    ['ngrok', 'ngrok'],
    ['ngrok.exe', 'ngrok'],
    ['cloudflared 2024.6.1', 'cloudflare-tunnel'],
    ['Tailscale 1.66.4', 'tailscale'],
    ['tailscaled', 'tailscale'],
    ['ZeroTier One', 'zerotier'],
    ['code-tunnel.exe', 'vscode-dev-tunnels'],
    ['devtunnel', 'vscode-dev-tunnels'],
    ['LogMeIn Hamachi', 'hamachi'],
    ['frpc', 'frp'],
    ['NetBird', 'netbird'],
  ])('%s → %s', (name, id) => {
    expect(matchTunnelTool(name)?.id).toBe(id);
  });

  it.each(['Visual Studio Code', 'Cloudflare WARP', 'AnyDesk', 'Chisel and Hammer Photo Editor', 'Teleporter'])('%s matches nothing', (name) => {
    expect(matchTunnelTool(name)).toBeUndefined();
  });

  it('checks caller entries first', () => {
    expect(matchTunnelTool('tailscaled', [{ id: 'corp-mesh', name: 'Corp mesh', aliases: ['tailscaled'], kind: 'mesh-vpn' }])?.id).toBe('corp-mesh');
  });
});
