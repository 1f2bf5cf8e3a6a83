import { describe, expect, it } from 'vitest';
import { knownVpnProviders, matchVpnProvider, vpnProvidersOfConcern } from '../../src/data/vpnProviders';

describe('VPN provider lists', () => {
  it('lists Astrill as the default provider of concern', () => {
    expect(vpnProvidersOfConcern.map((p) => p.id)).toEqual(['astrill']);
  });

  it('includes Astrill and the major consumer brands in the broad list', () => {
    const ids = new Set(knownVpnProviders.map((p) => p.id));
    for (const id of ['astrill', 'nordvpn', 'expressvpn', 'surfshark', 'protonvpn', 'mullvad', 'private-internet-access']) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(new Set(knownVpnProviders.map((p) => p.id)).size).toBe(knownVpnProviders.length);
  });
});

describe('matchVpnProvider', () => {
  it.each(['astrill', 'AstrillVPN', 'Astrill VPN', 'ASTRILL', 'Astrill Systems Corp.'])('finds Astrill in %j', (s) => {
    expect(matchVpnProvider(s, vpnProvidersOfConcern)?.id).toBe('astrill');
  });

  it('defaults to the broad list', () => {
    expect(matchVpnProvider('NordVPN')?.id).toBe('nordvpn');
    expect(matchVpnProvider('ExpressVPN 12.5 (64-bit)')?.id).toBe('expressvpn');
    expect(matchVpnProvider('Private Internet Access, Inc.')?.id).toBe('private-internet-access');
    expect(matchVpnProvider('PIA')?.id).toBe('private-internet-access');
  });

  it('does not flag other providers when asked only about providers of concern', () => {
    expect(matchVpnProvider('NordVPN', vpnProvidersOfConcern)).toBeUndefined();
  });

  it.each(['Proton Mail', 'Pianist Inc', 'Lantern Networks', 'M247 Ltd', 'Amazon.com, Inc.', ''])('does not match %j', (s) => {
    expect(matchVpnProvider(s)).toBeUndefined();
  });
});
