/**
 * Local clock time in an IANA time zone through the runtime's `Intl` data, so the library needs
 * no time-zone dependency and follows daylight-saving rules the runtime knows.
 *
 * @packageDocumentation
 */

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
// Every zone offset in use is a multiple of 15 minutes and changes at a quarter-hour boundary
// in UTC, so one offset per quarter hour is exact.
const BUCKET_MS = 15 * MINUTE_MS;

function mod(x: number, n: number): number {
  return ((x % n) + n) % n;
}

/**
 * A function giving the signed UTC offset (local minus UTC, in minutes) of `timeZone` at an
 * instant. It asks `Intl` once per quarter hour it meets and remembers the answer, so a sweep
 * over many events allocates nothing per event. The offset is read from the full local date and
 * time, so it is exact on both sides of the date line (UTC+14 and UTC-11 alike).
 */
function offsetMinutesIn(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const offsets = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / BUCKET_MS);
    const known = offsets.get(bucket);
    if (known !== undefined) return known;
    const start = bucket * BUCKET_MS;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    for (const part of format.formatToParts(start)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
      else if (part.type === 'hour') hour = Number(part.value) % 24;
      else if (part.type === 'minute') minute = Number(part.value);
    }
    const offset = (Date.UTC(year, month - 1, day, hour, minute) - start) / MINUTE_MS;
    offsets.set(bucket, offset);
    return offset;
  };
}

/**
 * A function giving the local hour of day (0 to 24, fractional: 13.5 is 13:30) of an instant in
 * `timeZone`. Build it once per evaluation and reuse it: it asks `Intl` once per quarter hour it
 * meets (the offset to UTC) and answers every other instant by arithmetic, so a sweep over many
 * events allocates nothing per event.
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
