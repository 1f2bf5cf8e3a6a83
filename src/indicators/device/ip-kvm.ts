import { z } from 'zod';
import { cite, compareText, type IpKvmDevice, matchIpKvmDevice, type Peripheral, peripheralFields, peripheralSightings } from '../../kit';
import type { ActivityEvent } from '../../records/events';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, InternedColumn } from '../../contract/types';

const options = z.object({
  includeGenericGadgets: z
    .boolean()
    .default(true)
    .describe('Report generic USB gadgets and HDMI capture dongles (parts of DIY IP-KVMs) at reduced strength; they also have innocent uses.'),
  genericGadgetStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe(
      'Strength of a generic Linux USB gadget id (1d6b:0104 and the like) seen alone: any Raspberry Pi or dev board in gadget ' +
        'mode presents it, so alone it is weak.',
    ),
  captureStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Strength of an HDMI capture chip seen alone (USB id, or its EDID as a display): odd on a work laptop, but also used for streaming.'),
  kitStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe(
      'Strength when a generic USB gadget and an HDMI capture chip show up on the same computer: together they are the parts ' +
        'of a DIY IP-KVM (keyboard and mouse in, screen out).',
    ),
});

// Answers remembered before the cache starts afresh: a population repeats a few distinct
// peripherals (the same receiver, the same monitor) at every check-in of every subject, so this
// bounds memory, not the hit rate.
const MAX_REMEMBERED_MATCHES = 1 << 14;

// The match depends only on the peripheral and the constant built-in table, so it is remembered
// and shared by every subject: scoring stays pure and deterministic. Keyed by the three parts,
// an absent part told apart from an empty one; `null` for no match.
const rememberedMatches = new Map<string, IpKvmDevice | null>();

function partKey(s: string | undefined): string {
  return s === undefined ? '\u0001' : `\u0002${s}`;
}

/** `matchIpKvmDevice` on the built-in table for one distinct peripheral, remembered; `null` for no match. */
function rememberedMatch(x: Peripheral): IpKvmDevice | null {
  const key = `${partKey(x.usbId)}\u0000${partKey(x.name)}\u0000${partKey(x.serial)}`;
  const known = rememberedMatches.get(key);
  if (known !== undefined) return known;
  const answer =
    matchIpKvmDevice({
      ...(x.usbId !== undefined ? { usbId: x.usbId } : {}),
      ...(x.name !== undefined ? { name: x.name } : {}),
      ...(x.serial !== undefined ? { serial: x.serial } : {}),
    }) ?? null;
  if (rememberedMatches.size >= MAX_REMEMBERED_MATCHES) rememberedMatches.clear();
  rememberedMatches.set(key, answer);
  return answer;
}

/**
 * `device/ip-kvm`: KVM-over-IP hardware (PiKVM, TinyPilot, JetKVM, GL.iNet, NanoKVM, BliKVM)
 * attached to the managed device, recognised from USB ids or USB/EDID names in the shipped table.
 */
