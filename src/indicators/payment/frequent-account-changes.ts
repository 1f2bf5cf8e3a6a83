import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import { cite, DAY_MS, densestWindow, describePayout, payoutDestinationKey, sortedByTimeThenId } from '../../kit';

const options = z.object({
  windowDays: z.number().positive().default(90).describe('Sliding window for counting changes; the catalogue measures changes per 90 days.'),
  maxChanges: z
    .number()
    .int()
    .nonnegative()
    .default(1)
    .describe('Changes of payout destination allowed in one window. One honest change (a move, a new bank) never fires; a second within the window does.'),
});

interface Change {
  t: number;
  at: string;
  evidence: Evidence;
  text: string;
}

/**
 * `payment/frequent-account-changes`: payout details changed to a new destination more than
 * `maxChanges` times within `windowDays`.
 */
export const frequentAccountChanges = defineIndicator({
  meta: {
    id: 'payment/frequent-account-changes',
    title: 'Payout details change often',
    category: 'payment',
    version: '1.0.0',
    kind: 'risk',
    family: 'payment',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'payout',
    options,
    messages: {
      changes: 'Payout details changed {{count}} times within {{days}} days ({{from}} to {{to}}): {{list}}',
    },
    neutralReason: 'Payment details changed repeatedly and could not be confirmed.',
    recommendedAction: 'Confirm each new account with the worker on a live video call and with the bank (holder name and country) before paying into it.',
    docs: {
      description:
        'Orders the payout instructions by time, reduces each to its destination (IBAN, account and routing number, wallet, or ' +
        'platform account, so re-submitting the same account is not a change) and counts the changes of destination; without ' +
        'instructions, `profile-change` events on the payout field are counted instead. Fires when more than `maxChanges` ' +
        'changes fall within any `windowDays` window, so a single honest bank change after a move never fires.',
      requires: ['paymentInstructions[]', 'events[type=profile-change]'],
      threatHypothesis: 'Wages are moved between mule or facilitator accounts as they get frozen or flagged.',
      sources: cite('SW', 'PSA-2024'),
      falsePositives: ['A move abroad with a temporary account in between.', 'A bank merger or closure that forced new details.'],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const instructions = sortedByTimeThenId(view.subject.paymentInstructions, asOfMs);
    const events = view.eventsOf('profile-change').filter((e) => e.field === 'payout');
    if (instructions.length === 0 && events.length === 0) {
      return notEvaluated('no payout instructions and no payout changes', ['paymentInstructions', 'events[type=profile-change]']);
    }
    const changes: Change[] = [];
    if (instructions.length > 0) {
      let current: string | undefined;
      for (const p of instructions) {
        const key = payoutDestinationKey(p);
        if (current !== undefined && key !== current) {
          changes.push({
            t: Date.parse(p.at),
            at: p.at,
            text: `${p.at.slice(0, 10)} to ${describePayout(p)}`,
            evidence: { recordId: p.id, at: p.at, field: 'method', value: describePayout(p) },
          });
        }
        current = key;
      }
    } else {
      for (const e of events) {
        changes.push({
          t: view.timeOf(e),
          at: e.at,
          text: `${e.at.slice(0, 10)}${e.to !== undefined ? ` to ${e.to}` : ''}`,
          evidence: { recordId: e.id, at: e.at, field: 'payout', value: e.to ?? null },
        });
      }
    }
    const best = densestWindow(
      changes.map((c) => c.t),
      options.windowDays * DAY_MS,
    );
    if (best === undefined) return [];
    const count = best.to - best.from + 1;
    if (count <= options.maxChanges) return [];
    const inWindow = changes.slice(best.from, best.to + 1);
    return [
      {
        messageId: 'changes',
        strength: Math.min(1, 0.6 + 0.2 * (count - options.maxChanges - 1)),
        data: {
          count,
          days: options.windowDays,
          from: (inWindow[0] as Change).at.slice(0, 10),
          to: (inWindow[inWindow.length - 1] as Change).at.slice(0, 10),
          list: inWindow
            .slice(0, 5)
            .map((c) => c.text)
            .join('; '),
        },
        evidence: inWindow.slice(0, 20).map((c) => c.evidence),
      },
    ];
  },
});
