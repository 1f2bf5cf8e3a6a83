/**
 * Reference data used by the indicators: countries and calling codes, remote-access software,
 * IP-KVM hardware, technology release years and VPN providers. Pure data and pure functions only.
 *
 * @packageDocumentation
 */

export { countries, countryCentroid, callingCodeCountries, haversineKm } from './countries';
export type { CountryInfo, LatLon } from './countries';

export { remoteAccessTools, normalizeSoftwareName, matchRemoteAccessTool, matchSoftware } from './remoteAccessTools';
export type { RemoteAccessTool, RemoteAccessKind, SoftwareEntry } from './remoteAccessTools';
export { tunnelTools, matchTunnelTool } from './tunnelTools';
export type { TunnelTool, TunnelKind } from './tunnelTools';

export { ipKvmDevices, matchIpKvmDevice, normalizeUsbId } from './ipKvmDevices';
export type { IpKvmDevice, IpKvmDeviceKind, IpKvmIdentifier } from './ipKvmDevices';

export { technologyReleaseYears, findTechnology } from './technologyReleaseYears';
export type { TechnologyRelease } from './technologyReleaseYears';

export { vpnProvidersOfConcern, knownVpnProviders, matchVpnProvider } from './vpnProviders';
export type { VpnProvider } from './vpnProviders';
