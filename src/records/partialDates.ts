/**
 * Partial dates as resumes give them (`2019`, `2019-06`, `2019-06-30`), turned into the range of
 * instants they may mean. Indicators that look for contradictions use the *conservative* end of
 * each range, so imprecise dates never manufacture an overlap or an anachronism.
 *
 * @packageDocumentation
 */

/** The first and last instant (ms since the epoch, UTC) a partial date may denote. */
export interface DateRange {
  /** Start of the first day the date may denote. */
  readonly earliest: number;
  /** End (exclusive) of the last day the date may denote. */
  readonly latest: number;
}

/**
 * The instants a partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` covers; undefined when malformed
 * or impossible (month 13, 31 April, 29 February outside leap years): `Date.UTC` would silently
 * roll those into the next month and move a claimed period.
 */
export function partialDateRange(value: string | undefined): DateRange | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m === null) return undefined;
  const y = Number(m[1]);
  if (y < 1000) return undefined; // Date.UTC reads years 0-99 as 1900-1999.
  if (m[2] === undefined) return { earliest: Date.UTC(y, 0, 1), latest: Date.UTC(y + 1, 0, 1) };
  const mo = Number(m[2]) - 1;
  if (mo < 0 || mo > 11) return undefined;
  if (m[3] === undefined) return { earliest: Date.UTC(y, mo, 1), latest: Date.UTC(y, mo + 1, 1) };
  const d = Number(m[3]);
  const earliest = Date.UTC(y, mo, d);
  if (d < 1 || new Date(earliest).getUTCMonth() !== mo) return undefined;
  return { earliest, latest: Date.UTC(y, mo, d + 1) };
}
