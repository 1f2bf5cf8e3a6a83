import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, sortedInterviews } from '../../kit';

const artefacts = ['lip-sync-mismatch', 'face-glitch-on-occlusion', 'voice-changer'] as const;
type Artefact = (typeof artefacts)[number];

const options = z.object({
  strengths: z
    .object({
      'lip-sync-mismatch': z.number().min(0).max(1).default(0.6),
      'face-glitch-on-occlusion': z.number().min(0).max(1).default(0.9),
      'voice-changer': z.number().min(0).max(1).default(0.8),
    })
    .default({ 'lip-sync-mismatch': 0.6, 'face-glitch-on-occlusion': 0.9, 'voice-changer': 0.8 })
    .describe(
      'Strength of each recorded artefact. Lip-sync mismatch is the weakest (network lag causes it); a face that glitches when ' +
        'a hand passes in front (the PSA-2025-01 test) is the strongest.',
    ),
});

const DESCRIBE: Readonly<Record<Artefact, string>> = {
  'lip-sync-mismatch': 'lip movements out of sync with the audio',
  'face-glitch-on-occlusion': 'the face glitched when something passed in front of it',
  'voice-changer': 'a voice changer was in use',
};

/**
 * `interview/deepfake-artifacts`: interviewer- or vendor-recorded artefacts of real-time face or
 * voice manipulation (lip-sync mismatch, face glitching when occluded, voice changer).
 */
export const deepfakeArtifacts = defineIndicator({
  meta: {
    id: 'interview/deepfake-artifacts',
    title: 'Deepfake artefacts recorded in an interview',
    category: 'interview',
    version: '1.0.0',
    kind: 'risk',
    family: 'interview',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'identity-proofing',
    options,
    messages: {
      artefact: '{{recorder}} recorded in the {{date}} interview that {{what}}',
    },
    neutralReason: 'The identity of the person interviewed could not be confirmed on video.',
    recommendedAction:
      'Repeat the interview on a live video call, ask the candidate to wave a hand in front of the face and turn the head, ' +
      'with the identity document on camera.',
    docs: {
      description:
        'Fires on each interview flag recording a lip-sync mismatch, a face that glitched when occluded, or a voice changer, as ' +
        'entered by the interviewer or a vendor. The library performs no automated emotion or affect inference and no media ' +
        'analysis of its own.',
      requires: ['interviews[].flags'],
      threatHypothesis: 'Real-time face-swap or voice-changing software hides the real interviewee.',
      sources: cite('PSA-2022-DF', 'PSA-2025-01', 'MS-JS', 'GTIG'),
      falsePositives: ['Network lag (lip-sync) and background-blur or beauty filters (edge glitches).', 'Hearing aids or voice prostheses.'],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const interviews = sortedInterviews(view.subject.interviews, asOfMs).filter(
      (i) => i.outcome === 'held' || i.outcome === 'ended-early' || i.flags !== undefined,
    );
    if (interviews.length === 0) return notEvaluated('no interviews held', ['interviews']);
    const findings: FindingDraft<'artefact'>[] = [];
    for (const i of interviews) {
      for (const a of artefacts) {
        if (i.flags?.includes(a) !== true) continue;
        const strength = options.strengths[a];
        if (strength <= 0) continue;
        findings.push({
          messageId: 'artefact',
          strength,
          data: { recorder: i.interviewer ?? 'The interviewer', date: i.at.slice(0, 10), what: DESCRIBE[a] },
          evidence: [{ recordId: i.id, field: 'flags', at: i.at, value: a }],
        });
      }
    }
    return findings;
  },
});
