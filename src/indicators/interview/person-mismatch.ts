import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, sortedInterviews } from '../../kit';

const options = z.object({
  voiceStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe("Strength of an interviewer's note that the voice differs: weaker than a face mismatch, since colds and headsets change voices."),
  inconclusiveStrength: z.number().min(0).max(1).default(0).describe('Strength of an inconclusive face match; 0 by default because poor video is common.'),
});

type MessageId = 'faceMatch' | 'interviewer';

/**
 * `interview/person-mismatch`: the face or voice differs between the ID, interviews and
 * onboarding — a vendor face-match result or an interviewer's recorded observation.
 */
export const personMismatch = defineIndicator({
  meta: {
    id: 'interview/person-mismatch',
    title: 'Different person between ID, interviews and onboarding',
    category: 'interview',
    version: '1.0.0',
    kind: 'risk',
    family: 'interview',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'identity-proofing',
    options,
    messages: {
      faceMatch: 'Face match of the {{date}} interview against the {{comparedTo}} was {{result}}{{score}}',
      interviewer: '{{interviewer}} recorded in the {{date}} interview that the {{what}} differs from earlier meetings',
    },
    neutralReason: 'The identity of the person interviewed could not be confirmed.',
    recommendedAction:
      'Capture an image at each meeting and compare it with the document; hold a live video call with the document on camera before granting access.',
    docs: {
      description:
        'Fires on each interview whose vendor face match against the document, an earlier interview, onboarding or the profile ' +
        'photo came out as a mismatch (strength 1, or 1 minus the match score when given), and on each interview where the ' +
        'interviewer recorded that the person or the voice differs from before. Proxy interviewees and person swaps are at the ' +
        'centre of the DOJ cases. Only recorded facts are read: no automated face or affect analysis happens here.',
      requires: ['interviews[].faceMatch', 'interviews[].flags'],
      threatHypothesis: 'A proxy sat the interview, or the person who works is not the person who was hired.',
      sources: cite('PSA-2025-01', 'ROK-2022', 'DOJ-DEC24', 'DOJ-DEC24-OPA', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'SEAL'),
      falsePositives: ['Large changes in appearance (weight, beard, glasses) or poor video.', 'A different interviewee joined by mistake (scheduling error).'],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const interviews = sortedInterviews(view.subject.interviews, asOfMs);
    const relevant = interviews.filter((i) => i.faceMatch !== undefined || i.flags !== undefined || i.outcome === 'held');
    if (relevant.length === 0) return notEvaluated('no interviews recorded', ['interviews']);
    const findings: FindingDraft<MessageId>[] = [];
    for (const i of relevant) {
      const date = i.at.slice(0, 10);
      if (i.faceMatch !== undefined) {
        const fm = i.faceMatch;
        const strength =
          fm.result === 'mismatch'
            ? fm.score !== undefined
              ? Math.max(0.5, 1 - fm.score)
              : 1
            : fm.result === 'inconclusive'
              ? options.inconclusiveStrength
              : 0;
        if (strength > 0) {
          findings.push({
            messageId: 'faceMatch',
            strength,
            data: { date, comparedTo: fm.comparedTo, result: fm.result, score: fm.score !== undefined ? ` (score ${fm.score})` : '' },
            evidence: [{ recordId: i.id, field: 'faceMatch.result', at: i.at, value: fm.result }],
          });
        }
      }
      const interviewer = i.interviewer ?? 'The interviewer';
      if (i.flags?.includes('person-differs') === true) {
        findings.push({
          messageId: 'interviewer',
          strength: 0.9,
          data: { interviewer, date, what: 'person' },
          evidence: [{ recordId: i.id, field: 'flags', at: i.at, value: 'person-differs' }],
        });
      }
      if (i.flags?.includes('voice-differs') === true && options.voiceStrength > 0) {
        findings.push({
          messageId: 'interviewer',
          strength: options.voiceStrength,
          data: { interviewer, date, what: 'voice' },
          evidence: [{ recordId: i.id, field: 'flags', at: i.at, value: 'voice-differs' }],
        });
      }
    }
    return findings;
  },
});
