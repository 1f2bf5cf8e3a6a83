import { identityBelongsToOther } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const check = (outcome: string, extra: Record<string, unknown> = {}) => ({
  identityChecks: [{ id: 'chk-1', kind: 'ssn-trace', provider: 'TraceCo', at: '2025-05-02T00:00:00Z', outcome, ...extra }],
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(identityBelongsToOther, {
  valid: [
    { name: 'consistent background check', subject: check('consistent') },
    { name: 'inconclusive check', subject: check('inconclusive') },
    {
      name: 'selfie matches the document',
      subject: { documents: [{ id: 'doc-1', type: 'passport', verification: { outcome: 'verified', selfieMatch: 'match' } }] },
    },
  ],
  invalid: [
    {
      name: 'SSN belongs to another person',
      subject: check('belongs-to-other', { details: 'SSN issued to a different name' }),
      findings: [
        {
          messageId: 'check',
          strength: 1,
          message: /ssn-trace by TraceCo found the personal data belongs to another person \(SSN issued to a different name\)/,
          evidence: ['chk-1'],
        },
      ],
    },
    { name: 'deceased person', subject: check('deceased'), findings: [{ messageId: 'check', strength: 1, message: /deceased/ }] },
    { name: 'no record is weak (thin files are common)', subject: check('no-record'), findings: [{ messageId: 'check', strength: 0.3 }] },
    {
      name: 'selfie does not match the document portrait',
      subject: { documents: [{ id: 'doc-1', type: 'drivers-license', verification: { vendor: 'Acme IDV', outcome: 'verified', selfieMatch: 'mismatch' } }] },
      findings: [
        {
          messageId: 'selfie',
          strength: 1,
          message: /Acme IDV found that the selfie does not match the portrait on the drivers-license doc-1/,
          evidence: ['doc-1'],
        },
      ],
    },
  ],
  notEvaluated: [
    { name: 'no checks and no selfie match', missing: ['identityChecks', 'documents[].verification.selfieMatch'] },
    {
      name: 'selfie match not performed',
      subject: { documents: [{ id: 'doc-1', type: 'passport', verification: { outcome: 'verified', selfieMatch: 'not-performed' } }] },
    },
  ],
});
