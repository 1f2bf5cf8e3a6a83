import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import { cite, groupEvents, meetsSeverity, severityLevels, utcDate, lookupTable } from '../../kit';

const categories = ['port-scan', 'exploit-attempt', 'credential-harvest', 'cookie-theft', 'privilege-escalation'] as const;

const options = z.object({
  categories: z
    .array(z.enum(categories))
    .default([...categories])
    .describe('Security-event categories that mean hacking: scanning, exploitation attempts, credential or session-cookie harvesting, privilege escalation.'),
  minSeverity: z.enum(severityLevels).default('low').describe('Detections below this severity are ignored; detections with no severity count.'),
  authorizedRoles: z
    .array(z.string())
    .default([])
    .describe('Roles whose job includes this activity (e.g. penetration-tester, red-team): their detections never count.'),
});

const CATEGORY_STRENGTH: Readonly<Record<string, number>> = /* @__PURE__ */ lookupTable({
  'port-scan': 0.5,
  'exploit-attempt': 0.9,
  'credential-harvest': 1,
  'cookie-theft': 1,
  'privilege-escalation': 0.8,
});
const SEVERITY_FACTOR: Readonly<Record<string, number>> = /* @__PURE__ */ lookupTable({ low: 0.7, medium: 0.85, high: 1, critical: 1 });

/**
 * `insider/intrusion-activity`: security detections showing hacking from the subject's device or
 * account: scanning, exploitation attempts, credential or session-cookie harvesting, privilege
 * escalation. The RFA report says workers are ordered to collect technology "by every method",
 * hacking included; PSA-2025-01 describes stolen session cookies.
 */
export const intrusionActivity = defineIndicator({
  meta: {
    id: 'insider/intrusion-activity',
    title: "Hacking activity from the subject's device or account",
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'device-insider',
    typologies: ['insider-technology-collection', 'remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    options,
    messages: {
      activity: '{{count}} {{category}} detections, the first on {{first}}: {{detail}}',
    },
    neutralReason: 'Security alerts involving the account or device could not be explained.',
    recommendedAction: 'Escalate to the incident-response team: contain the device, revoke sessions and tokens, and preserve the evidence.',
    docs: {
      description:
        'Fires, per category, on security events in `categories` at or above `minSeverity`: port scans (weakest alone), ' +
        'exploitation attempts, credential or session-cookie harvesting and privilege escalation. Subjects whose role is in ' +
        '`authorizedRoles` (penetration testers) are exempt. PSA-2025-01: session cookies harvested to work from non-company ' +
        'devices; the RFA report: technology collected by every method, hacking included.',
      requires: ['events[type=security].category', 'events[type=security].severity', 'role'],
      threatHypothesis: "The worker uses their access to attack the company's systems or harvest credentials.",
      sources: cite('PSA-2025-01', 'MS-DX', 'KB4'),
      falsePositives: [
        'Authorised security testing not yet reflected in `authorizedRoles`.',
        'Developer tools that scan local ports (service discovery, test suites).',
        'Password managers flagged as credential access.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const security = view.eventsOf('security');
    if (security.length === 0) return notEvaluated('no security events', ['events[type=security]']);
    if (view.subject.role !== undefined && options.authorizedRoles.includes(view.subject.role)) return [];
    const wanted = new Set<string>(options.categories);
    const groups = groupEvents(
      security,
      (e) => (wanted.has(e.category) && meetsSeverity(e.severity, options.minSeverity) ? e.category : undefined),
      (e) => ({ maxFactor: 0, detail: e.detail ?? e.software ?? e.category }),
      (acc, e) => {
        acc.maxFactor = Math.max(acc.maxFactor, SEVERITY_FACTOR[e.severity ?? 'medium'] as number);
      },
      (e) => ({ recordId: e.id, at: e.at, field: 'category', value: e.category, note: e.detail ?? e.software ?? e.severity ?? '' }),
    );
    return groups.map((g) => ({
      messageId: 'activity' as const,
      strength: Math.min(1, (CATEGORY_STRENGTH[g.key] ?? 0.5) * g.acc.maxFactor + 0.05 * (g.count - 1)),
      data: { count: g.count, category: g.key, first: utcDate(g.first), detail: g.acc.detail },
      evidence: g.evidence,
    }));
  },
});
