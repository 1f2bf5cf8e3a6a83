import { countryCentroid, type LatLon } from '../../data/countries';
import type { NetworkEnrichment } from '../../records/events';

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
