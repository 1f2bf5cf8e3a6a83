import { extractLinkKeys, parseEvent, parseSubject } from '../../src/index';

const subject = parseSubject({
  id: 'cand-1',
  appliedAt: '2025-01-10T00:00:00Z',
  identity: { residence: { address: { line1: '12 North Main Street', line2: 'Apt 4', postalCode: '37201', country: 'US' } } },
  contacts: { emails: [{ address: 'J.Doe+x@gmail.com' }, { address: 'jdoe@gmail.com' }], phones: [{ number: '+1 615 555 0100' }] },
  documents: [{ id: 'doc-1', type: 'passport', issuingCountry: 'US', number: '5678 12345' }],
  shipments: [
    { id: 'ship-1', shippedAt: '2025-02-01T00:00:00Z', address: { line1: '12 N Main St', line2: '#4', postalCode: '37201', country: 'US' }, serial: 'C02XYZ' },
  ],
  paymentInstructions: [{ id: 'pay-1', at: '2025-02-01T00:00:00Z', method: 'bank', iban: 'de89 3704 0044 0532 0130 00' }],
  photos: [{ id: 'ph-1', source: 'resume', perceptualHash: 'F0F0F0F0F0F0F0F0' }],
  resumeText: 'Senior engineer with eight years of experience building web applications.',
});
const events = [
  { id: 's2', subjectId: 'cand-1', type: 'session', at: '2025-03-02T00:00:00Z', ip: '203.0.113.7', mfaDeviceId: 'MFA-1' },
  { id: 's1', subjectId: 'cand-1', type: 'session', at: '2025-03-01T00:00:00Z', ip: '203.0.113.7', mfaDeviceId: 'mfa-1' },
  { id: 's3', subjectId: 'cand-1', type: 'session', at: '2025-03-05T00:00:00Z', ip: '203.0.113.7' },
  { id: 's4', subjectId: 'cand-1', type: 'session', at: '2025-03-06T00:00:00Z', ip: '198.51.100.1', result: 'failure' },
].map((e) => parseEvent(e));

describe('extractLinkKeys', () => {
  const keys = extractLinkKeys(subject, events);

  it('normalises and deduplicates keys per record', () => {
    expect(keys.filter((k) => k.kind === 'email').map((k) => k.key)).toEqual(['jdoe@gmail.com']);
    const addresses = keys.filter((k) => k.kind === 'address');
    expect(new Set(addresses.map((k) => k.key))).toEqual(new Set(['12 n main st unit 4|37201|US']));
    expect(addresses.map((k) => [k.recordId, k.field]).sort()).toEqual([
      ['cand-1', 'identity.residence.address'],
      ['ship-1', 'shipments[].address'],
    ]);
    expect(keys.find((k) => k.kind === 'bank-account')!.key).toBe('iban:DE89370400440532013000');
    expect(keys.find((k) => k.kind === 'document')!.key).toBe('passport:US:567812345');
    expect(keys.find((k) => k.kind === 'device')!.key).toBe('serial:c02xyz');
  });

  it('summarises events per key: first event, first and last use; failed sign-ins ignored', () => {
    expect(keys.filter((k) => k.kind === 'ip')).toEqual([
      { kind: 'ip', key: '203.0.113.7', recordId: 's1', field: 'events[type=session].ip', at: '2025-03-01T00:00:00.000Z', until: '2025-03-05T00:00:00.000Z' },
    ]);
    expect(keys.filter((k) => k.kind === 'mfa-device').map((k) => [k.key, k.recordId])).toEqual([['mfa-1', 's1']]);
  });

  it('emits LSH band keys with signatures for photos and text', () => {
    const photo = keys.filter((k) => k.kind === 'photo');
    expect(photo).toHaveLength(31);
    expect(photo.every((k) => k.signature === 'f0f0f0f0f0f0f0f0')).toBe(true);
    const text = keys.filter((k) => k.kind === 'text');
    expect(text).toHaveLength(16);
    expect(new Set(text.map((k) => k.signature)).size).toBe(1);
  });

  it('does not depend on record order', () => {
    const reversed = parseSubject({ ...subject, contacts: { ...subject.contacts, emails: [...subject.contacts!.emails!].reverse() } });
    expect(extractLinkKeys(reversed, [...events].reverse())).toEqual(keys);
  });

  it('pseudonymises every key, not the signatures', () => {
    const hashed = extractLinkKeys(subject, events, { pseudonymize: (kind, value) => `h(${kind}:${value.length})` });
    expect(hashed.every((k) => k.key.startsWith('h('))).toBe(true);
    expect(hashed.find((k) => k.kind === 'photo')!.signature).toBe('f0f0f0f0f0f0f0f0');
    expect(JSON.stringify(hashed)).not.toMatch(/jdoe|main st|203\.0\.113/);
  });
});
