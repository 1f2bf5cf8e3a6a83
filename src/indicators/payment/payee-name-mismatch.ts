import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import { cite, compareNames, compareText, countOf, describePayout, type NameComparison, normalizeName, sortedByTimeThenId } from '../../kit';

const ENTITY_WORDS = new Set(['llc', 'inc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'gmbh', 'sarl', 'bv', 'pty', 'plc', 'llp', 'sp', 'zoo']);

const options = z.object({
  nameThreshold: z
    .number()
    .min(0.5)
    .max(1)
    .default(0.85)
    .describe('Jaro-Winkler score at which two name parts count as the same (tolerates transliteration, diacritics and hyphenation).'),
  partialStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe(
      "Strength when the account holder shares part of the name (e.g. the family name: a spouse's account, or a one-person " +
        'company named after the worker). Lower than a full mismatch.',
    ),
});

type MessageId = 'different' | 'partial';

interface Payee {
  name: string;
  evidence: Evidence[];
  where: string;
}

const VERDICT_RANK = { match: 3, partial: 2, different: 1, unknown: 0 } as const;

/**
 * `payment/payee-name-mismatch`: the payout account holder, or the payee of a payment, is not the
 * verified person, by a fuzzy name match tolerant of transliteration, order and middle names.
 */
export const payeeNameMismatch = defineIndicator({
  meta: {
    id: 'payment/payee-name-mismatch',
    title: "Payout account not in the worker's name",
    category: 'payment',
    version: '1.0.0',
    kind: 'risk',
    family: 'payment',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'payout',
    options,
    messages: {
      different: '{{where}} is held by "{{holder}}", a name that shares no part with the {{nameKind}} name "{{verified}}"',
      partial: '{{where}} is held by "{{holder}}", which only partly matches the {{nameKind}} name "{{verified}}"',
    },
    neutralReason: "The payout account could not be matched to the worker's verified identity.",
    recommendedAction: 'Ask the worker for a payout account in their own verified name and confirm the account holder with the bank before the next payment.',
    docs: {
      description:
        "Compares the account-holder name of every payout instruction, and the payee name of every payment, with the person's " +
        'names (the holder name of a verified document first, then legal, document and former names), after dropping ' +
        'company-form words (LLC, Ltd, GmbH...). Names are normalised and fuzzy-matched part by part (see `shared/names`); a ' +
        'holder name in another script than every name of the person (e.g. Cyrillic at a local bank) cannot be compared and ' +
        "never fires. A holder sharing no part of any of the person's names fires at full strength; one sharing only part (a " +
        "relative's account, a company named after a family name) at `partialStrength`. Salaries routed through facilitators' " +
        'accounts are central to the laptop-farm cases.',
      requires: ['paymentInstructions[].accountHolderName', 'events[type=payment].payeeName', 'documents[].holderName', 'identity.names'],
      threatHypothesis: "Wages are routed through a facilitator's or money mule's account.",
      sources: cite('DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'DOJ-KNOOT', 'DOJ-KNOOT-OPA', 'US-2022', 'PSA-2024'),
      falsePositives: [
        "A joint account listed under the spouse's name.",
        'A one-person company account, for contractors paid through their company.',
        'A legal name change not yet reflected in the records (check former names).',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const verifiedDocs = (s.documents ?? [])
      .filter((d) => d.holderName !== undefined && d.verification?.outcome === 'verified')
      .sort((a, b) => compareText(a.id, b.id));
    const personNames = [
      ...verifiedDocs.map((d) => d.holderName as string),
      ...(s.identity?.names ?? [])
        .filter((n) => n.kind === 'legal' || n.kind === 'document' || n.kind === 'former' || n.kind === undefined)
        .map((n) => n.value)
        .sort(),
      ...(s.documents ?? [])
        .filter((d) => d.holderName !== undefined && d.verification?.outcome !== 'verified')
        .map((d) => d.holderName as string)
        .sort(),
    ];
    const payees: Payee[] = [];
    for (const p of sortedByTimeThenId(s.paymentInstructions, asOfMs)) {
      if (p.accountHolderName === undefined) continue;
      payees.push({
        name: p.accountHolderName,
        where: `The payout ${describePayout(p)}`,
        evidence: [{ recordId: p.id, field: 'accountHolderName', at: p.at, value: p.accountHolderName }],
      });
    }
    const byPayee = new Map<string, Payee>();
    const payments = view.eventsOf('payment');
    for (let i = 0; i < payments.length; i++) {
      const e = payments[i]!;
      if (e.payeeName === undefined) continue;
      const key = normalizeName(e.payeeName);
      const known = byPayee.get(key);
      const ev: Evidence = { recordId: e.id, field: 'payeeName', at: e.at, value: e.payeeName };
      if (known === undefined) byPayee.set(key, { name: e.payeeName, where: '', evidence: [ev] });
      else known.evidence.push(ev);
    }
    for (const payee of byPayee.values()) {
      payees.push({ ...payee, where: `The payee account of ${countOf(payee.evidence.length, 'payment')}` });
    }
    if (personNames.length === 0 || payees.length === 0) {
      return notEvaluated(personNames.length === 0 ? 'no verified or legal name to compare with' : 'no payout account-holder or payee names', [
        'documents[].holderName',
        'identity.names',
        'paymentInstructions[].accountHolderName',
      ]);
    }
    const verified = personNames[0] as string;
    // Say "verified" only when the reference name really comes from a verified document.
    const nameKind = verifiedDocs.length > 0 ? 'verified' : 'stated';
    const findings: FindingDraft<MessageId>[] = [];
    for (const payee of payees) {
      const stripped = normalizeName(payee.name)
        .split(' ')
        .filter((t) => !ENTITY_WORDS.has(t))
        .join(' ');
      let best: NameComparison | undefined;
      for (const n of personNames) {
        const c = compareNames(n, stripped === '' ? payee.name : stripped, options.nameThreshold);
        if (best === undefined || VERDICT_RANK[c.verdict] > VERDICT_RANK[best.verdict]) best = c;
      }
      if (best === undefined || best.verdict === 'match' || best.verdict === 'unknown') continue;
      const strength = best.verdict === 'different' ? 1 : options.partialStrength;
      if (strength <= 0) continue;
      findings.push({
        messageId: best.verdict === 'different' ? 'different' : 'partial',
        strength,
        data: { where: payee.where, holder: payee.name, verified, nameKind },
        evidence: payee.evidence.slice(0, 10),
      });
    }
    return findings;
  },
});
