import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { localHourIn, localTimeIn, offsetMinutesAt } from '../../src/kit/timezone';

// Northern and southern daylight saving, half-hour and 45-minute offsets (with and without
// daylight saving), a 30-minute daylight-saving shift, both sides of the date line, and a zone
// that dropped daylight saving (Tehran, 2022).
const zones = [
  'America/New_York',
  'Europe/London',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Tehran',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'UTC',
] as const;

const MINUTE_MS = 60_000;

/** The offset as `Intl` prints it (`GMT+05:45`), a different path from the cache's date parts. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, ms: number): number {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (match === null) throw new Error(`unexpected offset name ${name}`);
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const from = Date.UTC(1995, 0, 1);
const to = Date.UTC(2045, 0, 1);

describe('shared time-zone offset cache', () => {
  test.prop([fc.constantFrom(...zones), fc.integer({ min: from, max: to })], { numRuns: 3000 })('equals the Intl offset at random instants', (zone, ms) => {
    expect(offsetMinutesAt(zone, ms)).toBe(intlOffset(zone, ms));
  });

  // Instants within two days of a random instant in the months daylight saving changes in, north
  // and south: most land on transition days, on both sides of the change.
  const nearTransition = fc
    .record({
      year: fc.integer({ min: 2000, max: 2040 }),
      month: fc.constantFrom(2, 3, 8, 9, 10),
      day: fc.integer({ min: 1, max: 28 }),
      minute: fc.integer({ min: -2 * 1440, max: 2 * 1440 }),
    })
    .map(({ year, month, day, minute }) => Date.UTC(year, month, day) + minute * MINUTE_MS);
  test.prop([fc.constantFrom(...zones), nearTransition], { numRuns: 3000 })('equals the Intl offset in daylight-saving months', (zone, ms) => {
    expect(offsetMinutesAt(zone, ms)).toBe(intlOffset(zone, ms));
  });

  it('is exact at every minute around each transition of 2026', () => {
    let transitions = 0;
    for (const zone of zones) {
      let previous = intlOffset(zone, Date.UTC(2026, 0, 1));
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 60 * MINUTE_MS) {
        const expected = intlOffset(zone, ms);
        if (expected !== previous) {
          transitions++;
          // A change within the last hour: check every minute from 75 minutes before to 15 after.
          for (let m = ms - 75 * MINUTE_MS; m <= ms + 15 * MINUTE_MS; m += MINUTE_MS) expect(offsetMinutesAt(zone, m)).toBe(intlOffset(zone, m));
          previous = expected;
        }
      }
    }
    // Two a year in New York, London, St John's, Santiago, Adelaide, Lord Howe and Chatham.
    expect(transitions).toBe(14);
  }, 120_000);

  it('gives the same local time to the per-zone functions, whatever order instants come in', () => {
    const instants = [Date.UTC(2026, 9, 4, 15, 59), Date.UTC(2026, 9, 4, 16, 0), Date.UTC(2026, 3, 4, 14, 59), Date.UTC(2026, 3, 4, 15, 0)];
    // Lord Howe: 02:00 local goes to 02:30 on 4 October 2026 (15:30 UTC on the 3rd); back on 5 April.
    const forward = instants.map((ms) => localTimeIn('Australia/Lord_Howe')(ms));
    const backward = [...instants]
      .reverse()
      .map((ms) => localTimeIn('Australia/Lord_Howe')(ms))
      .reverse();
    expect(backward).toEqual(forward);
    expect(forward.map((l) => l.offsetHours)).toEqual(instants.map((ms) => intlOffset('Australia/Lord_Howe', ms) / 60));
    expect(localHourIn('Asia/Kathmandu')(Date.UTC(2026, 0, 1, 0, 0))).toBe(5.75);
  });

  it('throws a RangeError for a zone the runtime does not know, and keeps no entry for it', () => {
    expect(() => offsetMinutesAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
    expect(() => localTimeIn('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
