import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import { addFinite, cite, compareText, defaultSensitiveTags, normalizeTag, lookupTable } from '../../kit';

const kinds = ['personal-repo', 'personal-cloud', 'personal-email', 'removable-media', 'unknown'] as const;

const options = z.object({
  destinations: z
    .array(z.enum(kinds))
    .default(['personal-repo', 'personal-cloud', 'personal-email', 'removable-media'])
    .describe('Destination kinds that count as personal. `unknown` is left out: it is usually missing data.'),
  allowedHosts: z
    .array(z.string().min(1))
    .default([])
    .describe('Hosts the organisation sanctions for these copies (e.g. an approved personal-fork policy): never counted.'),
  sensitiveTags: z
    .array(z.string().min(1))
    .default([...defaultSensitiveTags])
    .describe(
      'Data tags that make a copy weigh more: the sensitive-technology tags of `insider/sensitive-technology-access` (RFA, ' +
        'DOJ-JUN25). Other tags, such as "public", do not.',
    ),
});

const LABEL: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  'personal-repo': 'personal repositories',
  'personal-cloud': 'personal cloud storage',
  'personal-email': 'personal e-mail',
  'removable-media': 'removable media',
  unknown: 'unknown destinations',
});

/**
 * `insider/exfiltration-to-personal`: pushes, uploads, syncs or copies of company data to
 * personal repositories, personal cloud storage, personal e-mail or removable media. Weak alone:
 * the FBI notes that copying code to personal repositories is "not uncommon" among developers.
 */
export const exfiltrationToPersonal = defineIndicator({
  meta: {
    id: 'insider/exfiltration-to-personal',
    title: 'Company data copied to personal destinations',
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'data-movement',
    typologies: ['insider-technology-collection'],
    defaultWeight: 0.8,
    correlationGroup: 'exfiltration-channels',
    options,
    messages: {
      copies: '{{count}} copies of {{resources}} resources to {{destination}}{{hosts}}, {{volume}}',
    },
    neutralReason: 'Company data was copied to destinations outside the organisation.',
    recommendedAction: 'Ask the worker to account for the copies and to delete them under supervision; preserve the logs in case of later extortion.',
    docs: {
      description:
        'Fires, per destination kind, on data-access events whose `destination.kind` is in `destinations` (personal ' +
        'repositories, personal cloud, personal e-mail, removable media) and whose host is not in `allowedHosts`. Stronger with ' +
        'more resources, more volume and data tagged with a tag in `sensitiveTags`. SW: code exfiltrated to personal GitHub and ' +
        'cloud right after hiring; PSA-2025-01 says such copying is "not uncommon" among developers, so the default weight is ' +
        'low.',
      requires: ['events[type=data-access].destination', 'events[type=data-access].volumeBytes'],
      threatHypothesis: 'The worker stages company code and data outside the organisation for collection or later extortion.',
      sources: cite('PSA-2025-01', 'SW'),
      falsePositives: [
        'Developers pushing open-source contributions or approved forks to their own accounts.',
        'Backups to personal storage by someone unaware of the policy.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const moved = view.eventsOf('data-access').filter((e) => e.destination !== undefined);
    if (moved.length === 0) return notEvaluated('no data-access events with a destination', ['events[type=data-access].destination']);
    const wanted = new Set<string>(options.destinations);
    const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
    const sensitive = new Set(options.sensitiveTags.map(normalizeTag));
    const groups = new Map<string, { count: number; bytes: number; resources: Set<string>; hosts: Set<string>; tagged: number; evidence: Evidence[] }>();
    for (const e of moved) {
      const d = e.destination as { kind: string; host?: string; url?: string };
      if (!wanted.has(d.kind)) continue;
      if (d.host !== undefined && allowed.has(d.host.toLowerCase())) continue;
      const g = groups.get(d.kind) ?? { count: 0, bytes: 0, resources: new Set<string>(), hosts: new Set<string>(), tagged: 0, evidence: [] };
      g.count++;
      g.bytes = addFinite(g.bytes, e.volumeBytes ?? 0);
      g.resources.add(e.resource);
      if (d.host !== undefined) g.hosts.add(d.host);
      if ((e.tags ?? []).some((t) => sensitive.has(normalizeTag(t)))) g.tagged++;
      if (g.evidence.length < 10)
        g.evidence.push({ recordId: e.id, at: e.at, field: 'destination', value: d.url ?? d.host ?? d.kind, note: `${e.action} of ${e.resource}` });
      groups.set(d.kind, g);
    }
    return [...groups]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([kind, g]) => {
        const gb = g.bytes / 1e9;
        return {
          messageId: 'copies' as const,
          strength: Math.min(1, 0.4 + 0.1 * (g.resources.size - 1) + Math.min(0.3, gb / 10) + (g.tagged > 0 ? 0.2 : 0)),
          data: {
            count: g.count,
            resources: g.resources.size,
            destination: LABEL[kind] ?? kind,
            hosts: g.hosts.size > 0 ? ` (${[...g.hosts].sort().join(', ')})` : '',
            volume: g.bytes > 0 ? `${Math.round(gb * 100) / 100} GB in all` : 'volume unknown',
          },
          evidence: g.evidence,
        };
      });
  },
});
