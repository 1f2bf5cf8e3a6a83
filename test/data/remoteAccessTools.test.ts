import { describe, expect, it } from 'vitest';
import { matchRemoteAccessTool, normalizeSoftwareName, remoteAccessTools, type RemoteAccessTool } from '../../src/data/remoteAccessTools';

describe('normalizeSoftwareName', () => {
  it.each([
    ['AnyDesk 8.0.9 (64-bit)', 'anydesk'],
    ['AnyDesk.exe', 'anydesk'],
    ['TeamViewer_Service.exe', 'teamviewerservice'],
    ['Splashtop Streamer v3.5.2.1', 'splashtopstreamer'],
    ['TeamViewer 15', 'teamviewer'],
    ['Quick Assist.app', 'quickassist'],
    ['com.philandro.anydesk', 'comphilandroanydesk'],
    ['RustDesk x64', 'rustdesk'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSoftwareName(input)).toBe(expected);
  });

  it('keeps digits that are part of a name', () => {
    expect(normalizeSoftwareName('Action1 Agent')).toBe('action1agent');
  });
});

describe('remoteAccessTools table', () => {
  it('has unique kebab-case ids and at least one alias each', () => {
    const ids = remoteAccessTools.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of remoteAccessTools) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.aliases.length + (t.exactAliases?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('covers the tools named in the advisories', () => {
    const ids = new Set(remoteAccessTools.map((t) => t.id));
    for (const id of ['anydesk', 'teamviewer', 'rustdesk', 'chrome-remote-desktop', 'microsoft-remote-desktop']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(remoteAccessTools)).toBe(true);
    expect(Object.isFrozen(remoteAccessTools[0]?.aliases)).toBe(true);
  });
});

describe('matchRemoteAccessTool', () => {
  it.each([
    ['AnyDesk.exe', 'anydesk'],
    ['AnyDesk 8.0.9 (64-bit)', 'anydesk'],
    ['com.philandro.anydesk', 'anydesk'],
    ['TeamViewer Host', 'teamviewer'],
    ['tv_x64.exe', 'teamviewer'],
    ['RustDesk', 'rustdesk'],
    ['Google Chrome Remote Desktop Host', 'chrome-remote-desktop'],
    ['remoting_host.exe', 'chrome-remote-desktop'],
    ['ScreenConnect Client (a1b2c3d4e5f6)', 'screenconnect'],
    ['RealVNC Server', 'realvnc'],
    ['VNC Server', 'vnc'],
    ['AA_v3.exe', 'ammyy-admin'],
    ['MeshAgent.exe', 'meshcentral'],
    ['NinjaRMMAgent.exe', 'ninjaone'],
    ['ToDesk 4.7.2', 'todesk'],
  ])('%s → %s', (input, id) => {
    expect(matchRemoteAccessTool(input)?.id).toBe(id);
  });

  it('flags the built-in Microsoft RDP client as commonly sanctioned', () => {
    const t = matchRemoteAccessTool('mstsc.exe');
    expect(t?.id).toBe('microsoft-remote-desktop');
    expect(t?.commonlySanctioned).toBe(true);
    expect(matchRemoteAccessTool('AnyDesk')?.commonlySanctioned).toBeUndefined();
  });

  it('treats Remote Desktop Connection Manager as the (sanctioned) Microsoft RDP entry', () => {
    const t = matchRemoteAccessTool('Remote Desktop Connection Manager');
    expect(t?.id).toBe('microsoft-remote-desktop');
    expect(t?.commonlySanctioned).toBe(true);
  });

  it.each([
    'Microsoft Teams',
    'Zoom Screen Sharing',
    'LogMeIn Hamachi',
    'Radmin VPN 1.4.4642.1',
    'Send to Desktop',
    'Lateral Movement Toolkit',
    'Windows App SDK 1.5',
    'Visual Studio Code',
    '',
    '1.2.3',
  ])('does not match %j', (input) => {
    expect(matchRemoteAccessTool(input)).toBeUndefined();
  });

  it('checks caller-supplied entries first', () => {
    const approved: RemoteAccessTool = {
      id: 'corp-anydesk',
      name: 'AnyDesk (corporate licence)',
      aliases: ['AnyDesk'],
      kind: 'remote-desktop',
      commonlySanctioned: true,
    };
    const internal: RemoteAccessTool = { id: 'acme-remote', name: 'Acme Remote', aliases: ['AcmeRemote'], kind: 'rmm' };
    expect(matchRemoteAccessTool('AnyDesk.exe', [approved])?.id).toBe('corp-anydesk');
    expect(matchRemoteAccessTool('AcmeRemote Agent 2.1', [internal])?.id).toBe('acme-remote');
    expect(matchRemoteAccessTool('AcmeRemote Agent 2.1')).toBeUndefined();
  });
});

describe('tools the LOLRMM catalogue lists', () => {
  it.each([
    ['UltraViewer_Service.exe', 'ultraviewer'],
    ['NetSupport Manager 14', 'netsupport-manager'],
    ['client32.exe', 'netsupport-manager'],
    ['AnyViewer 4.2', 'anyviewer'],
    ['RDP Wrapper Library v1.6.2', 'rdp-wrapper'],
    ['Devolutions Remote Desktop Manager 2024.1', 'devolutions-rdm'],
    ['Remote Desktop Connection Manager', 'microsoft-remote-desktop'],
    ['VNC Connect', 'realvnc'],
    ['Advanced Monitoring Agent', 'n-able'],
    ['HelpU', 'helpu'],
    ['level-remote-control-ffmpeg.exe', 'level'],
    ['Duet Display 2.6', 'duet-display'],
    ['AweRay Remote', 'sunlogin'],
    ['komari-agent', 'komari'],
    ['InvGateRD.exe', 'invgate-remote-desktop'],
    ['SOTI Pocket Controller', 'soti-pocket-controller'],
    ['Ericom Connect Remote Host', 'ericom'],
  ])('%s → %s', (name, id) => {
    expect(matchRemoteAccessTool(name)?.id).toBe(id);
  });

  it.each([
    'Help Us Feedback',
    'Remotely Install Helper',
    'RemoteViewer',
    'Windows Terminal',
    'Cloudflare WARP',
    'Tailscale',
    'Level Up Launcher',
    'Webex Meetings',
    'InvGate Insight Agent',
    'Teramind Agent',
    'QQ',
  ])('%s matches no remote-access tool', (name) => {
    expect(matchRemoteAccessTool(name)).toBeUndefined();
  });
});
