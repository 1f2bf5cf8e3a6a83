import { payeeNameMismatch } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const person = (holderName = 'Andrew James Miller') => ({
  documents: [{ id: 'doc-1', type: 'passport', holderName, verification: { outcome: 'verified' } }],
});
const bank = (accountHolderName: string, id = 'pay-1') => ({
  id,
  at: '2025-05-01T00:00:00Z',
  method: 'bank',
  bankName: 'First Bank',
  bankCountry: 'US',
  accountNumber: '000123456789',
  accountHolderName,
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(payeeNameMismatch, {
  valid: [
    { name: 'holder name with initial and no middle name', subject: { ...person(), paymentInstructions: [bank('A. MILLER')] } },
    { name: 'transliterated holder name', subject: { ...person('Aleksandr Ivanov'), paymentInstructions: [bank('Alexander Ivanov')] } },
    {
      name: 'holder name in Cyrillic at a local bank, Latin on the passport',
      subject: { ...person('Aleksandr Ivanov'), paymentInstructions: [bank('Александр Иванов')] },
    },
    { name: 'one-person company named after the worker', subject: { ...person(), paymentInstructions: [bank('Andrew Miller LLC')] } },
    {
      name: 'an account opened under a former name',
      subject: { ...person('Jane Doe'), identity: { names: [{ value: 'Jane Smith', kind: 'former' }] }, paymentInstructions: [bank('Jane Smith')] },
    },
    {
      name: 'payee names on payments that match',
      subject: person('Kim Jae-won'),
      events: [{ type: 'payment', at: '2025-05-15T00:00:00Z', amount: 5000, currency: 'USD', payeeName: 'JAEWON KIM' }],
    },
  ],
  invalid: [
    {
      name: 'pay goes to someone else entirely',
      subject: { ...person(), paymentInstructions: [bank('Christina Chapman')] },
      findings: [
        {
          messageId: 'different',
          strength: 1,
          message:
            'The payout bank account at First Bank (US) …6789 is held by "Christina Chapman", a name that shares no part with the verified name "Andrew James Miller"',
          evidence: ['pay-1'],
        },
      ],
    },
    {
      name: 'against a stated legal name when no document was verified',
      subject: { identity: { names: [{ value: 'Andrew Miller', kind: 'legal' }] }, paymentInstructions: [bank('Christina Chapman')] },
      findings: [{ messageId: 'different', data: { nameKind: 'stated' }, message: /shares no part with the stated name "Andrew Miller"/ }],
    },
    {
      name: "a relative's account is a partial match",
      subject: { ...person(), paymentInstructions: [bank('Susan Miller')] },
      findings: [{ messageId: 'partial', strength: 0.5 }],
    },
    {
      name: 'payments to another payee, grouped by name',
      subject: person(),
      events: [
        { type: 'payment', at: '2025-05-15T00:00:00Z', amount: 5000, currency: 'USD', payeeName: 'Matthew Knoot' },
        { type: 'payment', at: '2025-05-30T00:00:00Z', amount: 5000, currency: 'USD', payeeName: 'MATTHEW KNOOT' },
      ],
      findings: [{ messageId: 'different', message: /The payee account of 2 payments is held by "Matthew Knoot"/, evidence: ['e1', 'e2'] }],
    },
  ],
  notEvaluated: [
    { name: 'no payee names', subject: person() },
    { name: 'no verified or legal name', subject: { paymentInstructions: [bank('Andrew Miller')] } },
  ],
});
