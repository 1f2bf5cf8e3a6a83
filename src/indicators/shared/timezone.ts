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
 * A function giving the local hour of day (0 to 24, fractional: 13.5 is 13:30) of an instant in
 * `timeZone`. Build it once per evaluation and reuse it: it asks `Intl` once per quarter hour it
 * meets (the offset to UTC) and answers every other instant by arithmetic, so a sweep over many
 * events allocates nothing per event.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localHourIn(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
  const offsets = new Map<number, number>();
  const offsetAt = (bucket: number): number => {
    const known = offsets.get(bucket);
    if (known !== undefined) return known;
    const start = bucket * BUCKET_MS;
    let hour = 0;
    let minute = 0;
    for (const part of format.formatToParts(start)) {
      if (part.type === 'hour') hour = Number(part.value) % 24;
      else if (part.type === 'minute') minute = Number(part.value);
    }
    const offset = mod(hour * 60 + minute - Math.floor(mod(start, 86_400_000) / MINUTE_MS), DAY_MINUTES);
    offsets.set(bucket, offset);
    return offset;
  };
  return (ms) => {
    const utcMinute = Math.floor(mod(ms, 86_400_000) / MINUTE_MS);
    const local = mod(utcMinute + offsetAt(Math.floor(ms / BUCKET_MS)), DAY_MINUTES);
    return Math.floor(local / 60) + (local % 60) / 60;
  };
}

/** True when `hour` lies in the window from `start` to `end` (hours, wrapping past midnight when start > end). */
export function inHourWindow(hour: number, start: number, end: number): boolean {
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}
