import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import { cite, compareText, isPublicIp, organisationEgress, organisationEgressOf, placeName, utcDate } from '../../kit';

const options = z.object({
  inboundStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe('Strength of inbound remote-access sessions from public addresses outside the organisation to a device with remote desktop enabled.'),
  inboundWithoutSettingStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe('Strength of such inbound sessions when no check-in says remote desktop is enabled (a tool such as AnyDesk accepted them).'),
  publicAddressStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.4)
    .describe(
      'Strength of remote desktop enabled while the device checks in from a public address outside the organisation. Moderate: ' +
        "most inventories report the home router's address, not one the device holds.",
    ),
  minInbound: z.number().int().min(1).default(1).describe('Inbound sessions from outside before the inbound finding fires.'),
});

type MessageId = 'inbound' | 'publicAddress';

/**
 * `device/remote-desktop-internet-facing`: remote desktop is switched on and the device is
 * reached from the internet: inbound remote-access sessions from public addresses that are not
 * the organisation's own, or check-ins from a public address while remote desktop is enabled.
 */
export const remoteDesktopInternetFacing = defineIndicator({
  meta: {
    id: 'device/remote-desktop-internet-facing',
    title: 'Remote desktop enabled on a device reached from the internet',
    category: 'device',
    version: '1.0.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'remote-control',
    options,
    messages: {
      inbound: '{{count}} inbound {{tools}} sessions to device {{deviceId}} from outside the organisation ({{peers}}), the first on {{first}}{{setting}}',
      publicAddress:
        'Remote desktop is enabled on device {{deviceId}} while it checks in from the public address {{ip}} ({{count}} ' + 'check-ins, the first on {{first}})',
    },
    neutralReason: 'The company device accepted remote connections that could not be explained.',
    recommendedAction:
      "Have IT turn off inbound remote desktop and review the connection logs for the peers' locations; verify the device's " +
      'location in person or on a live video call.',
    docs: {
      description:
        'Reads device check-ins (`remoteDesktopEnabled`, `ip`) and inbound remote-access sessions (`direction`, `peerIp`, ' +
        '`peerNetwork`) in one sweep. Fires on inbound sessions from public addresses outside ' +
        '`reference.organisation.corporateEgress` and office egress IPs (at `inboundStrength` when a check-in of that device ' +
        'says remote desktop is enabled, else at `inboundWithoutSettingStrength`), and, separately and weaker, on remote desktop ' +
        'enabled while the device checks in from a public address outside the organisation (`publicAddressStrength`). Private, ' +
        'carrier-grade NAT and link-local addresses never count. Laptop farms leave RDP or VNC open so the worker abroad can ' +
        'connect (MITRE ATT&CK T1021.001); `network/remote-access-exposed` sees the same from internet scans of the egress.',
      requires: [
        'events[type=device-checkin].remoteDesktopEnabled',
        'events[type=device-checkin].ip',
        'events[type=remote-access-session].direction',
        'events[type=remote-access-session].peerIp',
        'reference.organisation.corporateEgress',
        'reference.organisation.offices[].egressIps',
      ],
      threatHypothesis: 'The company laptop sits at a laptop farm and is driven over remote desktop from abroad.',
      sources: cite('ATT-T1021', 'US-2022', 'MND', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA'),
      falsePositives: [
        "IT support connecting from a contractor's network that is not in the corporate egress list.",
        'A worker connecting to their own desktop from a phone on mobile data.',
        'A device that holds a public address on a campus or hotel network that does not NAT.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    const checkins = view.eventsOf('device-checkin');
    const sessions = view.eventsOf('remote-access-session');
    if (!checkins.some((c) => c.remoteDesktopEnabled !== undefined) && sessions.length === 0) {
      return notEvaluated('no remote-desktop setting in check-ins and no remote-access sessions', [
        'events[type=device-checkin].remoteDesktopEnabled',
        'events[type=remote-access-session]',
      ]);
    }
    const egress = organisationEgress(reference);
    // Check-ins and sessions repeat the same address: the last answer is remembered.
    let lastIp: string | undefined;
    let lastOutside = false;
    const outside = (ip: string | undefined): boolean => {
      if (ip === undefined) return false;
      if (ip !== lastIp) {
        lastIp = ip;
        lastOutside = isPublicIp(ip) && organisationEgressOf(egress, ip) === undefined;
      }
      return lastOutside;
    };
    const enabledOn = new Set<string>();
    const publicCheckins = new Map<string, { ip: string; count: number; first: string; evidence: Evidence[] }>();
    for (let i = 0; i < checkins.length; i++) {
      const c = checkins[i]!;
      if (c.remoteDesktopEnabled !== true) continue;
      enabledOn.add(c.deviceId);
      if (!outside(c.ip)) continue;
      const hit = publicCheckins.get(c.deviceId) ?? { ip: c.ip as string, count: 0, first: c.at, evidence: [] };
      hit.count++;
      if (hit.evidence.length < 5) hit.evidence.push({ recordId: c.id, at: c.at, field: 'ip', value: c.ip as string, note: 'remote desktop enabled' });
      publicCheckins.set(c.deviceId, hit);
    }
    const inbound = new Map<string, { count: number; first: string; peers: Set<string>; tools: Set<string>; evidence: Evidence[] }>();
    for (let i = 0; i < sessions.length; i++) {
      const s = sessions[i]!;
      if (s.direction !== 'inbound' || !outside(s.peerIp)) continue;
      const deviceId = s.deviceId ?? '(unknown device)';
      const hit = inbound.get(deviceId) ?? { count: 0, first: s.at, peers: new Set<string>(), tools: new Set<string>(), evidence: [] };
      hit.count++;
      const place = placeName(s.peerNetwork);
      hit.peers.add(s.peerNetwork !== undefined ? `${s.peerIp as string} in ${place}` : (s.peerIp as string));
      hit.tools.add(s.tool ?? 'remote-access');
      if (hit.evidence.length < 10)
        hit.evidence.push({ recordId: s.id, at: s.at, field: 'peerIp', value: s.peerIp as string, note: s.tool ?? 'inbound session' });
      inbound.set(deviceId, hit);
    }
    const findings: FindingDraft<MessageId>[] = [];
    const reported = new Set<string>();
    for (const [deviceId, h] of [...inbound].sort((a, b) => compareText(a[0], b[0]))) {
      if (h.count < options.minInbound) continue;
      const enabled = enabledOn.has(deviceId);
      const strength = enabled ? options.inboundStrength : options.inboundWithoutSettingStrength;
      if (strength <= 0) continue;
      const peers = [...h.peers].sort();
      reported.add(deviceId);
      findings.push({
        messageId: 'inbound',
        strength,
        data: {
          count: h.count,
          tools: [...h.tools].sort().join('/'),
          deviceId,
          peers: peers.length > 3 ? `${peers.slice(0, 3).join(', ')} and ${peers.length - 3} more` : peers.join(', '),
          first: utcDate(h.first),
          setting: enabled ? '; remote desktop is enabled on it' : '',
        },
        evidence: h.evidence,
      });
    }
    for (const [deviceId, h] of [...publicCheckins].sort((a, b) => compareText(a[0], b[0]))) {
      if (reported.has(deviceId) || options.publicAddressStrength <= 0) continue;
      findings.push({
        messageId: 'publicAddress',
        strength: options.publicAddressStrength,
        data: { deviceId, ip: h.ip, count: h.count, first: utcDate(h.first) },
        evidence: h.evidence,
      });
    }
    return findings;
  },
});
