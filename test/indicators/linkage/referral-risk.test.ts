import { referralRisk } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const FARM = { line1: '1420 Elm Street', postalCode: '37203', country: 'US' };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(referralRisk, {
  valid: [
    {
      name: 'referred by a colleague with a clean record',
      subject: { referredBy: 'ref-1' },
      population: { subjects: [{ id: 'ref-1', identityChecks: [{ id: 'chk', kind: 'ssn-trace', outcome: 'consistent' }] }] },
    },
    {
      name: 'linked to the referrer by a shared address only: linkage never feeds referral risk',
      subject: { referredBy: 'ref-1', shipments: [{ id: 's1', address: FARM }] },
      population: { subjects: [{ id: 'ref-1', shipments: [{ id: 's2', address: FARM }], referredBy: 'subject-1' }] },
    },
  ],
  invalid: [
    {
      name: 'referred by someone whose identity belongs to another person',
      subject: { referredBy: 'ref-1' },
      population: {
        subjects: [
          {
            id: 'ref-1',
            identityChecks: [{ id: 'chk-1', kind: 'ssn-trace', at: '2025-02-01T00:00:00Z', outcome: 'belongs-to-other' }],
            documents: [{ id: 'doc-1', type: 'passport', verification: { outcome: 'ai-altered' } }],
          },
        ],
      },
      findings: [
        {
          messageId: 'referredBy',
          strength: 0.75,
          data: { related: 'ref-1' },
          message: /identity check: belongs-to-other; document ai-altered/,
          evidence: ['subject-1', 'chk-1', 'doc-1'],
        },
      ],
    },
    {
      name: 'referred a hire on whose laptop an IP-KVM was found',
      subject: {},
      population: {
        subjects: [{ id: 'hire-2', referredBy: 'subject-1' }],
        events: [{ id: 'kvm', subjectId: 'hire-2', type: 'security', at: '2025-04-01T00:00:00Z', category: 'ip-kvm' }],
      },
      findings: [{ messageId: 'referred', strength: 0.5, message: /Referred hire-2.*ip-kvm/, evidence: ['hire-2', 'kvm'] }],
    },
  ],
  notEvaluated: [
    { name: 'no referral relations', subject: {}, missing: ['referredBy'] },
    { name: 'referrer not in the batch', subject: { referredBy: 'someone-else' } },
  ],
});
