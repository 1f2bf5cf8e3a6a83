import { belowMarketRate } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const comp = (rateAsked: number) => ({ compensation: { rateAsked, marketRate: 100, currency: 'USD', period: 'hour', marketRateSource: 'Levels 2025 P50' } });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(belowMarketRate, {
  valid: [
    { name: 'at market', subject: comp(100) },
    { name: 'an ordinary discount (25% below)', subject: comp(75) },
  ],
  invalid: [
    {
      name: 'half the market rate',
      subject: comp(50),
      findings: [
        {
          messageId: 'below',
          strength: [0.66, 0.67],
          message: 'Asked 50 USD per hour, 50% below the market rate of 100 (Levels 2025 P50)',
          evidence: ['subject-1'],
        },
      ],
    },
    {
      name: 'without currency or period the message still reads cleanly',
      subject: { compensation: { rateAsked: 40, marketRate: 100 } },
      findings: [{ messageId: 'below', message: 'Asked 40, 60% below the market rate of 100' }],
    },
    { name: 'a third of the market rate is full strength', subject: comp(30), findings: [{ messageId: 'below', strength: 1 }] },
  ],
  notEvaluated: [{ name: 'no market reference', subject: { compensation: { rateAsked: 40 } }, missing: ['compensation.marketRate'] }],
});
