import type { ActivityEvent } from '../records/events';
import { canonicalIsoTime } from '../records/isoTime';

/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Index of the first event at or after time `t` in events sorted by time (as every
 * `SubjectView` gives them): a binary search, so windowed scans stay O(log n + k).
 */
export function firstIndexAtOrAfter(events: readonly ActivityEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Date.parse((events[mid] as ActivityEvent).at) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the first time at or after `t` in a sorted time column (`view.eventTimes()`, or
 * `view.eventTimes(type)`): {@link firstIndexAtOrAfter} on the column, so no event time is parsed
 * during the search.
 */
export function firstIndexAtOrAfterTime(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rounds to one decimal, for message data; a number too large to scale by 10 is already whole. */
export function round1(x: number): number {
  const rounded = Math.round(x * 10) / 10;
  return Number.isFinite(rounded) ? rounded : x;
}

/**
 * The longest run of times (sorted ascending) that fits within `windowMs` of its first, as
 * inclusive indices; undefined when `times` is empty. Two pointers: linear in the times, for
 * "more than N in any window" rules that must not depend on where the window starts.
 */
export function densestWindow(times: readonly number[], windowMs: number): { readonly from: number; readonly to: number } | undefined {
  if (times.length === 0) return undefined;
  let best = { from: 0, to: 0 };
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[hi] as number) - (times[lo] as number) > windowMs) lo++;
    if (hi - lo > best.to - best.from) best = { from: lo, to: hi };
  }
  return best;
}

/**
 * The UTC calendar date (`YYYY-MM-DD`) of an ISO 8601 instant. Record times may carry any
 * offset, so slicing the string would give the writer's local date; messages use UTC dates
 * throughout, as the day and week totals do.
 */
export function utcDate(at: string): string {
  // The usual UTC form holds its own date: no Date object.
  return !Number.isNaN(canonicalIsoTime(at)) ? at.slice(0, 10) : new Date(Date.parse(at)).toISOString().slice(0, 10);
}
