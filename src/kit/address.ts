import type { Evidence } from '../contract/types';
import type { PostalAddress } from '../records/common';
import type { Subject } from '../records/subject';
import { normalizeName } from './names';
import { lookupTable } from '../util/lookupTable';

/**
 * Postal-address helpers for messages and comparisons. Addresses are compared field by field
 * (country, then city, postal code, street line), and only on fields both sides have, so a
 * sparse record never produces a mismatch it cannot show.
 *
 * @packageDocumentation
 */

/**
 * A short place name for messages: "Nashville, TN", "London, GB", "Atlanta, GA, US" when the
 * country differs from `omitCountry`, or the country alone. Never prints the street line, so
 * messages stay short and carry less personal data.
 *
 * @param omitCountry - Country left out of the text (e.g. when both places are in it).
 */
export function formatPlace(address: PostalAddress | undefined, omitCountry?: string): string {
  if (address === undefined) return 'an unknown place';
  const parts: string[] = [];
  if (address.city !== undefined && address.city.trim() !== '') parts.push(address.city.trim());
  if (address.region !== undefined && address.region.trim() !== '') parts.push(address.region.trim());
  if (address.country !== undefined && (address.country !== omitCountry || parts.length === 0)) parts.push(address.country);
  if (parts.length === 0 && address.postalCode !== undefined) parts.push(`postal code ${address.postalCode}`);
  return parts.length === 0 ? 'an unspecified place' : parts.join(', ');
}

const STREET_WORDS: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  drive: 'dr',
  boulevard: 'blvd',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  apartment: 'apt',
  suite: 'ste',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  highway: 'hwy',
  parkway: 'pkwy',
  terrace: 'ter',
});

/** Canonical street line: names normalised, common street words abbreviated, `#` and unit words dropped. */
export function normalizeStreet(line: string): string {
  return normalizeName(line.replace(/#/g, ' '))
    .split(' ')
    .map((w) => STREET_WORDS[w] ?? w)
    .filter((w) => w !== 'apt' && w !== 'ste' && w !== 'unit')
    .join(' ');
}

function normalisePostal(code: string, country: string | undefined): string {
  const c = code.replace(/[\s-]/g, '').toUpperCase();
  // US ZIP+4 and ZIP agree on their first five digits.
  return country === 'US' || /^\d{9}$/.test(c) ? c.slice(0, 5) : c;
}

/** The first field on which two addresses differ, or why they could not be compared. */
export type AddressComparison =
  { readonly result: 'same' } | { readonly result: 'different'; readonly field: 'country' | 'city' | 'postalCode' | 'line1' } | { readonly result: 'unknown' };

/**
 * Compares two addresses on the fields both give: country, city, postal code and street line
 * (line 2, the unit, is ignored: "Apt 4" is often left out). `unknown` when they share no field.
 */
export function compareAddresses(a: PostalAddress, b: PostalAddress): AddressComparison {
  let compared = false;
  if (a.country !== undefined && b.country !== undefined) {
    if (a.country !== b.country) return { result: 'different', field: 'country' };
    compared = true;
  }
  if (a.city !== undefined && b.city !== undefined) {
    if (normalizeName(a.city) !== normalizeName(b.city)) return { result: 'different', field: 'city' };
    compared = true;
  }
  const country = a.country ?? b.country;
  if (a.postalCode !== undefined && b.postalCode !== undefined) {
    if (normalisePostal(a.postalCode, country) !== normalisePostal(b.postalCode, country)) {
      return { result: 'different', field: 'postalCode' };
    }
    compared = true;
  }
  if (a.line1 !== undefined && b.line1 !== undefined) {
    if (normalizeStreet(a.line1) !== normalizeStreet(b.line1)) return { result: 'different', field: 'line1' };
    compared = true;
  }
  return compared ? { result: 'same' } : { result: 'unknown' };
}

/** The country a person claims to live in, with the evidence entry that names where it was read. */
export interface ClaimedResidenceCountry {
  /** ISO 3166-1 alpha-2 code. */
  readonly country: string;
  /** Points at `identity.residence.country`, or at the residence address when only that gives one. */
  readonly evidence: Evidence;
}

/**
 * The claimed residence country: `identity.residence.country`, else the country of the claimed
 * residence address. The only country indicators compare evidence with; never scored by itself.
 */
export function claimedResidenceCountry(subject: Subject): ClaimedResidenceCountry | undefined {
  const residence = subject.identity?.residence;
  const direct = residence?.country;
  const country = direct ?? residence?.address?.country;
  if (country === undefined) return undefined;
  const field = direct !== undefined ? 'identity.residence.country' : 'identity.residence.address.country';
  return { country, evidence: { recordId: subject.id, field, value: country, note: 'claimed residence' } };
}
