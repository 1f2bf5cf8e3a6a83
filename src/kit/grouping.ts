/**
 * Grouping timed events by a key in one pass (an anomaly kind, a detection category), the step
 * indicators that fire once per kind share.
 *
 * @packageDocumentation
 */

import type { Evidence } from '../contract/types';
import { compareText } from './order';

/** Most evidence items a group keeps: enough to act on, bounded whatever the volume. */
export const GROUP_EVIDENCE_LIMIT = 10;

/** One group: how many events, the first one's time, capped evidence and what the caller accumulates. */
export interface EventGroup<A> {
  readonly key: string;
  count: number;
  /** Time (ISO 8601) of the first event in the order given: events arrive sorted by time. */
  readonly first: string;
  readonly evidence: Evidence[];
  readonly acc: A;
}

/**
 * Groups events by `keyOf` (events whose key is undefined are left out) in one pass: counts them,
 * keeps the first time and up to {@link GROUP_EVIDENCE_LIMIT} evidence items, and lets `update`
 * fold each event into the group's accumulator (made by `init` from the group's first event).
 * Groups come back sorted by key, so output does not depend on which kind appeared first.
 */
export function groupEvents<E extends { readonly at: string }, A>(
  events: readonly E[],
  keyOf: (event: E) => string | undefined,
  init: (event: E) => A,
  update: (acc: A, event: E) => void,
  evidenceOf: (event: E) => Evidence,
): EventGroup<A>[] {
  const groups = new Map<string, EventGroup<A>>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const key = keyOf(e);
    if (key === undefined) continue;
    let g = groups.get(key);
    if (g === undefined) {
      g = { key, count: 0, first: e.at, evidence: [], acc: init(e) };
      groups.set(key, g);
    }
    g.count++;
    update(g.acc, e);
    if (g.evidence.length < GROUP_EVIDENCE_LIMIT) g.evidence.push(evidenceOf(e));
  }
  return [...groups.values()].sort((a, b) => compareText(a.key, b.key));
}
