import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import type { ActivityEventOf } from '../../records/events';
import { cite, compareText, DAY_MS, defaultCiPatterns, normalizeTag, organisationSensitiveTags, pathMatches, tenureStartMs, utcDate } from '../../kit';

const options = z.object({
  sensitiveTags: z
    .array(z.string())
    .default(['value-moving', 'payments', 'custody', 'signing', 'treasury', 'auth', 'secrets', 'smart-contract'])
    .describe(
      'Change tags that mark sensitive code, besides the value-moving, sensitive-technology and export-controlled tags of ' +
        '`reference.organisation.sensitivityTags`.',
    ),
  sensitivePaths: z
    .array(z.string().min(1))
    .default([])
    .describe('Path fragments (case-insensitive) that mark sensitive code when changes carry no tags, e.g. `contracts/`, `payments/`.'),
  ciPatterns: z
    .array(z.string().min(1))
    .default([...defaultCiPatterns])
    .describe('Path fragments (case-insensitive) that mark CI/CD configuration; a merge touching them is a pipeline change.'),
  pipelineOwnerRoles: z
    .array(z.string())
    .default([])
    .describe(
      'Roles (subject.role) that own CI/CD, e.g. devops, release-engineer. When empty, pipeline changes count only within ' +
        '`newHireDays` of the start date.',
    ),
  newHireDays: z
    .number()
    .positive()
    .default(90)
    .describe('Tenure in days during which pipeline changes count when no owning roles are given (SEAL: review CI/CD changes from new ' + 'members).'),
  includeNonSensitive: z
    .boolean()
    .default(false)
    .describe(
      'Also report unreviewed changes to code that is not tagged sensitive, at a third of the strength. Off: many teams let ' +
        'people merge routine changes alone.',
    ),
});

type MessageId = 'unreviewed' | 'bypass' | 'pipeline';
type CodeChange = ActivityEventOf<'code-change'>;

const SHIPPING_ACTIONS = new Set<CodeChange['action']>(['merge', 'direct-push', 'deploy', 'release']);

/**
 * `insider/code-integrity`: changes to value-moving or sensitive code that skipped a second pair
 * of eyes (self-approved, merged with no approving review, pushed straight to a protected branch),
 * branch protection bypassed, and CI/CD changes by someone whose role does not own the pipeline.
 */
