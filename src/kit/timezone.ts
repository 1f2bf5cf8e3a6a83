/**
 * Local clock time in an IANA time zone through the runtime's `Intl` data, so the library needs
 * no time-zone dependency and follows daylight-saving rules the runtime knows.
 *
 * @packageDocumentation
 */

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const DAY_MS = DAY_MINUTES * MINUTE_MS;
// Every zone offset in use is a multiple of 15 minutes and changes at a quarter-hour boundary
// in UTC, so a transition is found exactly by searching quarter hours.
const QUARTER_MS = 15 * MINUTE_MS;
const QUARTERS_PER_DAY = DAY_MS / QUARTER_MS;
// Days remembered per zone before the cache starts afresh (about 700 years of days): bounds the
// memory a batch of instants spread over millennia can take.
const MAX_CACHED_DAYS = 1 << 18;
// Zones remembered before the cache starts afresh; records name a few dozen zones at most.
const MAX_CACHED_ZONES = 4096;

function mod(x: number, n: number): number {
  return ((x % n) + n) % n;
}

/** The offset (local minus UTC, in minutes) `Intl` gives for `ms`, read from the full local date and time so it is exact on both sides of the date line. */
function intlOffsetMinutes(format: Intl.DateTimeFormat, ms: number): number {
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  const start = ms - mod(ms, MINUTE_MS);
  return (Date.UTC(year, month - 1, day, hour, minute) - start) / MINUTE_MS;
}

/** One UTC day of a zone whose offset changes during it: before `at` (ms) the offset is `before`, from `at` on `after`. */
interface TransitionDay {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/**
 * The offsets of one zone, one entry per UTC day met: the offset when it holds all day, or the
 * transition inside the day (found by binary search over its quarter hours, seven `Intl` calls).
 * A zone changes offset at most once a day, so two `Intl` calls per new day and a Map read per
 * instant answer every instant.
 */
class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, number | TransitionDay>();

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  offsetAt(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let entry = this.days.get(day);
    if (entry === undefined) {
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      entry = this.measureDay(day);
      this.days.set(day, entry);
    }
    if (typeof entry === 'number') return entry;
    return ms < entry.at ? entry.before : entry.after;
  }

  private measureDay(day: number): number | TransitionDay {
    const start = day * DAY_MS;
    const before = intlOffsetMinutes(this.format, start);
    const after = intlOffsetMinutes(this.format, start + DAY_MS);
    if (before === after) return before;
    // First quarter hour of the day already at the new offset (the next day's start is).
    let lo = 0;
    let hi = QUARTERS_PER_DAY;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (intlOffsetMinutes(this.format, start + mid * QUARTER_MS) === before) lo = mid;
      else hi = mid;
    }
    return { at: start + hi * QUARTER_MS, before, after };
  }
}

// Shared by every evaluation and subject: offsets depend only on the zone and the instant (the
// runtime's time-zone data), so remembering them keeps scoring pure and deterministic.
const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = new ZoneOffsets(timeZone);
    if (zones.size >= MAX_CACHED_ZONES) zones.clear();
    zones.set(timeZone, zone);
  }
  return zone;
}

/**
 * The signed UTC offset (local minus UTC, in minutes) of `timeZone` at the instant `ms`, from a
 * cache shared by all evaluations: one `Intl` call per zone and UTC day met (a few more on a
 * daylight-saving day), a Map read for every other instant.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function offsetMinutesAt(timeZone: string, ms: number): number {
  return zoneOffsets(timeZone).offsetAt(ms);
}

/** A function giving the offset of one zone at an instant: `offsetMinutesAt` with the zone looked up once. */
function offsetMinutesIn(timeZone: string): (ms: number) => number {
  const zone = zoneOffsets(timeZone);
  return (ms) => zone.offsetAt(ms);
}

/**
 * A function giving the local clock reading of an instant in `timeZone` as whole minutes since
 * 1970-01-01 00:00 local time (seconds dropped), for sweeps that need the local day
 * (`Math.floor(m / 1440)`) and minute of day without building a date per event. Offsets come from
 * the shared cache (`offsetMinutesAt`).
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localMinutesIn(timeZone: string): (ms: number) => number {
  const zone = zoneOffsets(timeZone);
  return (ms) => Math.floor(ms / MINUTE_MS) + zone.offsetAt(ms);
}

/** Local hour of day (0 to 24, fractional: 13.5 is 13:30) of a reading from {@link localMinutesIn}. */
export function hourOfLocalMinutes(localMinutes: number): number {
  const minuteOfDay = mod(localMinutes, DAY_MINUTES);
  return Math.floor(minuteOfDay / 60) + (minuteOfDay % 60) / 60;
}

/** Local calendar date, `YYYY-MM-DD`, of a reading from {@link localMinutesIn}. */
export function dateOfLocalMinutes(localMinutes: number): string {
  return new Date(localMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

/**
 * A function giving the local hour of day (0 to 24, fractional: 13.5 is 13:30) of an instant in
 * `timeZone`. The offsets come from a cache shared by every evaluation (see
 * `offsetMinutesAt`), so a sweep over many events allocates nothing per event.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localHourIn(timeZone: string): (ms: number) => number {
  const offsetOf = offsetMinutesIn(timeZone);
  return (ms) => {
    const local = mod(Math.floor(ms / MINUTE_MS) + offsetOf(ms), DAY_MINUTES);
    return Math.floor(local / 60) + (local % 60) / 60;
  };
}

/** Local clock reading of one instant in one time zone. */
export interface LocalTime {
  /** Local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Local hour of day, 0 to 24, fractional (13.5 is 13:30). */
  readonly hour: number;
  /** Local time minus UTC at that instant, in hours (−5 in New York in winter, −4 in summer). */
  readonly offsetHours: number;
}

/**
 * A function giving the local date, hour and UTC offset of an instant in `timeZone`, for
 * indicators that also need calendar days or the offset in force (which daylight saving moves).
 * Build it once per zone per evaluation and reuse it, as {@link localHourIn}.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localTimeIn(timeZone: string): (ms: number) => LocalTime {
  const offsetOf = offsetMinutesIn(timeZone);
  return (ms) => {
    const offset = offsetOf(ms);
    const local = new Date((Math.floor(ms / MINUTE_MS) + offset) * MINUTE_MS);
    return {
      date: local.toISOString().slice(0, 10),
      hour: local.getUTCHours() + local.getUTCMinutes() / 60,
      offsetHours: offset / 60,
    };
  };
}

/** True when `hour` lies in the window from `start` to `end` (hours, wrapping past midnight when start > end). */
export function inHourWindow(hour: number, start: number, end: number): boolean {
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}
