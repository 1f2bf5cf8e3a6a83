import { linkageInputs } from '../../records/linkage';
import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import type { LinkKeyKind } from '../../linking/keys';
import { cite } from '../../kit';
import { activeLinks, clusterFinding, clusterOptions, ownMembers, summariseLinkage, combineLinks } from './shared';

const options = z.object({
  ...clusterOptions,
  emailFloor: z.number().min(0).max(1).default(0.7).describe('Strength when two subjects give one e-mail address: a mailbox belongs to one person.'),
  phoneFloor: z.number().min(0).max(1).default(0.5).describe('Strength when two subjects give one phone number; a household line is exempt.'),
  addressFloor: z
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe('Strength when two subjects give one home or contact address: flatmates exist, so it starts low and grows with the cluster.'),
});

const kinds = new Set<LinkKeyKind>(['email', 'phone', 'address']);

/** `linkage/shared-contact`: the subject's e-mail, phone or home address is also another subject's. */
export const sharedContact = defineIndicator({
  meta: {
    id: 'linkage/shared-contact',
    title: 'Contact details other subjects share',
    category: 'linkage',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'linkage-shared-keys',
    options,
    messages: {
      sharedContact: '{{kindLabel}} {{value}} is given by {{count}} subjects since {{since}} (also: {{others}})',
    },
    neutralReason: "The contact details could not be confirmed as the applicant's own.",
    recommendedAction:
      'Cross-check the shared contact point against every subject in the cluster and the HR system (PSA-2025-01); verify each ' +
      "applicant's contact details independently.",
    docs: {
      description:
        'Fires when an e-mail address (Gmail dots and plus tags folded), phone number (E.164-like) or home, contact or document ' +
        'address of this subject is also given by other subjects in the batch. Ship-to addresses are left to ' +
        "`linkage/shared-shipping-address`. Strength starts at the kind's floor for two subjects and grows with the cluster " +
        'size to 1 at `saturation`. Households (phone, address) and allow-listed keys do not fire.',
      requires: ['contacts.emails[]', 'contacts.phones[]', 'contacts.addresses[]', 'identity.residence.address', 'documents[].address'],
      threatHypothesis: 'One operator or facilitator runs several applicant identities with the same contact points.',
      sources: cite('PSA-2025-01', 'PSA-2024', 'SEAL'),
      falsePositives: [
        'Flatmates or relatives giving their common home address or landline.',
        'A recruiter or agency entering its own phone or e-mail for candidates it submits.',
        'Duplicate records of one person (re-application under the same name): compare the names.',
      ],
    },
  },
  inputs: linkageInputs,
  summarise: summariseLinkage,
  combine: combineLinks,
  evaluate(view, { options, prepared, notEvaluated }) {
    const s = view.subject;
    const has =
      (s.contacts?.emails ?? []).length + (s.contacts?.phones ?? []).length + (s.contacts?.addresses ?? []).length > 0 ||
      s.identity?.residence?.address !== undefined ||
      (s.documents ?? []).some((d) => d.address !== undefined);
    if (!has) return notEvaluated('no e-mail, phone or address on record', ['contacts', 'identity.residence.address']);
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const floors: Record<string, number> = { email: options.emailFloor, phone: options.phoneFloor, address: options.addressFloor };
    const findings: FindingDraft<'sharedContact'>[] = [];
    for (const link of activeLinks(prepared.index, s.id, kinds)) {
      const own = ownMembers(prepared, link, s.id);
      // An address this subject only ships to is the shipping indicator's finding.
      if (link.kind === 'address' && own.every((m) => m.field.startsWith('shipments[]'))) continue;
      findings.push({ messageId: 'sharedContact', ...clusterFinding(prepared, link, s.id, floors[link.kind] ?? 0.5, options) });
    }
    return findings;
  },
});
