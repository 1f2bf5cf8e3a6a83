import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, claimedResidenceCountry, notAfter, sortedInterviews } from '../../kit';

const options = z.object({
  interviewerFlagStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe(
      "Strength of an interviewer's note that an informal location check failed (camera out of the window, questions about " +
        'the claimed city): weaker than a formal check.',
    ),
});

type MessageId = 'failed' | 'elsewhere' | 'interviewer';

/**
 * `interview/location-check-failed`: the candidate failed a location verification — a formal
 * location check, one that found them in another country than claimed, or an interviewer's
 * informal check.
 */
export const locationCheckFailed = defineIndicator({
  meta: {
    id: 'interview/location-check-failed',
    title: 'Failed a location check',
    category: 'interview',
    version: '1.0.0',
    kind: 'risk',
    family: 'interview',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'presence-verification',
    options,
    messages: {
      failed: 'The location check on {{date}} failed{{notes}}',
      elsewhere: 'The location check on {{date}} found the person in {{found}}, not in the claimed residence {{claimed}}',
      interviewer: '{{interviewer}} recorded a failed location check in the {{date}} interview',
    },
    neutralReason: 'The claimed location could not be confirmed.',
    recommendedAction: 'Repeat the location check on a live video call (camera out of the window, a document with the address) or meet in person.',
    docs: {
      description:
        'Fires on a location-check verification that failed (full strength; the message names the country found when the check ' +
        'recorded it and it differs from the claimed residence), and on interviews where the interviewer recorded a failed ' +
        'location check (`interviewerFlagStrength`), e.g. the PSA-2025-01 advice to point the camera out of a window and ask ' +
        'about the claimed city.',
      requires: ['verifications[kind=location-check]', 'interviews[].flags', 'identity.residence.country', 'identity.residence.address.country'],
      threatHypothesis: 'The applicant is not in the claimed country.',
      sources: cite('PSA-2025-01', 'CIN', 'SEAL'),
      falsePositives: ['A candidate travelling at the time of the check.', 'A recent move to the claimed city (little local knowledge yet).'],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const checks = (s.verifications ?? []).filter((v) => v.kind === 'location-check' && notAfter(v.at, asOfMs));
    const interviews = sortedInterviews(s.interviews, asOfMs);
    if (checks.length === 0 && interviews.length === 0)
      return notEvaluated('no location checks and no interviews', ['verifications[kind=location-check]', 'interviews']);
    const residence = claimedResidenceCountry(s);
    const claimed = residence?.country;
    const findings: FindingDraft<MessageId>[] = [];
    for (const v of checks) {
      if (v.outcome !== 'failed') continue;
      const date = v.at?.slice(0, 10) ?? 'an unknown date';
      const found = v.location?.country;
      const at = v.at !== undefined ? { at: v.at } : {};
      if (found !== undefined && residence !== undefined && claimed !== undefined && found !== claimed) {
        findings.push({
          messageId: 'elsewhere',
          strength: 1,
          data: { date, found: v.location?.city !== undefined ? `${v.location.city}, ${found}` : found, claimed },
          evidence: [{ recordId: v.id, field: 'location.country', value: found, ...at }, residence.evidence],
        });
      } else {
        findings.push({
          messageId: 'failed',
          strength: 1,
          data: { date, notes: v.notes !== undefined ? ` (${v.notes})` : '' },
          evidence: [{ recordId: v.id, field: 'outcome', value: 'failed', ...at }],
        });
      }
    }
    for (const i of interviews) {
      if (i.flags?.includes('location-check-failed') !== true || options.interviewerFlagStrength <= 0) continue;
      findings.push({
        messageId: 'interviewer',
        strength: options.interviewerFlagStrength,
        data: { interviewer: i.interviewer ?? 'The interviewer', date: i.at.slice(0, 10) },
        evidence: [{ recordId: i.id, field: 'flags', at: i.at, value: 'location-check-failed' }],
      });
    }
    return findings;
  },
});
