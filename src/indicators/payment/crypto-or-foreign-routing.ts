import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import type { PaymentInstruction } from '../../records/subject';
import { cite, claimedResidenceCountry, currentBankInstruction, describePayout, sortedByTimeThenId } from '../../kit';

const options = z.object({
  cryptoStrength: z.number().min(0).max(1).default(0.8).describe('Strength of a request to be paid in crypto, which advisories name repeatedly.'),
  moneyServiceStrength: z.number().min(0).max(1).default(0.6).describe('Strength of routing through a money-service business.'),
  platformStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.25)
    .describe('Strength of routing through a payment platform (Payoneer, Wise...). Low: many honest contractors abroad are paid this way.'),
  foreignCountryStrength: z.number().min(0).max(1).default(0.6).describe('Strength of a payout country that differs from the claimed residence country.'),
  offPlatformStrength: z.number().min(0).max(1).default(0.4).describe('Strength of a request to move payment off the hiring platform.'),
});

type MessageId = 'rail' | 'bankCountry' | 'destinationCountry' | 'offPlatform';

/**
 * `payment/crypto-or-foreign-routing`: pay requested in crypto, routed through a money-service
 * business or payment platform, or sent to a country other than the claimed residence.
 */
export const cryptoOrForeignRouting = defineIndicator({
  meta: {
    id: 'payment/crypto-or-foreign-routing',
    title: 'Pay routed through crypto, money services or abroad',
    category: 'payment',
    version: '1.0.0',
    kind: 'risk',
    family: 'payment',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'payout',
    options,
    messages: {
      rail: 'Payout instruction of {{date}} sends pay to a {{where}}',
      bankCountry: 'The current payout {{where}} is in {{country}}, but the claimed residence is in {{claimed}}',
      destinationCountry: '{{count}} payments went to {{country}}, but the claimed residence is in {{claimed}}',
      offPlatform: '{{count}} requests to be paid off the platform',
    },
    neutralReason: "The payment arrangements could not be reconciled with the worker's stated location.",
    recommendedAction:
      "Pay only into a bank account in the worker's verified name and claimed country of residence; confirm any exception " + 'with compliance before paying.',
    docs: {
      description:
        'Fires on payout instructions for a crypto wallet (`cryptoStrength`), a money-service business (`moneyServiceStrength`) ' +
        'or a payment platform (`platformStrength`, low); on the current bank instruction when its country differs from the ' +
        'claimed residence country; on payments whose destination country differs from the claimed residence (one finding per ' +
        "country); and on requests to move payment off the hiring platform. Only a country compared with the person's own claim " +
        'is used: no country is scored by itself.',
      requires: [
        'paymentInstructions[].method',
        'paymentInstructions[].bankCountry',
        'events[type=payment].destinationCountry',
        'paymentRequests[]',
        'identity.residence.country',
        'identity.residence.address.country',
      ],
      threatHypothesis: 'Wages are moved out through channels that avoid bank identity checks, towards accounts abroad.',
      sources: cite('US-2022', 'GTIG', 'SW', 'SEAL'),
      falsePositives: [
        'Contractors abroad who are legitimately paid through Wise or Payoneer.',
        'A recent move with the bank account still in the previous country.',
        "Crypto-native employers and workers (check the employer's own payroll policy).",
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const instructions = sortedByTimeThenId(s.paymentInstructions, asOfMs);
    const payments = view.eventsOf('payment');
    const offPlatform = sortedByTimeThenId(s.paymentRequests, asOfMs).filter((r) => r.kind === 'off-platform');
    if (instructions.length === 0 && payments.length === 0 && (s.paymentRequests ?? []).length === 0) {
      return notEvaluated('no payout instructions, payments or payment requests', ['paymentInstructions', 'events[type=payment]', 'paymentRequests']);
    }
    const residence = claimedResidenceCountry(s);
    const claimed = residence?.country;
    const claimEvidence = residence?.evidence;
    const findings: FindingDraft<MessageId>[] = [];
    const railStrength: Partial<Record<PaymentInstruction['method'], number>> = {
      crypto: options.cryptoStrength,
      'money-service': options.moneyServiceStrength,
      'payment-platform': options.platformStrength,
    };
    for (const p of instructions) {
      const strength = railStrength[p.method];
      if (strength !== undefined && strength > 0) {
        findings.push({
          messageId: 'rail',
          strength,
          data: { date: p.at.slice(0, 10), where: describePayout(p) },
          evidence: [{ recordId: p.id, field: 'method', at: p.at, value: p.method }],
        });
      }
    }
    const currentBank = currentBankInstruction(instructions, asOfMs);
    if (
      currentBank !== undefined &&
      claimed !== undefined &&
      claimEvidence !== undefined &&
      currentBank.bankCountry !== claimed &&
      options.foreignCountryStrength > 0
    ) {
      findings.push({
        messageId: 'bankCountry',
        strength: options.foreignCountryStrength,
        data: { where: describePayout(currentBank), country: currentBank.bankCountry, claimed },
        evidence: [{ recordId: currentBank.id, field: 'bankCountry', at: currentBank.at, value: currentBank.bankCountry }, claimEvidence],
      });
    }
    if (claimed !== undefined && claimEvidence !== undefined && options.foreignCountryStrength > 0) {
      const byCountry = new Map<string, Evidence[]>();
      for (let i = 0; i < payments.length; i++) {
        const e = payments[i]!;
        if (e.destinationCountry === undefined || e.destinationCountry === claimed) continue;
        const list = byCountry.get(e.destinationCountry) ?? [];
        list.push({ recordId: e.id, field: 'destinationCountry', at: e.at, value: e.destinationCountry });
        byCountry.set(e.destinationCountry, list);
      }
      for (const [country, evidence] of byCountry) {
        findings.push({
          messageId: 'destinationCountry',
          strength: options.foreignCountryStrength,
          data: { count: evidence.length, country, claimed },
          evidence: [...evidence.slice(0, 10), claimEvidence],
        });
      }
    }
    if (offPlatform.length > 0 && options.offPlatformStrength > 0) {
      findings.push({
        messageId: 'offPlatform',
        strength: options.offPlatformStrength,
        data: { count: offPlatform.length },
        evidence: offPlatform.map((r) => ({ recordId: r.id, at: r.at, field: 'kind', value: r.kind })),
      });
    }
    return findings;
  },
});
