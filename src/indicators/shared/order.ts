/**
 * Orderings that make indicator output independent of the order records arrive in: subject
 * arrays (interviews, payout instructions, requests...) may come in any order, while messages
 * and "first/latest" choices must not.
 *
 * @packageDocumentation
 */

/** Compares two strings by code unit: locale-free, so the order never depends on the runtime. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A sorted copy of records that carry a time (`at`, ISO 8601) and an id: by time, then id.
 * Each time is parsed once, not on every comparison.
 */
export function sortedByTimeThenId<T extends { readonly at: string; readonly id: string }>(records: readonly T[] | undefined): T[] {
  if (records === undefined || records.length === 0) return [];
  return records
    .map((record) => ({ record, t: Date.parse(record.at) }))
    .sort((a, b) => a.t - b.t || compareText(a.record.id, b.record.id))
    .map((x) => x.record);
}
