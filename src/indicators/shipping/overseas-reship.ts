import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import type { NetworkEnrichment } from '../../records/events';
import type { Shipment } from '../../records/subject';
import { cite, compareText, formatPlace, notAfter } from '../../kit';

const options = z.object({
  forwarderStrength: z.number().min(0).max(1).default(1).describe('Strength of a shipment addressed to a known freight forwarder or reshipper.'),
  abroadChangeStrength: z.number().min(0).max(1).default(0.9).describe('Strength of a change request that redirects the shipment to another country.'),
  checkinStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe('Strength of a device whose first located check-in is in another country than its ship-to address.'),
  skipAnonymisedCheckins: z
    .boolean()
    .default(true)
    .describe(
      'Ignore check-ins whose egress is a VPN, proxy, Tor or hosting range when looking for the first located one: a ' +
        "legitimate VPN user's exit country says nothing about where the laptop is.",
    ),
});

type MessageId = 'forwarder' | 'redirectedAbroad' | 'checkinAbroad';

function anonymised(n: NetworkEnrichment | undefined): boolean {
  return n?.isVpn === true || n?.isProxy === true || n?.isTor === true || n?.isHosting === true || n?.isResidentialProxy === true;
}

/**
 * `shipping/overseas-reship`: equipment forwarded abroad or to a freight forwarder, or a device
 * whose first located check-in is in another country than its ship-to address.
 */
export const overseasReship = defineIndicator({
  meta: {
    id: 'shipping/overseas-reship',
    title: 'Equipment forwarded or activated abroad',
    category: 'shipping',
    version: '1.0.0',
    kind: 'risk',
    family: 'shipping',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'shipping-destination',
    options,
    messages: {
      forwarder: 'Shipment {{shipmentId}} went to a freight forwarder in {{shipTo}}',
      redirectedAbroad: 'Shipment {{shipmentId}} to {{shipTo}} was redirected on {{date}} to {{to}} in another country',
      checkinAbroad: 'Device {{device}} shipped to {{shipTo}} first checked in from {{checkinPlace}} on {{date}}',
    },
    neutralReason: 'The location of company equipment could not be reconciled with the delivery address.',
    recommendedAction:
      'Ask the worker to show the device and its serial number on a live video call from the claimed home; retrieve the device ' +
      'if it is abroad without approval.',
    docs: {
      description:
        'Fires on a shipment addressed to a known freight forwarder or reshipper, on a ship-to change request that moves the ' +
        'shipment to another country, and on a shipped device (matched by device id or serial) whose first located device ' +
        'check-in is in another country than its ship-to address. Check-ins through VPNs, proxies, Tor or hosting ranges are ' +
        'skipped by default, so a legitimate VPN user does not fire; laptop farms give clean residential IPs, so a match clears ' +
        'no one. DOJ-CHAPMAN: 49 devices shipped abroad; GTIG: devices meant for US roles activated in London.',
      requires: [
        'shipments[].forwarder',
        'shipments[].changeRequests',
        'shipments[].deviceId',
        'shipments[].serial',
        'events[type=device-checkin].network.country',
      ],
      threatHypothesis: "The laptop is forwarded to, or remotely operated from, the worker's real location abroad.",
      sources: cite('DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'PSA-2023', 'PSA-2024', 'GTIG'),
      falsePositives: [
        'Approved travel or relocation at start.',
        'IP geolocation errors near borders or on mobile carriers.',
        'Corporate VPNs whose exit is abroad (enrich them as VPN).',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const shipments = [...(view.subject.shipments ?? [])].sort((a, b) => compareText(a.id, b.id));
    if (shipments.length === 0) return notEvaluated('no equipment shipments', ['shipments']);
    const findings: FindingDraft<MessageId>[] = [];
    const byDevice = new Map<string, Shipment>();
    for (const sh of shipments) {
      const shipTo = formatPlace(sh.address);
      if (sh.deviceId !== undefined && !byDevice.has(`id:${sh.deviceId}`)) byDevice.set(`id:${sh.deviceId}`, sh);
      if (sh.serial !== undefined && !byDevice.has(`sn:${sh.serial}`)) byDevice.set(`sn:${sh.serial}`, sh);
      if (sh.forwarder === true && options.forwarderStrength > 0) {
        findings.push({
          messageId: 'forwarder',
          strength: options.forwarderStrength,
          data: { shipmentId: sh.id, shipTo },
          evidence: [{ recordId: sh.id, field: 'forwarder', value: true, note: shipTo }],
        });
      }
      if (sh.address.country !== undefined && options.abroadChangeStrength > 0) {
        for (const change of sh.changeRequests ?? []) {
          if (change.address.country === undefined || change.address.country === sh.address.country || !notAfter(change.at, asOfMs)) continue;
          findings.push({
            messageId: 'redirectedAbroad',
            strength: options.abroadChangeStrength,
            data: { shipmentId: sh.id, shipTo, date: change.at.slice(0, 10), to: formatPlace(change.address) },
            evidence: [{ recordId: sh.id, field: 'changeRequests', at: change.at, value: formatPlace(change.address) }],
          });
        }
      }
    }
    // One sweep over check-ins (sorted by time): the first located one per shipped device.
    const seen = new Set<string>();
    if (byDevice.size > 0 && options.checkinStrength > 0) {
      const checkins = view.eventsOf('device-checkin');
      for (let i = 0; i < checkins.length; i++) {
        const e = checkins[i]!;
        const sh = byDevice.get(`id:${e.deviceId}`) ?? (e.serial !== undefined ? byDevice.get(`sn:${e.serial}`) : undefined);
        if (sh === undefined || seen.has(sh.id)) continue;
        const country = e.network?.country;
        if (country === undefined || (options.skipAnonymisedCheckins && anonymised(e.network))) continue;
        seen.add(sh.id);
        if (sh.address.country === undefined || country === sh.address.country) continue;
        const place = e.network?.city !== undefined ? `${e.network.city}, ${country}` : country;
        findings.push({
          messageId: 'checkinAbroad',
          strength: options.checkinStrength,
          data: { device: sh.serial ?? sh.deviceId ?? e.deviceId, shipTo: formatPlace(sh.address), checkinPlace: place, date: e.at.slice(0, 10) },
          evidence: [
            { recordId: e.id, field: 'network.country', at: e.at, value: country, ...(e.ip !== undefined ? { note: `from ${e.ip}` } : {}) },
            { recordId: sh.id, field: 'address.country', value: sh.address.country },
          ],
        });
      }
    }
    return findings;
  },
});
