import { describe, expect, it } from 'vitest';
import { anonymizingInfrastructure } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 3, 14);
const iso = (ms: number): string => new Date(ms).toISOString();
const days = (n: number, network: Record<string, unknown>, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ type: 'session', at: iso(T0 + (from + i) * DAY), network }));
const HOME = { country: 'US', asn: 7922 };

const ASTRILL = { country: 'US', city: 'Dallas', isVpn: true, vpnProvider: 'Astrill VPN' };
const astrillException = (validFrom: string, validUntil: string) => ({
  exceptions: [
    {
      id: 'x1',
      kind: 'vpn',
      scope: { provider: 'Astrill' },
      approvedBy: 'it-security',
      validFrom,
      validUntil,
      documentation: { kind: 'ticket', reference: 'SEC-42' },
    },
  ],
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(anonymizingInfrastructure, {
  valid: [
    { name: 'home broadband only', events: days(20, HOME) },
    { name: 'a traveller on hotel-wifi VPN twice', events: [...days(18, HOME), ...days(2, { country: 'FR', isVpn: true, vpnProvider: 'NordVPN' }, 18)] },
    {
      name: 'an expat on the approved corporate VPN',
      events: days(20, { country: 'US', isVpn: true, vpnProvider: 'Zscaler' }),
      options: { approvedProviders: ['Zscaler'] },
    },
    {
      name: 'an expat with a documented Astrill exception covering the window',
      subject: astrillException('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'),
      events: days(20, ASTRILL),
    },
    {
      name: 'a VPN client the organisation approves in its reference tables',
      events: days(20, { country: 'US', isVpn: true, vpnProvider: 'NordVPN' }),
      reference: { organisation: { approvedVpnProviders: ['NordVPN'] } },
    },
  ],
  invalid: [
    {
      name: 'a documented Astrill exception does not cover sign-ins after its window',
      subject: astrillException('2025-03-01T00:00:00Z', '2025-03-10T00:00:00Z'),
      events: days(12, ASTRILL),
      findings: [
        { messageId: 'providerOfConcern', data: { count: 5 } },
        { messageId: 'anonymized', data: { count: 5, total: 5 } },
      ],
    },
    {
      name: 'a documented Astrill exception does not cover another provider',
      subject: astrillException('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'),
      events: days(20, { country: 'US', isVpn: true, vpnProvider: 'ExpressVPN' }),
      findings: [{ messageId: 'anonymized', data: { kinds: 'VPN', share: 100 } }],
    },
    {
      name: 'Astrill egress',
      events: [...days(10, HOME), ...days(4, { country: 'US', city: 'Dallas', isVpn: true, vpnProvider: 'Astrill VPN' }, 10)],
      findings: [
        { messageId: 'providerOfConcern', data: { count: 4, provider: 'Astrill VPN', place: 'Dallas, US' }, evidence: ['e11'], strength: 0.75 },
        { messageId: 'anonymized', data: { count: 4, total: 14 } },
      ],
    },
    {
      name: 'Astrill recognised from the ASN organisation',
      events: days(1, { country: 'US', asnOrg: 'Astrill Systems Corp' }),
      findings: [{ messageId: 'providerOfConcern', data: { count: 1 } }],
    },
    {
      name: 'an expat whose every sign-in is through a consumer VPN fires weakly',
      events: days(20, { country: 'US', isVpn: true, vpnProvider: 'ExpressVPN' }),
      findings: [{ messageId: 'anonymized', strength: 0.5, data: { share: 100, kinds: 'VPN' } }],
    },
    {
      name: 'a caller-defined provider of concern',
      events: days(2, { country: 'US', isVpn: true, vpnProvider: 'ShadyNet' }),
      options: { providersOfConcern: ['Astrill', 'ShadyNet'] },
      findings: [{ messageId: 'providerOfConcern', data: { provider: 'ShadyNet' } }],
    },
    {
      name: 'Tor',
      events: [...days(5, HOME), ...days(5, { isTor: true }, 5)],
      findings: [{ messageId: 'anonymized', data: { kinds: 'tor' }, strength: [0.7, 0.8] }],
    },
  ],
  notEvaluated: [{ name: 'no enrichment', events: [{ type: 'session', at: iso(T0) }], missing: ['events[type=session].network'] }],
});

describe('network/anonymizing-infrastructure mitigation', () => {
  it('shows the documented exception as what silenced the Astrill sign-ins', () => {
    const { report } = evaluateCase(
      anonymizingInfrastructure,
      { subject: astrillException('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'), events: days(20, ASTRILL) },
      { asOf: '2025-06-01T00:00:00Z' },
    );
    expect(report.findings).toEqual([]);
    expect(report.mitigations).toMatchObject([
      {
        messageId: 'providerOfConcern',
        effect: 'silenced',
        mitigatedBy: [{ recordId: 'x1', field: 'exceptions', explains: expect.stringMatching(/approved by it-security.*SEC-42.*Astrill/) }],
      },
    ]);
    expect(report.mitigations[0]?.message).toMatch(/^20 sign-ins came through Astrill/);
  });
});

describe('network/anonymizing-infrastructure remembered provider answers', () => {
  // The indicator remembers each provider name's match per option list, with one cap over all
  // lists' answers (4,096): past the cap it starts afresh. 5,000 distinct names cross it.
  const relays = Array.from({ length: 5_000 }, (_, i) => ({ country: 'US', isVpn: true, vpnProvider: `Relay ${i.toString(36)}x` }));
  const sessions = (list: readonly Record<string, unknown>[]) => list.map((network, i) => ({ type: 'session', at: iso(T0 + i * 60_000), network }));
  const QUOKKA = { country: 'US', isVpn: true, vpnProvider: 'Quokka Net' };
  const providerCounts = (options: Record<string, unknown>) => {
    const { report } = evaluateCase(
      anonymizingInfrastructure,
      { events: sessions([QUOKKA, ...relays, ASTRILL, ASTRILL, QUOKKA]), options },
      { asOf: '2025-06-01T00:00:00Z' },
    );
    return report.findings.filter((f) => f.messageId === 'providerOfConcern').map((f) => [f.data.provider, f.data.count]);
  };

  it('still matches the providers of concern after more distinct names than it remembers', () => {
    expect(providerCounts({})).toEqual([['Astrill VPN', 2]]);
  });

  it('keeps the answers of one option list apart from another', () => {
    expect(providerCounts({})).toEqual([['Astrill VPN', 2]]);
    const both = providerCounts({ providersOfConcern: ['Astrill', 'Quokka Net'] });
    expect(both).toHaveLength(2);
    expect(Object.fromEntries(both)).toEqual({ 'Astrill VPN': 2, 'Quokka Net': 2 });
    expect(providerCounts({})).toEqual([['Astrill VPN', 2]]);
  });
});
