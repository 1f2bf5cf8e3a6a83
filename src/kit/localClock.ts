/**
 * Local clock readings of a view's events in one time zone, as columns built once per view and
 * zone and shared by every indicator that reads local time (working rhythm, after-hours shares).
 *
 * @packageDocumentation
 */

import type { SubjectView } from '../contract/types';
import type { ActivityEventType } from '../records/events';
import { localMinutesIn } from './timezone';

const DAY_MINUTES = 1440;

/**
 * Local clock readings of a run of instants in one IANA time zone, as typed arrays aligned with
 * the instants: entry `i` reads instant `i` (for {@link localClock}, `view.events[i]`).
 * Read-only by contract, as the view's columns.
 */
export interface LocalClockColumns {
  /** Number of readings. */
  readonly length: number;
  /** The time zone the instants were read in. */
  readonly timeZone: string;
  /** Local calendar day, as days since 1970-01-01 in local time (the day `dateOfLocalMinutes(day * 1440)` names). */
  readonly day: Int32Array;
  /** Local minute of the day, 0 to 1439 (seconds dropped). */
  readonly minute: Uint16Array;
  /** Local weekday, 0 (Sunday) to 6 (Saturday). */
  readonly weekday: Uint8Array;
  /** Local time minus UTC at the instant, in minutes (−300 in New York in winter, −240 in summer). */
  readonly offset: Int16Array;
}

/**
 * Reads every instant of `times` (milliseconds since the epoch) in `timeZone`, one offset look-up
 * per instant from the cache shared by all evaluations (`offsetMinutesAt`). Linear in the
 * instants; allocates four typed arrays and nothing per instant.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localClockColumns(times: ArrayLike<number>, timeZone: string): LocalClockColumns {
  const localOf = localMinutesIn(timeZone);
  const n = times.length;
  const day = new Int32Array(n);
  const minute = new Uint16Array(n);
  const weekday = new Uint8Array(n);
  const offset = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    const local = localOf(t);
    const d = Math.floor(local / DAY_MINUTES);
    day[i] = d;
    minute[i] = local - d * DAY_MINUTES;
    // 1970-01-01 was a Thursday (4).
    weekday[i] = (((d + 4) % 7) + 7) % 7;
    offset[i] = local - Math.floor(t / 60_000);
  }
  return Object.freeze({ length: n, timeZone, day, minute, weekday, offset });
}

/**
 * The local clock readings of `view.events` (or of `view.eventsOf(type)` when a type is given) in
 * `timeZone`, aligned with them: built on first use, once per view, zone and type, and shared
 * (`view.memo`) by every indicator that asks, custom ones included, so each event's time is
 * converted once whatever number of indicators read local time.
 *
 * @example
 * ```ts
 * const clock = localClock(view, zone);
 * for (let i = 0; i < view.events.length; i++) if (clock.minute[i] < 6 * 60) night++;
 * ```
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localClock(view: SubjectView, timeZone: string, type?: ActivityEventType): LocalClockColumns {
  const key = type === undefined ? `time/local-clock\u0000${timeZone}` : `time/local-clock\u0000${timeZone}\u0000${type}`;
  return view.memo(key, () => localClockColumns(view.eventTimes(type), timeZone));
}

/** Local hour of day (0 to 24, fractional: 13.5 is 13:30) of a minute of the day from {@link LocalClockColumns.minute}. */
export function hourOfMinute(minuteOfDay: number): number {
  return Math.floor(minuteOfDay / 60) + (minuteOfDay % 60) / 60;
}
