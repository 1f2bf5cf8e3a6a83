import { z } from 'zod';
import { cite, compareText, matchIpKvmDevice, normalizeSoftwareName } from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { NetworkEnrichment } from '../../records/events';

const options = z.object({
  ports: z
    .array(z.object({ from: z.number().int().min(0).max(65535), to: z.number().int().min(0).max(65535), service: z.string() }))
    .default([
      { from: 3389, to: 3389, service: 'RDP' },
      { from: 5900, to: 5901, service: 'VNC' },
      { from: 7070, to: 7070, service: 'AnyDesk' },
      { from: 5938, to: 5938, service: 'TeamViewer' },
      { from: 21115, to: 21117, service: 'RustDesk' },
    ])
    .describe('Remote-desktop and remote-management default ports (US-2022 names RDP 3389; KVM-SIG lists the rest).'),
  serviceKeywords: z
    .array(z.string().min(1))
    .default(['rdp', 'ms-wbt-server', 'vnc', 'rfb', 'anydesk', 'teamviewer', 'rustdesk', 'meshcentral'])
    .describe('Scan service banners that mean remote desktop or remote management, matched on normalised names.'),
});

interface Exposure {
  ip: string;
  eventId: string;
  at: string;
  remote: Set<string>;
  kvm: Set<string>;
}

/**
 * `network/remote-access-exposed`: the subject's egress IP exposes remote-desktop or
 * remote-management ports, or serves an IP-KVM interface (caller-supplied scan enrichment).
 */
export const remoteAccessExposed = defineIndicator({
  meta: {
    id: 'network/remote-access-exposed',
    title: 'Egress IP exposes remote-desktop or IP-KVM services',
    category: 'network',
    version: '1.0.0',
    kind: 'risk',
    family: 'network',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'remote-control',
    options,
    messages: {
      remoteDesktop: 'Egress IP {{ip}} exposes {{services}}',
      ipKvm: 'Egress IP {{ip}} serves an IP-KVM interface ({{devices}}){{alsoRemote}}',
    },
    neutralReason: 'The network used to connect showed remote-access services that could not be explained.',
    recommendedAction:
      'Ask the worker to explain the exposed services; require a live video call showing the company laptop and its network, and re-scan the IP.',
    docs: {
      description:
        "Reads the caller's scan enrichment of each egress IP (`network.openPorts`, `network.services`) on sessions and device " +
        'check-ins. Fires per IP when it exposes a port in `ports` (RDP 3389, VNC 5900-5901, AnyDesk 7070, TeamViewer 5938, ' +
        'RustDesk 21115-21117) or a service banner in `serviceKeywords`, and more strongly when a banner names IP-KVM hardware ' +
        'from the shipped table (PiKVM, TinyPilot, JetKVM, GL.iNet, NanoKVM, BliKVM). A router reachable by remote desktop is ' +
        'how someone abroad drives a laptop sitting in the claimed home.',
      requires: ['events[type=session].network.openPorts', 'events[type=session].network.services', 'events[type=device-checkin].network'],
      threatHypothesis: 'The company laptop sits at a laptop farm and is driven from abroad through remote desktop or an IP-KVM.',
      sources: cite('US-2022', 'KVM-SIG', 'MND'),
      falsePositives: [
        'Shared or carrier-grade NAT addresses where another customer exposes the service.',
        'IT staff or home-lab enthusiasts who run remote desktop at home for other reasons.',
        'Stale scan data from before the worker used the IP.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const scanned: { id: string; at: string; ip?: string; network: NetworkEnrichment }[] = [];
    const events = view.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if ((e.type === 'session' || e.type === 'device-checkin') && e.network !== undefined) {
        if (e.network.openPorts !== undefined || e.network.services !== undefined) {
          scanned.push({ id: e.id, at: e.at, ...(e.ip !== undefined ? { ip: e.ip } : {}), network: e.network });
        }
      }
    }
    if (scanned.length === 0) {
      return notEvaluated('no scan enrichment of egress IPs', ['events[type=session].network.openPorts', 'events[type=session].network.services']);
    }
    const keywords = options.serviceKeywords.map(normalizeSoftwareName).filter((k) => k.length > 0);
    const byIp = new Map<string, Exposure>();
    for (const s of scanned) {
      // Without a recorded IP the scan still belongs to one sign-in; the message says which.
      const key = s.ip ?? `of event ${s.id}`;
      let exp = byIp.get(key);
      for (const port of s.network.openPorts ?? []) {
        for (const p of options.ports) {
          if (port >= p.from && port <= p.to) {
            exp ??= { ip: key, eventId: s.id, at: s.at, remote: new Set(), kvm: new Set() };
            exp.remote.add(`${p.service} (port ${port})`);
          }
        }
      }
      for (const banner of s.network.services ?? []) {
        const kvm = matchIpKvmDevice({ name: banner });
        if (kvm !== undefined && kvm.kind === 'ip-kvm') {
          exp ??= { ip: key, eventId: s.id, at: s.at, remote: new Set(), kvm: new Set() };
          exp.kvm.add(kvm.name);
          continue;
        }
        const n = normalizeSoftwareName(banner);
        if (keywords.some((k) => n === k || n.startsWith(k))) {
          exp ??= { ip: key, eventId: s.id, at: s.at, remote: new Set(), kvm: new Set() };
          exp.remote.add(`${banner} service`);
        }
      }
      if (exp !== undefined) byIp.set(key, exp);
    }
    return [...byIp.values()]
      .sort((a, b) => compareText(a.ip, b.ip))
      .map((exp) => {
        const remote = [...exp.remote].sort();
        const evidence = [{ recordId: exp.eventId, at: exp.at, field: 'network', value: [...[...exp.kvm].sort(), ...remote], note: `scan of ${exp.ip}` }];
        if (exp.kvm.size > 0) {
          return {
            messageId: 'ipKvm' as const,
            strength: 1,
            data: { ip: exp.ip, devices: [...exp.kvm].sort().join(', '), alsoRemote: remote.length > 0 ? ` and ${remote.join(', ')}` : '' },
            evidence,
          };
        }
        return {
          messageId: 'remoteDesktop' as const,
          strength: Math.min(0.9, 0.6 + 0.1 * (remote.length - 1)),
          data: { ip: exp.ip, services: remote.join(', ') },
          evidence,
        };
      });
  },
});
