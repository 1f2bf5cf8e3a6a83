import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import { cite, compareText, DAY_MS, defaultSensitiveTags, normalizeTag as norm } from '../../kit';

const options = z.object({
  sensitiveTags: z
    .array(z.string().min(1))
    .default([...defaultSensitiveTags])
    .describe(
      'Data tags that mark sensitive technology: the RFA report names energy, military, nuclear-power and construction ' +
        'technology; ITAR and export-controlled data from DOJ-JUN25.',
    ),
  extraTags: z.array(z.string().min(1)).default([]).describe('Caller-defined sensitive tags, added to `sensitiveTags`.'),
  earlyTenureDays: z
    .number()
    .positive()
    .default(90)
    .describe(
      'Access in the first days of tenure weighs more (SW: exfiltration began almost immediately after hiring; the catalogue ' +
        'measures the first 30-90 days).',
    ),
});

/**
 * `insider/sensitive-technology-access`: access to resources tagged with sensitive technology
 * categories outside the subject's authorised tags and assigned projects.
 */
export const sensitiveTechnologyAccess = defineIndicator({
  meta: {
    id: 'insider/sensitive-technology-access',
    title: 'Access to sensitive technology outside the role',
    category: 'insider',
    version: '1.0.0',
    kind: 'risk',
    family: 'data-movement',
    typologies: ['insider-technology-collection'],
    defaultWeight: 1.5,
    correlationGroup: 'insider-collection',
    options,
    messages: {
      access: "{{count}} accesses to {{resources}} resources tagged {{tag}} outside the role's authorised data and projects, e.g. {{example}} ({{early}})",
    },
    neutralReason: 'Data access could not be reconciled with the assigned role and projects.',
    recommendedAction: "Ask the worker's manager whether the access was needed; review what was read or copied and tighten access to the tagged resources.",
    docs: {
      description:
        'Fires, per sensitive tag, on data-access events whose `tags` include a tag in `sensitiveTags` or `extraTags` that is ' +
        "not in the subject's `authorizedDataTags`, on a resource outside the subject's assigned `projects`. Stronger for more " +
        'distinct resources and within `earlyTenureDays` of `hiredAt`. DPRK workers abroad are ordered to collect energy, ' +
        'military, nuclear-power and construction technology "by every method" (RFA); DOJ-JUN25 describes ITAR data taken from a ' +
        'defence contractor.',
      requires: ['events[type=data-access].tags', 'events[type=data-access].project', 'authorizedDataTags', 'projects', 'hiredAt'],
      threatHypothesis: 'The worker collects sensitive technology for a foreign programme.',
      sources: cite('DOJ-JUN25', 'DOJ-JUN25-OPA', 'SW', 'PSA-2025-01'),
      falsePositives: [
        'Stale role data: the worker moved to a project that needs the tag and HR has not updated `authorizedDataTags`.',
        "Search or indexing tools that touch tagged resources on the worker's behalf.",
        'Broadly tagged shared resources (a company-wide wiki tagged energy).',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const access = view.eventsOf('data-access');
    const accessTimes = view.eventTimes('data-access');
    if (access.length === 0) return notEvaluated('no data-access events', ['events[type=data-access]']);
    const sensitive = new Set([...options.sensitiveTags, ...options.extraTags].map(norm));
    const authorised = new Set((view.subject.authorizedDataTags ?? []).map(norm));
    const projects = new Set((view.subject.projects ?? []).map(norm));
    const hired = view.subject.hiredAt !== undefined ? Date.parse(view.subject.hiredAt) : undefined;
    const byTag = new Map<string, { count: number; resources: Set<string>; early: number; evidence: Evidence[] }>();
    for (let i = 0; i < access.length; i++) {
      const e = access[i]!;
      if (e.project !== undefined && projects.has(norm(e.project))) continue;
      if (projects.has(norm(e.resource))) continue;
      for (const raw of new Set((e.tags ?? []).map(norm))) {
        if (!sensitive.has(raw) || authorised.has(raw)) continue;
        const g = byTag.get(raw) ?? { count: 0, resources: new Set<string>(), early: 0, evidence: [] };
        g.count++;
        g.resources.add(e.resource);
        const t = accessTimes[i] as number;
        if (hired !== undefined && t >= hired && t <= hired + options.earlyTenureDays * DAY_MS) g.early++;
        if (g.evidence.length < 10)
          g.evidence.push({
            recordId: e.id,
            at: e.at,
            field: 'tags',
            value: e.resource,
            note: `${e.action}${e.project !== undefined ? ` in project ${e.project}` : ''}`,
          });
        byTag.set(raw, g);
      }
    }
    return [...byTag]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([tag, g]) => ({
        messageId: 'access' as const,
        strength: Math.min(1, 0.4 + 0.1 * (g.resources.size - 1) + (g.early > 0 ? 0.2 : 0)),
        data: {
          tag,
          count: g.count,
          resources: g.resources.size,
          example: [...g.resources].sort()[0] as string,
          early: g.early > 0 ? `${g.early} in the first ${options.earlyTenureDays} days of tenure` : 'after the first months of tenure',
        },
        evidence: g.evidence,
      }));
  },
});
