import { describe, expect, it } from 'vitest';
import { sharedShippingAddress } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const FARM = { line1: '1420 Elm Street', line2: 'Apt 3', city: 'Nashville', region: 'TN', postalCode: '37203', country: 'US' };
const FARM_SPELLED = { line1: '1420 ELM ST.', line2: '#3', city: 'Nashville', region: 'TN', postalCode: '37203-0001', country: 'US' };
const HOME = { line1: '77 Oak Avenue', city: 'Columbus', region: 'OH', postalCode: '43004', country: 'US' };
const OFFICE = { line1: '500 Commerce Street', line2: 'Suite 1200', city: 'Dallas', postalCode: '75202', country: 'US' };
const elsewhere = (n: number) => ({ line1: `${n} Pine Road`, city: 'Austin', postalCode: '73301', country: 'US' });

/** Another subject whose laptop ships to `address` (and who claims `home` as residence). */
function other(id: string, address: Record<string, string>, home: Record<string, string> = elsewhere(id.length * 7)): Record<string, unknown> {
  return { id, identity: { residence: { address: home } }, shipments: [{ id: `${id}-ship`, shippedAt: '2025-02-01T00:00:00Z', address }] };
}

const HQ = { line1: '100 Congress Avenue', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const withAttn = (line2: string) => ({ ...HQ, line2 });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sharedShippingAddress, {
  valid: [
    {
      name: 'hybrid staff whose laptops go to the office, whatever the attn line says',
      subject: { shipments: [{ id: 'ship-1', address: HQ }] },
      population: { subjects: [other('h-1', HQ), other('h-2', withAttn('Attn: IT desk')), other('h-3', withAttn('Floor 3')), other('h-4', HQ)] },
      reference: { organisation: { offices: [{ id: 'austin', address: HQ }] } },
    },
    {
      name: 'a ship-to address no one else uses',
      subject: { shipments: [{ id: 'ship-1', address: elsewhere(1) }] },
      population: { subjects: [other('other-1', elsewhere(2))] },
    },
    {
      name: 'an honest couple at one home, both laptops shipped there',
      subject: { identity: { residence: { address: HOME } }, shipments: [{ id: 'ship-1', address: HOME }] },
      population: { subjects: [other('spouse', HOME, HOME)] },
    },
    {
      name: 'consultants of a staffing agency whose office is allow-listed',
      subject: { shipments: [{ id: 'ship-1', address: OFFICE }] },
      population: { subjects: [other('c-1', OFFICE), other('c-2', OFFICE), other('c-3', OFFICE)] },
      reference: { linkAllowList: [{ kind: 'address', address: OFFICE, reason: 'staffing agency office' }] },
    },
    {
      name: 'neighbours in different apartments of one building (Apt 3 and Apt 4)',
      subject: { shipments: [{ id: 'ship-1', address: FARM }] },
      population: { subjects: [other('neighbour', { ...FARM, line2: 'Apt 4' }), other('upstairs', { ...FARM_SPELLED, line2: 'Unit 13' })] },
    },
    {
      name: 'relatives allow-listed by subject',
      subject: { shipments: [{ id: 'ship-1', address: FARM }] },
      population: { subjects: [other('brother', FARM)] },
      reference: { linkAllowList: [{ kind: 'address', address: FARM, subjectIds: ['subject-1', 'brother'], reason: 'siblings, declared' }] },
    },
  ],
  invalid: [
    {
      name: 'an office elsewhere does not excuse a shared drop address',
      subject: { shipments: [{ id: 'ship-1', address: HQ }] },
      population: { subjects: [other('h-1', HQ), other('h-2', HQ)] },
      reference: { organisation: { offices: [{ id: 'dallas', address: OFFICE }] } },
      findings: [{ messageId: 'sharedShipTo', data: { count: 3 } }],
    },
    {
      name: 'two hires, one ship-to address, different homes',
      subject: { identity: { residence: { address: elsewhere(9) } }, shipments: [{ id: 'ship-1', shippedAt: '2025-02-10T00:00:00Z', address: FARM }] },
      population: { subjects: [other('other-1', FARM)] },
      findings: [
        {
          messageId: 'sharedShipTo',
          strength: 0.6,
          data: { count: 2, shipment: 'ship-1', others: 'other-1', since: '2025-02-01' },
          message: /Shipment ship-1 goes to 1420 elm st unit 3, 37203, US.*2 subjects/,
          evidence: ['ship-1', 'other-1-ship'],
        },
      ],
    },
    {
      name: 'forty hires at one address is far stronger',
      subject: { shipments: [{ id: 'ship-1', address: FARM }] },
      population: { subjects: Array.from({ length: 39 }, (_, i) => other(`hire-${i}`, FARM)) },
      findings: [{ messageId: 'sharedShipTo', strength: 1, data: { count: 40 }, message: /and 34 more/ }],
    },
    {
      name: 'a change request reroutes the laptop to the farm, spelled differently',
      subject: {
        identity: { residence: { address: elsewhere(5) } },
        shipments: [{ id: 'ship-9', address: elsewhere(5), changeRequests: [{ at: '2025-02-20T00:00:00Z', address: FARM_SPELLED }] }],
      },
      population: { subjects: [other('other-1', FARM), other('other-2', FARM)] },
      findings: [{ messageId: 'sharedShipTo', strength: [0.6, 0.8], data: { count: 3 }, evidence: ['ship-9', 'other-1-ship', 'other-2-ship'] }],
    },
    {
      name: 'an allow-list for two named subjects does not cover a third',
      subject: { shipments: [{ id: 'ship-1', address: FARM }] },
      population: { subjects: [other('brother', FARM), other('stranger', FARM)] },
      reference: { linkAllowList: [{ kind: 'address', address: FARM, subjectIds: ['subject-1', 'brother'], reason: 'siblings' }] },
      findings: 1,
    },
    {
      name: 'a couple plus a third hire at their address is not a household',
      subject: { identity: { residence: { address: HOME } }, shipments: [{ id: 'ship-1', address: HOME }] },
      population: { subjects: [other('spouse', HOME, HOME), other('lodger', HOME)] },
      findings: [{ messageId: 'sharedShipTo', data: { count: 3 } }],
    },
  ],
  notEvaluated: [
    { name: 'no shipments', subject: {}, missing: ['shipments[].address'] },
    { name: 'alone in the batch', subject: { shipments: [{ id: 'ship-1', address: FARM }] }, missing: ['population'] },
  ],
});

