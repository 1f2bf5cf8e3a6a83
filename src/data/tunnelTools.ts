/**
 * Tunnel, reverse-proxy and mesh-VPN software: tools that make a computer reachable from outside
 * without an inbound firewall rule, or put it on a private network with machines elsewhere.
 *
 * Why this exists: a laptop farm needs the operator abroad to reach the company laptop. Besides
 * remote-desktop tools (remoteAccessTools.ts), that is done by exposing the laptop through a tunnel
 * (ngrok, Cloudflare Tunnel, VS Code dev tunnels) or joining it to a mesh VPN the operator also
 * sits on (Tailscale, ZeroTier, NetBird); RDP or SSH then runs through the tunnel and no
 * remote-access product ever shows up. The LOLRMM project (lolrmm.io, Apache-2.0) lists these
 * tools among remote-access tooling abused by intruders.
 *
 * Many engineering teams use these tools legitimately (Tailscale for internal services, dev
 * tunnels for webhooks), so a match is evidence only where the organisation has not approved the
 * tool. Matching uses the same rule as the remote-access table ({@link matchSoftware}).
 *
 * @packageDocumentation
 */

import { matchSoftware, type SoftwareEntry } from './remoteAccessTools';

/**
 * What kind of tunnel a tool provides.
 * - `reverse-tunnel`: publishes a local port on a public address (ngrok, Cloudflare Tunnel).
 * - `mesh-vpn`: joins the computer to a private overlay network (Tailscale, ZeroTier).
 * - `dev-tunnel`: an editor's or IDE's tunnel that also gives a remote shell and editor (VS Code).
 * - `remote-shell`: a relay that gives a shell on the computer from a web console (tmate, ShellHub).
 */
export type TunnelKind = 'reverse-tunnel' | 'mesh-vpn' | 'dev-tunnel' | 'remote-shell';

/** One tunnel or mesh-VPN tool and the names it shows up under in software inventories. */
export interface TunnelTool extends SoftwareEntry {
  /** What kind of tunnel the tool provides. */
  readonly kind: TunnelKind;
  /** Why the entry is shaped the way it is. */
  readonly note?: string;
}

