/**
 * Orderings that make indicator output independent of the order records arrive in: subject
 * arrays (interviews, payout instructions, requests...) may come in any order, while messages
 * and "first/latest" choices must not.
 *
 * @packageDocumentation
 */

export { compareText } from '../engine/order';
import { compareText } from '../engine/order';

/**
 * A sorted copy of records that carry a time (`at`, ISO 8601) and an id: by time, then id.
 * Each time is parsed once, not on every comparison.
 *
 * @param asOfMs - When given, records dated after it are left out: a score as of a date must
 *   not see what happened later (the engine does the same for events; subject arrays are not
 *   cut by the engine).
 */
export function sortedByTimeThenId<T extends { readonly at: string; readonly id: string }>(records: readonly T[] | undefined, asOfMs?: number): T[] {
  if (records === undefined || records.length === 0) return [];
  const timed = records.map((record) => ({ record, t: Date.parse(record.at) }));
  return (asOfMs === undefined ? timed : timed.filter((x) => x.t <= asOfMs))
    .sort((a, b) => a.t - b.t || compareText(a.record.id, b.record.id))
    .map((x) => x.record);
}

/** True when a record with an optional time is not dated after `asOfMs` (undated records count). */
export function notAfter(at: string | undefined, asOfMs: number): boolean {
  return at === undefined || Date.parse(at) <= asOfMs;
}
