import { sharedContact } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const HOME = { line1: '77 Oak Avenue', city: 'Columbus', postalCode: '43004', country: 'US' };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sharedContact, {
  valid: [
    {
      name: 'own contact details',
      subject: { contacts: { emails: [{ address: 'me@example.com' }], phones: [{ number: '+1 615 555 0100' }] } },
      population: { subjects: [{ id: 'other-1', contacts: { emails: [{ address: 'you@example.com' }], phones: [{ number: '+1 615 555 0199' }] } }] },
    },
    {
      name: 'an honest couple with one home and one landline',
      subject: { identity: { residence: { address: HOME } }, contacts: { phones: [{ number: '+1 614 555 0100' }] } },
      population: {
        subjects: [
          {
            id: 'spouse',
            identity: { residence: { address: HOME } },
            contacts: { phones: [{ number: '(614) 555-0100', source: 'x' }, { number: '+16145550100' }] },
          },
        ],
      },
    },
    {
      name: 'a ship-to address alone is left to the shipping indicator',
      subject: { contacts: { emails: [{ address: 'me@example.com' }] }, shipments: [{ id: 'ship-1', address: HOME }] },
      population: { subjects: [{ id: 'other-1', shipments: [{ id: 'ship-2', address: HOME }] }] },
    },
  ],
  invalid: [
    {
      name: 'one Gmail mailbox behind two applicants (dots and plus tag)',
      subject: { contacts: { emails: [{ address: 'Andrew.Miller+jobs@gmail.com', createdAt: '2025-01-05T00:00:00Z' }] } },
      population: { subjects: [{ id: 'other-1', contacts: { emails: [{ address: 'andrewmiller@googlemail.com' }] } }] },
      findings: [
        {
          messageId: 'sharedContact',
          strength: 0.7,
          data: { value: 'andrewmiller@gmail.com', count: 2, since: '2025-01-05' },
          evidence: ['subject-1', 'other-1'],
        },
      ],
    },
    {
      name: 'one phone number across four applicants grows stronger',
      subject: { contacts: { phones: [{ number: '+44 20 7946 0958' }] } },
      population: {
        subjects: ['a', 'b', 'c'].map((id) => ({ id, contacts: { phones: [{ number: '0044 (20) 7946-0958' }] } })),
      },
      findings: [{ messageId: 'sharedContact', strength: [0.6, 0.9], data: { count: 4 }, message: /Phone number \+442079460958/ }],
    },
    {
      name: 'the same home address on five applications',
      subject: { identity: { residence: { address: HOME } } },
      population: { subjects: ['a', 'b', 'c', 'd'].map((id) => ({ id, contacts: { addresses: [{ ...HOME, line1: '77 OAK AVE.', kind: 'residence' }] } })) },
      findings: [{ messageId: 'sharedContact', data: { count: 5 } }],
    },
  ],
  notEvaluated: [
    { name: 'no contact details', subject: {}, missing: ['contacts'] },
    { name: 'alone in the batch', subject: { contacts: { emails: [{ address: 'me@example.com' }] } }, missing: ['population'] },
  ],
});
