import { parseIsoTime } from '../records/isoTime';
import type { LinkKeyKind } from '../records/linkage';

/**
 * Kinds whose groups are split into periods of use (an IP address, a device, an MFA device):
 * their members' first and last times are compared as numbers.
 */
export function isWindowedKind(kind: LinkKeyKind): boolean {
  return kind === 'ip' || kind === 'device' || kind === 'mfa-device';
}

/**
 * Writes a member's period of use, unwidened, at `times[2i]` (start) and `times[2i + 1]` (end),
 * milliseconds: from `at` (none: the start of time), to `until`, else `at`, else the end of time.
 * The one reading of a member's times for the windows, whether from its texts or from the
 * numbers the key table held (which are what these texts parse to).
 */
export function writeMemberPeriod(at: string | undefined, until: string | undefined, times: Float64Array, i: number): void {
  const from = at !== undefined ? parseIsoTime(at) : -Infinity;
  times[2 * i] = from;
  times[2 * i + 1] = until !== undefined ? parseIsoTime(until) : at !== undefined ? from : Infinity;
}

/**
 * The periods of use of the members of groups the key table made (a windowed kind's), held on
 * the members array it returned, in its order, under a symbol of this module (not enumerable: no
 * JSON, spread, copy or deep comparison sees it), so the link index compares the event times the
 * table kept as numbers instead of parsing the texts it formatted. A copy of the list has none.
 */
const periodsKey = Symbol('member periods');

/** Records `times` (two per member, see {@link writeMemberPeriod}) as the periods of `members` (before it is frozen). */
export function setMemberPeriods(members: readonly unknown[], times: Float64Array): void {
  Object.defineProperty(members, periodsKey, { value: times });
}

/** The periods recorded for `members` (this very array), if any. */
export function memberPeriodsOf(members: readonly unknown[]): Float64Array | undefined {
  return (members as { readonly [periodsKey]?: Float64Array })[periodsKey];
}
