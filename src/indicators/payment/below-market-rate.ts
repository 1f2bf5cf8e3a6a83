import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import { cite } from '../../kit';

const options = z.object({
  maxRatio: z
    .number()
    .positive()
    .max(1)
    .default(0.6)
    .describe(
      'Asked rate divided by the market rate at or below which it fires. SEAL describes asks 25-50% below market; 0.6 (40% ' +
        'below) keeps ordinary discounts out.',
    ),
});

/**
 * `payment/below-market-rate`: the candidate asks far below the caller-supplied market rate.
 * Deliberately weak and capped: many honest candidates are cheap.
 */
export const belowMarketRate = defineIndicator({
  meta: {
    id: 'payment/below-market-rate',
    title: 'Asks far below the market rate',
    category: 'payment',
    version: '1.0.0',
    kind: 'risk',
    family: 'payment',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.4,
    correlationGroup: 'pre-hire-weak',
    options,
    messages: {
      below: 'Asked {{asked}}{{unit}}, {{percent}}% below the market rate of {{market}}{{source}}',
    },
    neutralReason: 'The compensation asked for is far from the usual range for the role.',
    recommendedAction:
      'Confirm in writing with the candidate the rate quoted and the level, scope and period it was quoted for, and check the ' +
      'market reference matches them; never act on this signal alone.',
    docs: {
      description:
        'Divides the rate the candidate asked for by the caller-supplied market rate (same currency and period) and fires when ' +
        'the ratio is at or below `maxRatio`; strength grows from 0.5 at the threshold to 1 at half of it. Deliberately weak ' +
        '(weight 0.4, in the capped weak pre-hire group): juniors, career changers, people in lower-cost regions and people who ' +
        'need the job urgently all ask for less, and the signal must never lift anyone on its own.',
      requires: ['compensation.rateAsked', 'compensation.marketRate'],
      threatHypothesis: 'A worker under a revenue quota who undercuts the market to win many jobs.',
      sources: cite('SEAL'),
      falsePositives: [
        'Junior or career-changing candidates.',
        'Candidates from lower-cost regions quoting their local rate.',
        'A market rate from the wrong level, region or period.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const c = view.subject.compensation;
    if (c?.rateAsked === undefined || c.marketRate === undefined) {
      return notEvaluated('no asked rate or no market reference', ['compensation.rateAsked', 'compensation.marketRate']);
    }
    const ratio = c.rateAsked / c.marketRate;
    if (ratio > options.maxRatio) return [];
    const strength = Math.min(1, 0.5 + (0.5 * (options.maxRatio - ratio)) / (options.maxRatio / 2));
    // Leading space included, so a rate without currency or period reads "Asked 40, ..." cleanly.
    const unit = `${c.currency !== undefined ? ` ${c.currency}` : ''}${c.period !== undefined ? ` per ${c.period}` : ''}`;
    return [
      {
        messageId: 'below',
        strength,
        data: {
          asked: c.rateAsked,
          unit,
          percent: Math.round((1 - ratio) * 100),
          market: c.marketRate,
          source: c.marketRateSource !== undefined ? ` (${c.marketRateSource})` : '',
        },
        evidence: [
          { recordId: view.subject.id, field: 'compensation.rateAsked', value: c.rateAsked },
          { recordId: view.subject.id, field: 'compensation.marketRate', value: c.marketRate },
        ],
      },
    ];
  },
});
