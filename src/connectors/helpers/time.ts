/**
 * Reads the times exports write and returns ISO 8601 in UTC (`2024-04-02T19:17:37.621Z`), or
 * undefined when the value is not a real time. Never calls `Date.parse` on free text, whose
 * result differs between runtimes.
 *
 * Accepted:
 * - ISO 8601 with `Z` or an offset (`+02:00`, `+0200`, `+02`), `T` or a space between date and
 *   time, any number of fraction digits (cut to milliseconds);
 * - the same without an offset, as SIEM exports write them (`2024-04-02 19:17:37.621000000`,
 *   Log Analytics and Splunk): **read as UTC**, since these tools store UTC;
 * - a trailing ` UTC` or ` GMT`;
 * - epoch numbers: seconds below 10^11, milliseconds below 10^14, microseconds below 10^17
 *   (Google `login_timestamp`), as numbers or digit strings;
 * - a bare date `2024-04-02`: midnight UTC.
 */
export function parseTime(value: unknown): string | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{9,17}(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m as unknown as [
    string,
    string,
    string,
    string,
    string?,
    string?,
    string?,
    string?,
    string?,
  ];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

/**
 * Reads a calendar date (`YYYY-MM-DD`) from ISO dates and date-times (the date as written, in
 * the source's own offset), `YYYY/MM/DD`, or with an explicit order: `MM/DD/YYYY` (US exports)
 * or `DD/MM/YYYY`. `YYYY-MM` and `YYYY` are kept as partial dates. Undefined when not a real date.
 */
export function parseDate(value: unknown, order: DateOrder = 'iso'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let y: string | undefined;
  let mo: string | undefined;
  let d: string | undefined;
  const iso = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:[T ].*)?$/.exec(text);
  if (iso !== null) [, y, mo, d] = iso;
  else if (/^\d{4}$/.test(text)) return text;
  else {
    const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (slashed === null || order === 'iso') return undefined;
    [, mo, d, y] = order === 'month-first' ? slashed : [slashed[0], slashed[2], slashed[1], slashed[3]];
  }
  const year = Number(y);
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (d === undefined) return `${y}-${mm}`;
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${y}-${mm}-${String(day).padStart(2, '0')}`;
}

/** How a slashed date is ordered: `iso` refuses `01/02/2025`, as it is ambiguous. */
export type DateOrder = 'iso' | 'month-first' | 'day-first';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z' || zone === 'UTC' || zone === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m === null) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function fromEpoch(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  // The magnitude tells the unit: 10^11 s is the year 5138, 10^14 ms the year 5138.
  const ms = value < 1e11 ? value * 1000 : value < 1e14 ? value : value < 1e17 ? value / 1000 : undefined;
  if (ms === undefined) return undefined;
  const date = new Date(Math.floor(ms));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
