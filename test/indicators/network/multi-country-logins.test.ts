import { describe, expect, it } from 'vitest';
import { multiCountryLogins } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 2, 3, 14);
const iso = (ms: number): string => new Date(ms).toISOString();
const login = (h: number, network: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'session',
  at: iso(T0 + h * HOUR),
  accountId: 'corp-1',
  network,
  ...extra,
});
const US = { country: 'US', city: 'Atlanta', lat: 33.75, lon: -84.39, asn: 7922 };
const DE = { country: 'DE', city: 'Berlin', lat: 52.52, lon: 13.4, asn: 3320 };
const CN = { country: 'CN', city: 'Shenyang', asn: 4837 };

const GB = { country: 'GB', city: 'London', lat: 51.51, lon: -0.13 };
const NL = { country: 'NL', city: 'Amsterdam', lat: 52.37, lon: 4.9 };
const roundTrip = [login(0, DE), login(4, GB), login(10, GB), login(16, NL), login(20, DE)];
const leg = (id: string, from: string, to: string, depart: number, arrive: number, via?: string[]) => ({
  id,
  from: { country: from },
  to: { country: to },
  ...(via !== undefined ? { via } : {}),
  depart: iso(T0 + depart * HOUR),
  arrive: iso(T0 + arrive * HOUR),
});

