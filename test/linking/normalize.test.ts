import { normalizeAccount, normalizeAddress, normalizeEmail, normalizePersonName, normalizePhone, normalizeWallet } from '../../src/index';

describe('normalizeEmail', () => {
  it('folds case, and Gmail dots and plus tags', () => {
    expect(normalizeEmail(' J.Doe+jobs@GoogleMail.com ')).toBe('jdoe@gmail.com');
    expect(normalizeEmail('jdoe@gmail.com')).toBe('jdoe@gmail.com');
  });
  it('drops plus tags only for providers that apply them, and keeps dots there', () => {
    expect(normalizeEmail('j.doe+x@outlook.com')).toBe('j.doe@outlook.com');
    expect(normalizeEmail('j.doe+x@example.com')).toBe('j.doe+x@example.com');
  });
  it('rejects what is not an address', () => {
    expect(normalizeEmail('nobody')).toBeUndefined();
    expect(normalizeEmail('a@localhost')).toBeUndefined();
    expect(normalizeEmail('+tag@gmail.com')).toBe('+tag@gmail.com');
  });
});

describe('normalizePhone', () => {
  it('gives E.164-like digits with the country code', () => {
    expect(normalizePhone('+1 (615) 555-0100')).toBe('+16155550100');
    expect(normalizePhone('0044 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('(615) 555-0100', { defaultCallingCode: '1' })).toBe('+16155550100');
    expect(normalizePhone('020 7946 0958', { defaultCallingCode: '44' })).toBe('+442079460958');
    expect(normalizePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('+44 (0) 20-7946-0958')).toBe(normalizePhone('020 7946 0958', { defaultCallingCode: '44' }));
  });
  it('drops extensions and keeps unknown-country numbers apart', () => {
    expect(normalizePhone('+1 615 555 0100 ext. 12')).toBe('+16155550100');
    expect(normalizePhone('615-555-0100')).toBe('local:6155550100');
    expect(normalizePhone('123')).toBeUndefined();
  });
});

describe('normalizeAddress', () => {
  it('folds case, punctuation and common abbreviations', () => {
    const a = normalizeAddress({ line1: '12 North Main Street', line2: 'Apartment 4', postalCode: '37201-1234', country: 'US' });
    const b = normalizeAddress({ line1: '12 N. Main St.', line2: '#4', postalCode: '37201', country: 'US' });
    const c = normalizeAddress({ line1: '12 n main st unit 4', postalCode: '37201', country: 'US' });
    expect(a).toBe('12 n main st unit 4|37201|US');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(normalizeAddress({ line1: '12 Main St', line2: 'Apt #4', postalCode: '37201', country: 'US' })).toBe('12 main st unit 4|37201|US');
  });
  it('keeps different units apart and needs a street line', () => {
    expect(normalizeAddress({ line1: '12 Main St', line2: 'Unit 5', postalCode: '37201' })).not.toBe(
      normalizeAddress({ line1: '12 Main St', line2: 'Unit 4', postalCode: '37201' }),
    );
    expect(normalizeAddress({ city: 'Nashville' })).toBeUndefined();
  });
  it('keeps street names in every script, so two streets in one postal code stay apart', () => {
    const lenina = normalizeAddress({ line1: 'ул. Ленина, 5', postalCode: '101000', country: 'RU' });
    expect(lenina).toBe('ул ленина 5|101000|RU');
    expect(normalizeAddress({ line1: 'ул. Пушкина, 5', postalCode: '101000', country: 'RU' })).not.toBe(lenina);
    expect(normalizeAddress({ line1: 'Hauptstraße 5', postalCode: '10115', country: 'DE' })).toBe('hauptstrasse 5|10115|DE');
  });
  it('keeps unit numbers apart however the unit is written', () => {
    const apt = (line2: string) => normalizeAddress({ line1: '12 Main St', line2, postalCode: '37201', country: 'US' });
    expect(apt('Apt 1')).not.toBe(apt('Apt 2'));
    expect(apt('#1')).toBe(apt('Apt 1'));
    expect(apt('Apt 1')).not.toBe(apt('Apt 12'));
    expect(apt('Apt 1')).not.toBe(apt(''));
  });
  it('folds diacritics and uses the city when there is no postal code', () => {
    expect(normalizeAddress({ line1: 'Calle Mayor 3', city: 'Málaga', region: 'Andalucía' })).toBe('calle mayor 3|malaga,andalucia|');
  });
});

describe('accounts, wallets and names', () => {
  it('normalises IBANs and accounts', () => {
    expect(normalizeAccount('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(normalizeAccount('12')).toBeUndefined();
  });
  it('lower-cases EVM wallets but keeps base58 case', () => {
    expect(normalizeWallet(' 0xAbCdEf0123456789abcdef0123456789ABCDEF01 ')).toBe('0xabcdef0123456789abcdef0123456789abcdef01');
    expect(normalizeWallet('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe('1BoatSLRHtKNngkdXEeobR76b53LETtpyT');
  });
  it('compares names regardless of order, case and diacritics', () => {
    expect(normalizePersonName('DOE, Jöhn')).toBe(normalizePersonName('john doe'));
    expect(normalizePersonName('Петров Иван')).toBe('иван петров');
    expect(normalizePersonName('Strauß, Łukasz')).toBe('lukasz strauss');
  });
});
