import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import type { ActivityEventOf } from '../../records/events';
import { cite, formatBytes, utcDate, type WebCategory, lookupTable } from '../../kit';

const perCategory = (leak: number, paste: number, sharing: number, cloud: number) =>
  z
    .object({
      'leak-site': z.number().min(0).max(1).default(leak),
      'paste-site': z.number().min(0).max(1).default(paste),
      'file-sharing': z.number().min(0).max(1).default(sharing),
      'personal-cloud': z.number().min(0).max(1).default(cloud),
    })
    .default({ 'leak-site': leak, 'paste-site': paste, 'file-sharing': sharing, 'personal-cloud': cloud });

const options = z.object({
  uploadStrength: perCategory(0.9, 0.6, 0.4, 0.4).describe(
    'Strength of uploads to each category: data sent to a leak or paste site has almost no honest use; file sharing and personal cloud have some.',
  ),
  visitStrength: perCategory(0.3, 0.1, 0, 0).describe(
    'Strength of visits (and downloads) without upload: a visit moves no data out, so it counts far less; visits to ' +
      'file-sharing and personal cloud count nothing by default (a customer shares a link).',
  ),
  volumeBonus: z.number().min(0).max(1).default(0.2).describe('Added to an upload finding at 1 GB uploaded, a third of it per tenfold less down to 1 MB.'),
  allowedHosts: z
    .array(z.string().min(1))
    .default([])
    .describe('Hosts the organisation sanctions (its own file-sharing tenant, say), compared in lower case; requests to them never count.'),
});

type MessageId = 'uploads' | 'visits';

const categoryNames: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  'leak-site': 'leak sites',
  'paste-site': 'paste sites',
  'file-sharing': 'file-sharing sites',
  'personal-cloud': 'personal cloud storage',
});

const categories = ['leak-site', 'paste-site', 'file-sharing', 'personal-cloud'] as const satisfies readonly WebCategory[];

/**
 * `insider/web-exfiltration`: uploads to, and visits of, leak, paste, file-sharing and personal
 * cloud sites, from caller-supplied web categories. Job boards are not read here: they are
 * context for `insider/exit-window`, never a risk on their own.
 */
export const webExfiltration = defineIndicator({
  meta: {
    id: 'insider/web-exfiltration',
    title: 'Uploads to leak, paste or file-sharing sites',
    category: 'insider',
    version: '1.0.0',
    kind: 'risk',
    family: 'data-movement',
    typologies: ['insider-technology-collection'],
    defaultWeight: 2,
    correlationGroup: 'exfiltration-channels',
    options,
    messages: {
      uploads: '{{count}} uploads to {{category}} ({{volume}}){{blocked}}, first on {{first}} ({{hosts}})',
      visits: '{{count}} visits to {{category}}{{blocked}}, first on {{first}} ({{hosts}})',
    },
    neutralReason: 'Transfers to external websites need review.',
    recommendedAction: 'Pull the proxy or DLP record of what was sent, to which account, and review it with the manager and security.',
    docs: {
      description:
        "Reads web events whose `category` the caller's proxy, secure web gateway or DLP set (redflags bundles no URL " +
        'database). Per category (leak-site, paste-site, file-sharing, personal-cloud) it gives one finding for uploads, at ' +
        '`uploadStrength` plus up to `volumeBonus` by bytes sent, and one for visits and downloads, at the much lower ' +
        '`visitStrength`. Blocked requests count: the attempt matters. Hosts in `allowedHosts` never count. Job-board browsing ' +
        "is not a risk and is not read here; `insider/exit-window` reads it as context. MITRE ATT&CK T1567; in CERT's insider " +
        'scenarios the leaving user uploads data to a leak site.',
      requires: ['events[type=web].category', 'events[type=web].action', 'events[type=web].bytesOut'],
      threatHypothesis: 'The person sends data out through web services, or publishes it.',
      sources: cite('CERT-ITD', 'ATTACK-WEB', 'CERT-CSG'),
      falsePositives: [
        'Sanctioned file-sharing with customers or vendors not listed in `allowedHosts`.',
        'Security research on leak and paste sites by the threat-intelligence team.',
        'Proxy miscategorisation of a host.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const web = view.eventsOf('web').filter((e) => e.category !== undefined);
    if (web.length === 0) return notEvaluated('no categorised web events', ['events[type=web].category']);
    const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
    const groups = new Map<string, ActivityEventOf<'web'>[]>();
    for (const e of web) {
      if (!(categories as readonly string[]).includes(e.category as string)) continue;
      if (e.host !== undefined && allowed.has(e.host.toLowerCase())) continue;
      const key = `${e.category as string}\u0000${e.action === 'upload' ? 'upload' : 'visit'}`;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [e]);
      else list.push(e);
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const category of categories) {
      for (const kind of ['upload', 'visit'] as const) {
        const list = groups.get(`${category}\u0000${kind}`);
        if (list === undefined) continue;
        let strength = kind === 'upload' ? options.uploadStrength[category] : options.visitStrength[category];
        if (strength <= 0) continue;
        let bytes = 0;
        let blocked = 0;
        for (const e of list) {
          bytes += e.bytesOut ?? 0;
          if (e.blocked === true) blocked++;
        }
        if (kind === 'upload' && bytes > 0) strength = Math.min(1, strength + options.volumeBonus * Math.min(1, Math.max(0, Math.log10(bytes / 1e6) / 3)));
        const hosts = [...new Set(list.map((e) => e.host ?? 'host not logged'))].sort();
        const first = list[0] as ActivityEventOf<'web'>;
        findings.push({
          messageId: kind === 'upload' ? 'uploads' : 'visits',
          strength,
          data: {
            count: list.length,
            category: categoryNames[category] as string,
            first: utcDate(first.at),
            hosts: hosts.slice(0, 3).join(', ') + (hosts.length > 3 ? ` and ${hosts.length - 3} more` : ''),
            blocked: blocked > 0 ? `, ${blocked} blocked` : '',
            ...(kind === 'upload' ? { volume: bytes > 0 ? formatBytes(bytes) : 'volume unknown' } : {}),
          },
          evidence: list
            .slice(0, 10)
            .map((e) => ({ recordId: e.id, at: e.at, field: 'category', value: category, ...(e.host !== undefined ? { note: e.host } : {}) })),
        });
      }
    }
    return findings;
  },
});