new IndicatorTester({ asOf: '2025-04-01T00:00:00Z' }).run(multiCountryLogins, {
  valid: [
    {
      name: 'a booked day trip to London with a layover in Amsterdam on the way back',
      subject: { travel: [leg('t1', 'DE', 'GB', 1, 3), leg('t2', 'GB', 'DE', 15, 19, ['NL'])] },
      events: roundTrip,
    },
    {
      name: 'a sign-in on landing, sooner than geolocation allows, during a booked leg',
      subject: { travel: [leg('t1', 'DE', 'GB', 0, 1)] },
      events: [login(0, DE), login(0.5, GB)],
    },
    { name: 'a home worker', events: [0, 8, 24, 32, 48].map((h) => login(h, US)) },
    {
      name: 'a traveller flies Atlanta to Berlin overnight',
      events: [login(0, US), login(3, US), login(14, DE), login(20, DE), login(40, DE)],
    },
    {
      name: 'a traveller signs in at home, at the connecting airport and at the destination in one day',
      events: [login(0, US), login(2, US), login(10, { country: 'GB', city: 'London', lat: 51.47, lon: -0.45 }), login(14, DE), login(20, DE)],
    },
    {
      name: 'an expat in Berlin on a VPN that exits in the US and UK',
      events: [
        login(0, DE),
        login(1, { country: 'US', isVpn: true, vpnProvider: 'NordVPN' }),
        login(2, DE),
        login(3, { country: 'GB', isVpn: true }),
        login(4, DE),
      ],
    },
    {
      name: 'two nearby countries in a short hop are within geolocation error',
      events: [login(0, { country: 'BE', city: 'Brussels', lat: 50.85, lon: 4.35 }), login(1, { country: 'NL', city: 'Amsterdam', lat: 52.37, lon: 4.9 })],
    },
    {
      name: 'neighbouring countries located only by centroids',
      events: [login(0, { country: 'US', city: 'Detroit' }), login(1, { country: 'CA', city: 'Windsor' }), login(2, { country: 'US' })],
    },
    {
      name: 'a precise point and a centroid of the same country',
      events: [login(0, { country: 'US', city: 'New York', lat: 40.71, lon: -74.01 }), login(1, { country: 'US' })],
    },
    { name: 'failed logins are not presence', events: [login(0, US), login(1, { ...CN }, { result: 'failure' }), login(2, US)] },
  ],
  invalid: [
    {
      name: 'the same round trip without a booking',
      events: roundTrip,
      findings: [{ messageId: 'manyCountries', data: { count: 3, countries: 'DE, GB, NL' } }],
    },
    {
      name: 'a booking that does not name the layover country explains only its own countries',
      subject: { travel: [leg('t1', 'DE', 'GB', 1, 3), leg('t2', 'GB', 'DE', 15, 19)] },
      events: roundTrip,
      findings: [{ messageId: 'manyCountries', data: { count: 3 } }],
    },
    {
      name: 'a booked trip does not explain sign-ins from the same countries a week later',
      subject: { travel: [leg('t1', 'DE', 'GB', 1 - 24 * 7, 3 - 24 * 7), leg('t2', 'GB', 'DE', 15 - 24 * 7, 19 - 24 * 7, ['NL'])] },
      events: roundTrip,
      findings: [{ messageId: 'manyCountries', data: { count: 3 } }],
    },
    {
      name: 'an unbooked jump faster than flight',
      events: [login(0, DE), login(0.5, GB)],
      findings: [{ messageId: 'impossibleTravel', data: { from: 'Berlin, DE', to: 'London, GB' } }],
    },
    {
      name: 'China then the US two hours later',
      events: [login(0, CN), login(2, US), login(30, CN)],
      findings: [
        {
          messageId: 'impossibleTravel',
          data: { account: 'corp-1', from: 'Shenyang, CN', to: 'Atlanta, US', count: 1 },
          evidence: ['e1', 'e2'],
          message: /Shenyang, CN.*Atlanta, US/,
          strength: [0.6, 0.8],
        },
      ],
    },
    {
      // The second login reports the first one's coordinates: the jump is timed from it (one hour
      // to Berlin), not from the first (eleven hours, an ordinary flight).
      name: 'a jump is timed from the latest login at the same place',
      events: [login(0, US), login(10, { ...US, city: 'Decatur' }), login(11, DE)],
      findings: [{ messageId: 'impossibleTravel', data: { from: 'Decatur, US', to: 'Berlin, DE', hours: 1, count: 1 }, evidence: ['e2', 'e3'] }],
    },
    {
      name: 'a login known only by its network between two far-apart logins hides no jump',
      events: [login(0, CN), login(1, { asn: 64500 }), login(2, US)],
      findings: [{ messageId: 'impossibleTravel', data: { from: 'Shenyang, CN', to: 'Atlanta, US', count: 1 }, evidence: ['e1', 'e3'] }],
    },
    {
      name: 'three countries in a day, coming back to one already left',
      events: [login(0, US), login(10, DE), login(20, { country: 'KR', lat: 37.56, lon: 126.98 }), login(23, DE)],
      findings: [
        { messageId: 'impossibleTravel', data: { from: 'KR', to: 'Berlin, DE' } },
        { messageId: 'manyCountries', data: { count: 3, countries: 'DE, KR, US' }, evidence: ['e1', 'e2', 'e3', 'e4'] },
      ],
    },
    {
      name: 'three countries in a day in one direction, when journeys are not exempt',
      events: [login(0, US), login(10, DE), login(20, { country: 'KR', lat: 37.56, lon: 126.98 })],
      options: { ignoreJourneys: false },
      findings: [{ messageId: 'manyCountries', data: { count: 3, countries: 'DE, KR, US' }, evidence: ['e1', 'e2', 'e3'] }],
    },
    {
      name: 'many networks in a day',
      events: [1, 2, 3, 4, 5].map((a, i) => login(i, { country: 'US', asn: 1000 + a })),
      findings: [{ messageId: 'manyNetworks', data: { count: 5 } }],
    },
    {
      name: 'VPN hops count when asked',
      events: [login(0, US), login(1, { country: 'JP', isVpn: true, lat: 35.68, lon: 139.69 })],
      options: { includeAnonymized: true },
      findings: [{ messageId: 'impossibleTravel', data: { to: 'JP' } }],
    },
  ],
  notEvaluated: [
    { name: 'no sessions', missing: ['events[type=session].network'] },
    { name: 'sessions without enrichment', events: [{ type: 'session', at: iso(T0) }] },
  ],
});

describe('network/multi-country-logins mitigation', () => {
  it('names the booked legs that explain the countries of a trip', () => {
    const { report } = evaluateCase(
      multiCountryLogins,
      { subject: { travel: [leg('t1', 'DE', 'GB', 1, 3), leg('t2', 'GB', 'DE', 15, 19, ['NL'])] }, events: roundTrip },
      { asOf: '2025-04-01T00:00:00Z' },
    );
    expect(report.findings).toEqual([]);
    expect(report.mitigations.map((m) => [m.messageId, m.effect, m.mitigatedBy.map((b) => `${b.field}:${b.recordId}`)])).toEqual([
      ['manyCountries', 'silenced', ['travel:t1', 'travel:t2']],
    ]);
  });

  it('names the leg that explains a jump faster than geolocation allows', () => {
    const { report } = evaluateCase(
      multiCountryLogins,
      { subject: { travel: [leg('t1', 'DE', 'GB', 0, 1)] }, events: [login(0, DE), login(0.5, GB)] },
      { asOf: '2025-04-01T00:00:00Z' },
    );
    expect(report.mitigations).toMatchObject([{ messageId: 'impossibleTravel', effect: 'silenced', mitigatedBy: [{ recordId: 't1', field: 'travel' }] }]);
  });
});
