import { builtinIndicators, createScorer } from '../../src/index';

const asOf = '2025-06-15T00:00:00Z';
const scorer = createScorer({ indicators: builtinIndicators });

/** A new hire with several strong pre-hire signals from independent data families. */
const strong = {
  id: 'cand-strong',
  kind: 'employee',
  appliedAt: '2025-04-01T00:00:00Z',
  offerAt: '2025-05-01T00:00:00Z',
  identity: {
    names: [{ value: 'Andrew Miller', kind: 'legal', source: 'application-form' }],
    residence: {
      country: 'US',
      timeZone: 'America/New_York',
      address: { line1: '12 Peachtree St NE', city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US' },
    },
  },
  contacts: { phones: [{ number: '+86 138 0013 8000', lineType: 'mobile' }] },
  documents: [
    { id: 'doc-1', type: 'drivers-license', holderName: 'Andrew Miller', verification: { vendor: 'Acme IDV', outcome: 'verified', selfieMatch: 'mismatch' } },
  ],
  identityChecks: [{ id: 'chk-1', kind: 'ssn-trace', provider: 'TraceCo', outcome: 'belongs-to-other', consumerReport: true }],
  interviews: [
    { id: 'int-1', at: '2025-04-10T15:00:00Z', mode: 'audio', requestedMode: 'video', outcome: 'held', flags: ['camera-excuse'] },
    { id: 'int-2', at: '2025-04-17T15:00:00Z', mode: 'video', requestedMode: 'video', outcome: 'held', cameraOn: false },
  ],
  paymentInstructions: [
    { id: 'pay-1', at: '2025-05-20T00:00:00Z', method: 'bank', bankCountry: 'US', accountNumber: '99887766', accountHolderName: 'Christina Chapman' },
  ],
  shipments: [
    {
      id: 'ship-1',
      deviceId: 'mac-1',
      serial: 'C02XYZ',
      shippedAt: '2025-05-25T00:00:00Z',
      deliveredAt: '2025-05-28T00:00:00Z',
      address: { line1: '400 Broadway', city: 'Nashville', region: 'TN', postalCode: '37203', country: 'US' },
    },
  ],
};
const strongEvents = [
  {
    id: 'chk-in-1',
    subjectId: 'cand-strong',
    type: 'device-checkin',
    at: '2025-06-01T02:00:00Z',
    deviceId: 'mac-1',
    network: { country: 'CN', city: 'Dandong' },
  },
];

/** An honest candidate with only weak, noisy signals: a VoIP number, camera trouble, a low ask, night replies. */
const weak = {
  id: 'cand-weak',
  kind: 'applicant',
  appliedAt: '2025-05-20T00:00:00Z',
  identity: { names: [{ value: 'Maria Lopez', kind: 'legal' }], residence: { country: 'US', timeZone: 'America/Chicago' } },
  contacts: {
    phones: [{ number: '+13125550100', lineType: 'voip' }],
    emails: [{ address: 'maria.lopez.jobs@example.com', createdAt: '2025-05-15T00:00:00Z' }],
  },
  interviews: [
    { id: 'w-int-1', at: '2025-05-25T15:00:00Z', mode: 'video', requestedMode: 'video', outcome: 'held', cameraOn: false, flags: ['camera-excuse'] },
    { id: 'w-int-2', at: '2025-05-28T15:00:00Z', mode: 'audio', requestedMode: 'video', outcome: 'held' },
  ],
  compensation: { rateAsked: 40, marketRate: 100, currency: 'USD', period: 'hour' },
  profiles: [{ id: 'gh-w', platform: 'github', createdAt: '2022-01-01T00:00:00Z', earliestActivityAt: '2015-01-01T00:00:00Z' }],
  paymentRequests: [
    { id: 'rq-1', at: '2025-05-21T00:00:00Z', kind: 'advance' },
    { id: 'rq-2', at: '2025-05-22T00:00:00Z', kind: 'advance' },
  ],
};
const weakEvents = Array.from({ length: 12 }, (_, i) => ({
  id: `msg-${i + 1}`,
  subjectId: 'cand-weak',
  type: 'message',
  direction: 'from-subject',
  at: new Date(Date.UTC(2025, 4, i + 1, 7, 30)).toISOString(),
}));

describe('candidate scenario', () => {
  it('puts a candidate with several strong pre-hire signals in a high or critical band with the right top reasons', () => {
    const report = scorer.score(strong, { asOf, events: strongEvents });
    expect(['high', 'critical']).toContain(report.band);
    expect(report.score).toBeGreaterThanOrEqual(50);
    const top = report.reasons.slice(0, 4).map((r) => r.indicatorId);
    expect(top).toContain('identity/identity-belongs-to-other');
    expect(top).toContain('payment/payee-name-mismatch');
    expect(top).toContain('shipping/overseas-reship');
    const fired = report.indicators.filter((i) => i.status === 'fired').map((i) => i.indicatorId);
    expect(fired).toEqual(expect.arrayContaining(['shipping/address-mismatch', 'interview/video-avoidance', 'identity/claims-inconsistent']));
    // Neutral, candidate-facing wording never names the threat hypothesis.
    for (const reason of report.reasons) expect(reason.neutralReason).not.toMatch(/korea|dprk/i);
    const ship = report.findings.find((f) => f.indicatorId === 'shipping/address-mismatch');
    expect(ship?.message).toBe('Ship-to address of shipment ship-1 in Nashville, TN differs from the claimed residence in Atlanta, GA');
  });

  it('keeps a candidate with only weak signals below the high band, however many fire', () => {
    const report = scorer.score(weak, { asOf, events: weakEvents });
    const fired = report.indicators.filter((i) => i.status === 'fired').map((i) => i.indicatorId);
    expect(fired).toEqual(
      expect.arrayContaining([
        'contact/disposable-or-voip',
        'interview/video-avoidance',
        'payment/below-market-rate',
        'interview/availability-timezone-mismatch',
        'identity/footprint-fabricated',
        'payment/prepayment-pressure',
      ]),
    );
    expect(report.score).toBeLessThan(20);
    expect(report.band).toBe('low');
  });
});
