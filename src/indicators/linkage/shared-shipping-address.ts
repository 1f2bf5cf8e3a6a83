import { linkageInputs } from '../../records/linkage';
import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite } from '../../kit';
import { activeLinks, clusterFinding, clusterOptions, householdExplains, ownMembers, summariseLinkage, combineLinks } from './shared';

const options = z.object({
  ...clusterOptions,
  floor: z
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe(
      'Strength when two subjects share a ship-to address. The catalogue rates more than one employee per delivery address a ' +
        'strong flag; households are exempt.',
    ),
});

const kinds = new Set(['address'] as const);

/**
 * `linkage/shared-shipping-address`: company equipment for this subject ships to an address that
 * other subjects also use — the signature of a laptop farm.
 */
export const sharedShippingAddress = defineIndicator({
  meta: {
    id: 'linkage/shared-shipping-address',
    title: 'Equipment ships to an address other subjects share',
    category: 'linkage',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'linkage-shared-keys',
    options,
    messages: {
      sharedShipTo: 'Shipment {{shipment}} goes to {{address}}, a {{kindLabel}} {{count}} subjects share since {{since}} (also: {{others}})',
    },
    neutralReason: "The equipment delivery address could not be reconciled with the worker's own address.",
    recommendedAction:
      'Compare the ship-to address with the verified residence of every subject in the cluster; hold further shipments and ' +
      'offer pickup in person with the ID on file.',
    docs: {
      description:
        'Fires when a shipment (or a requested change of ship-to address) of this subject goes to a postal address that other ' +
        'subjects in the batch also ship to, live at or hold on a document. Addresses are normalised (case, punctuation, ' +
        'St/Street, Apt/Unit/#, ZIP+4). Strength is `floor` for two subjects and grows with the logarithm of the cluster size to ' +
        '1 at `saturation` subjects. A household (at most `linkSettings.householdSize` subjects who all claim the address as ' +
        'home) and allow-listed addresses (`reference.linkAllowList`) do not fire.',
      requires: ['shipments[].address', 'shipments[].changeRequests[].address'],
      threatHypothesis: 'The address is a laptop farm hosting devices for several remote workers who are not where they claim to be.',
      sources: cite('DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'DOJ-KNOOT', 'DOJ-KNOOT-OPA', 'DOJ-JUN25', 'DOJ-JUN25-OPA', 'PSA-2024', 'U42', 'SW'),
      falsePositives: [
        'Relatives or flatmates hired separately who live together (allow-list them, or they count as a household when they claim the address as home).',
        'A staffing agency or coworking office that receives equipment for its consultants (allow-list the address).',
        'A corporate office or depot entered as the ship-to address.',
      ],
    },
  },
  inputs: linkageInputs,
  summarise: summariseLinkage,
  combine: combineLinks,
  evaluate(view, { options, prepared, notEvaluated }) {
    const shipments = view.subject.shipments ?? [];
    if (shipments.length === 0) return notEvaluated('no shipments of equipment', ['shipments[].address']);
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const id = view.subject.id;
    const findings: FindingDraft<'sharedShipTo'>[] = [];
    for (const link of activeLinks(prepared.index, id, kinds)) {
      const own = ownMembers(prepared, link, id).filter((m) => m.field.startsWith('shipments[]'));
      if (own.length === 0) continue;
      const base = clusterFinding(prepared, link, id, options.floor, options);
      const household = householdExplains(view.subject, link);
      findings.push({
        messageId: 'sharedShipTo',
        ...base,
        ...(household.length > 0 ? { strength: 0, mitigatedBy: household } : {}),
        data: { ...base.data, kindLabel: 'delivery address', address: base.data.value, shipment: (own[0] as { recordId: string }).recordId },
      });
    }
    return findings;
  },
});
