import { addressMismatch } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const atlanta = { line1: '12 Peachtree Street NE', city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US' };
const verifiedAtlanta = { identity: { residence: { country: 'US', address: atlanta, verified: true } } };
const ship = (address: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  shipments: [{ id: 'ship-1', shippedAt: '2025-05-10T00:00:00Z', deliveredAt: '2025-05-14T00:00:00Z', address, ...extra }],
});

const hq = { line1: '100 Congress Avenue', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const offices = { organisation: { offices: [{ id: 'austin', address: hq, timeZone: 'America/Chicago' }] } };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(addressMismatch, {
  valid: [
    {
      name: 'a hybrid worker picks the laptop up at the office (attn line and floor added)',
      subject: { ...verifiedAtlanta, ...ship({ ...hq, line1: '100 Congress Ave.', line2: 'Attn: IT desk, Floor 3' }) },
      reference: offices,
    },
    {
      name: 'a ship-to change to the office between offer and delivery is a pick-up',
      subject: {
        ...verifiedAtlanta,
        offerAt: '2025-05-01T00:00:00Z',
        ...ship(atlanta, { changeRequests: [{ at: '2025-05-12T00:00:00Z', address: { ...hq, line2: 'Suite 800' } }] }),
      },
      reference: offices,
    },
    {
      name: 'same address written differently (St, ZIP+4, case)',
      subject: { ...verifiedAtlanta, ...ship({ line1: '12 PEACHTREE ST. NE', city: 'atlanta', postalCode: '30303-1234', country: 'US' }) },
    },
    {
      name: 'ships to the address on the verified document (moved since)',
      subject: {
        identity: { residence: { country: 'US', address: { city: 'Denver', region: 'CO', country: 'US' } } },
        documents: [{ id: 'doc-1', type: 'drivers-license', address: atlanta, verification: { outcome: 'verified' } }],
        ...ship(atlanta),
      },
    },
    {
      name: 'a change requested before the offer does not count',
      subject: {
        ...verifiedAtlanta,
        offerAt: '2025-05-01T00:00:00Z',
        ...ship(atlanta, { changeRequests: [{ at: '2025-04-20T00:00:00Z', address: atlanta }] }),
      },
    },
    { name: 'no residence on file, no change requests', subject: ship(atlanta) },
  ],
  invalid: [
    {
      name: 'an office on file does not excuse shipping to another address in the office city',
      subject: { ...verifiedAtlanta, ...ship({ line1: '7 Rainey Street', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' }) },
      reference: offices,
      findings: [{ messageId: 'mismatch', data: { field: 'city' } }],
    },
    {
      name: 'ships to Nashville instead of the verified Atlanta residence',
      subject: { ...verifiedAtlanta, ...ship({ line1: '400 Broadway', city: 'Nashville', region: 'TN', postalCode: '37203', country: 'US' }) },
      findings: [
        {
          messageId: 'mismatch',
          strength: 0.8,
          data: { field: 'city', residenceKind: 'verified' },
          message: 'Ship-to address of shipment ship-1 in Nashville, TN differs from the verified residence in Atlanta, GA',
          evidence: ['ship-1', 'subject-1'],
        },
      ],
    },
    {
      name: 'same city, another street, against a claimed (unverified) residence',
      subject: {
        identity: { residence: { country: 'US', address: { ...atlanta } } },
        ...ship({ line1: '99 Ponce de Leon Ave', city: 'Atlanta', region: 'GA', postalCode: '30308', country: 'US' }),
      },
      findings: [{ messageId: 'mismatch', strength: 0.6, data: { residenceKind: 'claimed', field: 'postalCode' } }],
    },
    {
      name: 'address changed between offer and delivery',
      subject: {
        ...verifiedAtlanta,
        offerAt: '2025-05-01T00:00:00Z',
        ...ship(atlanta, {
          changeRequests: [{ at: '2025-05-12T00:00:00Z', address: { city: 'Nashville', region: 'TN', country: 'US' }, reason: 'staying with family' }],
        }),
      },
      findings: [
        {
          messageId: 'change',
          strength: 0.6,
          message:
            'Ship-to address of shipment ship-1 was changed on 2025-05-12 from the original address to Nashville, TN ("staying with family"), after the offer and before delivery',
          evidence: ['ship-1'],
        },
      ],
    },
    {
      name: 'two claimed residences in one city: compared with the closer one, whatever their order',
      subject: {
        contacts: {
          addresses: [
            { line1: '9 Oak Ave', city: 'Atlanta', region: 'GA', postalCode: '30309', country: 'US', kind: 'residence' },
            { line1: '1 Main St', city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US', kind: 'residence' },
          ],
        },
        ...ship({ line1: '5 Elm St', city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US' }),
      },
      findings: [{ messageId: 'mismatch', strength: 0.5, data: { field: 'line1', residenceKind: 'claimed' } }],
    },
    {
      name: 'only verified residences when asked',
      subject: {
        identity: { residence: { country: 'US', address: { city: 'Nashville', country: 'US' } } },
        contacts: { addresses: [{ ...atlanta, kind: 'residence', verified: true }] },
        ...ship({ city: 'Nashville', country: 'US' }),
      },
      options: { requireVerifiedResidence: true },
      findings: [{ messageId: 'mismatch', data: { residenceKind: 'verified' } }],
    },
  ],
  notEvaluated: [{ name: 'no shipments', subject: verifiedAtlanta, missing: ['shipments'] }],
});
