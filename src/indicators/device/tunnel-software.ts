import { z } from 'zod';
import {
  cite,
  compareText,
  exceptionsActiveAt,
  hasSoftwareData,
  matchViewSoftware,
  matchTunnelTool,
  softwareFields,
  softwareSightings,
  type TunnelTool,
  utcDate,
} from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, SubjectView } from '../../contract/types';
import type { Reference } from '../../records/batchInput';
import type { ActivityEvent } from '../../records/events';

const options = z.object({
  allowList: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Tunnel tools the organisation sanctions, by tool id (e.g. `tailscale`) or any name the shipped table recognises. Empty ' +
        'by default: only the caller knows its approved tools.',
    ),
  kindStrength: z
    .object({
      'reverse-tunnel': z.number().min(0).max(1).default(0.8),
      'remote-shell': z.number().min(0).max(1).default(0.8),
      'dev-tunnel': z.number().min(0).max(1).default(0.6),
      'mesh-vpn': z.number().min(0).max(1).default(0.5),
    })
    .default({ 'reverse-tunnel': 0.8, 'remote-shell': 0.8, 'dev-tunnel': 0.6, 'mesh-vpn': 0.5 })
    .describe(
      'Strength by kind: a reverse tunnel or web shell publishes the computer to anyone with the address; a dev tunnel needs ' +
        "the developer's account; a mesh VPN joins the computer to a private network and is the most common in honest " +
        'engineering use.',
    ),
});

type Options = z.infer<typeof options>;

/** Normalised names and tool ids the organisation approved: options, approved remote-access tools and VPN providers. */
function approvedTools(options: Options, reference: Reference): Set<string> {
  const allowed = new Set<string>();
  const org = reference.organisation;
  for (const a of [...options.allowList, ...(org?.approvedRemoteAccessTools ?? []), ...(org?.approvedVpnProviders ?? [])]) {
    allowed.add(a.toLowerCase());
    const t = matchTunnelTool(a);
    if (t !== undefined) allowed.add(t.id);
  }
  return allowed;
}

/** True when a documented remote-access or VPN exception names the tool and holds at `atMs`. */
function excepted(view: SubjectView, tool: TunnelTool, atMs: number): boolean {
  const names = (kind: 'remote-access-tool' | 'vpn'): (string | undefined)[] =>
    exceptionsActiveAt(view.subject, kind, atMs).map((x) => (kind === 'vpn' ? x.scope?.provider : x.scope?.software));
  return [...names('remote-access-tool'), ...names('vpn')].some((n) => n !== undefined && (n.toLowerCase() === tool.id || matchTunnelTool(n)?.id === tool.id));
}

/**
 * `device/tunnel-software`: a tunnel, reverse proxy or mesh VPN the organisation has not approved
 * on the subject's computer. It makes the computer reachable from elsewhere without any
 * remote-desktop product showing up: RDP or SSH runs through the tunnel.
 */
export const tunnelSoftware = defineIndicator({
  meta: {
    id: 'device/tunnel-software',
    title: 'Unapproved tunnel or mesh-VPN software on the device',
    category: 'device',
    version: '1.0.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'remote-control',
    options,
    messages: {
      tool: '{{tool}} ({{kind}}) seen {{count}} times on device {{deviceId}}, first as "{{seenAs}}" on {{first}}; it is not approved',
    },
    neutralReason: 'Software on the company device did not match the approved configuration.',
    recommendedAction:
      'Ask the worker what the tunnel is for and who else is on its network; have IT remove it and review its connection logs ' +
      '(tailnet members, tunnel URLs) for peers abroad.',
    docs: {
      description:
        'Matches the same software records as `device/remote-access-software` (security detections, session software, ' +
        'installed-software inventory, software events, remote-access session tools) against the shipped tunnel table: reverse ' +
        'tunnels (ngrok, Cloudflare Tunnel `cloudflared`, LocalXpose, frp), dev tunnels (VS Code `code-tunnel`, `devtunnel`), ' +
        'remote shells (tmate, Teleport) and mesh VPNs (Tailscale, ZeroTier, NetBird, Hamachi). Fires once per tool not on ' +
        '`allowList`, `reference.organisation.approvedRemoteAccessTools` or `approvedVpnProviders`, and not covered at that time ' +
        'by a documented remote-access-tool or VPN exception. Strength by kind (`kindStrength`): a mesh VPN is the most common ' +
        'in honest engineering work. LOLRMM lists these tools among the remote-access tooling intruders use; MITRE ATT&CK T1572.',
      requires: [...softwareFields, 'reference.organisation.approvedRemoteAccessTools', 'reference.organisation.approvedVpnProviders', 'exceptions'],
      threatHypothesis:
        'The company laptop is reached from elsewhere through a tunnel: a facilitator exposes it, or the worker abroad joins it ' + 'to their own network.',
      sources: cite('LOLRMM', 'ATT-T1572', 'MND', 'TRK'),
      falsePositives: [
        'Engineers using Tailscale or ZeroTier for a home lab or for team services the organisation has not listed.',
        'Developers exposing a local server to test webhooks (ngrok, dev tunnels).',
        'Cloudflare Tunnel run for a side project on a personal machine that is enrolled in management.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    if (!hasSoftwareData(view)) return notEvaluated('no software inventory or software detections', softwareFields.slice(0, 3));
    const allowed = approvedTools(options, reference);
    const hits = new Map<string, { tool: TunnelTool; deviceId: string; evidence: Evidence[]; count: number; first: string; seenAs: string }>();
    // The shared sighting columns: each distinct name is matched once, times and devices come from the view.
    const sightings = softwareSightings(view);
    const toolOfName = matchViewSoftware(sightings, undefined, (name) => matchTunnelTool(name));
    const times = view.eventTimes();
    const devices = view.interned('deviceId');
    // Sightings come in event order, so "first" is deterministic.
    for (let i = 0; i < sightings.length; i++) {
      const tool = toolOfName[sightings.name[i] as number];
      const index = sightings.event[i] as number;
      if (tool === undefined || allowed.has(tool.id) || excepted(view, tool, times[index] as number)) continue;
      const { id, at } = view.events[index] as ActivityEvent;
      const name = sightings.names[sightings.name[i] as number] as string;
      let hit = hits.get(tool.id);
      if (hit === undefined) {
        const device = devices.codes[index] as number;
        hit = { tool, deviceId: device >= 0 ? (devices.values[device] as string) : '(unknown device)', evidence: [], count: 0, first: at, seenAs: name };
        hits.set(tool.id, hit);
      }
      hit.count++;
      if (hit.evidence.length < 10) hit.evidence.push({ recordId: id, at, field: sightings.fields[sightings.field[i] as number] as string, value: name });
    }
    return [...hits.values()]
      .sort((a, b) => compareText(a.tool.id, b.tool.id))
      .filter((h) => options.kindStrength[h.tool.kind] > 0)
      .map((h) => ({
        messageId: 'tool' as const,
        strength: options.kindStrength[h.tool.kind],
        data: { tool: h.tool.name, kind: h.tool.kind, count: h.count, deviceId: h.deviceId, first: utcDate(h.first), seenAs: h.seenAs },
        evidence: h.evidence,
      }));
  },
});
