import { prepaymentPressure } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const req = (id: string, at: string, kind = 'advance', amount = 500) => ({ id, at, kind, amount, currency: 'USD' });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(prepaymentPressure, {
  valid: [
    { name: 'a single request for a deposit', subject: { paymentRequests: [req('r1', '2025-05-01T00:00:00Z')] } },
    { name: 'requests a year apart', subject: { paymentRequests: [req('r1', '2024-01-01T00:00:00Z'), req('r2', '2025-05-01T00:00:00Z')] } },
    {
      name: 'requests dated after the point in time scored are not seen',
      subject: { paymentRequests: [req('r1', '2025-05-01T00:00:00Z'), req('r2', '2025-06-10T00:00:00Z'), req('r3', '2025-06-20T00:00:00Z')] },
    },
    { name: 'no advance requests', subject: { paymentRequests: [req('r1', '2025-05-01T00:00:00Z', 'off-platform')] } },
  ],
  invalid: [
    {
      name: 'three requests in a month',
      subject: { paymentRequests: [req('r1', '2025-05-01T00:00:00Z'), req('r2', '2025-05-10T00:00:00Z', 'prepayment'), req('r3', '2025-05-20T00:00:00Z')] },
      findings: [
        {
          messageId: 'requests',
          strength: 0.7,
          message: '3 requests for advance payment between 2025-05-01 and 2025-05-20 totalling 1500 USD',
          evidence: ['r1', 'r2', 'r3'],
        },
      ],
    },
    {
      name: 'a burst of requests is not hidden by a later, isolated one',
      subject: {
        paymentRequests: [
          req('r4', '2025-05-01T00:00:00Z'),
          req('r1', '2024-09-01T00:00:00Z'),
          req('r2', '2024-09-10T00:00:00Z'),
          req('r3', '2024-09-20T00:00:00Z'),
        ],
      },
      findings: [{ messageId: 'requests', strength: 0.7, data: { count: 3, from: '2024-09-01', to: '2024-09-20' }, evidence: ['r1', 'r2', 'r3'] }],
    },
    {
      name: 'mixed currencies are not totalled',
      subject: { paymentRequests: [req('r1', '2025-05-01T00:00:00Z'), { ...req('r2', '2025-05-10T00:00:00Z'), currency: 'EUR' }] },
      findings: [{ messageId: 'requests', data: { count: 2, total: '' }, message: '2 requests for advance payment between 2025-05-01 and 2025-05-10' }],
    },
  ],
  notEvaluated: [{ name: 'no payment requests recorded', missing: ['paymentRequests'] }],
});