describe('linkage/shared-shipping-address and declared households', () => {
  const household = (sharesAddress: boolean) => ({
    shipments: [{ id: 'ship-1', address: FARM }],
    relationships: [{ id: 'rel-1', kind: 'household', subjectId: 'partner', sharesAddress }],
  });

  it('a declared household member at the ship-to address silences the link, and the report names the declaration', () => {
    const { report } = evaluateCase(sharedShippingAddress, { subject: household(true), population: { subjects: [other('partner', FARM)] } });
    expect(report.findings).toEqual([]);
    expect(report.mitigations).toMatchObject([{ messageId: 'sharedShipTo', effect: 'silenced', mitigatedBy: [{ recordId: 'rel-1', field: 'relationships' }] }]);
  });

  it('the declaration explains only its own member: a third subject at the address still fires', () => {
    const { findings, report } = evaluateCase(sharedShippingAddress, {
      subject: household(true),
      population: { subjects: [other('partner', FARM), other('stranger', FARM)] },
    });
    expect(findings.map((f) => f.messageId)).toEqual(['sharedShipTo']);
    expect(report.mitigations).toEqual([]);
  });

  it('a relationship that does not share the address explains nothing', () => {
    const { findings } = evaluateCase(sharedShippingAddress, { subject: household(false), population: { subjects: [other('partner', FARM)] } });
    expect(findings).toHaveLength(1);
  });
});
