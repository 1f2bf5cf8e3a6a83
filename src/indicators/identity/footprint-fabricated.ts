import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, DAY_MS, partialDateRange, round1 } from '../../kit';

const YEAR_MS = 365.25 * DAY_MS;

const options = z.object({
  backdateToleranceDays: z
    .number()
    .nonnegative()
    .default(365)
    .describe(
      "How far a profile's earliest shown activity may predate its creation before it fires. Generous by default: SEAL warns " +
        'that old code legitimately re-uploaded has commits older than the account.',
    ),
  seniorYears: z
    .number()
    .positive()
    .default(8)
    .describe('Claimed years of experience (from the employment history) that make a near-empty online footprint notable.'),
  maxFootprintAgeYears: z
    .number()
    .positive()
    .default(1)
    .describe('A senior claim fires when every online profile on file is younger than this at the time of application.'),
});

type MessageId = 'backdated' | 'thin';

/**
 * `identity/footprint-fabricated`: an online profile whose shown history is older than the
 * account itself (backfilled commits), or an online footprint far younger than the seniority
 * claimed. A weak, capped signal: SEAL lists its own false positives.
 */
export const footprintFabricated = defineIndicator({
  meta: {
    id: 'identity/footprint-fabricated',
    title: 'Online footprint looks manufactured',
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.7,
    correlationGroup: 'pre-hire-weak',
    options,
    messages: {
      backdated: '{{platform}} profile {{handle}} was created on {{createdAt}} but shows activity from {{earliestAt}}, {{days}} days earlier',
      thin: 'The resume claims {{years}} years of experience, but every online profile ({{profiles}}) is under {{maxAge}} year(s) old',
    },
    neutralReason: 'The professional history could not be corroborated by public records.',
    recommendedAction:
      'Ask the candidate to walk through a named past project on a live call, including code they wrote, and verify one past employer independently.',
    docs: {
      description:
        "Fires when a profile's earliest shown activity (e.g. first commit) predates the account's creation by more than " +
        '`backdateToleranceDays`, the SEAL heuristic for cloned repositories with the candidate inserted as author; and when the ' +
        'employment history claims at least `seniorYears` of experience while every profile on file was created less than ' +
        '`maxFootprintAgeYears` before the application. Weak: many honest engineers have no public footprint, so it sits in the ' +
        'capped weak pre-hire group.',
      requires: ['profiles[].createdAt', 'profiles[].earliestActivityAt', 'employment[].start', 'appliedAt'],
      threatHypothesis: 'A persona whose portfolio and profiles were built shortly before applying.',
      sources: cite('SEAL', 'MND', 'CIN', 'CTI-HR'),
      falsePositives: [
        'Old code legitimately re-uploaded to a new account (commits predate the account).',
        'Engineers whose work was all in private company repositories.',
        'People who deleted old accounts for privacy and started new ones.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const profiles = [...(s.profiles ?? [])].filter((p) => p.createdAt !== undefined);
    if (profiles.length === 0) return notEvaluated('no online profiles with a creation date', ['profiles[].createdAt']);
    const findings: FindingDraft<MessageId>[] = [];
    for (const p of profiles) {
      if (p.earliestActivityAt === undefined) continue;
      const created = Date.parse(p.createdAt as string);
      const earliest = Date.parse(p.earliestActivityAt);
      const days = Math.floor((created - earliest) / DAY_MS);
      if (days <= options.backdateToleranceDays) continue;
      findings.push({
        messageId: 'backdated',
        strength: Math.min(1, 0.5 + (days - options.backdateToleranceDays) / (4 * 365)),
        data: {
          platform: p.platform,
          handle: p.handle ?? p.id,
          createdAt: (p.createdAt as string).slice(0, 10),
          earliestAt: p.earliestActivityAt.slice(0, 10),
          days,
        },
        evidence: [
          { recordId: p.id, field: 'createdAt', value: p.createdAt as string },
          { recordId: p.id, field: 'earliestActivityAt', value: p.earliestActivityAt },
        ],
      });
    }
    // Claimed experience: from the earliest employment start to the application.
    const applied = s.appliedAt !== undefined ? Date.parse(s.appliedAt) : asOfMs;
    let firstStart: { at: number; id: string } | undefined;
    for (const e of s.employment ?? []) {
      const r = partialDateRange(e.start);
      if (r === undefined) continue;
      if (firstStart === undefined || r.latest < firstStart.at || (r.latest === firstStart.at && e.id < firstStart.id)) {
        firstStart = { at: r.latest, id: e.id };
      }
    }
    if (firstStart !== undefined) {
      const years = (applied - firstStart.at) / YEAR_MS;
      let oldest = Infinity;
      for (const p of profiles) oldest = Math.min(oldest, Date.parse(p.createdAt as string));
      if (years >= options.seniorYears && applied - oldest < options.maxFootprintAgeYears * YEAR_MS) {
        findings.push({
          messageId: 'thin',
          strength: 0.5,
          data: {
            years: round1(years),
            profiles: profiles
              .map((p) => `${p.platform} ${p.handle ?? p.id}`)
              .sort()
              .join(', '),
            maxAge: options.maxFootprintAgeYears,
          },
          evidence: [
            { recordId: firstStart.id, field: 'start', note: 'earliest claimed employment' },
            ...profiles.map((p) => ({ recordId: p.id, field: 'createdAt', value: p.createdAt as string })),
          ],
        });
      }
    }
    return findings;
  },
});
