import {
  createScorer,
  personaMultiplicity,
  referralRisk,
  resumeSimilarity,
  sharedContact,
  sharedInfrastructure,
  sharedPaymentInstrument,
  sharedShippingAddress,
} from '../../src/index';
import { countingLinkWork } from '../support/linkWork';

const linkageIndicators = [
  personaMultiplicity,
  referralRisk,
  resumeSimilarity,
  sharedContact,
  sharedInfrastructure,
  sharedPaymentInstrument,
  sharedShippingAddress,
];

/**
 * A 10,000-subject cluster on one e-mail, one delivery address, one bank account and one egress
 * IP: every linkage indicator must cost each subject its own records, never the cluster's size
 * (10,000² would take minutes).
 */
describe('scenario: one very large cluster', () => {
  it('scores 10,000 subjects on one shared key of every kind in linear work', () => {
    const n = 10_000;
    const address = { line1: '1 Corporate Plaza', postalCode: '10001', country: 'US' };
    const subjects = Array.from({ length: n }, (_, i) => ({
      id: `s${String(i).padStart(5, '0')}`,
      identity: { names: [{ value: `Person Number${i}`, kind: 'legal' as const }] },
      contacts: { emails: [{ address: 'shared@example.com' }] },
      shipments: [{ id: `ship-${i}`, shippedAt: '2025-02-01T00:00:00Z', address }],
      paymentInstructions: [{ id: `pay-${i}`, method: 'bank' as const, at: '2025-02-01T00:00:00Z', accountNumber: '000123456789', routingNumber: '044000037' }],
    }));
    const events = subjects.map((s, i) => ({ id: `e${i}`, subjectId: s.id, type: 'session' as const, at: '2025-03-01T10:00:00Z', ip: '198.51.100.1' }));
    const counting = countingLinkWork(linkageIndicators);
    const result = createScorer({ indicators: counting.indicators }).scoreBatch({ asOf: '2025-06-01T00:00:00Z', subjects, events });
    expect(result.rejected).toEqual([]);
    const first = result.reports.find((r) => r.subjectId === 's00000')!;
    expect(first.reasons.map((r) => r.indicatorId)).toEqual(
      expect.arrayContaining([
        'linkage/shared-shipping-address',
        'linkage/shared-payment-instrument',
        'linkage/shared-infrastructure',
        'linkage/shared-contact',
        'linkage/persona-multiplicity',
      ]),
    );
    expect(first.findings.every((f) => f.evidence.length <= 12)).toBe(true);
    // Counted work, not a stopwatch: each subject reads its own records and a capped number of
    // others' on each of its links. A subject walking its whole cluster would read n² = 10^8.
    const perSubject = counting.linkEntriesRead() / n;
    expect(perSubject).toBeGreaterThan(0);
    expect(perSubject).toBeLessThan(200);
  }, 240_000);
});
