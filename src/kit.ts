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

export { DAY_MS, HOUR_MS, densestWindow, firstIndexAtOrAfter, utcDate } from './indicators/shared/time';
export { WEEK_MS } from './indicators/shared/behaviour';
export { partialDateRange } from './indicators/shared/dates';
export type { DateRange } from './indicators/shared/dates';
export { compareText, notAfter, sortedByTimeThenId } from './indicators/shared/order';
export { inHourWindow, localHourIn, localTimeIn } from './indicators/shared/timezone';
export type { LocalTime } from './indicators/shared/timezone';
export { compareNames, foldName, nameScripts } from './indicators/shared/names';
export type { NameComparison } from './indicators/shared/names';
export { claimedResidenceCountry, compareAddresses, formatPlace, normalizeStreet } from './indicators/shared/address';
export type { AddressComparison, ClaimedResidenceCountry } from './indicators/shared/address';
export { describeException, exceptionsActiveAt, exceptionsOverlapping } from './indicators/shared/declared';
export type { DeclaredException, TravelLeg } from './indicators/shared/declared';
export { exceptionMitigations } from './indicators/shared/explained';
export { isAnonymized, isPublicIp, locationOf, placeName } from './indicators/shared/network';
export type { LoginLocation } from './indicators/shared/network';
export type { LatLon } from './data/countries';
export { accountOf, isPersonActivity } from './indicators/shared/activity';
export { addFinite, saturate } from './indicators/shared/finite';
export { medianAndMad, medianSorted, quantileSorted, sortedNumbers } from './indicators/shared/robust';
export { cite, sources } from './indicators/shared/sources';
export type { SourceKey } from './indicators/shared/sources';
