import { compareAddresses, formatPlace } from '../../../src/indicators/shared/address';
import { partialDateRange } from '../../../src/indicators/shared/dates';
import { compareNames, jaroWinkler, normaliseName } from '../../../src/indicators/shared/names';
import { inHourWindow, localHourIn } from '../../../src/indicators/shared/timezone';

describe('name helpers', () => {
  it('normalises case, diacritics, special letters, hyphens and punctuation', () => {
    expect(normaliseName('  José-María  O’Brien, Jr. ')).toBe('josemaria obrien jr');
    expect(normaliseName('Łukasz Søren Straße')).toBe('lukasz soren strasse');
  });

  it('computes the textbook Jaro-Winkler values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
  });

  it.each([
    ['Aleksandr Ivanov', 'Alexander Ivanov'],
    ['Jae-won Kim', 'KIM JAEWON'],
    ['Jae Won Kim', 'Jaewon Kim'],
    ['José A. Müller', 'Jose Mueller'],
    ['Mohammed Al-Rashid', 'Muhammad Alrashid'],
    ['Park Ji-sung', 'Pak Jisung'],
    ['A. Miller', 'Andrew Miller'],
    ['Mary Ann Smith', 'Maryann Smith'],
  ])('treats %s and %s as the same person', (a, b) => {
    expect(compareNames(a, b).verdict).toBe('match');
    expect(compareNames(b, a).verdict).toBe('match');
  });

  it('tells partial from entirely different names', () => {
    expect(compareNames('Andrew Miller', 'Susan Miller').verdict).toBe('partial');
    expect(compareNames('Andrew Miller', 'Christina Chapman').verdict).toBe('different');
    expect(compareNames('Andrew Miller', '---').verdict).toBe('unknown');
  });
});

describe('address helpers', () => {
  const atlanta = { line1: '12 Peachtree Street NE', city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US' };
  it('formats short place names for messages', () => {
    expect(formatPlace(atlanta, 'US')).toBe('Atlanta, GA');
    expect(formatPlace(atlanta)).toBe('Atlanta, GA, US');
    expect(formatPlace({ country: 'CN' }, 'CN')).toBe('CN');
    expect(formatPlace(undefined)).toBe('an unknown place');
  });
  it('compares on shared fields only, after normalisation', () => {
    expect(compareAddresses(atlanta, { line1: '12 peachtree st. ne', postalCode: '30303-0001', country: 'US' })).toEqual({ result: 'same' });
    expect(compareAddresses(atlanta, { city: 'Nashville', country: 'US' })).toEqual({ result: 'different', field: 'city' });
    expect(compareAddresses(atlanta, { country: 'CA' })).toEqual({ result: 'different', field: 'country' });
    expect(compareAddresses({ city: 'Atlanta' }, { country: 'US' })).toEqual({ result: 'unknown' });
  });
});

describe('date and time helpers', () => {
  it('turns partial dates into the ranges they may mean', () => {
    expect(partialDateRange('2019')).toEqual({ earliest: Date.UTC(2019, 0, 1), latest: Date.UTC(2020, 0, 1) });
    expect(partialDateRange('2019-12')).toEqual({ earliest: Date.UTC(2019, 11, 1), latest: Date.UTC(2020, 0, 1) });
    expect(partialDateRange('2019-02-28')).toEqual({ earliest: Date.UTC(2019, 1, 28), latest: Date.UTC(2019, 2, 1) });
    expect(partialDateRange('June 2019')).toBeUndefined();
  });
  it('gives local hours in an IANA zone, with daylight saving', () => {
    const chicago = localHourIn('America/Chicago');
    expect(chicago(Date.UTC(2025, 0, 15, 6, 30))).toBe(0.5); // CST, UTC-6
    expect(chicago(Date.UTC(2025, 6, 15, 6, 30))).toBe(1.5); // CDT, UTC-5
    expect(localHourIn('Asia/Kolkata')(Date.UTC(2025, 0, 15, 0, 0))).toBe(5.5);
  });
  it('handles hour windows that wrap past midnight', () => {
    expect(inHourWindow(23.5, 23, 7)).toBe(true);
    expect(inHourWindow(3, 23, 7)).toBe(true);
    expect(inHourWindow(12, 23, 7)).toBe(false);
    expect(inHourWindow(3, 0, 5)).toBe(true);
  });
});
