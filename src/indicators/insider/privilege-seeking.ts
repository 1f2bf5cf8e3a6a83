import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import { cite, compareText, DAY_MS, defaultCiPatterns, tenureStartMs, utcDate } from '../../kit';

const privileges = ['admin', 'publish', 'sign', 'pipeline', 'repo-admin', 'multisig-signer', 'secrets', 'other'] as const;

const options = z.object({
  watchedPrivileges: z
    .array(z.enum(privileges))
    .default(['admin', 'publish', 'sign', 'pipeline', 'repo-admin', 'multisig-signer', 'secrets'])
    .describe(
      'Privileges whose requests or attempts matter: admin, release and package publishing, signing, pipeline, secrets and ' +
        'multisig signer roles (SEAL, DOJ-ATL).',
    ),
  rolePrivileges: z
    .record(z.string(), z.array(z.enum(privileges)))
    .default({})
    .describe('Privileges each role (subject.role) legitimately holds, e.g. { "release-engineer": ["publish", "sign"] }: requests within them never count.'),
  newHireDays: z
    .number()
    .positive()
    .default(90)
    .describe('Tenure in days during which edits to CI/CD files and dependency manifests count (SEAL: check CI/CD and added dependencies from new members).'),
  ciPatterns: z
    .array(z.string().min(1))
    .default([...defaultCiPatterns])
    .describe('Path fragments (case-insensitive) that mark CI/CD configuration.'),
  earlyGrantDays: z
    .number()
    .nonnegative()
    .default(30)
    .describe(
      'A watched privilege the role does not hold, granted within this many days of the start (`tenureDaysAtGrant`, else from ' +
        '`hiredAt` or `lifecycle.startDate`), counts: access before trust is established.',
    ),
  manifestPatterns: z
    .array(z.string().min(1))
    .default([
      'package.json',
      'package-lock.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'requirements.txt',
      'pyproject.toml',
      'poetry.lock',
      'go.mod',
      'go.sum',
      'cargo.toml',
      'cargo.lock',
      'pom.xml',
      'build.gradle',
      'gemfile',
      'composer.json',
    ])
    .describe('File names (case-insensitive, at the end of the path) that mark dependency manifests.'),
});

type MessageId = 'privilege' | 'earlyGrant' | 'selfGrant' | 'pipelineEdit' | 'manifestEdit';

/** Strength of `count` self-granted rights to one privilege: high-impact privileges (signing, secrets, admin...) weigh most. */
function selfGrantStrength(high: boolean, count: number): number {
  return Math.min(1, (high ? 0.8 : 0.6) + 0.05 * (count - 1));
}

/**
 * `insider/privilege-seeking`: requests or attempts for admin, publishing, signing, pipeline or
 * multisig rights beyond the role, rights the subject granted themself, and edits to CI/CD files or dependency manifests by a new hire.
 */
