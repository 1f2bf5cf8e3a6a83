import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import { cite, DAY_MS, densestWindow, sortedByTimeThenId } from '../../kit';

const options = z.object({
  minRequests: z
    .number()
    .int()
    .min(1)
    .default(2)
    .describe('Requests for advance payment or prepayment that fire. One request is an ordinary negotiation; PSA-2023 describes repeated requests.'),
  windowDays: z
    .number()
    .positive()
    .default(180)
    .describe('Requests count together when they fall within this many days of each other (the busiest such window is reported).'),
});

/**
 * `payment/prepayment-pressure`: repeated requests for advance payment or prepayment.
 */
export const prepaymentPressure = defineIndicator({
  meta: {
    id: 'payment/prepayment-pressure',
    title: 'Repeated requests for advance payment',
    category: 'payment',
    version: '1.0.0',
    kind: 'risk',
    family: 'payment',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.8,
    correlationGroup: 'pre-hire-weak',
    options,
    messages: {
      requests: '{{count}} requests for advance payment between {{from}} and {{to}}{{total}}',
    },
    neutralReason: 'Payment terms requested fall outside the usual arrangements.',
    recommendedAction: 'Keep to the standard payment schedule and record the requests; discuss them on a live video call.',
    docs: {
      description:
        "Counts the subject's requests for an advance or prepayment in the busiest window of `windowDays` and fires from " +
        '`minRequests` on, so a later isolated request never hides an earlier burst; each further request adds strength. ' +
        'PSA-2023 lists repeated prepayment requests, with anger when refused, among the freelance-platform red flags. Weak: ' +
        'freelancers often ask for deposits.',
      requires: ['paymentRequests[].kind', 'paymentRequests[].at'],
      threatHypothesis: 'Revenue generation under quotas: get money before delivery or exposure.',
      sources: cite('PSA-2023'),
      falsePositives: ['Freelancers who ask for deposits as standard practice.', "Genuine hardship (ask, and route through the employer's hardship policy)."],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const requests = view.subject.paymentRequests;
    if (requests === undefined) return notEvaluated('no payment requests recorded', ['paymentRequests']);
    const advance = sortedByTimeThenId(
      requests.filter((r) => r.kind === 'advance' || r.kind === 'prepayment'),
      asOfMs,
    );
    const best = densestWindow(
      advance.map((r) => Date.parse(r.at)),
      options.windowDays * DAY_MS,
    );
    if (best === undefined) return [];
    const recent = advance.slice(best.from, best.to + 1);
    if (recent.length < options.minRequests) return [];
    const currencies = new Set(recent.map((r) => r.currency));
    const amounts = recent.filter((r) => r.amount !== undefined);
    const total =
      currencies.size === 1 && amounts.length === recent.length
        ? ` totalling ${amounts.reduce((sum, r) => sum + (r.amount as number), 0)}${recent[0]?.currency !== undefined ? ` ${recent[0].currency}` : ''}`
        : '';
    return [
      {
        messageId: 'requests',
        strength: Math.min(1, 0.5 + 0.2 * (recent.length - options.minRequests)),
        data: {
          count: recent.length,
          from: (recent[0] as (typeof recent)[number]).at.slice(0, 10),
          to: (recent[recent.length - 1] as (typeof recent)[number]).at.slice(0, 10),
          total,
        },
        evidence: recent.slice(0, 20).map((r) => ({ recordId: r.id, at: r.at, field: 'kind', value: r.kind })),
      },
    ];
  },
});
