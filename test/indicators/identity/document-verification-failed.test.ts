import { documentVerificationFailed } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const doc = (verification: Record<string, unknown>, id = 'doc-1') => ({
  id,
  type: 'passport',
  holderName: 'Andrew Miller',
  verification: { vendor: 'Acme IDV', checkedAt: '2025-05-01T10:00:00Z', ...verification },
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(documentVerificationFailed, {
  valid: [
    { name: 'verified document with passed liveness', subject: { documents: [doc({ outcome: 'verified', liveness: 'passed' })] } },
    { name: 'inconclusive result is a retry, not suspicion', subject: { documents: [doc({ outcome: 'inconclusive', liveness: 'inconclusive' })] } },
  ],
  invalid: [
    {
      name: 'AI-altered document',
      subject: { documents: [doc({ outcome: 'ai-altered', reasons: ['portrait replaced'] })] },
      findings: [
        {
          messageId: 'document',
          strength: 1,
          data: { outcome: 'ai-altered', vendor: 'Acme IDV' },
          message: /Acme IDV reported the passport doc-1 as ai-altered \(portrait replaced\)/,
          evidence: ['doc-1'],
        },
      ],
    },
    {
      name: 'plain failure is weaker than tampering',
      subject: { documents: [doc({ outcome: 'failed' })] },
      findings: [{ messageId: 'document', strength: 0.7 }],
    },
    {
      name: 'failed liveness on a verified document',
      subject: { documents: [doc({ outcome: 'verified', liveness: 'failed' })] },
      findings: [{ messageId: 'liveness', strength: 0.8, evidence: ['doc-1'] }],
    },
    {
      name: 'inconclusive results can be made to count',
      subject: { documents: [doc({ outcome: 'inconclusive' })] },
      options: { inconclusiveStrength: 0.3 },
      findings: [{ messageId: 'document', strength: 0.3 }],
    },
    {
      name: 'two documents, one synthetic',
      subject: { documents: [doc({ outcome: 'verified' }, 'doc-1'), doc({ outcome: 'synthetic' }, 'doc-2')] },
      findings: [{ messageId: 'document', evidence: ['doc-2'] }],
    },
  ],
  notEvaluated: [
    { name: 'no documents', missing: ['documents[].verification'] },
    { name: 'documents never sent to a vendor', subject: { documents: [{ id: 'doc-1', type: 'passport' }] } },
  ],
});
