import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import { cite, hasAccommodation, sortedInterviews } from '../../kit';

const options = z.object({
  minShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Share of interviews with avoidance that fires. One camera-off call out of four is bandwidth, not a pattern.'),
  fullStrengthAt: z
    .number()
    .int()
    .positive()
    .default(3)
    .describe('Number of avoidance occurrences at which the finding reaches the full share: one excuse is weak, three is a habit.'),
});

type Avoidance = 'declined-video' | 'downgraded' | 'camera-off' | 'camera-excuse' | 'prefers-text';

const DESCRIBE: Readonly<Record<Avoidance, string>> = {
  'declined-video': 'declined a video interview',
  downgraded: 'held without video although video was requested',
  'camera-off': 'camera off',
  'camera-excuse': 'camera excuse',
  'prefers-text': 'asked for text only',
};

/**
 * `interview/video-avoidance`: the candidate avoids appearing on video — text-only preference,
 * declined video, camera off, "broken webcam" excuses — weighted by how often it happens, and
 * silenced for interviews with a documented accommodation.
 */
export const videoAvoidance = defineIndicator({
  meta: {
    id: 'interview/video-avoidance',
    title: 'Avoids appearing on video',
    category: 'interview',
    version: '1.0.0',
    kind: 'risk',
    family: 'interview',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.8,
    correlationGroup: 'pre-hire-weak',
    options,
    messages: {
      avoidance: 'Avoided video in {{count}} of {{total}} interviews ({{list}})',
    },
    neutralReason: 'Identity could not be confirmed on a live video call.',
    recommendedAction:
      'Offer a short camera-on identity check with the document on camera, or an in-person check as the accommodation path; ' +
      'record any accommodation the candidate asks for.',
    docs: {
      description:
        'Counts the interviews in which the candidate declined video, had it replaced by audio, phone or text although video was ' +
        'requested, kept the camera off, gave a camera excuse or asked for text only, as recorded by the interviewer. Fires when ' +
        'such interviews are at least `minShare` of all; strength is the share times min(1, occurrences / `fullStrengthAt`). ' +
        'Interviews with a documented accommodation (disability, bandwidth) are left out entirely. Weak and capped: the sources ' +
        'rate camera avoidance as noisy.',
      requires: ['interviews[].mode', 'interviews[].requestedMode', 'interviews[].cameraOn', 'interviews[].flags', 'interviews[].accommodation'],
      threatHypothesis: 'The person on the application cannot appear on camera, because the face would not match or would reveal a proxy.',
      sources: cite('ROK-2022', 'PSA-2023', 'SW', 'US-2022'),
      falsePositives: [
        'Disability or a medical condition (record it as an accommodation so it never fires).',
        'Poor bandwidth or shared living space.',
        'Privacy-minded candidates early in a process.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const interviews = sortedInterviews(view.subject.interviews, asOfMs);
    if (interviews.length === 0) return notEvaluated('no interviews recorded', ['interviews']);
    const considered = interviews.filter((i) => !hasAccommodation(i));
    const hits: { id: string; at: string; kinds: Avoidance[] }[] = [];
    for (const i of considered) {
      const kinds: Avoidance[] = [];
      if (i.outcome === 'declined-by-candidate' && i.requestedMode === 'video') kinds.push('declined-video');
      else if (i.requestedMode === 'video' && i.outcome === 'held' && i.mode !== 'video' && i.mode !== 'in-person') kinds.push('downgraded');
      if (i.mode === 'video' && i.cameraOn === false) kinds.push('camera-off');
      if (i.flags?.includes('camera-excuse') === true) kinds.push('camera-excuse');
      if (i.flags?.includes('prefers-text') === true) kinds.push('prefers-text');
      if (kinds.length > 0) hits.push({ id: i.id, at: i.at, kinds });
    }
    if (hits.length === 0 || considered.length === 0) return [];
    const share = hits.length / considered.length;
    if (share < options.minShare) return [];
    const evidence: Evidence[] = hits.map((h) => ({ recordId: h.id, at: h.at, value: h.kinds.join(', ') }));
    return [
      {
        messageId: 'avoidance',
        strength: Math.max(0.05, share * Math.min(1, hits.length / options.fullStrengthAt)),
        data: {
          count: hits.length,
          total: considered.length,
          list: hits
            .slice(0, 5)
            .map((h) => `${h.at.slice(0, 10)}: ${h.kinds.map((k) => DESCRIBE[k]).join(', ')}`)
            .join('; '),
        },
        evidence,
      },
    ];
  },
});
