/**
 * Local clock time in an IANA time zone through the runtime's `Intl` data, so the library needs
 * no time-zone dependency and follows daylight-saving rules the runtime knows.
 *
 * @packageDocumentation
 */

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
 * A function giving the local date, hour and UTC offset of an instant in `timeZone`. Build it
 * once per zone per evaluation and reuse it: creating `Intl.DateTimeFormat` is the costly part.
 * The offset is read from the same formatted parts, so it follows daylight-saving changes.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localTimeIn(timeZone: string): (ms: number) => LocalTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (ms) => {
    let year = 0;
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
    const minuteStart = Math.floor(ms / 60_000) * 60_000;
    return {
      date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      hour: hour + minute / 60,
      offsetHours: (Date.UTC(year, month - 1, day, hour, minute) - minuteStart) / 3_600_000,
    };
  };
}

/**
 * A function giving the local hour of day (0 to 24, fractional: 13.5 is 13:30) of an instant in
 * `timeZone`. Build it once per evaluation and reuse it: creating `Intl.DateTimeFormat` is the
 * costly part.
 *
 * @throws RangeError when the runtime does not know the zone (the record schema rejects those).
 */
export function localHourIn(timeZone: string): (ms: number) => number {
  const local = localTimeIn(timeZone);
  return (ms) => local(ms).hour;
}

/** True when `hour` lies in the window from `start` to `end` (hours, wrapping past midnight when start > end). */
export function inHourWindow(hour: number, start: number, end: number): boolean {
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}
