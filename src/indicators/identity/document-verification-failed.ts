import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, compareText } from '../../kit';

const options = z.object({
  inconclusiveStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe(
      'Strength given to an inconclusive document or liveness result. 0 by default: inconclusive results are common (glare, ' +
        'old documents) and call for a retry, not suspicion.',
    ),
});

type MessageId = 'document' | 'liveness';

const OUTCOME_STRENGTH = { failed: 0.7, tampered: 1, 'ai-altered': 1, synthetic: 1 } as const;

/**
 * `identity/document-verification-failed`: the identity-verification vendor reports a failed,
 * tampered, AI-altered or synthetic document, or a failed liveness check.
 */
export const documentVerificationFailed = defineIndicator({
  meta: {
    id: 'identity/document-verification-failed',
    title: 'Identity document or liveness check failed',
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'identity-proofing',
    options,
    messages: {
      document: '{{vendor}} reported the {{type}} {{documentId}} as {{outcome}}{{reasons}}',
      liveness: '{{vendor}} reported a failed liveness check on the {{type}} {{documentId}}',
    },
    neutralReason: 'The identity document could not be verified.',
    recommendedAction:
      'Repeat identity proofing in person or with a notarised check, with the original document on camera, applying the same ' +
      'step every candidate for the role goes through.',
    docs: {
      description:
        'Reads the identity-verification vendor outcome of every document. A tampered, AI-altered or synthetic document fires at ' +
        'full strength, a plain failure at 0.7, a failed liveness check at 0.8; inconclusive results fire only when ' +
        '`inconclusiveStrength` is raised. Advisories describe real IDs with a swapped-in photo and AI-altered document images. ' +
        'A pass does not clear anyone: SEAL warns that some forged documents pass specialised checks.',
      requires: ['documents[].verification.outcome', 'documents[].verification.liveness'],
      threatHypothesis: "A stolen or rented identity document with the operator's photo swapped in, or a synthetic document.",
      sources: cite('ROK-2022', 'MS-JS', 'PSA-2025-01', 'SEAL', 'PSA-2022-DF'),
      falsePositives: [
        'Worn, damaged or laminated documents that vendors reject.',
        'Poor lighting or camera quality during capture (retry before concluding).',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const documents = (view.subject.documents ?? []).filter((d) => d.verification !== undefined);
    if (documents.length === 0) return notEvaluated('no identity-verification results', ['documents[].verification']);
    const findings: FindingDraft<MessageId>[] = [];
    for (const doc of [...documents].sort((a, b) => compareText(a.id, b.id))) {
      const v = doc.verification as NonNullable<typeof doc.verification>;
      const vendor = v.vendor ?? 'The verification vendor';
      const outcomeStrength = v.outcome === 'inconclusive' ? options.inconclusiveStrength : (OUTCOME_STRENGTH as Record<string, number>)[v.outcome];
      if (outcomeStrength !== undefined && outcomeStrength > 0) {
        findings.push({
          messageId: 'document',
          strength: outcomeStrength,
          data: {
            vendor,
            type: doc.type,
            documentId: doc.id,
            outcome: v.outcome,
            reasons: v.reasons !== undefined && v.reasons.length > 0 ? ` (${v.reasons.join('; ')})` : '',
          },
          evidence: [{ recordId: doc.id, field: 'verification.outcome', value: v.outcome, ...(v.checkedAt !== undefined ? { at: v.checkedAt } : {}) }],
        });
      }
      const livenessStrength = v.liveness === 'failed' ? 0.8 : v.liveness === 'inconclusive' ? options.inconclusiveStrength : 0;
      if (livenessStrength > 0) {
        findings.push({
          messageId: 'liveness',
          strength: livenessStrength,
          data: { vendor, type: doc.type, documentId: doc.id },
          evidence: [
            { recordId: doc.id, field: 'verification.liveness', value: v.liveness ?? null, ...(v.checkedAt !== undefined ? { at: v.checkedAt } : {}) },
          ],
        });
      }
    }
    return findings;
  },
});
