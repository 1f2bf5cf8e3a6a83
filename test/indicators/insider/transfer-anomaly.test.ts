import { transferAnomaly } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const flag = (fields: Record<string, unknown>, at = '2025-04-10T10:00:00Z') => ({ type: 'transfer-anomaly', at, platform: 'custody-x', ...fields });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(transferAnomaly, {
  valid: [{ name: 'an ignored kind', events: [flag({ anomaly: 'new-destination', severity: 'low' })], options: { ignoredAnomalies: ['new-destination'] } }],
  invalid: [
    {
      name: 'a signer change then a high-severity unusual amount',
      events: [
        flag({ anomaly: 'signer-change', role: 'administrator', severity: 'medium' }),
        flag({ anomaly: 'unusual-amount', role: 'initiator', severity: 'high', amount: 250000, asset: 'USDT' }, '2025-04-12T10:00:00Z'),
      ],
      findings: [
        { messageId: 'anomaly', strength: 0.8, data: { anomaly: 'unusual-amount', roles: 'initiated', amount: ' (250000 USDT in all)' }, evidence: ['e2'] },
        { messageId: 'anomaly', strength: 0.7, data: { anomaly: 'signer-change', roles: 'administered', platform: 'custody-x' }, evidence: ['e1'] },
      ],
    },
    {
      name: 'no severity counts as medium',
      events: [flag({ anomaly: 'new-destination' })],
      findings: [{ messageId: 'anomaly', strength: 0.55, data: { roles: 'took part in' } }],
    },
  ],
  notEvaluated: [{ name: 'no transfer anomalies', events: [{ type: 'session', at: '2025-04-10T10:00:00Z' }] }],
});
