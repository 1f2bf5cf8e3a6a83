import { sharedPaymentInstrument } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const HOME = { line1: '77 Oak Avenue', city: 'Columbus', postalCode: '43004', country: 'US' };
const pay = (id: string, extra: Record<string, unknown>) => ({ id, at: '2025-03-01T00:00:00Z', method: 'bank', ...extra });
const subjectPaidTo = (id: string, extra: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  id,
  paymentInstructions: [pay(`${id}-pay`, extra)],
  ...more,
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sharedPaymentInstrument, {
  valid: [
    {
      name: 'own account',
      subject: { paymentInstructions: [pay('pay-1', { accountNumber: '11112222', routingNumber: '053000196' })] },
      population: { subjects: [subjectPaidTo('other-1', { accountNumber: '33334444', routingNumber: '053000196' })] },
    },
    {
      name: 'an honest couple paid into their joint account',
      subject: {
        identity: { residence: { address: HOME } },
        paymentInstructions: [pay('pay-1', { accountNumber: '000123456789', routingNumber: '044000037' })],
      },
      population: {
        subjects: [subjectPaidTo('spouse', { accountNumber: '0001-2345-6789', routingNumber: '044000037' }, { identity: { residence: { address: HOME } } })],
      },
    },
    {
      name: 'an employer-of-record account allow-listed',
      subject: { paymentInstructions: [pay('pay-1', { iban: 'GB82 WEST 1234 5698 7654 32' })] },
      population: { subjects: [subjectPaidTo('c-1', { iban: 'GB82WEST12345698765432' })] },
      reference: { linkAllowList: [{ kind: 'bank-account', value: 'GB82WEST12345698765432', reason: 'employer of record' }] },
    },
  ],
  invalid: [
    {
      name: 'two workers paid into one payout account (case and spaces differ)',
      subject: { paymentInstructions: [pay('pay-1', { method: 'payment-platform', platform: 'Payoneer', platformAccount: 'FARM-001' })] },
      population: { subjects: [subjectPaidTo('other-1', { method: 'payment-platform', platform: 'payoneer', platformAccount: ' farm-001' })] },
      findings: [{ messageId: 'sharedAccount', strength: 0.7, data: { count: 2, account: 'payoneer:farm-001' }, evidence: ['pay-1', 'other-1-pay'] }],
    },
    {
      name: 'one wallet in payments of three workers',
      subject: { paymentInstructions: [pay('pay-1', { method: 'crypto', walletAddress: '0xAbCdEf0123456789abcdef0123456789ABCDEF01' })] },
      events: [{ type: 'payment', at: '2025-04-01T00:00:00Z', amount: 5000, currency: 'USD', walletAddress: '0xabcdef0123456789abcdef0123456789abcdef01' }],
      population: {
        subjects: [subjectPaidTo('w-1', { method: 'crypto', walletAddress: '0xabcdef0123456789abcdef0123456789abcdef01' }), { id: 'w-2' }],
        events: [
          {
            id: 'w-2-p',
            subjectId: 'w-2',
            type: 'payment',
            at: '2025-04-02T00:00:00Z',
            amount: 10,
            currency: 'USD',
            walletAddress: '0xABCDEF0123456789ABCDEF0123456789ABCDEF01',
          },
        ],
      },
      findings: [{ messageId: 'sharedAccount', data: { count: 3 }, message: /Crypto wallet 0xabcdef/, evidence: ['pay-1', 'w-1-pay', 'w-2-p'] }],
    },
    {
      name: 'a joint account shared with a third person is not a household',
      subject: { identity: { residence: { address: HOME } }, paymentInstructions: [pay('pay-1', { accountNumber: '000123456789' })] },
      population: {
        subjects: [
          subjectPaidTo('spouse', { accountNumber: '000123456789' }, { identity: { residence: { address: HOME } } }),
          subjectPaidTo('third', { accountNumber: '000123456789' }),
        ],
      },
      findings: 1,
    },
  ],
  notEvaluated: [
    { name: 'no payout data', subject: {}, missing: ['paymentInstructions[]'] },
    { name: 'alone in the batch', subject: { paymentInstructions: [pay('pay-1', { accountNumber: '11112222' })] }, missing: ['population'] },
  ],
});
