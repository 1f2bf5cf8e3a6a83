import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, compareText } from '../../kit';

const options = z.object({
  graceDays: z
    .number()
    .nonnegative()
    .default(0)
    .describe('Check-ins earlier than this many days after the first delivery are ignored (e.g. while IT still provisions spares). None by default.'),
});

/** Serials compare without case, spaces or dashes: manifests and MDM format them differently. */
function normSerial(s: string): string {
  return s.replace(/[\s\-_.]/g, '').toUpperCase();
}

type MessageId = 'deviceSerial' | 'unknownSerial' | 'serialChanged';

/**
 * `device/serial-mismatch`: the device that checks in with device management is not the one that
 * was shipped, or a device's hardware serial changes. MND recommends verifying laptop serial
 * numbers at onboarding: a swapped laptop means the shipped one went somewhere else.
 */
export const serialMismatch = defineIndicator({
  meta: {
    id: 'device/serial-mismatch',
    title: 'Checked-in device is not the one shipped',
    category: 'device',
    version: '1.1.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'device-integrity',
    options,
    messages: {
      deviceSerial: 'Device {{deviceId}} was shipped with serial {{shipped}} but checks in with serial {{seen}}',
      unknownSerial: 'Device {{deviceId}} checks in with serial {{seen}}, which matches none of the {{shippedCount}} shipped serials ({{shipped}})',
      serialChanged: 'Device {{deviceId}} reported serial {{from}} and later {{to}}',
    },
    neutralReason: 'The company device in use could not be matched with the device issued.',
    recommendedAction: 'Compare the laptop serial with the shipping manifest on a live video call, with the serial label in view.',
    docs: {
      description:
        'Compares the serials in device check-ins (`events[type=device-checkin].serial`) with the serials shipped ' +
        '(`shipments[].serial`). Fires when a device id that was shipped checks in with another serial, when a checked-in serial ' +
        'matches no shipped serial, and when one device id reports different serials over time. Serials are compared without ' +
        'case, spaces or dashes. A device the organisation handed over on site, lent from a pool or keeps in a lab ' +
        '(`reference.organisation.devices[]` with `handover` other than shipped, assigned to this subject or to no one) was ' +
        'never shipped, so its serial is not unknown.',
      requires: ['shipments[].serial', 'shipments[].deviceId', 'events[type=device-checkin].serial', 'reference.organisation.devices'],
      threatHypothesis: 'The shipped laptop was handed to someone else or sits at a farm, and another machine is enrolled in its place.',
      sources: cite('MND', 'PSA-2024'),
      falsePositives: [
        'A replacement device IT sent without updating the shipping record.',
        'Motherboard repairs that change the hardware serial.',
        'Typos in the shipping manifest (check for near-identical serials).',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    const shipped = (view.subject.shipments ?? []).filter((s) => s.serial !== undefined);
    const checkins = view.eventsOf('device-checkin').filter((c) => c.serial !== undefined);
    if (shipped.length === 0) return notEvaluated('no shipped serial numbers', ['shipments[].serial']);
    if (checkins.length === 0) return notEvaluated('no device check-ins with serial numbers', ['events[type=device-checkin].serial']);
    const sortedShipments = [...shipped].sort((a, b) => compareText(a.id, b.id));
    const shippedSerials = new Map<string, string>(); // normalised -> shipment id
    const byDeviceId = new Map<string, { serial: string; shipmentId: string }>();
    let firstDelivery = Infinity;
    for (const s of sortedShipments) {
      shippedSerials.set(normSerial(s.serial as string), s.id);
      if (s.deviceId !== undefined) byDeviceId.set(s.deviceId, { serial: s.serial as string, shipmentId: s.id });
      const t = s.deliveredAt ?? s.shippedAt;
      if (t !== undefined) firstDelivery = Math.min(firstDelivery, Date.parse(t));
    }
    // Devices issued without shipping (on site, pool, lab) to this subject or to no one in particular.
    const unshipped = new Set<string>();
    for (const d of reference.organisation?.devices ?? []) {
      if (d.handover === 'shipped' || (d.subjectId !== undefined && d.subjectId !== view.subject.id)) continue;
      if (d.serial !== undefined) unshipped.add(`serial:${normSerial(d.serial)}`);
      if (d.deviceId !== undefined) unshipped.add(`id:${d.deviceId}`);
    }
    const from = Number.isFinite(firstDelivery) ? firstDelivery + options.graceDays * 86_400_000 : -Infinity;
    const findings: FindingDraft<MessageId>[] = [];
    const reported = new Set<string>();
    const lastSerial = new Map<string, { serial: string; id: string; at: string }>();
    for (const c of checkins) {
      if (view.timeOf(c) < from) continue;
      const serial = c.serial as string;
      const norm = normSerial(serial);
      const prev = lastSerial.get(c.deviceId);
      if (prev !== undefined && normSerial(prev.serial) !== norm && !reported.has(`chg:${c.deviceId}:${norm}`)) {
        reported.add(`chg:${c.deviceId}:${norm}`);
        findings.push({
          messageId: 'serialChanged',
          strength: 0.8,
          data: { deviceId: c.deviceId, from: prev.serial, to: serial },
          evidence: [
            { recordId: prev.id, at: prev.at, field: 'serial', value: prev.serial },
            { recordId: c.id, at: c.at, field: 'serial', value: serial },
          ],
        });
      }
      lastSerial.set(c.deviceId, { serial, id: c.id, at: c.at });
      const expected = byDeviceId.get(c.deviceId);
      if (expected !== undefined && normSerial(expected.serial) !== norm) {
        if (reported.has(`dev:${c.deviceId}:${norm}`)) continue;
        reported.add(`dev:${c.deviceId}:${norm}`);
        findings.push({
          messageId: 'deviceSerial',
          strength: 1,
          data: { deviceId: c.deviceId, shipped: expected.serial, seen: serial },
          evidence: [
            { recordId: expected.shipmentId, field: 'serial', value: expected.serial, note: 'shipped' },
            { recordId: c.id, at: c.at, field: 'serial', value: serial, note: 'checked in' },
          ],
        });
      } else if (expected === undefined && !shippedSerials.has(norm) && !unshipped.has(`serial:${norm}`) && !unshipped.has(`id:${c.deviceId}`)) {
        if (reported.has(`unk:${norm}`)) continue;
        reported.add(`unk:${norm}`);
        findings.push({
          messageId: 'unknownSerial',
          strength: 0.8,
          data: {
            deviceId: c.deviceId,
            seen: serial,
            shippedCount: sortedShipments.length,
            shipped: sortedShipments.map((s) => s.serial as string).join(', '),
          },
          evidence: [
            { recordId: c.id, at: c.at, field: 'serial', value: serial, note: 'checked in' },
            ...sortedShipments.slice(0, 3).map((s) => ({ recordId: s.id, field: 'serial', value: s.serial ?? null, note: 'shipped' })),
          ],
        });
      }
    }
    return findings;
  },
});