/** Known tunnel and mesh-VPN tools. */
export const tunnelTools: readonly TunnelTool[] = /* @__PURE__ */ Object.freeze(
  [
    {
      id: 'ngrok',
      name: 'ngrok',
      aliases: ['ngrok.exe', 'ngrok agent', 'com.ngrok.ngrok'],
      exactAliases: ['ngrok'],
      kind: 'reverse-tunnel' as const,
      note: 'Publishes a local port (RDP 3389, SSH 22) on an ngrok address.',
    },
    {
      id: 'cloudflare-tunnel',
      name: 'Cloudflare Tunnel (cloudflared)',
      aliases: ['cloudflared', 'cloudflared.exe', 'Cloudflare Tunnel', 'Cloudflared agent'],
      kind: 'reverse-tunnel' as const,
      note: "Not the Cloudflare WARP client, which is a VPN for the user's own traffic and is not listed.",
    },
    {
      id: 'localxpose',
      name: 'LocalXpose',
      aliases: ['LocalXpose', 'loclx.exe'],
      exactAliases: ['loclx'],
      kind: 'reverse-tunnel' as const,
    },
    { id: 'pitunnel', name: 'PiTunnel', aliases: ['PiTunnel'], kind: 'reverse-tunnel' as const },
    {
      id: 'dataplicity',
      name: 'Dataplicity',
      aliases: ['Dataplicity'],
      kind: 'remote-shell' as const,
      note: 'Remote shell and port forwarding for Raspberry Pi and Linux boards.',
    },
    {
      id: 'remote-it',
      name: 'Remote.It',
      aliases: ['Remote.It', 'remoteit.exe', 'remoteit-agent', 'remote.it desktop'],
      exactAliases: ['remoteit'],
      kind: 'reverse-tunnel' as const,
    },
    { id: 'playit', name: 'playit.gg', aliases: ['playit.gg', 'playit-agent'], exactAliases: ['playit'], kind: 'reverse-tunnel' as const },
    { id: 'localtunnel', name: 'localtunnel', aliases: ['localtunnel'], kind: 'reverse-tunnel' as const },
    {
      id: 'frp',
      name: 'frp (fast reverse proxy)',
      aliases: ['frpc.exe', 'frps.exe'],
      exactAliases: ['frpc', 'frps'],
      kind: 'reverse-tunnel' as const,
      note: 'Open source; common in intrusions for exposing RDP.',
    },
    {
      id: 'chisel',
      name: 'Chisel',
      aliases: [],
      exactAliases: ['chisel', 'chisel.exe'],
      kind: 'reverse-tunnel' as const,
      note: 'TCP tunnel over HTTP; exact names only, "chisel" is an everyday word.',
    },
    {
      id: 'vscode-dev-tunnels',
      name: 'Visual Studio Code / Visual Studio dev tunnels',
      aliases: ['code-tunnel', 'code-tunnel.exe', 'devtunnel', 'devtunnel.exe', 'Dev Tunnels', 'VS Code Server tunnel', 'code-insiders-tunnel'],
      kind: 'dev-tunnel' as const,
      note: 'Gives a remote editor, terminal and forwarded ports through Microsoft relays. VS Code itself is not a match: only the tunnel process or CLI.',
    },
    {
      id: 'tailscale',
      name: 'Tailscale',
      aliases: ['Tailscale', 'tailscaled', 'tailscale-ipn.exe', 'tailscaled.exe', 'io.tailscale.ipn.macos', 'com.tailscale.ipn'],
      kind: 'mesh-vpn' as const,
      note: 'WireGuard mesh; Tailscale SSH and subnet routing make the device reachable from every node of the tailnet.',
    },
    { id: 'headscale', name: 'Headscale', aliases: ['Headscale'], kind: 'mesh-vpn' as const, note: 'Self-hosted Tailscale control server.' },
    {
      id: 'zerotier',
      name: 'ZeroTier One',
      aliases: ['ZeroTier', 'ZeroTier One', 'zerotier-one', 'zerotier-one_x64.exe', 'com.zerotier.ZeroTier-One'],
      kind: 'mesh-vpn' as const,
    },
    { id: 'netbird', name: 'NetBird', aliases: ['NetBird', 'netbird.exe', 'netbird-ui.exe'], kind: 'mesh-vpn' as const },
    {
      id: 'nebula',
      name: 'Nebula (Slack/Defined Networking)',
      aliases: ['Defined Networking'],
      exactAliases: ['nebula', 'nebula.exe'],
      kind: 'mesh-vpn' as const,
    },
    { id: 'hamachi', name: 'LogMeIn Hamachi', aliases: ['Hamachi', 'LogMeIn Hamachi', 'hamachi-2.exe', 'hamachi-2-ui.exe'], kind: 'mesh-vpn' as const },
    { id: 'radmin-vpn', name: 'Radmin VPN', aliases: ['Radmin VPN', 'RvControlSvc.exe'], kind: 'mesh-vpn' as const },
    {
      id: 'teleport',
      name: 'Teleport (Connect, tsh)',
      aliases: ['Teleport Connect'],
      exactAliases: ['tsh', 'tsh.exe', 'teleport', 'teleport.exe'],
      kind: 'remote-shell' as const,
      note: 'Access proxy; the endpoint agent makes the machine reachable through the cluster.',
    },
    { id: 'tmate', name: 'tmate', aliases: ['tmate'], kind: 'remote-shell' as const, note: 'Shares a terminal session through public relays.' },
    { id: 'shellhub', name: 'ShellHub', aliases: ['ShellHub', 'shellhub-agent'], kind: 'remote-shell' as const },
  ].map((t) =>
    Object.freeze({ ...t, aliases: Object.freeze(t.aliases), ...('exactAliases' in t ? { exactAliases: Object.freeze(t.exactAliases) } : {}) }),
  ) as TunnelTool[],
);

/**
 * Identify a tunnel or mesh-VPN tool from a software-inventory string.
 *
 * @param name - Display name, process name, bundle id or package name.
 * @param extra - Additional entries to consider first.
 * @returns The matching tool, or `undefined`. `'Visual Studio Code'` and `'Cloudflare WARP'` match nothing.
 */
export function matchTunnelTool(name: string, extra: readonly TunnelTool[] = []): TunnelTool | undefined {
  return matchSoftware(name, tunnelTools, extra);
}
