import { countryCentroid, type LatLon } from '../data/countries';
import { buildCidrSet, parseIp, type CidrSet } from '../records/ip';
import type { NetworkEnrichment } from '../records/events';
import type { Reference } from '../records/batchInput';

/**
 * True when the caller's enrichment says the egress hides the real location: VPN, proxy,
 * residential proxy, Tor or a hosting range. Such logins say nothing about where the person is,
 * so location indicators leave them out and `network/anonymizing-infrastructure` weighs them.
 */
export function isAnonymized(network: NetworkEnrichment | undefined): boolean {
  if (network === undefined) return false;
  return (
    network.isVpn === true ||
    network.isProxy === true ||
    network.isResidentialProxy === true ||
    network.isTor === true ||
    network.isHosting === true ||
    (network.vpnProvider !== undefined && network.vpnProvider.trim() !== '')
  );
}

/** Where a login came from and how precisely: caller coordinates first, else the country centroid. */
export interface LoginLocation {
  /** The point used for distances. */
  readonly point: LatLon;
  /** True when the point is a country centroid, not caller-supplied coordinates. */
  readonly centroid: boolean;
  /** Country code, when known. */
  readonly country?: string;
}

/** The best location for a login's egress, or undefined when enrichment gives none. */
export function locationOf(network: NetworkEnrichment | undefined): LoginLocation | undefined {
  if (network === undefined) return undefined;
  if (network.lat !== undefined && network.lon !== undefined) {
    return { point: { lat: network.lat, lon: network.lon }, centroid: false, ...(network.country !== undefined ? { country: network.country } : {}) };
  }
  if (network.country === undefined) return undefined;
  const point = countryCentroid(network.country);
  return point === undefined ? undefined : { point, centroid: true, country: network.country };
}

/** A readable place name for messages: "Dallas, US", "US" or "unknown location". */
export function placeName(network: NetworkEnrichment | undefined): string {
  if (network === undefined) return 'unknown location';
  const parts = [network.city, network.country].filter((p): p is string => p !== undefined && p !== '');
  return parts.length === 0 ? 'unknown location' : parts.join(', ');
}

/**
 * Ranges that are not reachable from the internet: private (RFC 1918, unique local fc00::/7),
 * carrier-grade NAT (100.64.0.0/10), loopback, link-local and unspecified.
 * Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) count as
 * public so that examples and tests read like real addresses.
 */
const nonPublicRanges = buildCidrSet(
  [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '0.0.0.0/8',
    '::1/128',
    '::/128',
    'fc00::/7',
    'fe80::/10',
  ].map((cidr) => ({ cidr, value: true })),
);

/** True when the text is an IP address on the public internet (not private, CGNAT, loopback or link-local). */
export function isPublicIp(text: string): boolean {
  const ip = parseIp(text);
  return ip !== undefined && nonPublicRanges.lookup(ip).length === 0;
}

/** The organisation's own egress: corporate egress ranges and office egress IPs, for look-ups. */
export function organisationEgress(reference: Reference): CidrSet<string> {
  const ranges: { cidr: string; value: string }[] = [];
  for (const cidr of reference.organisation?.corporateEgress ?? []) ranges.push({ cidr, value: 'corporate egress' });
  for (const o of reference.organisation?.offices ?? []) for (const cidr of o.egressIps ?? []) ranges.push({ cidr, value: `office ${o.name ?? o.id}` });
  return buildCidrSet(ranges);
}

/** What the organisation calls an address, or undefined when it is not its own egress. */
export function organisationEgressOf(egress: CidrSet<string>, text: string): string | undefined {
  const ip = parseIp(text);
  return ip === undefined ? undefined : egress.lookup(ip)[0];
}
