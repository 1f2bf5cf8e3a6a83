import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import { cite, compareText, DAY_MS } from '../../kit';

const options = z.object({
  windowDays: z.number().positive().default(365).describe('Only changes in this many days before `asOf` count: an old handle change says little about today.'),
  minChanges: z
    .number()
    .int()
    .positive()
    .default(2)
    .describe('Name or handle changes in the window that fire. One change (a marriage, a rebrand) is ordinary; repeated changes are rotation.'),
});

type MessageId = 'changes' | 'removed';

/**
 * `identity/identity-rotation`: repeated name or handle changes, and deleted or replaced
 * profiles — SEAL's sign of a persona being rotated after exposure elsewhere.
 */
export const identityRotation = defineIndicator({
  meta: {
    id: 'identity/identity-rotation',
    title: 'Names, handles or profiles rotated',
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1,
    correlationGroup: 'identity-claims',
    options,
    messages: {
      changes: '{{count}} name or handle changes in {{days}} days ({{list}})',
      removed: '{{platform}} profile {{handle}} was {{status}}',
    },
    neutralReason: 'Online identity details changed repeatedly and could not be reconciled.',
    recommendedAction: 'Ask the candidate to explain each change and list every name and handle they used; verify against the identity document.',
    docs: {
      description:
        "Counts name and handle changes within `windowDays` from the profiles' handle history and from `profile-change` events " +
        '(fields name and handle), counting a handle change recorded in both places once, and fires from `minChanges` on; also ' +
        'fires on each profile marked deleted or replaced. A single change is ordinary (marriage, rebrand) and never fires alone.',
      requires: ['profiles[].previousHandles', 'profiles[].status', 'events[type=profile-change]'],
      threatHypothesis: 'A persona rotated to shed a reputation exposed elsewhere.',
      sources: cite('SEAL'),
      falsePositives: ['A legal name change (marriage, divorce, gender transition) propagated across several platforms.', 'Rebranding a freelance business.'],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const profiles = view.subject.profiles ?? [];
    const changeEvents = view.eventsOf('profile-change').filter((e) => e.field === 'name' || e.field === 'handle');
    const tracked = profiles.filter((p) => p.previousHandles !== undefined || p.status !== undefined);
    if (tracked.length === 0 && changeEvents.length === 0) {
      return notEvaluated('no profile history and no profile-change events', [
        'profiles[].previousHandles',
        'profiles[].status',
        'events[type=profile-change]',
      ]);
    }
    const since = asOfMs - options.windowDays * DAY_MS;
    const changes: { at: number; text: string; evidence: Evidence }[] = [];
    // One change is often recorded twice (the profile's handle history and a profile-change
    // event): keyed by old handle and day, so it is counted once and a single change never fires.
    const sameChange = (oldHandle: string, t: number): string => `${oldHandle.trim().toLowerCase()}\u0000${Math.floor(t / DAY_MS)}`;
    const recorded = new Set<string>();
    for (const p of profiles) {
      (p.previousHandles ?? []).forEach((h) => {
        if (h.changedAt === undefined) return;
        const t = Date.parse(h.changedAt);
        if (t < since || t > asOfMs) return;
        recorded.add(sameChange(h.handle, t));
        changes.push({
          at: t,
          text: `${p.platform} handle ${h.handle}`,
          evidence: { recordId: p.id, field: 'previousHandles', at: h.changedAt, value: h.handle },
        });
      });
    }
    for (const e of changeEvents) {
      const t = view.timeOf(e);
      if (t < since) continue;
      if (e.field === 'handle' && e.from !== undefined && recorded.has(sameChange(e.from, t))) continue;
      changes.push({
        at: t,
        text: `${e.field}${e.from !== undefined ? ` ${e.from}` : ''}${e.to !== undefined ? ` to ${e.to}` : ''}`,
        evidence: { recordId: e.id, field: e.field, at: e.at, value: e.to ?? null },
      });
    }
    changes.sort((a, b) => a.at - b.at || compareText(a.text, b.text));
    const findings: FindingDraft<MessageId>[] = [];
    if (changes.length >= options.minChanges) {
      findings.push({
        messageId: 'changes',
        strength: Math.min(1, 0.5 + 0.15 * (changes.length - options.minChanges)),
        data: {
          count: changes.length,
          days: options.windowDays,
          list: changes
            .slice(0, 5)
            .map((c) => c.text)
            .join('; '),
        },
        evidence: changes.slice(0, 20).map((c) => c.evidence),
      });
    }
    for (const p of profiles) {
      if (p.status !== 'deleted' && p.status !== 'replaced') continue;
      findings.push({
        messageId: 'removed',
        strength: 0.5,
        data: { platform: p.platform, handle: p.handle ?? p.id, status: p.status },
        evidence: [{ recordId: p.id, field: 'status', value: p.status }],
      });
    }
    return findings;
  },
});
