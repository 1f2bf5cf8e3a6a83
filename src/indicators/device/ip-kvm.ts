import { z } from 'zod';
import { matchIpKvmDevice } from '../../data/ipKvmDevices';
import { defineIndicator } from '../../indicator/defineIndicator';
import type { Evidence } from '../../indicator/types';
import { cite } from '../shared/sources';
import { utcDate } from '../shared/time';
import { compareText } from '../../engine/order';

const options = z.object({
  includeGenericGadgets: z
    .boolean()
    .default(true)
    .describe('Report generic USB gadgets and HDMI capture dongles (parts of DIY IP-KVMs) at reduced strength; they also have innocent uses.'),
});

const KIND_STRENGTH = { 'ip-kvm': 1, 'usb-gadget': 0.5, 'capture-dongle': 0.5 } as const;

/**
 * `device/ip-kvm`: KVM-over-IP hardware (PiKVM, TinyPilot, JetKVM, GL.iNet, NanoKVM, BliKVM)
 * attached to the managed device, recognised from USB ids or USB/EDID names in the shipped table.
 */
export const ipKvm = defineIndicator({
  meta: {
    id: 'device/ip-kvm',
    title: 'KVM-over-IP hardware attached to the device',
    category: 'device',
    description:
      'Matches USB vendor:product ids and USB or EDID display names from security detections (`usbId`, `deviceName`) against the shipped IP-KVM table, and counts detections the security tool itself labels `ip-kvm`. A product match fires at full strength; a generic USB gadget or HDMI capture dongle (the parts of a DIY IP-KVM) at half. An IP-KVM lets someone anywhere drive the laptop without any software on it (MITRE T1219.003); MND asks defenders to question IP-KVM use and DOJ-JUN25 found farms using KVM switches.',
    version: '1.0.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'remote-control',
    requires: ['events[type=security].usbId', 'events[type=security].deviceName', 'events[type=security].category'],
    options,
    messages: {
      device: '{{device}} ({{kind}}) attached to device {{deviceId}}, seen as "{{seenAs}}" on {{first}}',
    },
    neutralReason: 'Hardware attached to the company device did not match the approved configuration.',
    threatHypothesis: 'The laptop sits at a laptop farm and is driven through a KVM-over-IP from abroad.',
    recommendedAction:
      'Ask the worker to show the laptop\'s ports and peripherals on camera; have IT collect the device or verify it in person.',
    sources: cite('MND', 'DOJ-JUN25', 'KVM-SIG', 'TRK'),
    falsePositives: [
      'Home-lab enthusiasts using a Raspberry Pi USB gadget for other projects.',
      'HDMI capture dongles used for streaming or recording presentations.',
    ],
  },
  evaluate(view, { options, notEvaluated }) {
    const usb = view
      .eventsOf('security')
      .filter((e) => e.usbId !== undefined || e.deviceName !== undefined || e.category === 'ip-kvm' || e.category === 'usb-device');
    if (usb.length === 0) return notEvaluated('no USB or display-device detections', ['events[type=security].usbId', 'events[type=security].deviceName']);
    const hits = new Map<string, { device: string; kind: string; strength: number; deviceId: string; seenAs: string; first: string; evidence: Evidence[] }>();
    for (const e of usb) {
      const match = matchIpKvmDevice({ ...(e.usbId !== undefined ? { usbId: e.usbId } : {}), ...(e.deviceName !== undefined ? { name: e.deviceName } : {}) });
      let device: string;
      let kind: string;
      let strength: number;
      if (match !== undefined && (match.kind === 'ip-kvm' || options.includeGenericGadgets)) {
        device = match.name;
        kind = match.kind;
        strength = KIND_STRENGTH[match.kind];
      } else if (e.category === 'ip-kvm') {
        device = e.deviceName ?? e.usbId ?? 'IP-KVM';
        kind = 'ip-kvm (security tool)';
        strength = 0.9;
      } else continue;
      const deviceId = e.deviceId ?? '(unknown device)';
      const key = `${deviceId}\u0000${device}`;
      let hit = hits.get(key);
      if (hit === undefined) {
        hit = { device, kind, strength, deviceId, seenAs: e.deviceName ?? e.usbId ?? device, first: utcDate(e.at), evidence: [] };
        hits.set(key, hit);
      }
      if (hit.evidence.length < 10) {
        // Name the field the value came from: a detection the tool labels ip-kvm may carry neither id nor name.
        const field = e.usbId !== undefined ? 'usbId' : e.deviceName !== undefined ? 'deviceName' : 'category';
        hit.evidence.push({ recordId: e.id, at: e.at, field, value: e.usbId ?? e.deviceName ?? e.category });
      }
    }
    return [...hits.entries()]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([, h]) => ({
        messageId: 'device' as const,
        strength: h.strength,
        data: { device: h.device, kind: h.kind, deviceId: h.deviceId, seenAs: h.seenAs, first: h.first },
        evidence: h.evidence,
      }));
  },
});