export const codeIntegrity = defineIndicator({
  meta: {
    id: 'insider/code-integrity',
    title: 'Sensitive code changed without independent review',
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'privilege-code',
    typologies: ['insider-technology-collection', 'remote-hire-identity-fraud'],
    // As heavy as impersonation and intrusion: an unreviewed change to value-moving code is an act, not context, and two such acts from different
    // insider families must clear the high band.
    defaultWeight: 2.5,
    options,
    messages: {
      unreviewed: '{{count}} {{what}} to {{sensitivity}} code in {{repository}} without independent review, the first on {{first}}',
      bypass: 'Branch protection bypassed {{count}} times in {{repository}}{{sensitivity}}, the first on {{first}}',
      pipeline: '{{count}} CI/CD pipeline changes in {{repository}} by {{who}}, the first on {{first}}',
    },
    neutralReason: 'Changes to protected systems could not be reconciled with the review process.',
    recommendedAction:
      'Have a second engineer review the listed changes line by line before they run again; restore branch protection and require approvals from code owners.',
    docs: {
      description:
        'Reads code-change events (merges, direct pushes, deployments, releases, pipeline and protection changes from code-host ' +
        'and CI/CD audit logs) in one sweep and groups findings per repository. Unreviewed: a self-approved change (the author ' +
        'approved it, e.g. from a second account: strongest), a direct push, or a merge, deploy or release with no approving ' +
        "review by someone else, to code tagged sensitive (`tags` in `sensitiveTags` or the organisation's value-moving, " +
        'sensitive-technology or export-controlled tags) or matching `sensitivePaths`; untagged routine changes only with ' +
        '`includeNonSensitive`. Bypass: branch protection or a ruleset bypassed, stronger on sensitive code. Pipeline: a ' +
        'pipeline change (or a merge touching `ciPatterns`) by a subject whose role is not in `pipelineOwnerRoles`, or, when no ' +
        "roles are given, within `newHireDays` of the start. A self-merge after someone else's approval is ordinary and never " +
        'counts. SEAL and DOJ-ATL describe insiders altering value-moving code and pipelines; OpenSSF Scorecard treats code ' +
        'review and branch protection as baseline controls.',
      requires: [
        'events[type=code-change].action',
        'events[type=code-change].approvals',
        'events[type=code-change].selfApproved',
        'events[type=code-change].protectionBypassed',
        'events[type=code-change].tags',
        'events[type=code-change].paths',
        'reference.organisation.sensitivityTags',
        'role',
        'hiredAt',
      ],
      threatHypothesis: 'The subject alters code that moves value or guards access, or the build that ships it, where no one else will look.',
      sources: cite('SEAL', 'DOJ-ATL', 'DOJ-JUN25-OPA', 'OSSF-SC', 'CERT-CSG'),
      falsePositives: [
        'Emergency fixes merged alone under an incident process (check the incident ticket).',
        'Repositories whose protection allows maintainers to merge alone by policy.',
        'Platform engineers whose role is missing from `pipelineOwnerRoles`.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    const changes = view.eventsOf('code-change');
    if (changes.length === 0) return notEvaluated('no code-change events', ['events[type=code-change]']);
    const sensitiveTags = organisationSensitiveTags(reference, options.sensitiveTags);
    const sensitivePaths = options.sensitivePaths.map((p) => p.toLowerCase());
    const ciPatterns = options.ciPatterns.map((p) => p.toLowerCase());
    const role = view.subject.role;
    const owners = new Set(options.pipelineOwnerRoles);
    const start = tenureStartMs(view.subject);
    const isSensitive = (c: CodeChange): boolean =>
      (c.tags ?? []).some((t) => sensitiveTags.has(normalizeTag(t))) ||
      (sensitivePaths.length > 0 && (c.paths ?? []).some((p) => pathMatches(p, sensitivePaths)));
    const changeTimes = view.eventTimes('code-change');
    const pipelineByOutsider = (c: CodeChange, t: number): string | undefined => {
      const touchesCi = c.action === 'pipeline-change' || (c.action === 'merge' && (c.paths ?? []).some((p) => pathMatches(p, ciPatterns)));
      if (!touchesCi) return undefined;
      if (owners.size > 0) return role !== undefined && owners.has(role) ? undefined : `role ${role ?? '(unspecified)'}, which does not own CI/CD`;
      if (start === undefined) return undefined;
      return t >= start && t <= start + options.newHireDays * DAY_MS ? `a new hire (within ${options.newHireDays} days of the start)` : undefined;
    };
    type Group = {
      messageId: MessageId;
      repository: string;
      count: number;
      strength: number;
      first: string;
      detail: Set<string>;
      sensitive: boolean;
      evidence: Evidence[];
    };
    const groups = new Map<string, Group>();
    const add = (messageId: MessageId, c: CodeChange, strength: number, detail: string, sensitive: boolean, note: string): void => {
      const repository = c.repository ?? '(unnamed repository)';
      const key = `${messageId}\u0000${repository}`;
      const g = groups.get(key) ?? { messageId, repository, count: 0, strength: 0, first: c.at, detail: new Set<string>(), sensitive: false, evidence: [] };
      g.count++;
      g.strength = Math.max(g.strength, strength);
      g.detail.add(detail);
      g.sensitive ||= sensitive;
      if (g.evidence.length < 10) g.evidence.push({ recordId: c.id, at: c.at, field: 'action', value: c.action, note });
      groups.set(key, g);
    };
    // One sweep in time order (events are sorted), so "first" is deterministic.
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i]!;
      const sensitive = isSensitive(c);
      if (SHIPPING_ACTIONS.has(c.action)) {
        const selfApproved = c.selfApproved === true;
        const noReview = c.action === 'direct-push' || c.approvals === 0;
        if ((selfApproved || noReview) && (sensitive || options.includeNonSensitive)) {
          const base = selfApproved ? 1 : c.action === 'direct-push' ? 0.9 : 0.8;
          const what = selfApproved ? 'self-approved changes' : c.action === 'direct-push' ? 'direct pushes' : `${c.action}s with no approving review`;
          add('unreviewed', c, sensitive ? base : base / 3, what, sensitive, `${c.changeId ?? c.action}${c.target !== undefined ? ` to ${c.target}` : ''}`);
        }
      }
      if (c.protectionBypassed === true) add('bypass', c, sensitive ? 0.9 : 0.5, '', sensitive, c.changeId ?? c.action);
      const outsider = pipelineByOutsider(c, changeTimes[i] as number);
      if (outsider !== undefined) add('pipeline', c, owners.size > 0 ? 0.6 : 0.5, outsider, sensitive, c.changeId ?? c.action);
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const g of [...groups.values()].sort((a, b) => compareText(a.messageId, b.messageId) || compareText(a.repository, b.repository))) {
      const strength = Math.min(1, g.strength + 0.05 * (g.count - 1));
      const detail = [...g.detail].sort().join(' and ');
      const data =
        g.messageId === 'unreviewed'
          ? { count: g.count, what: detail, sensitivity: g.sensitive ? 'sensitive' : 'untagged', repository: g.repository, first: utcDate(g.first) }
          : g.messageId === 'bypass'
            ? { count: g.count, repository: g.repository, sensitivity: g.sensitive ? ' on sensitive code' : '', first: utcDate(g.first) }
            : { count: g.count, repository: g.repository, who: detail, first: utcDate(g.first) };
      findings.push({ messageId: g.messageId, strength, data, evidence: g.evidence });
    }
    return findings;
  },
});
