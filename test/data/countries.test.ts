import { describe, expect, it } from 'vitest';
import { callingCodeCountries, countries, countryCentroid, haversineKm } from '../../src/data/countries';

describe('countries table', () => {
  const codes = Object.keys(countries);

  it('has every ISO alpha-2 code as two upper-case letters', () => {
    expect(codes.length).toBeGreaterThanOrEqual(245);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('has plausible centroids and digit-only calling codes', () => {
    for (const [code, info] of Object.entries(countries)) {
      expect(info.name.length, code).toBeGreaterThan(0);
      expect(Math.abs(info.centroid.lat), code).toBeLessThanOrEqual(90);
      expect(Math.abs(info.centroid.lon), code).toBeLessThanOrEqual(180);
      for (const cc of info.callingCodes) expect(cc, code).toMatch(/^[1-9]\d{0,6}$/);
    }
  });

  it('gives inhabited countries at least one calling code', () => {
    const withoutCodes = codes.filter((c) => countries[c]?.callingCodes.length === 0).sort();
    expect(withoutCodes).toEqual(['BV', 'HM', 'TF', 'UM']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(countries)).toBe(true);
    expect(Object.isFrozen(countries['US'])).toBe(true);
    expect(Object.isFrozen(countries['US']?.callingCodes)).toBe(true);
  });
});

describe('countryCentroid', () => {
  it('is case-insensitive and trims', () => {
    expect(countryCentroid('de')).toEqual(countryCentroid('DE'));
    expect(countryCentroid(' gb ')).toBeDefined();
  });

  it('returns undefined for unknown codes', () => {
    expect(countryCentroid('ZZ')).toBeUndefined();
    expect(countryCentroid('')).toBeUndefined();
  });

  it('puts Germany in central Europe', () => {
    const de = countryCentroid('DE');
    expect(de?.lat).toBeGreaterThan(47);
    expect(de?.lat).toBeLessThan(55);
    expect(de?.lon).toBeGreaterThan(6);
    expect(de?.lon).toBeLessThan(15);
  });
});

describe('callingCodeCountries', () => {
  it('resolves a NANP area code that belongs to one country', () => {
    expect(callingCodeCountries('+1 876 555 1234')).toEqual(['JM']);
    expect(callingCodeCountries('+1 (809) 555-0100')).toEqual(['DO']);
    expect(callingCodeCountries('+1 787 555 0100')).toEqual(['PR']);
  });

  it('returns US and Canada, US first, for other +1 numbers', () => {
    const r = callingCodeCountries('+1 615 555 0100');
    expect(r).toContain('US');
    expect(r.slice(0, 2)).toEqual(['US', 'CA']);
    expect(r).not.toContain('JM');
  });

  it('resolves common country codes', () => {
    expect(callingCodeCountries('+44 20 7946 0958')).toEqual(['GB']);
    expect(callingCodeCountries('+82 10 1234 5678')).toEqual(['KR']);
    expect(callingCodeCountries('+86 138 0013 8000')).toEqual(['CN']);
    expect(callingCodeCountries('+850 2 123 4567')).toEqual(['KP']);
    expect(callingCodeCountries('+380 44 123 4567')).toEqual(['UA']);
  });

  it('accepts the 00 international prefix and tel: URIs', () => {
    expect(callingCodeCountries('0044 20 7946 0958')).toEqual(['GB']);
    expect(callingCodeCountries('tel:+82-10-1234-5678')).toEqual(['KR']);
  });

  it('prefers the longer prefix of a territory sharing a code', () => {
    expect(callingCodeCountries('+44 1481 123456')).toEqual(['GG']);
    expect(callingCodeCountries('+7 701 123 4567')).toEqual(['KZ']);
    expect(callingCodeCountries('+7 495 123 4567')).toEqual(['RU']);
    expect(callingCodeCountries('+39 06 698 12345')).toEqual(['VA']);
    expect(callingCodeCountries('+39 06 1234 5678')).toEqual(['IT']);
    expect(callingCodeCountries('+358 18 12345')).toEqual(['AX']);
  });

  it('returns every country sharing exactly the same code', () => {
    expect([...callingCodeCountries('+590 590 12 34 56')].sort()).toEqual(['BL', 'GP', 'MF']);
  });

  it('includes longer-prefix countries when the number is too short to decide', () => {
    const r = callingCodeCountries('+1');
    expect(r.slice(0, 2)).toEqual(['US', 'CA']);
    expect(r).toContain('JM');
    expect(r).toContain('PR');
    expect([...callingCodeCountries('+44')].sort()).toEqual(['GB', 'GG', 'IM', 'JE']);
  });

  it('returns [] without an international prefix or a known code', () => {
    expect(callingCodeCountries('020 7946 0958')).toEqual([]);
    expect(callingCodeCountries('6155550100')).toEqual([]);
    expect(callingCodeCountries('0115 496 0000')).toEqual([]);
    expect(callingCodeCountries('')).toEqual([]);
    expect(callingCodeCountries('+')).toEqual([]);
    expect(callingCodeCountries('+0 123')).toEqual([]);
  });
});

describe('haversineKm', () => {
  const london = { lat: 51.5074, lon: -0.1278 };
  const paris = { lat: 48.8566, lon: 2.3522 };

  it('measures London–Paris at about 344 km', () => {
    expect(haversineKm(london, paris)).toBeGreaterThan(334);
    expect(haversineKm(london, paris)).toBeLessThan(354);
  });

  it('is symmetric and zero for the same point', () => {
    expect(haversineKm(london, paris)).toBeCloseTo(haversineKm(paris, london), 9);
    expect(haversineKm(london, london)).toBe(0);
  });

  it('gives half the circumference for antipodes', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });

  it('works with centroids: Seoul region is far from the US centroid', () => {
    const kr = countryCentroid('KR');
    const us = countryCentroid('US');
    if (!kr || !us) throw new Error('missing centroid');
    expect(haversineKm(kr, us)).toBeGreaterThan(9000);
  });
});
