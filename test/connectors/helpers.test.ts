import { parseCountry } from '../../src/connectors/helpers/country';
import { parseDate, parseTime } from '../../src/connectors/helpers/time';
import { compact, contentId, parseBoolean, parseNumber } from '../../src/connectors/helpers/values';
import { mfaMethodOf } from '../../src/connectors/helpers/mfa';
import { countries } from '../../src/data/countries';
import { alpha3Codes } from '../../src/data/countryNames';

describe('connector helpers', () => {
  it('reads countries by English name, alpha-2 and alpha-3, in any case, and never guesses', () => {
    expect(['Brazil', 'brazil', 'BR', 'br', 'BRA', 'bra', ' Brazil '].map(parseCountry)).toEqual(Array(7).fill('BR'));
    expect(parseCountry("Côte d'Ivoire")).toBe('CI');
    expect(parseCountry('Cote d’Ivoire')).toBe('CI');
    expect(parseCountry('Russian Federation')).toBe('RU');
    expect(parseCountry('United States of America')).toBe('US');
    expect(parseCountry('UK')).toBe('GB');
    expect(parseCountry('Türkiye')).toBe('TR');
    expect([
      parseCountry('Atlantis'),
      parseCountry('Korea'),
      parseCountry('Congo'),
      parseCountry('ZZ'),
      parseCountry('ZZZ'),
      parseCountry(''),
      parseCountry(42),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('knows an alpha-3 code for every country, each one distinct, and reads every country by its own name', () => {
    expect(Object.keys(alpha3Codes).sort()).toEqual(Object.keys(countries).sort());
    expect(new Set(Object.values(alpha3Codes)).size).toBe(Object.keys(alpha3Codes).length);
    for (const [code, info] of Object.entries(countries)) {
      expect(parseCountry(info.name)).toBe(code);
      expect(parseCountry(alpha3Codes[code])).toBe(code);
    }
  });

  it('reads ISO, SIEM and epoch times as UTC ISO 8601, refusing impossible ones', () => {
    expect(parseTime('2024-04-02T19:17:37.621Z')).toBe('2024-04-02T19:17:37.621Z');
    expect(parseTime('2024-04-02 19:17:37.621000000')).toBe('2024-04-02T19:17:37.621Z');
    expect(parseTime('2024-04-02T21:17:37+02:00')).toBe('2024-04-02T19:17:37.000Z');
    expect(parseTime('2024-04-02T21:17:37+0200')).toBe('2024-04-02T19:17:37.000Z');
    expect(parseTime('2024-04-02 19:17:37 UTC')).toBe('2024-04-02T19:17:37.000Z');
    expect(parseTime(1712085457)).toBe('2024-04-02T19:17:37.000Z');
    expect(parseTime('1712085457621')).toBe('2024-04-02T19:17:37.621Z');
    expect(parseTime('1712085457621000')).toBe('2024-04-02T19:17:37.621Z');
    expect(parseTime('2024-04-02')).toBe('2024-04-02T00:00:00.000Z');
    expect([
      parseTime('2024-02-30T10:00:00Z'),
      parseTime('2024-04-02T24:00:00Z'),
      parseTime('04/02/2024'),
      parseTime('yesterday'),
      parseTime(null),
      parseTime('2024-04-02T10:00:00+15:00'),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads dates, with slashed dates only in an explicit order', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2024-04-02T23:30:00-05:00')).toBe('2024-04-02');
    expect(parseDate('2024/4/2')).toBe('2024-04-02');
    expect(parseDate('2024-04')).toBe('2024-04');
    expect(parseDate('04/02/2024')).toBeUndefined();
    expect(parseDate('04/02/2024', 'month-first')).toBe('2024-04-02');
    expect(parseDate('04/02/2024', 'day-first')).toBe('2024-02-04');
    expect(parseDate('2023-02-29')).toBeUndefined();
  });

  it('drops nulls, blanks and empty objects; reads booleans and numbers as exports write them', () => {
    expect(compact({ a: null, b: '', c: { d: null, e: [] }, f: [null, 'x', {}], g: 0, h: false, i: Number.NaN })).toEqual({ f: ['x'], g: 0, h: false });
    expect(compact({ a: { b: null } })).toBeUndefined();
    expect([parseBoolean('Yes'), parseBoolean('FALSE'), parseBoolean('1'), parseBoolean('maybe')]).toEqual([true, false, true, undefined]);
    expect([parseNumber('7922'), parseNumber('$1,250.50'), parseNumber('145,000'), parseNumber('12a')]).toEqual([7922, 1250.5, 145000, undefined]);
    expect(contentId('x', { a: 1, b: [2] })).toBe(contentId('x', { b: [2], a: 1 }));
  });

  it('names MFA methods from vendor labels, and leaves passwords and unknown labels out', () => {
    expect(
      [
        'OKTA_VERIFY_PUSH',
        'Mobile app notification',
        'FIDO2 security key',
        'SIGNED_NONCE',
        'SMS_FACTOR',
        'Text message',
        'GOOGLE_OTP',
        'OATH verification code',
        'X.509 Certificate',
        'security_key',
      ].map(mfaMethodOf),
    ).toEqual(['push', 'push', 'fido2', 'platform', 'sms', 'sms', 'totp', 'totp', 'piv', 'fido2']);
    expect([mfaMethodOf('Password'), mfaMethodOf('PASSWORD'), mfaMethodOf('mystery')]).toEqual([undefined, undefined, undefined]);
  });
});
