import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import { cite, compareText, hasAccommodation, notAfter, sortedInterviews } from '../../kit';

const IN_PERSON_KINDS = new Set(['in-person-id-check', 'notarized-id', 'in-person-meeting', 'drug-test', 'location-check']);

const options = z.object({
  minOccurrences: z
    .number()
    .int()
    .positive()
    .default(2)
    .describe('Declines, reschedules or no-shows that fire. One reschedule is life; the sources describe accepting and cancelling again and again.'),
  declineStrength: z.number().min(0).max(1).default(0.5).describe('Strength of one outright decline or no-show.'),
  rescheduleStrength: z.number().min(0).max(1).default(0.25).describe('Strength of one reschedule: weaker, since family and travel are real.'),
});

interface Miss {
  id: string;
  at: string | undefined;
  t: number;
  what: string;
  outcome: string;
}

/**
 * `interview/in-person-avoidance`: repeated declines, reschedules or no-shows of in-person
 * meetings, in-person or notarised ID checks, drug tests and location checks.
 */
export const inPersonAvoidance = defineIndicator({
  meta: {
    id: 'interview/in-person-avoidance',
    title: 'Repeatedly avoids in-person verification',
    category: 'interview',
    version: '1.0.0',
    kind: 'risk',
    family: 'interview',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'presence-verification',
    options,
    messages: {
      avoidance: '{{count}} in-person verifications were avoided ({{list}})',
    },
    neutralReason: 'Identity could not be verified in person.',
    recommendedAction:
      'Require in-person or notarised identity proofing before start, applied uniformly to every candidate for the role, with ' +
      'an accommodation path for those who cannot travel.',
    docs: {
      description:
        'Counts verifications (in-person or notarised ID check, in-person meeting, drug test, location check) and in-person ' +
        'interviews the candidate declined, rescheduled or did not attend. Fires from `minOccurrences` on; strength combines ' +
        'declines and no-shows (`declineStrength`) and reschedules (`rescheduleStrength`) by noisy-or. Reschedules before a ' +
        'check the candidate later passed are dropped (they turned up), and verifications and interviews with a documented ' +
        "accommodation are left out. SEAL's case studies: workers quit rather than take an in-person or video KYC.",
      requires: [
        'verifications[].kind',
        'verifications[].outcome',
        'verifications[].accommodation',
        'interviews[].requestedMode',
        'interviews[].outcome',
        'interviews[].accommodation',
      ],
      threatHypothesis: 'The applicant cannot appear in person because they are not in the claimed country or are not the identity holder.',
      sources: cite('PSA-2023', 'SEAL', 'NISOS'),
      falsePositives: ['Family emergencies, travel and illness.', 'Candidates far from any office, for whom a notarised check is the fair alternative.'],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const requestedChecks = (s.verifications ?? []).filter((v) => IN_PERSON_KINDS.has(v.kind) && notAfter(v.at, asOfMs));
    const requested = sortedInterviews(s.interviews, asOfMs).filter((i) => i.requestedMode === 'in-person' || i.mode === 'in-person');
    if (requestedChecks.length === 0 && requested.length === 0) {
      return notEvaluated('no in-person verifications or in-person interviews requested', ['verifications', 'interviews[].requestedMode']);
    }
    // Accommodated steps still count as evaluated (the check was asked for) but never as avoided.
    const verifications = requestedChecks.filter((v) => !hasAccommodation(v));
    const interviews = requested.filter((i) => !hasAccommodation(i));
    let lastPassed = -Infinity;
    for (const v of verifications) {
      if (v.outcome === 'passed' && v.at !== undefined) lastPassed = Math.max(lastPassed, Date.parse(v.at));
    }
    for (const i of interviews) if (i.mode === 'in-person' && i.outcome === 'held') lastPassed = Math.max(lastPassed, Date.parse(i.at));
    const misses: Miss[] = [];
    for (const v of verifications) {
      if (v.outcome !== 'declined' && v.outcome !== 'rescheduled' && v.outcome !== 'no-show') continue;
      misses.push({ id: v.id, at: v.at, t: v.at === undefined ? Infinity : Date.parse(v.at), what: v.kind, outcome: v.outcome });
    }
    for (const i of interviews) {
      if (i.outcome !== 'declined-by-candidate' && i.outcome !== 'rescheduled' && i.outcome !== 'no-show') continue;
      misses.push({
        id: i.id,
        at: i.at,
        t: Date.parse(i.at),
        what: 'in-person interview',
        outcome: i.outcome === 'declined-by-candidate' ? 'declined' : i.outcome,
      });
    }
    // A reschedule followed by a passed check was honest: the candidate came in the end.
    const counted = misses.filter((m) => !(m.outcome === 'rescheduled' && m.t < lastPassed));
    if (counted.length < options.minOccurrences) return [];
    counted.sort((a, b) => a.t - b.t || compareText(a.id, b.id));
    let remaining = 1;
    for (const m of counted) remaining *= 1 - (m.outcome === 'rescheduled' ? options.rescheduleStrength : options.declineStrength);
    const strength = 1 - remaining;
    if (strength <= 0) return [];
    const evidence: Evidence[] = counted.map((m) => ({ recordId: m.id, field: 'outcome', value: m.outcome, ...(m.at !== undefined ? { at: m.at } : {}) }));
    return [
      {
        messageId: 'avoidance',
        strength,
        data: {
          count: counted.length,
          list: counted
            .slice(0, 5)
            .map((m) => `${m.what} ${m.outcome}${m.at !== undefined ? ` on ${m.at.slice(0, 10)}` : ''}`)
            .join('; '),
        },
        evidence,
      },
    ];
  },
});
