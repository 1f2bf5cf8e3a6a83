/**
 * Local clock time in an IANA time zone through the runtime's `Intl` data, so the library needs
 * no time-zone dependency and follows daylight-saving rules the runtime knows.
 *
 * @packageDocumentation
 */

/**
 * A function giving the local hour of day (0 to 24, fractional: 13.5 is 13:30) of an instant in
 * `timeZone`. Build it once per evaluation and reuse it: creating `Intl.DateTimeFormat` is the
 * costly part.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localHourIn(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
  return (ms) => {
    let hour = 0;
    let minute = 0;
    for (const part of format.formatToParts(ms)) {
      if (part.type === 'hour') hour = Number(part.value) % 24;
      else if (part.type === 'minute') minute = Number(part.value);
    }
    return hour + minute / 60;
  };
}

/** True when `hour` lies in the window from `start` to `end` (hours, wrapping past midnight when start > end). */
export function inHourWindow(hour: number, start: number, end: number): boolean {
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}
