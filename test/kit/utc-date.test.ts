import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../../src/records/isoTime';
import { utcDate } from '../../src/kit';

// A small deterministic generator, so the comparison covers the same strings every run.
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('parseIsoTime and utcDate in the kit', () => {
  it('gives Date.parse for instants across four centuries, with and without milliseconds', () => {
    const rand = lcg(7);
    for (let i = 0; i < 20_000; i++) {
      const t = Math.floor((rand() - 0.6) * 1e13);
      const iso = new Date(t).toISOString();
      expect(parseIsoTime(iso)).toBe(t);
      const seconds = `${iso.slice(0, 19)}Z`;
      expect(parseIsoTime(seconds)).toBe(Date.parse(seconds));
      expect(utcDate(iso)).toBe(iso.slice(0, 10));
    }
  });

  it('gives Date.parse for strings outside the usual form: offsets, month ends, out-of-range and malformed fields', () => {
    const rand = lcg(11);
    const odd = [
      '2025-02-29T00:00:00Z',
      '2024-02-29T12:00:00Z',
      '2025-04-31T00:00:00.000Z',
      '2025-12-31T24:00:00Z',
      '2025-12-31T24:00:01Z',
      '2025-13-01T00:00:00Z',
      '2025-00-10T00:00:00Z',
      '2025-01-00T00:00:00Z',
      '2025-01-10T00:60:00Z',
      '2025-01-10T00:00:60Z',
      '2025-01-10T00:00:00.5Z',
      '2025-01-10T00:00:00.12Z',
      '2025-01-10T00:00:00,123Z',
      '2025-01-10 00:00:00Z',
      '2025-01-10T00:00:00+02:00',
      '2025-01-10T00:00:00.000+05:30',
      '2025-01-10T00:00:00',
      '2025-01-10',
      '+002025-01-10T00:00:00.000Z',
      '2O25-01-10T00:00:00Z',
      '2025-01-1xT00:00:00Z',
      '2025-01-10T0a:00:00.000Z',
      '',
      'not a time',
    ];
    for (let i = 0; i < 2_000; i++) {
      // Random characters in the usual shape: most fields fall outside their ranges.
      const digits = (w: number) => pad(Math.floor(rand() * 10 ** w), w);
      odd.push(`${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}${rand() < 0.5 ? `.${digits(3)}` : ''}Z`);
    }
    for (const s of odd) {
      expect(Object.is(parseIsoTime(s), Date.parse(s)), s).toBe(true);
      const t = Date.parse(s);
      if (Number.isFinite(t)) expect(utcDate(s), s).toBe(new Date(t).toISOString().slice(0, 10));
    }
  });
});
