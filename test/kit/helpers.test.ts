import { claimedResidenceCountry, compareAddresses, formatPlace } from '../../src/kit/address';
import { partialDateRange } from '../../src/records/partialDates';
import { compareNames, jaroWinkler, normalizeName } from '../../src/kit/names';
import { compareText, sortedByTimeThenId } from '../../src/kit/order';
import { currentBankInstruction } from '../../src/kit/payout';
import { GROUP_EVIDENCE_LIMIT, groupEvents } from '../../src/kit/grouping';
import { meetsSeverity } from '../../src/kit/security';
import { densestWindow } from '../../src/kit/time';
import { inHourWindow, localHourIn, localTimeIn } from '../../src/kit/timezone';

describe('name helpers', () => {
  it('normalises case, diacritics, special letters, hyphens and punctuation', () => {
    expect(normalizeName('  José-María  O’Brien, Jr. ')).toBe('josemaria obrien jr');
    expect(normalizeName('Łukasz Søren Straße')).toBe('lukasz soren strasse');
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

  it.each([
    ['Александр Иванов', 'Aleksandr Ivanov'],
    ['김재원', 'Kim Jaewon'],
    ['Ελένη Παπαδοπούλου', 'Eleni Papadopoulou'],
    ['محمد الرشيد', 'Mohammed Al-Rashid'],
    ['山田 太郎', 'Yamada Taro'],
  ])('cannot judge %s against %s (different scripts): unknown, never different', (a, b) => {
    expect(compareNames(a, b).verdict).toBe('unknown');
    expect(compareNames(b, a).verdict).toBe('unknown');
  });

  it('still compares names that share a script', () => {
    expect(compareNames('Александр Иванов', 'Александр Иванов').verdict).toBe('match');
    expect(compareNames('Александр Иванов', 'Сергей Петров').verdict).toBe('different');
    expect(compareNames('Kim 재원', 'Kim Jaewon').verdict).toBe('partial');
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
    expect(partialDateRange('2019-02-31')).toBeUndefined();
    expect(partialDateRange('2019-02-29')).toBeUndefined();
    expect(partialDateRange('2020-02-29')).toEqual({ earliest: Date.UTC(2020, 1, 29), latest: Date.UTC(2020, 2, 1) });
    expect(partialDateRange('2019-13')).toBeUndefined();
    expect(partialDateRange('2019-00-10')).toBeUndefined();
    expect(partialDateRange('0050')).toBeUndefined();
  });
  it('gives local hours in an IANA zone, with daylight saving', () => {
    const chicago = localHourIn('America/Chicago');
    expect(chicago(Date.UTC(2025, 0, 15, 6, 30))).toBe(0.5); // CST, UTC-6
    expect(chicago(Date.UTC(2025, 6, 15, 6, 30))).toBe(1.5); // CDT, UTC-5
    expect(localHourIn('Asia/Kolkata')(Date.UTC(2025, 0, 15, 0, 0))).toBe(5.5);
  });
  it('gives the local date and the UTC offset in force, across daylight-saving changes', () => {
    const newYork = localTimeIn('America/New_York');
    expect(newYork(Date.UTC(2025, 2, 9, 6, 59))).toEqual({ date: '2025-03-09', hour: 1 + 59 / 60, offsetHours: -5 });
    expect(newYork(Date.UTC(2025, 2, 9, 7, 0))).toEqual({ date: '2025-03-09', hour: 3, offsetHours: -4 });
    expect(newYork(Date.UTC(2025, 0, 15, 3, 0, 30))).toEqual({ date: '2025-01-14', hour: 22, offsetHours: -5 });
    expect(localTimeIn('Asia/Kathmandu')(Date.UTC(2025, 0, 15, 0, 0)).offsetHours).toBe(5.75);
    expect(localTimeIn('Pacific/Kiritimati')(Date.UTC(2025, 0, 15, 12, 0))).toEqual({ date: '2025-01-16', hour: 2, offsetHours: 14 });
  });

  it.each(['America/Chicago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu'])(
    'agrees with Intl through a year of %s, daylight-saving changes included',
    (timeZone) => {
      const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
      const oracle = (ms: number): number => {
        const parts = format.formatToParts(ms);
        const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
        return (get('hour') % 24) + get('minute') / 60;
      };
      const hourOf = localHourIn(timeZone);
      // Every 49 min 59 s through 2025: drifts through every phase of the quarter hour and lands
      // within the hour after each daylight-saving change.
      const timeOf = localTimeIn(timeZone);
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 2_999_000) {
        expect(hourOf(t)).toBe(oracle(t));
        expect(timeOf(t).hour).toBe(oracle(t));
      }
    },
  );
  it('handles hour windows that wrap past midnight', () => {
    expect(inHourWindow(23.5, 23, 7)).toBe(true);
    expect(inHourWindow(3, 23, 7)).toBe(true);
    expect(inHourWindow(12, 23, 7)).toBe(false);
    expect(inHourWindow(3, 0, 5)).toBe(true);
  });
});

describe('security helpers', () => {
  it('keeps detections at or above the minimum severity, and those without one', () => {
    expect(meetsSeverity('medium', 'medium')).toBe(true);
    expect(meetsSeverity('low', 'medium')).toBe(false);
    expect(meetsSeverity('critical', 'high')).toBe(true);
    expect(meetsSeverity(undefined, 'critical')).toBe(true);
  });
});

describe('ordering, window and payout helpers', () => {
  it('sorts by time then id, whatever the input order, with offsets taken into account', () => {
    const records = [
      { id: 'b', at: '2025-01-01T10:00:00Z' },
      { id: 'a', at: '2025-01-01T10:00:00Z' },
      { id: 'c', at: '2025-01-01T09:00:00-02:00' }, // 11:00 UTC: last
      { id: 'd', at: '2024-12-31T23:00:00Z' },
    ];
    const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id);
    expect(ids(sortedByTimeThenId(records))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(sortedByTimeThenId([...records].reverse()))).toEqual(['d', 'a', 'b', 'c']);
    expect(sortedByTimeThenId(undefined)).toEqual([]);
    expect(ids(sortedByTimeThenId(records, Date.UTC(2025, 0, 1, 10)))).toEqual(['d', 'a', 'b']); // c is later
    expect(compareText('B', 'a')).toBeLessThan(0); // code units, not locale
  });

  it('finds the densest window, not the one ending at the latest time', () => {
    const day = 86_400_000;
    expect(densestWindow([], day)).toBeUndefined();
    expect(densestWindow([0], day)).toEqual({ from: 0, to: 0 });
    expect(densestWindow([0, 1 * day, 2 * day, 100 * day], 30 * day)).toEqual({ from: 0, to: 2 });
    expect(densestWindow([0, 100 * day, 101 * day, 102 * day], 30 * day)).toEqual({ from: 1, to: 3 });
    expect(densestWindow([0, 30 * day], 30 * day)).toEqual({ from: 0, to: 1 }); // inclusive bound
  });

  it('takes the latest bank instruction with a country as the current one', () => {
    const bank = (id: string, at: string, bankCountry?: string) => ({ id, at, method: 'bank' as const, ...(bankCountry !== undefined ? { bankCountry } : {}) });
    const old = bank('p1', '2025-01-01T00:00:00Z', 'DE');
    const moved = bank('p2', '2025-03-01T00:00:00Z', 'US');
    const noCountry = bank('p3', '2025-04-01T00:00:00Z');
    const crypto = { id: 'p4', at: '2025-05-01T00:00:00Z', method: 'crypto' as const };
    const asOf = Date.UTC(2025, 5, 1);
    expect(currentBankInstruction([moved, noCountry, crypto, old], asOf)?.id).toBe('p2');
    expect(currentBankInstruction([old, moved], asOf)?.id).toBe('p2');
    expect(currentBankInstruction([bank('x', '2025-01-01T00:00:00Z', 'US'), bank('y', '2025-01-01T00:00:00Z', 'CA')], asOf)?.id).toBe('y');
    expect(currentBankInstruction([crypto], asOf)).toBeUndefined();
    // As of February the move had not happened yet.
    expect(currentBankInstruction([old, moved], Date.UTC(2025, 1, 1))?.id).toBe('p1');
  });
});

