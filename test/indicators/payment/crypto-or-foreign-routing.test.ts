import { cryptoOrForeignRouting } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const us = { residence: { country: 'US' } };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(cryptoOrForeignRouting, {
  valid: [
    {
      name: 'a domestic bank account',
      subject: { identity: us, paymentInstructions: [{ id: 'p1', at: '2025-05-01T00:00:00Z', method: 'bank', bankCountry: 'US' }] },
    },
    {
      name: 'one honest move: the old foreign account is history',
      subject: {
        identity: us,
        paymentInstructions: [
          { id: 'p1', at: '2024-01-01T00:00:00Z', method: 'bank', bankCountry: 'DE' },
          { id: 'p2', at: '2025-01-01T00:00:00Z', method: 'bank', bankCountry: 'US' },
        ],
      },
    },
    {
      name: 'payments to the claimed country',
      subject: { identity: us },
      events: [{ type: 'payment', at: '2025-05-01T00:00:00Z', amount: 100, currency: 'USD', destinationCountry: 'US' }],
    },
    {
      name: 'platforms can be ignored for contractor programmes',
      subject: { paymentInstructions: [{ id: 'p1', at: '2025-05-01T00:00:00Z', method: 'payment-platform', platform: 'Wise' }] },
      options: { platformStrength: 0 },
    },
  ],
  invalid: [
    {
      name: 'crypto payout requested',
      subject: {
        paymentInstructions: [
          { id: 'p1', at: '2025-05-01T00:00:00Z', method: 'crypto', walletNetwork: 'TRON', walletAddress: 'TXyz0000000000000000000000000abcd' },
        ],
      },
      findings: [
        { messageId: 'rail', strength: 0.8, message: 'Payout instruction of 2025-05-01 sends pay to a crypto wallet on TRON …abcd', evidence: ['p1'] },
      ],
    },
    {
      name: 'bank account in another country than the claimed residence',
      subject: {
        identity: us,
        paymentInstructions: [{ id: 'p1', at: '2025-05-01T00:00:00Z', method: 'bank', bankName: 'Bank of Dandong', bankCountry: 'CN' }],
      },
      findings: [
        {
          messageId: 'bankCountry',
          strength: 0.6,
          message: 'The current payout bank account at Bank of Dandong (CN) is in CN, but the claimed residence is in US',
          evidence: ['p1', 'subject-1'],
        },
      ],
    },
    {
      name: 'payments sent abroad, grouped by country',
      subject: { identity: us },
      events: [
        { type: 'payment', at: '2025-04-01T00:00:00Z', amount: 100, currency: 'USD', destinationCountry: 'HK' },
        { type: 'payment', at: '2025-05-01T00:00:00Z', amount: 100, currency: 'USD', destinationCountry: 'HK' },
      ],
      findings: [{ messageId: 'destinationCountry', data: { count: 2, country: 'HK' }, evidence: ['e1', 'e2'] }],
    },
    {
      name: 'a payment platform is weak',
      subject: { paymentInstructions: [{ id: 'p1', at: '2025-05-01T00:00:00Z', method: 'payment-platform', platform: 'Payoneer' }] },
      findings: [{ messageId: 'rail', strength: 0.25, message: /Payoneer account/ }],
    },
    {
      name: 'requests to be paid off the platform',
      subject: { paymentRequests: [{ id: 'r1', at: '2025-05-01T00:00:00Z', kind: 'off-platform' }] },
      findings: [{ messageId: 'offPlatform', strength: 0.4 }],
    },
  ],
  notEvaluated: [{ name: 'no payment data', missing: ['paymentInstructions'] }],
});
