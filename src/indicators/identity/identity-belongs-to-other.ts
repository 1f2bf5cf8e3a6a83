import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite } from '../../kit';

const options = z.object({
  deceasedStrength: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe("Strength when a check says the personal data belongs to a deceased person: the identity cannot be the applicant's."),
  noRecordStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe('Strength when a check finds no record of the person. Low: recent immigrants, young people and people with thin credit files often have none.'),
});

type MessageId = 'check' | 'selfie';

/**
 * `identity/identity-belongs-to-other`: a background or identity check says the personal data
 * belongs to someone else (or to a deceased or synthetic person), or the selfie does not match
 * the document holder — the core finding of every DOJ laptop-farm case.
 */
export const identityBelongsToOther = defineIndicator({
  meta: {
    id: 'identity/identity-belongs-to-other',
    title: 'Identity belongs to someone else',
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'identity-proofing',
    options,
    messages: {
      check: '{{kind}} by {{provider}} found the personal data {{outcome}}{{details}}',
      selfie: '{{vendor}} found that the selfie does not match the portrait on the {{type}} {{documentId}}',
    },
    neutralReason: 'The identity could not be verified.',
    recommendedAction:
      'Hold a live video call with the identity document on camera, or require in-person identity proofing; if the data ' +
      'belongs to someone else, treat the named holder as a possible victim, not the perpetrator.',
    docs: {
      description:
        'Fires when an identity check (background check, SSN trace, credit header, database) reports that the personal data ' +
        'belongs to another, deceased or synthetic person, or when the vendor says the selfie does not match the document ' +
        'portrait. A "no record" result fires weakly (`noRecordStrength`). In the public cases, valid but stolen or rented US ' +
        "identities passed background checks; the mismatch between person and identity is the scheme's core.",
      requires: ['identityChecks[].outcome', 'documents[].verification.selfieMatch'],
      threatHypothesis: 'A stolen, borrowed or rented identity used by someone other than its holder.',
      sources: cite('PSA-2022-DF', 'KB4', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'DOJ-JUN25', 'DOJ-JUN25-OPA', 'US-2022'),
      falsePositives: [
        'Data-entry errors in the SSN or date of birth (a single transposed digit).',
        'Mixed credit files of relatives with similar names (Jr./Sr.).',
        'Selfie mismatch after a large change in appearance since the document photo.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const checks = view.subject.identityChecks ?? [];
    const documents = (view.subject.documents ?? []).filter((d) => d.verification?.selfieMatch !== undefined && d.verification.selfieMatch !== 'not-performed');
    if (checks.length === 0 && documents.length === 0) {
      return notEvaluated('no identity checks and no selfie-match results', ['identityChecks', 'documents[].verification.selfieMatch']);
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const check of checks) {
      const strength =
        check.outcome === 'belongs-to-other' || check.outcome === 'synthetic'
          ? 1
          : check.outcome === 'deceased'
            ? options.deceasedStrength
            : check.outcome === 'no-record'
              ? options.noRecordStrength
              : 0;
      if (strength <= 0) continue;
      const outcomeText =
        check.outcome === 'belongs-to-other'
          ? 'belongs to another person'
          : check.outcome === 'deceased'
            ? 'belongs to a deceased person'
            : check.outcome === 'synthetic'
              ? 'to be a synthetic identity'
              : 'has no record';
      findings.push({
        messageId: 'check',
        strength,
        data: {
          kind: check.kind,
          provider: check.provider ?? 'an unnamed provider',
          outcome: outcomeText,
          details: check.details !== undefined ? ` (${check.details})` : '',
        },
        evidence: [{ recordId: check.id, field: 'outcome', value: check.outcome, ...(check.at !== undefined ? { at: check.at } : {}) }],
      });
    }
    for (const doc of documents) {
      const v = doc.verification as NonNullable<typeof doc.verification>;
      if (v.selfieMatch !== 'mismatch') continue;
      findings.push({
        messageId: 'selfie',
        strength: 1,
        data: { vendor: v.vendor ?? 'The verification vendor', type: doc.type, documentId: doc.id },
        evidence: [{ recordId: doc.id, field: 'verification.selfieMatch', value: 'mismatch', ...(v.checkedAt !== undefined ? { at: v.checkedAt } : {}) }],
      });
    }
    return findings;
  },
});