describe('claimed residence country', () => {
  it('reads the claimed country, else the residence address, and says which field it read', () => {
    expect(claimedResidenceCountry({ id: 's1', identity: { residence: { country: 'US', address: { country: 'CA' } } } })).toEqual({
      country: 'US',
      evidence: { recordId: 's1', field: 'identity.residence.country', value: 'US', note: 'claimed residence' },
    });
    expect(claimedResidenceCountry({ id: 's1', identity: { residence: { address: { city: 'Toronto', country: 'CA' } } } })?.evidence.field).toBe(
      'identity.residence.address.country',
    );
    expect(claimedResidenceCountry({ id: 's1' })).toBeUndefined();
  });
});

describe('groupEvents', () => {
  const events = Array.from({ length: 14 }, (_, i) => ({
    id: `e${i}`,
    at: `2025-05-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
    kind: i % 3 === 0 ? 'b' : i % 3 === 1 ? 'a' : 'skip',
    size: i,
  }));

  it('groups in one pass, sorted by key, with counts, the first time, capped evidence and an accumulator', () => {
    const groups = groupEvents(
      events,
      (e) => (e.kind === 'skip' ? undefined : e.kind),
      () => ({ max: 0 }),
      (acc, e) => {
        acc.max = Math.max(acc.max, e.size);
      },
      (e) => ({ recordId: e.id, at: e.at }),
    );
    expect(groups.map((g) => g.key)).toEqual(['a', 'b']);
    expect(groups.map((g) => [g.count, g.first, g.acc.max])).toEqual([
      [5, '2025-05-02T00:00:00Z', 13],
      [5, '2025-05-01T00:00:00Z', 12],
    ]);
    expect(groups[0]?.evidence.map((e) => e.recordId)).toEqual(['e1', 'e4', 'e7', 'e10', 'e13']);
  });

  it('keeps at most GROUP_EVIDENCE_LIMIT evidence items per group', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `m${i}`, at: '2025-05-01T00:00:00Z' }));
    const [group] = groupEvents(
      many,
      () => 'k',
      () => null,
      () => undefined,
      (e) => ({ recordId: e.id }),
    );
    expect(group?.count).toBe(25);
    expect(group?.evidence).toHaveLength(GROUP_EVIDENCE_LIMIT);
  });
});
