import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import type { PostalAddress } from '../../records/common';
import { type AddressComparison, cite, compareAddresses, compareText, formatPlace, officeAddressKeys, officeAt } from '../../kit';

const options = z.object({
  requireVerifiedResidence: z
    .boolean()
    .default(false)
    .describe(
      'Compare only with residences verified independently. Off by default: a ship-to address that differs from the claimed ' +
        'residence already needs explaining.',
    ),
  changeStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe('Strength of a ship-to change requested between offer and delivery, which SW describes as the reroute to a laptop farm.'),
});

type MessageId = 'mismatch' | 'change';

interface Residence {
  address: PostalAddress;
  verified: boolean;
  label: string;
  evidence: Evidence;
  /** Every field of the address plus where it came from, to break ties whatever the input order. */
  key: string;
}

function residenceKey(label: string, a: PostalAddress): string {
  return [a.country, a.region, a.city, a.postalCode, a.line1, a.line2, label].map((v) => v ?? '').join('\u0000');
}

const FIELD_STRENGTH = { country: 1, city: 0.8, postalCode: 0.6, line1: 0.5 } as const;

/**
 * `shipping/address-mismatch`: equipment is shipped somewhere other than the verified residence,
 * or the ship-to address was changed between offer and delivery.
 */
export const addressMismatch = defineIndicator({
  meta: {
    id: 'shipping/address-mismatch',
    title: 'Equipment ship-to address differs from the residence',
    category: 'shipping',
    version: '1.1.0',
    kind: 'risk',
    family: 'shipping',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'shipping-destination',
    options,
    messages: {
      mismatch: 'Ship-to address of shipment {{shipmentId}} in {{shipTo}} differs from the {{residenceKind}} residence in {{residence}}',
      change: 'Ship-to address of shipment {{shipmentId}} was changed on {{date}} from {{from}} to {{to}}{{reason}}, after the offer and before delivery',
    },
    neutralReason: 'The equipment delivery address could not be matched to the verified residence.',
    recommendedAction:
      'Ship only to the address on the verified identity document, or require in-person pick-up with the document; confirm any ' +
      'change on a live video call.',
    docs: {
      description:
        "Compares each shipment's ship-to address with every residence address on file (verified contact addresses, the claimed " +
        'residence, addresses on verified documents) field by field after normalisation (country, city, postal code, street ' +
        'line). A shipment matching any of them is fine; otherwise it fires with strength by the first differing field (country ' +
        '1, city 0.8, postal code 0.6, street 0.5) against the best residence (verified first, then the closest). Separately, ' +
        'each ship-to change requested between the offer (or application) and delivery fires at `changeStrength`. Shipments to ' +
        'an office of the organisation (`reference.organisation.offices[].address`, matched whatever unit, floor or "attn" line ' +
        'it carries) and ship-to changes to one are pick-ups, never findings. Every laptop-farm prosecution turns on equipment ' +
        "shipped to an address that is not the worker's.",
      requires: [
        'shipments[].address',
        'shipments[].changeRequests',
        'identity.residence.address',
        'contacts.addresses[]',
        'documents[].address',
        'offerAt',
        'reference.organisation.offices',
      ],
      threatHypothesis: "Equipment is sent to a facilitator's laptop farm rather than to the worker.",
      sources: cite('SW', 'U42', 'PSA-2024', 'SEAL', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'DOJ-KNOOT', 'DOJ-KNOOT-OPA'),
      falsePositives: [
        'A move between offer and start.',
        'Shipping to a relative or a co-working space while travelling.',
        'Secure parcel lockers for people who are out during the day.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, reference, notEvaluated }) {
    const s = view.subject;
    const shipments = [...(s.shipments ?? [])].sort((a, b) => compareText(a.id, b.id));
    if (shipments.length === 0) return notEvaluated('no equipment shipments', ['shipments']);
    const residences: Residence[] = [];
    const r = s.identity?.residence;
    if (r?.address !== undefined) {
      residences.push({
        address: r.address,
        verified: r.verified === true,
        label: 'identity.residence.address',
        key: residenceKey('identity.residence.address', r.address),
        evidence: { recordId: s.id, field: 'identity.residence.address', value: formatPlace(r.address) },
      });
    }
    for (const a of s.contacts?.addresses ?? []) {
      if (a.kind !== 'residence' && a.kind !== 'document') continue;
      residences.push({
        address: a,
        verified: a.verified === true,
        label: 'contacts.addresses',
        key: residenceKey('contacts.addresses', a),
        evidence: { recordId: s.id, field: 'contacts.addresses', value: formatPlace(a) },
      });
    }
    for (const d of s.documents ?? []) {
      if (d.address === undefined) continue;
      residences.push({
        address: d.address,
        verified: d.verification?.outcome === 'verified',
        label: d.id,
        key: residenceKey(d.id, d.address),
        evidence: { recordId: d.id, field: 'address', value: formatPlace(d.address) },
      });
    }
    // Ranked once: verified first, then by every address field, so ties never depend on input order.
    const usable = residences
      .filter((x) => x.verified || !options.requireVerifiedResidence)
      .sort((a, b) => Number(b.verified) - Number(a.verified) || compareText(a.key, b.key));
    const findings: FindingDraft<MessageId>[] = [];
    const offer = s.offerAt ?? s.appliedAt;
    const offices = officeAddressKeys(reference);
    for (const sh of shipments) {
      if (usable.length > 0 && officeAt(sh.address, offices) === undefined) {
        let matched = false;
        // The residence to name: the best-attested one, and among those the closest (the later
        // the first differing field, the weaker the finding), so a reviewer sees the fairest reading.
        let nearest: { res: Residence; cmp: AddressComparison & { result: 'different' } } | undefined;
        for (const res of usable) {
          const cmp = compareAddresses(sh.address, res.address);
          if (cmp.result === 'same') {
            matched = true;
            break;
          }
          if (cmp.result !== 'different') continue;
          if (nearest === undefined || (res.verified === nearest.res.verified && FIELD_STRENGTH[cmp.field] < FIELD_STRENGTH[nearest.cmp.field])) {
            nearest = { res, cmp };
          }
        }
        if (!matched && nearest !== undefined) {
          const omit = sh.address.country === nearest.res.address.country ? sh.address.country : undefined;
          findings.push({
            messageId: 'mismatch',
            strength: FIELD_STRENGTH[nearest.cmp.field],
            data: {
              shipmentId: sh.id,
              shipTo: formatPlace(sh.address, omit),
              residenceKind: nearest.res.verified ? 'verified' : 'claimed',
              residence: formatPlace(nearest.res.address, omit),
              field: nearest.cmp.field,
            },
            evidence: [
              { recordId: sh.id, field: 'address', value: formatPlace(sh.address), ...(sh.shippedAt !== undefined ? { at: sh.shippedAt } : {}) },
              nearest.res.evidence,
            ],
          });
        }
      }
      if (offer === undefined || options.changeStrength <= 0) continue;
      const from = Date.parse(offer);
      const until = sh.deliveredAt !== undefined ? Math.min(Date.parse(sh.deliveredAt), asOfMs) : asOfMs;
      const changes = [...(sh.changeRequests ?? [])].sort(
        (a, b) => Date.parse(a.at) - Date.parse(b.at) || compareText(residenceKey(a.reason ?? '', a.address), residenceKey(b.reason ?? '', b.address)),
      );
      let previous: PostalAddress | undefined;
      for (const change of changes) {
        const t = Date.parse(change.at);
        if (t >= from && t <= until && officeAt(change.address, offices) === undefined) {
          const omit = (previous ?? sh.address).country === change.address.country ? change.address.country : undefined;
          findings.push({
            messageId: 'change',
            strength: options.changeStrength,
            data: {
              shipmentId: sh.id,
              date: change.at.slice(0, 10),
              from: previous !== undefined ? formatPlace(previous, omit) : 'the original address',
              to: formatPlace(change.address, omit),
              reason: change.reason !== undefined ? ` ("${change.reason}")` : '',
            },
            evidence: [{ recordId: sh.id, field: 'changeRequests', at: change.at, value: formatPlace(change.address) }],
          });
        }
        previous = change.address;
      }
    }
    return findings;
  },
});
