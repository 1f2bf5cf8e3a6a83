import { linkageInputs } from '../../records/linkage';
import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite } from '../../kit';
import { activeLinks, clusterFinding, clusterOptions, ownMembers, summariseLinkage, combineLinks } from './shared';

const options = z.object({
  ...clusterOptions,
  floor: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe(
      'Strength when two subjects are paid into one account. Pay to an account shared across workers is rated strong (US-2022, ' +
        'PSA-2024); joint accounts of a household are exempt.',
    ),
});

const kinds = new Set(['bank-account', 'wallet', 'payout-account'] as const);

/** `linkage/shared-payment-instrument`: the subject is paid into a bank account, wallet or payout account other subjects also use. */
export const sharedPaymentInstrument = defineIndicator({
  meta: {
    id: 'linkage/shared-payment-instrument',
    title: 'Pay goes to an account other subjects share',
    category: 'linkage',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'linkage-shared-keys',
    options,
    messages: {
      sharedAccount: '{{kindLabel}} {{account}} (record {{record}}) is used by {{count}} subjects since {{since}} (also: {{others}})',
    },
    neutralReason: "The payment account could not be confirmed as the worker's own.",
    recommendedAction:
      "Confirm the account holder with the bank or platform for each subject in the cluster; pay only into an account in the worker's own verified name.",
    docs: {
      description:
        'Fires when a payout instruction or payment of this subject names a bank account or IBAN, crypto wallet or ' +
        'payment-platform account that other subjects in the batch are paid into as well. Strength is `floor` for two subjects ' +
        'and grows with the cluster size to 1 at `saturation`. Joint bank accounts of a household and allow-listed accounts do ' +
        'not fire.',
      requires: ['paymentInstructions[]', 'events[type=payment]'],
      threatHypothesis: 'One facilitator or handler collects the pay of several workers.',
      sources: cite('US-2022', 'PSA-2024', 'SW', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA'),
      falsePositives: [
        'A joint account of spouses both employed (allow-list it or record both at one residence).',
        'An agency or employer-of-record account that pays several contractors.',
      ],
    },
  },
  inputs: linkageInputs,
  summarise: summariseLinkage,
  combine: combineLinks,
  evaluate(view, { options, prepared, notEvaluated }) {
    if ((view.subject.paymentInstructions ?? []).length === 0 && view.eventsOf('payment').length === 0) {
      return notEvaluated('no payout instructions or payments', ['paymentInstructions[]', 'events[type=payment]']);
    }
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const id = view.subject.id;
    const findings: FindingDraft<'sharedAccount'>[] = [];
    for (const link of activeLinks(prepared.index, id, kinds)) {
      const own = ownMembers(prepared, link, id)[0];
      const base = clusterFinding(prepared, link, id, options.floor, options);
      findings.push({ messageId: 'sharedAccount', ...base, data: { ...base.data, account: base.data.value, record: own?.recordId ?? id } });
    }
    return findings;
  },
});
