/**
 * `redflags/kit`: the helpers the built-in indicators are written with, for authors of custom
 * indicators. The built-ins import these helpers from this entry and nothing else (besides the
 * indicator contract and the record schemas), so a custom indicator can be written as well as a
 * built-in. Pair it with `defineIndicator` from `redflags` (or `redflags/core`) and test with
 * `redflags/testing`. Every helper is pure, deterministic and independent of record order, as
 * the engine requires of an indicator; none reads the clock (pass `asOfMs` from the context).
 * Event times come from the view: `view.timeOf(event)` (parsed once by the engine).
 *
 * - Time: {@link HOUR_MS}, {@link DAY_MS}, {@link WEEK_MS}, {@link firstIndexAtOrAfter}, {@link firstIndexAtOrAfterTime},
 *   {@link densestWindow}, {@link utcDate}, {@link partialDateRange}, {@link round1}.
 * - Order: {@link compareText}, {@link sortedByTimeThenId}, {@link notAfter}, {@link groupEvents}.
 * - Time zones: {@link localHourIn}, {@link localTimeIn}, {@link inHourWindow},
 *   {@link localMinutesIn}, {@link hourOfLocalMinutes}, {@link dateOfLocalMinutes}.
 * - Columns shared per view (built once, read by index): {@link localClock} (local day, minute
 *   of day, weekday and offset of each event in a zone), {@link localClockColumns},
 *   {@link hourOfMinute}, {@link endTimes}.
 * - Names (folding and comparison): {@link foldName}, {@link normalizeName}, {@link compareNames},
 *   {@link nameScripts}, {@link normalizeIdentifier}, {@link normalizePersonName}.
 * - Addresses: {@link compareAddresses}, {@link formatPlace}, {@link normalizeStreet},
 *   {@link claimedResidenceCountry}.
 * - Declared context (exceptions, travel, offices): {@link exceptionsActiveAt},
 *   {@link exceptionsOverlapping}, {@link describeException}, {@link exceptionMitigations},
 *   {@link officeAt}, {@link officeAddressKeys}, {@link travelPeriods}.
 * - Network and places: {@link isAnonymized}, {@link locationOf}, {@link placeName},
 *   {@link isPublicIp}, {@link organisationEgress}, {@link organisationEgressOf},
 *   {@link haversineKm}, {@link callingCodeCountries}.
 * - Reference tables (shipped, documented lists): {@link matchRemoteAccessTool},
 *   {@link matchTunnelTool}, {@link matchIpKvmDevice}, {@link matchVpnProvider},
 *   {@link knownVpnProviders}, {@link vpnProvidersOfConcern}, {@link findTechnology}, {@link normalizeSoftwareName}.
 * - Software on devices: {@link softwareSightings}, {@link hasSoftwareData}, {@link softwareFields},
 *   {@link matchPopulationSoftware}, {@link matchViewSoftware}.
 * - Peripherals (USB devices and monitors): {@link peripheralSightings}, {@link peripheralFields}.
 * - Events: {@link isPersonActivity}, {@link isBehaviourActivity}, {@link activityIndex} (positions of
 *   the activity events, shared per view), {@link accountOf}, {@link meetsSeverity},
 *   {@link channelOf}, {@link jobBoardActivity}, {@link sortedInterviews}, {@link hasAccommodation}.
 * - Behaviour profiles (weekly measures against a baseline): {@link behaviourProfile}, {@link behaviourProfileOf},
 *   {@link measureValue}, {@link explainShift}.
 * - Source code and sensitive data: {@link pathMatches}, {@link organisationSensitiveTags},
 *   {@link normalizeTag}, {@link tenureStartMs}.
 * - Payments: {@link currentBankInstruction}, {@link describePayout}, {@link payoutDestinationKey}.
 * - Numbers: {@link saturate}, {@link addFinite}, {@link medianAndMad}, {@link sortedNumbers},
 *   {@link quantileSorted}, {@link medianSorted}, {@link quantileWithout}, {@link MAD_TO_SD}.
 * - Watchlists: {@link buildWatchlistIndex}, {@link defaultNameThreshold}.
 * - Text: {@link countOf}, {@link formatBytes}, {@link cutAtFirst}, {@link maxDomainLength},
 *   {@link docsLink}.
 * - Sources: {@link sources} and {@link cite}, the public sources the built-ins cite.
 *
 * @packageDocumentation
 */

