/**
 * `redflags/kit`: the helpers the built-in indicators are written with, for authors of custom
 * indicators. Pair it with `defineIndicator` from `redflags` (or `redflags/core`) and test with
 * `redflags/testing`. Every helper is pure, deterministic and independent of record order, as
 * the engine requires of an indicator; none reads the clock (pass `asOfMs` from the context).
 *
 * - Time: {@link HOUR_MS}, {@link DAY_MS}, {@link WEEK_MS}, {@link firstIndexAtOrAfter},
 *   {@link densestWindow}, {@link utcDate}, {@link partialDateRange}.
 * - Order: {@link compareText}, {@link sortedByTimeThenId}, {@link notAfter}.
 * - Time zones: {@link localHourIn}, {@link localTimeIn}, {@link inHourWindow}.
 * - Names: {@link foldName}, {@link compareNames}, {@link nameScripts}.
 * - Addresses: {@link compareAddresses}, {@link formatPlace}, {@link normalizeStreet},
 *   {@link claimedResidenceCountry}.
 * - Declared context (exceptions, travel, offices): {@link exceptionsActiveAt},
 *   {@link exceptionsOverlapping}, {@link describeException}, {@link exceptionMitigations}.
 * - Network: {@link isAnonymized}, {@link locationOf}, {@link placeName}, {@link isPublicIp}.
 * - Events: {@link isPersonActivity}, {@link accountOf}.
 * - Numbers: {@link saturate}, {@link addFinite}, {@link medianAndMad}, {@link sortedNumbers},
 *   {@link quantileSorted}, {@link medianSorted}.
 * - Sources: {@link sources} and {@link cite}, the public sources the built-ins cite.
 *
 * @packageDocumentation
 */

export { DAY_MS, HOUR_MS, densestWindow, firstIndexAtOrAfter, utcDate } from './time';
export { WEEK_MS } from './behaviour';
export { partialDateRange } from './dates';
export type { DateRange } from './dates';
export { compareText, notAfter, sortedByTimeThenId } from './order';
export { inHourWindow, localHourIn, localTimeIn } from './timezone';
export type { LocalTime } from './timezone';
export { compareNames, foldName, nameScripts } from './names';
export type { NameComparison } from './names';
export { claimedResidenceCountry, compareAddresses, formatPlace, normalizeStreet } from './address';
export type { AddressComparison, ClaimedResidenceCountry } from './address';
export { describeException, exceptionsActiveAt, exceptionsOverlapping } from './declared';
export type { DeclaredException, TravelLeg } from './declared';
export { exceptionMitigations } from './explained';
export { isAnonymized, isPublicIp, locationOf, placeName } from './network';
export type { LoginLocation } from './network';
export type { LatLon } from '../data/countries';
export { accountOf, isPersonActivity } from './activity';
export { addFinite, saturate } from './finite';
export { medianAndMad, medianSorted, quantileSorted, sortedNumbers } from './robust';
export { cite, sources } from './sources';
export type { SourceKey } from './sources';
