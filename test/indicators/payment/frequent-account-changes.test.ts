import { frequentAccountChanges } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const bank = (id: string, at: string, accountNumber: string, bankCountry = 'US') => ({
  id,
  at,
  method: 'bank',
  bankCountry,
  accountNumber,
  routingNumber: '021000021',
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(frequentAccountChanges, {
  valid: [
    {
      name: 'one honest bank change after a move',
      subject: { paymentInstructions: [bank('p1', '2025-01-01T00:00:00Z', '111', 'GB'), bank('p2', '2025-02-15T00:00:00Z', '222')] },
    },
    {
      name: 'the same account re-submitted on a new form is not a change',
      subject: {
        paymentInstructions: [bank('p1', '2025-01-01T00:00:00Z', '111'), bank('p2', '2025-01-20T00:00:00Z', '1 11'), bank('p3', '2025-02-01T00:00:00Z', '111')],
      },
    },
    {
      name: 'two changes a year apart',
      subject: {
        paymentInstructions: [bank('p1', '2023-01-01T00:00:00Z', '111'), bank('p2', '2024-01-01T00:00:00Z', '222'), bank('p3', '2025-01-01T00:00:00Z', '333')],
      },
    },
  ],
  invalid: [
    {
      name: 'three destinations in two months',
      subject: {
        paymentInstructions: [
          bank('p1', '2025-03-01T00:00:00Z', '111'),
          bank('p2', '2025-03-20T00:00:00Z', '222'),
          { id: 'p3', at: '2025-04-25T00:00:00Z', method: 'payment-platform', platform: 'Payoneer', platformAccount: 'dev@example.com' },
        ],
      },
      findings: [
        {
          messageId: 'changes',
          strength: 0.6,
          data: { count: 2, from: '2025-03-20', to: '2025-04-25' },
          message:
            /Payout details changed 2 times within 90 days \(2025-03-20 to 2025-04-25\): 2025-03-20 to bank account \(US\) …222; 2025-04-25 to Payoneer account/,
          evidence: ['p2', 'p3'],
        },
      ],
    },
    {
      name: 'payout changes seen only as profile-change events',
      events: [
        { type: 'profile-change', at: '2025-04-01T00:00:00Z', field: 'payout', to: 'bank …222' },
        { type: 'profile-change', at: '2025-04-10T00:00:00Z', field: 'payout', to: 'bank …333' },
        { type: 'profile-change', at: '2025-04-20T00:00:00Z', field: 'payout', to: 'bank …444' },
      ],
      findings: [{ messageId: 'changes', strength: 0.8, data: { count: 3 }, evidence: ['e1', 'e2', 'e3'] }],
    },
    {
      name: 'a stricter limit fires on a single change',
      subject: { paymentInstructions: [bank('p1', '2025-01-01T00:00:00Z', '111'), bank('p2', '2025-02-15T00:00:00Z', '222')] },
      options: { maxChanges: 0 },
      findings: [{ messageId: 'changes', data: { count: 1 } }],
    },
  ],
  notEvaluated: [{ name: 'no payout data', missing: ['paymentInstructions'] }],
});