export { DAY_MS, HOUR_MS, densestWindow, firstIndexAtOrAfter, firstIndexAtOrAfterTime, round1, utcDate } from './time';
export { partialDateRange } from '../records/partialDates';
export type { DateRange } from '../records/partialDates';
export { compareText, notAfter, sortedByTimeThenId } from './order';
export { GROUP_EVIDENCE_LIMIT, groupEvents } from './grouping';
export type { EventGroup } from './grouping';
export { dateOfLocalMinutes, hourOfLocalMinutes, inHourWindow, localHourIn, localMinutesIn, localTimeIn } from './timezone';
export type { LocalTime } from './timezone';
export { hourOfMinute, localClock, localClockColumns } from './localClock';
export type { LocalClockColumns } from './localClock';
export { endTimes } from './endTimes';
export { compareNames, foldName, nameScripts, normalizeName } from './names';
export type { NameComparison } from './names';
export { normalizeIdentifier, normalizePersonName } from '../linking/normalize';
export { claimedResidenceCountry, compareAddresses, formatPlace, normalizeStreet } from './address';
export type { AddressComparison, ClaimedResidenceCountry } from './address';
export { describeException, exceptionsActiveAt, exceptionsOverlapping, officeAddressKeys, officeAt } from './declared';
export type { DeclaredException, Office, TravelLeg } from './declared';
export { exceptionMitigations, explainShift } from './explained';
export { isAnonymized, isPublicIp, locationOf, organisationEgress, organisationEgressOf, placeName } from './network';
export type { LoginLocation } from './network';
export { callingCodeCountries, haversineKm } from '../data/countries';
export type { LatLon } from '../data/countries';
export { matchRemoteAccessTool, normalizeSoftwareName } from '../data/remoteAccessTools';
export type { RemoteAccessKind, RemoteAccessTool, SoftwareEntry } from '../data/remoteAccessTools';
export { matchTunnelTool } from '../data/tunnelTools';
export type { TunnelKind, TunnelTool } from '../data/tunnelTools';
export { matchIpKvmDevice } from '../data/ipKvmDevices';
export type { IpKvmDevice, IpKvmDeviceKind, IpKvmIdentifier } from '../data/ipKvmDevices';
export { knownVpnProviders, matchVpnProvider, vpnProvidersOfConcern } from '../data/vpnProviders';
export type { VpnProvider } from '../data/vpnProviders';
export { findTechnology } from '../data/technologyReleaseYears';
export type { TechnologyRelease } from '../data/technologyReleaseYears';
export { hasSoftwareData, matchPopulationSoftware, matchViewSoftware, softwareFields, softwareSightings } from './software';
export type { SoftwareSightings } from './software';
export { peripheralFields, peripheralSightings } from './peripherals';
export type { Peripheral, PeripheralSightings } from './peripherals';
export { accountOf, activityIndex, isBehaviourActivity, isPersonActivity } from './activity';
export type { ActivityIndex } from './activity';
export { meetsSeverity, severityLevels } from './security';
export type { SeverityLevel } from './security';
export { channelLabels, channelOf, exfiltrationCategories, formatBytes, jobBoardActivity } from './channels';
export type { Channel, WebCategory } from './channels';
export { hasAccommodation, sortedInterviews } from './interviews';
export { WEEK_MS, behaviourMeasures, behaviourProfile, behaviourProfileOf, collectionActions, measureLabels, measureValue, travelPeriods } from './behaviour';
export type { BehaviourMeasure, BehaviourProfile, BehaviourTotals, HoursSetting } from './behaviour';
export { defaultCiPatterns, organisationSensitiveTags, pathMatches, tenureStartMs } from './code';
export { defaultSensitiveTags, normalizeTag } from './tags';
export { currentBankInstruction, describePayout, payoutDestinationKey } from './payout';
export { addFinite, saturate } from './finite';
export { MAD_TO_SD, medianAndMad, medianSorted, quantileSorted, quantileWithout, sortedNumbers } from './robust';
export { buildWatchlistIndex } from '../watchlist/match';
export type { ScreenedKind, WatchlistIndex, WatchlistMatch } from '../watchlist/match';
export { defaultNameThreshold } from '../watchlist/names';
export { countOf } from '../text/plural';
export { cutAtFirst } from '../text/scan';
export { lookupTable } from '../util/lookupTable';
export { maxDomainLength } from '../watchlist/domains';
export { docsLink } from '../docsLink';
export { cite, sources } from './sources';
export type { SourceKey } from './sources';