export const ipKvm = defineIndicator({
  meta: {
    id: 'device/ip-kvm',
    title: 'KVM-over-IP hardware attached to the device',
    category: 'device',
    version: '1.2.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'remote-control',
    options,
    messages: {
      device: '{{device}} ({{kind}}) attached to device {{deviceId}}, seen as "{{seenAs}}" on {{first}}',
      kit: 'A generic USB gadget ({{gadget}}) and an HDMI capture chip ({{capture}}) on device {{deviceId}} since {{first}}: the parts of a DIY IP-KVM',
    },
    neutralReason: 'Hardware attached to the company device did not match the approved configuration.',
    recommendedAction: "Ask the worker to show the laptop's ports and peripherals on camera; have IT collect the device or verify it in person.",
    docs: {
      description:
        'Matches USB vendor:product ids, serials and USB or EDID display names from security detections (`usbId`, `deviceName`), ' +
        'device inventory at check-in (`usbDevices[]`, `displays[]` EDID manufacturer and model) and removable-media events ' +
        '(`media`) against the shipped IP-KVM table, and counts detections the security tool itself labels `ip-kvm`. A product ' +
        'match fires at full strength; an HDMI capture chip (by USB id or by its EDID, e.g. "MACROSILICON", "Toshiba-H2C") at ' +
        '`captureStrength`; a generic Linux USB gadget id alone at the weak `genericGadgetStrength`; a generic gadget together ' +
        'with a capture chip on one computer, the DIY IP-KVM pattern, as one finding at `kitStrength`. An IP-KVM lets someone ' +
        'anywhere drive the laptop without any software on it (MITRE T1219.003); MND asks defenders to question IP-KVM use and ' +
        'DOJ-JUN25 found farms using KVM switches.',
      requires: [
        'events[type=security].usbId',
        'events[type=security].deviceName',
        'events[type=security].category',
        'events[type=device-checkin].usbDevices',
        'events[type=device-checkin].displays',
        'events[type=removable-media].media',
      ],
      threatHypothesis: 'The laptop sits at a laptop farm and is driven through a KVM-over-IP from abroad.',
      sources: cite('MND', 'DOJ-JUN25', 'DOJ-JUN25-OPA', 'KVM-SIG', 'TRK'),
      falsePositives: [
        'Home-lab enthusiasts using a Raspberry Pi USB gadget for other projects.',
        'HDMI capture dongles used for streaming or recording presentations.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    // One peripheral table per view, in time order, so the first sighting of each device is
    // deterministic; peripherals are interned, so each distinct one is matched once.
    const table = peripheralSightings(view);
    if (table.length === 0) {
      return notEvaluated('no USB or display-device detections', [
        'events[type=security].usbId',
        'events[type=security].deviceName',
        'events[type=device-checkin].usbDevices',
        'events[type=device-checkin].displays',
      ]);
    }
    const matches = new Array<IpKvmDevice | null | undefined>(table.peripherals.length);
    const matchOf = (code: number): IpKvmDevice | undefined => {
      let m = matches[code];
      if (m === undefined) {
        m = rememberedMatch(table.peripherals[code] as Peripheral);
        matches[code] = m;
      }
      return m ?? undefined;
    };
    const strengthOf = { 'ip-kvm': 1, 'usb-gadget': options.genericGadgetStrength, 'capture-dongle': options.captureStrength } as const;
    type Hit = { device: string; kind: string; strength: number; deviceId: string; seenAs: string; first: string; evidence: Evidence[] };
    const hits = new Map<string, Hit>();
    // Interned only once a sighting matches: most subjects have none.
    let devices: InternedColumn | undefined;
    const times = view.eventTimes();
    for (let k = 0; k < table.length; k++) {
      const code = table.peripheral[k] as number;
      const x = table.peripherals[code] as Peripheral;
      const match = matchOf(code);
      let device: string;
      let kind: string;
      let strength: number;
      if (match !== undefined && (match.kind === 'ip-kvm' || options.includeGenericGadgets)) {
        device = match.name;
        kind = match.kind;
        strength = strengthOf[match.kind];
      } else if (table.labelledIpKvm[k] === 1) {
        device = x.name ?? x.usbId ?? 'IP-KVM';
        kind = 'ip-kvm (security tool)';
        strength = 0.9;
      } else continue;
      const index = table.event[k] as number;
      const e = view.events[index] as ActivityEvent;
      devices ??= view.interned('deviceId');
      const deviceCode = devices.codes[index] as number;
      const deviceId = deviceCode < 0 ? '(unknown device)' : (devices.values[deviceCode] as string);
      const key = `${deviceId}\u0000${device}`;
      let hit = hits.get(key);
      if (hit === undefined) {
        const first = new Date(times[index] as number).toISOString().slice(0, 10);
        hit = { device, kind, strength, deviceId, seenAs: x.name ?? x.usbId ?? device, first, evidence: [] };
        hits.set(key, hit);
      }
      if (hit.evidence.length < 10) {
        hit.evidence.push({
          recordId: e.id,
          at: e.at,
          field: peripheralFields[table.field[k] as number] as string,
          value: table.values[table.value[k] as number] as string,
        });
      }
    }
    // A generic gadget and a capture chip on one computer are one DIY kit, not two weak findings.
    const gadgets = new Map<string, Hit>();
    const captures = new Map<string, Hit>();
    const sorted = [...hits.entries()].sort((a, b) => compareText(a[0], b[0])).map(([, h]) => h);
    for (const h of sorted) {
      const byKind = h.kind === 'usb-gadget' ? gadgets : h.kind === 'capture-dongle' ? captures : undefined;
      if (byKind !== undefined && !byKind.has(h.deviceId)) byKind.set(h.deviceId, h);
    }
    const kits = new Map<string, { gadget: Hit; capture: Hit }>();
    for (const [deviceId, gadget] of gadgets) {
      const capture = captures.get(deviceId);
      if (capture !== undefined) kits.set(deviceId, { gadget, capture });
    }
    const findings: FindingDraft<'device' | 'kit'>[] = [];
    for (const h of sorted) {
      if (kits.has(h.deviceId) && (h.kind === 'usb-gadget' || h.kind === 'capture-dongle')) continue;
      findings.push({
        messageId: 'device',
        strength: h.strength,
        data: { device: h.device, kind: h.kind, deviceId: h.deviceId, seenAs: h.seenAs, first: h.first },
        evidence: h.evidence,
      });
    }
    for (const [deviceId, { gadget, capture }] of [...kits].sort((a, b) => compareText(a[0], b[0]))) {
      findings.push({
        messageId: 'kit',
        strength: options.kitStrength,
        data: { gadget: gadget.seenAs, capture: capture.seenAs, deviceId, first: gadget.first > capture.first ? gadget.first : capture.first },
        evidence: [...gadget.evidence.slice(0, 5), ...capture.evidence.slice(0, 5)],
      });
    }
    return findings;
  },
});
