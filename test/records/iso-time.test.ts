import { fc, test } from '@fast-check/vitest';
import { canonicalIsoTime, parseIsoTime } from '../../src/records/isoTime';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Date-times in and around the canonical shape: any 4-digit year, out-of-range fields, other fractions and offsets. */
const nearCanonical = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.000', '.5', '.123', '.999', '.1234', '.'),
    zone: fc.constantFrom('Z', 'Z', 'Z', '+00:00', '-05:30', 'z', ''),
  })
  .map((t) => `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.fraction}${t.zone}`);

describe('parseIsoTime', () => {
  test.prop([nearCanonical], { numRuns: 20_000 })('is Date.parse for date-times of every shape near the canonical one', (text) => {
    expect(Object.is(parseIsoTime(text), Date.parse(text))).toBe(true);
  });

  test.prop([fc.date({ min: new Date(-62_167_219_200_000), max: new Date(253_402_300_799_999), noInvalidDate: true })], { numRuns: 20_000 })(
    'is Date.parse for every instant toISOString writes from year 0 to 9999',
    (date) => {
      const text = date.toISOString();
      expect(parseIsoTime(text)).toBe(Date.parse(text));
    },
  );

  test.prop([nearCanonical], { numRuns: 5_000 })('reads the canonical shape itself or declines (NaN), never a different time', (text) => {
    const direct = canonicalIsoTime(text);
    if (!Number.isNaN(direct)) expect(direct).toBe(Date.parse(text));
  });

  test.prop([fc.date({ min: new Date(0), max: new Date(253_402_300_799_999), noInvalidDate: true })], { numRuns: 5_000 })(
    'reads every instant toISOString writes from 1970 on itself, with and without milliseconds',
    (date) => {
      const text = date.toISOString();
      expect(canonicalIsoTime(text)).toBe(date.getTime());
      expect(canonicalIsoTime(`${text.slice(0, 19)}Z`)).toBe(Math.floor(date.getTime() / 1000) * 1000);
    },
  );

  test.prop([fc.string({ maxLength: 26 })])('is Date.parse for any text, whatever it holds', (text) => {
    expect(Object.is(parseIsoTime(text), Date.parse(text))).toBe(true);
  });

  it('reads leap days and month ends, and leaves impossible days to Date.parse', () => {
    for (const text of [
      '2024-02-29T23:59:59.999Z',
      '2000-02-29T00:00:00Z',
      '1900-02-28T00:00:00Z',
      '2025-12-31T12:00:00Z',
      '2025-02-30T00:00:00Z',
      '1900-02-29T00:00:00Z',
    ]) {
      expect(parseIsoTime(text)).toBe(Date.parse(text));
    }
  });
});