export const privilegeSeeking = defineIndicator({
  meta: {
    id: 'insider/privilege-seeking',
    title: 'Seeking privileges beyond the role',
    category: 'insider',
    version: '1.2.0',
    kind: 'risk',
    family: 'privilege-code',
    typologies: ['insider-technology-collection', 'remote-hire-identity-fraud'],
    // Weight 2 with the request, early-grant and new-hire strengths at 0.6 of what they were under weight 1.2 (so each adds what it did), leaving
    // room for self-grants, the strongest finding.
    defaultWeight: 2,
    options,
    messages: {
      privilege: '{{count}} {{actions}} for {{privilege}} rights{{resource}}, which the role {{role}} does not hold',
      earlyGrant: '{{privilege}} rights granted {{days}} days into the tenure{{resource}}{{grantor}}',
      selfGrant: '{{count}} self-granted {{privilege}} rights{{resource}}, which the role {{role}} does not hold, the first on {{first}}',
      pipelineEdit: '{{count}} edits to CI/CD files ({{files}}) within {{days}} days of the start date',
      manifestEdit: '{{count}} edits to dependency manifests ({{files}}) within {{days}} days of the start date',
    },
    neutralReason: 'Requests for access could not be reconciled with the assigned role.',
    recommendedAction: "Deny the request pending the manager's approval; review the CI/CD and dependency changes line by line before they ship.",
    docs: {
      description:
        'Fires, per privilege, on requests or attempts for a privilege in `watchedPrivileges` that `rolePrivileges` does not ' +
        "grant the subject's role (failed attempts weigh most), on grants of such a privilege within `earlyGrantDays` of the " +
        'start (self-granted ones weigh most), on such a privilege the subject granted themself at any point of the tenure ' +
        "(`grantor` is the subject or one of their accounts: an administrator arming a backdoor, CERT's sabotage cases), and on " +
        '`modify` data-access events within `newHireDays` of `hiredAt` whose `files` touch CI/CD configuration (`ciPatterns`) or ' +
        'dependency manifests (`manifestPatterns`, weaker: adding a dependency is everyday work). SEAL: added as multisig ' +
        'signer, edits to CI/CD and dependencies; DOJ-ATL: smart-contract code altered to steal funds.',
      requires: [
        'events[type=privilege]',
        'events[type=privilege].tenureDaysAtGrant',
        'events[type=privilege].grantor',
        'role',
        'hiredAt',
        'lifecycle.startDate',
        'events[type=data-access].files',
      ],
      threatHypothesis: 'The worker positions themself to publish, sign or move funds, or to plant code in the build.',
      sources: cite('SEAL', 'DOJ-ATL', 'DOJ-JUN25-OPA'),
      falsePositives: [
        'Roles missing from `rolePrivileges` whose work needs the privilege (DevOps, release engineering).',
        'Onboarding tickets that request standard access in bulk.',
        'New hires assigned to fix the build in their first weeks.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const requests = view.eventsOf('privilege');
    const requestTimes = view.eventTimes('privilege');
    const hired = view.subject.hiredAt !== undefined ? Date.parse(view.subject.hiredAt) : undefined;
    // Modifications that name files, as indices into `access` (and its time column).
    const access = view.eventsOf('data-access');
    const accessTimes = view.eventTimes('data-access');
    const modifies: number[] = [];
    for (let j = 0; j < access.length; j++) if (access[j]!.action === 'modify' && access[j]!.files !== undefined) modifies.push(j);
    if (requests.length === 0 && (hired === undefined || modifies.length === 0)) {
      return notEvaluated('no privilege events, and no file changes with a start date', [
        'events[type=privilege]',
        'events[type=data-access].files',
        'hiredAt',
      ]);
    }
    const role = view.subject.role;
    const roleGrants = new Set<string>(role !== undefined ? (options.rolePrivileges[role] ?? []) : []);
    const watched = new Set<string>(options.watchedPrivileges);
    const findings: FindingDraft<MessageId>[] = [];
    const byPrivilege = new Map<string, { count: number; failed: number; actions: Set<string>; resources: Set<string>; evidence: Evidence[] }>();
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i]!;
      if (r.action === 'grant' || !watched.has(r.privilege) || roleGrants.has(r.privilege)) continue;
      const g = byPrivilege.get(r.privilege) ?? { count: 0, failed: 0, actions: new Set<string>(), resources: new Set<string>(), evidence: [] };
      g.count++;
      g.actions.add(r.action === 'request' ? 'requests' : 'attempts');
      if (r.action === 'attempt' && r.granted !== true) g.failed++;
      if (r.resource !== undefined) g.resources.add(r.resource);
      if (g.evidence.length < 10)
        g.evidence.push({
          recordId: r.id,
          at: r.at,
          field: 'privilege',
          value: r.privilege,
          note: `${r.action}${r.resource !== undefined ? ` on ${r.resource}` : ''}`,
        });
      byPrivilege.set(r.privilege, g);
    }
    for (const [privilege, g] of [...byPrivilege].sort((a, b) => compareText(a[0], b[0]))) {
      const high = privilege === 'multisig-signer' || privilege === 'sign' || privilege === 'publish' || privilege === 'secrets';
      findings.push({
        messageId: 'privilege',
        strength: Math.min(1, (high ? 0.36 : 0.27) + 0.06 * (g.count - 1) + 0.09 * Math.min(2, g.failed)),
        data: {
          count: g.count,
          actions: [...g.actions].sort().join(' and '),
          privilege,
          resource: g.resources.size > 0 ? ` on ${[...g.resources].sort().join(', ')}` : '',
          role: role ?? '(unspecified)',
        },
        evidence: g.evidence,
      });
    }
    const start = tenureStartMs(view.subject);
    const ownIds = new Set([view.subject.id, ...(view.subject.accounts ?? []).map((a) => a.accountId)].map((x) => x.toLowerCase()));
    const isSelfGranted = (r: { readonly grantor?: string | undefined }): boolean => r.grantor !== undefined && ownIds.has(r.grantor.toLowerCase());
    // The first early grant of each privilege: requests arrive in time order.
    const earlyGranted = new Set<string>();
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i]!;
      const granted = r.action === 'grant' || r.granted === true;
      if (!granted || !watched.has(r.privilege) || roleGrants.has(r.privilege) || earlyGranted.has(r.privilege)) continue;
      const days = r.tenureDaysAtGrant ?? (start !== undefined ? ((requestTimes[i] as number) - start) / DAY_MS : undefined);
      if (days === undefined || days < 0 || days > options.earlyGrantDays) continue;
      earlyGranted.add(r.privilege);
      const selfGranted = isSelfGranted(r);
      const high =
        r.privilege === 'multisig-signer' || r.privilege === 'sign' || r.privilege === 'publish' || r.privilege === 'secrets' || r.privilege === 'admin';
      findings.push({
        messageId: 'earlyGrant',
        // A self-grant early in tenure is at least as strong as one later (selfGrant below), and a tenth stronger.
        strength: selfGranted ? Math.min(1, selfGrantStrength(high, 1) + 0.1) : high ? 0.33 : 0.24,
        data: {
          privilege: r.privilege,
          days: Math.floor(days),
          resource: r.resource !== undefined ? ` on ${r.resource}` : '',
          grantor: selfGranted ? ', self-granted' : r.grantor !== undefined ? `, by ${r.grantor}` : '',
        },
        evidence: [{ recordId: r.id, at: r.at, field: 'privilege', value: r.privilege, note: `${r.action}${r.role !== undefined ? ` (${r.role})` : ''}` }],
      });
    }
    // Rights the subject granted themself outside their role, at any tenure (an administrator
    // arming a backdoor before leaving); the early ones are reported above, with the self-grant.
    const selfGrants = new Map<string, { count: number; first: string; resources: Set<string>; evidence: Evidence[] }>();
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i]!;
      const granted = r.action === 'grant' || r.granted === true;
      if (!granted || !isSelfGranted(r) || !watched.has(r.privilege) || roleGrants.has(r.privilege) || earlyGranted.has(r.privilege)) continue;
      const g = selfGrants.get(r.privilege) ?? { count: 0, first: r.at, resources: new Set<string>(), evidence: [] };
      g.count++;
      if (r.resource !== undefined) g.resources.add(r.resource);
      if (g.evidence.length < 10)
        g.evidence.push({
          recordId: r.id,
          at: r.at,
          field: 'grantor',
          value: r.grantor as string,
          note: `${r.privilege}${r.resource !== undefined ? ` on ${r.resource}` : ''}`,
        });
      selfGrants.set(r.privilege, g);
    }
    for (const [privilege, g] of [...selfGrants].sort((a, b) => compareText(a[0], b[0]))) {
      const high = privilege === 'multisig-signer' || privilege === 'sign' || privilege === 'publish' || privilege === 'secrets' || privilege === 'admin';
      findings.push({
        messageId: 'selfGrant',
        strength: selfGrantStrength(high, g.count),
        data: {
          count: g.count,
          privilege,
          resource: g.resources.size > 0 ? ` on ${[...g.resources].sort().join(', ')}` : '',
          role: role ?? '(unspecified)',
          first: utcDate(g.first),
        },
        evidence: g.evidence,
      });
    }
    if (hired !== undefined) {
      const ciPatterns = options.ciPatterns.map((p) => p.toLowerCase());
      const manifests = options.manifestPatterns.map((p) => p.toLowerCase());
      const ci = { count: 0, files: new Set<string>(), evidence: [] as Evidence[] };
      const deps = { count: 0, files: new Set<string>(), evidence: [] as Evidence[] };
      for (const j of modifies) {
        const e = access[j]!;
        const t = accessTimes[j] as number;
        if (t < hired || t > hired + options.newHireDays * DAY_MS) continue;
        const files = (e.files ?? []).map((f) => f.toLowerCase());
        const ciFiles = (e.files ?? []).filter((_, i) => ciPatterns.some((p) => (files[i] as string).includes(p)));
        const depFiles = (e.files ?? []).filter((_, i) => manifests.some((m) => (files[i] as string) === m || (files[i] as string).endsWith(`/${m}`)));
        for (const [bucket, hit] of [
          [ci, ciFiles],
          [deps, depFiles],
        ] as const) {
          if (hit.length === 0) continue;
          bucket.count++;
          for (const f of hit) bucket.files.add(f);
          if (bucket.evidence.length < 10) bucket.evidence.push({ recordId: e.id, at: e.at, field: 'files', value: hit, note: e.resource });
        }
      }
      const list = (s: Set<string>): string => [...s].sort().slice(0, 5).join(', ');
      if (ci.count > 0) {
        findings.push({
          messageId: 'pipelineEdit',
          strength: Math.min(1, 0.3 + 0.06 * (ci.count - 1)),
          data: { count: ci.count, files: list(ci.files), days: options.newHireDays },
          evidence: ci.evidence,
        });
      }
      if (deps.count > 0) {
        findings.push({
          messageId: 'manifestEdit',
          strength: Math.min(0.36, 0.12 + 0.03 * (deps.count - 1)),
          data: { count: deps.count, files: list(deps.files), days: options.newHireDays },
          evidence: deps.evidence,
        });
      }
    }
    return findings;
  },
});
