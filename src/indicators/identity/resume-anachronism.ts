import { z } from 'zod';
import { cite, DAY_MS, docsLink, findTechnology, partialDateRange, round1, type TechnologyRelease } from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';

const YEAR_MS = 365.25 * DAY_MS;
// "Years of experience" figures are whole numbers, often rounded up ("3 years" for 2 years and a
// few months): a claim is read as at most one year shorter before it counts as too long.
/** Years of experience beyond any lifetime, kept inside the range of a JavaScript date (about 270,000 years). */
const MAX_CLAIMED_YEARS = 10_000;
const YEARS_ROUNDING = 1;

const options = z.object({
  extraTechnologies: z
    .array(
      z.object({
        name: z.string().min(1),
        firstPublicRelease: z.number().int().min(1900).max(2200),
        aliases: z.array(z.string()).default([]),
      }),
    )
    .default([])
    .describe('Technologies to add to (or override in) the built-in release-year table, e.g. internal frameworks. Searched first.'),
  toleranceYears: z
    .number()
    .nonnegative()
    .default(0)
    .describe(
      'Slack before a claim counts as too early. 0 by default because the built-in table already takes the earliest plausible ' +
        'public year (previews, open-sourcing) and release years count from 1 January.',
    ),
});

type MessageId = 'employment' | 'skillSince' | 'skillYears';

/**
 * `identity/resume-anachronism`: the resume claims experience with a technology before it
 * existed — a job that ended before the technology's first public release listing it, or more
 * years of a skill than the technology has existed.
 */
export const resumeAnachronism = defineIndicator({
  meta: {
    id: 'identity/resume-anachronism',
    title: 'Resume claims a technology before it existed',
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.2,
    correlationGroup: 'identity-claims',
    options,
    messages: {
      employment: '{{technology}} is listed for {{role}} ({{period}}), but {{technology}} was first released in {{released}}',
      skillSince: '{{technology}} is claimed since {{since}}, but it was first released in {{released}}',
      skillYears: '{{years}} years of {{technology}} are claimed as of {{asOf}} (since about {{from}}), but it was first released in {{released}}',
    },
    neutralReason: 'Claims in the resume could not be reconciled with public facts.',
    recommendedAction:
      'Ask the candidate to describe the work done with the technology in that role on a live technical call, and verify the ' + 'employer independently.',
    docs: {
      description:
        'Looks up every technology claimed in an employment entry and every claimed skill in a documented table of first public ' +
        `release years (${docsLink('src/data/technologyReleaseYears.ts')}, earliest plausible year; callers extend it with ` +
        '`extraTechnologies`). Fires when a job that listed the technology ended (latest possible date) before its release year, ' +
        'when a skill is claimed `since` a year before release, or when the years of experience claimed at application, less one ' +
        'year for rounding up, still reach back before release. A job that started before the release but continued after it ' +
        'never fires: the technology may have been adopted later.',
      requires: ['employment[].technologies', 'employment[].end', 'skills[]', 'appliedAt'],
      threatHypothesis: 'A fabricated or template resume assembled without real experience.',
      sources: cite('DTEX', 'CIN', 'DOJ-VONG', 'MND'),
      falsePositives: [
        'Predecessor technologies named by their current name (e.g. "Angular" for AngularJS work; the table takes the conservative reading).',
        'Typos in dates or a rounded-up years figure; ask before concluding.',
        'Internal pre-release access at the vendor that built the technology.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const jobs = (s.employment ?? []).filter((e) => e.technologies !== undefined && e.technologies.length > 0);
    const skills = s.skills ?? [];
    if (jobs.length === 0 && skills.length === 0) return notEvaluated('no technologies claimed', ['employment[].technologies', 'skills']);
    const extra: TechnologyRelease[] = options.extraTechnologies.map((t) => ({
      id: `extra:${t.name}`,
      name: t.name,
      aliases: t.aliases,
      firstPublicRelease: t.firstPublicRelease,
    }));
    const releaseStart = (t: TechnologyRelease): number => Date.UTC(t.firstPublicRelease, 0, 1) - options.toleranceYears * YEAR_MS;
    const findings: FindingDraft<MessageId>[] = [];
    const strengthFor = (yearsEarly: number): number => Math.min(1, 0.6 + 0.2 * Math.max(0, yearsEarly - 1));

    for (const job of jobs) {
      if (job.end === undefined) continue;
      const end = partialDateRange(job.end);
      if (end === undefined) continue;
      const seen = new Set<string>();
      for (const name of job.technologies ?? []) {
        const tech = findTechnology(name, extra);
        if (tech === undefined || seen.has(tech.id)) continue;
        seen.add(tech.id);
        if (end.latest > releaseStart(tech)) continue;
        findings.push({
          messageId: 'employment',
          strength: strengthFor((releaseStart(tech) - end.latest) / YEAR_MS),
          data: {
            technology: tech.name,
            role: `${job.role !== undefined ? `${job.role} at ` : ''}${job.organisation}`,
            period: `${job.start ?? '?'} to ${job.end}`,
            released: tech.firstPublicRelease,
          },
          evidence: [{ recordId: job.id, field: 'technologies', value: name, note: `role ended ${job.end}` }],
        });
      }
    }

    const applied = s.appliedAt !== undefined ? Math.min(Date.parse(s.appliedAt), asOfMs) : asOfMs;
    for (const skill of skills) {
      const tech = findTechnology(skill.name, extra);
      if (tech === undefined) continue;
      const start = releaseStart(tech);
      const since = partialDateRange(skill.since);
      if (since !== undefined && since.latest <= start) {
        findings.push({
          messageId: 'skillSince',
          strength: strengthFor((start - since.latest) / YEAR_MS),
          data: { technology: tech.name, since: skill.since as string, released: tech.firstPublicRelease },
          evidence: [{ recordId: s.id, field: 'skills', value: `${skill.name} since ${skill.since}` }],
        });
      } else if (skill.years !== undefined && skill.years > 0) {
        // An absurd figure (1e308 years) still predates every release; capped so the dates stay valid.
        const years = Math.min(skill.years, MAX_CLAIMED_YEARS);
        const from = applied - years * YEAR_MS;
        const latestReading = applied - Math.max(0, years - YEARS_ROUNDING) * YEAR_MS;
        if (latestReading < start) {
          findings.push({
            messageId: 'skillYears',
            strength: strengthFor((start - latestReading) / YEAR_MS),
            data: {
              technology: tech.name,
              years: round1(skill.years),
              asOf: new Date(applied).toISOString().slice(0, 10),
              from: new Date(from).getUTCFullYear(),
              released: tech.firstPublicRelease,
            },
            evidence: [{ recordId: s.id, field: 'skills', value: `${skill.years} years of ${skill.name}` }],
          });
        }
      }
    }
    return findings;
  },
});
