import { partialDateRange } from '../records/partialDates';
import type { Subject } from '../records/subject';
import type { Watchlist } from '../records/watchlist';

/**
 * What a date after `asOf` does to the fact that carries it.
 * - `fact`: the object holding the date is left out (an interview held later, a payout
 *   instruction given later); when that object is an array element, the element goes.
 * - `field`: only the date field goes (a delivery reported later: the shipment stays, undelivered).
 * - `kept`: the date does not say when the fact became known (see `why`).
 */
export type DatedFieldRule = { readonly cut: 'fact' } | { readonly cut: 'field' } | { readonly cut: 'kept'; readonly why: string };

const fact: DatedFieldRule = { cut: 'fact' };
const field: DatedFieldRule = { cut: 'field' };
const claimedEnd: DatedFieldRule = { cut: 'kept', why: 'the end of a claimed period; the entry is dated by its start' };

/**
 * Every date-time and partial-date field of the subject record, by path (`[]` marks an array),
 * and what a value after `asOf` does. A date-time is after `asOf` when its instant is; a partial
 * date (`2025`, `2025-06`) when its first day is. A test walks the subject schema and fails on a
 * dated field missing here, so a new field is never read past `asOf` by accident.
 */
export const datedSubjectFields: Readonly<Record<string, DatedFieldRule>> = {
  appliedAt: field,
  offerAt: field,
  hiredAt: field,
  'identity.names[].observedAt': fact,
  'identity.dateOfBirth': { cut: 'kept', why: 'a birth date, not the date a fact became known' },
  'contacts.emails[].createdAt': fact,
  'contacts.phones[].createdAt': fact,
  'documents[].dateOfBirth': { cut: 'kept', why: 'a birth date printed on the document' },
  'documents[].verification.checkedAt': fact,
  'identityChecks[].at': fact,
  'verifications[].at': fact,
  'photos[].capturedAt': fact,
  'education[].start': fact,
  'education[].end': claimedEnd,
  'employment[].start': fact,
  'employment[].end': claimedEnd,
  'skills[].since': fact,
  'profiles[].createdAt': fact,
  'profiles[].observedAt': fact,
  'profiles[].earliestActivityAt': field,
  'profiles[].previousHandles[].changedAt': fact,
  'interviews[].at': fact,
  'availability[].from': { cut: 'kept', why: 'offered slots lie in the future of the offer, which carries no date' },
  'availability[].to': { cut: 'kept', why: 'offered slots lie in the future of the offer, which carries no date' },
  'paymentInstructions[].at': fact,
  'paymentRequests[].at': fact,
  'shipments[].shippedAt': fact,
  'shipments[].deliveredAt': field,
  'shipments[].changeRequests[].at': fact,
  'engagements[].start': fact,
  'engagements[].end': claimedEnd,
  'workArrangementRequests[].at': fact,
  'lifecycle.statusAt': fact,
  'lifecycle.startDate': field,
  'lifecycle.noticeDate': field,
  'lifecycle.endDate': { cut: 'kept', why: 'a planned end, known from the notice; the notice date is cut' },
  'accounts[].createdAt': fact,
  'accounts[].disabledAt': field,
  'rosterChanges[].effectiveDate': fact,
  'exceptions[].approvedAt': fact,
  'exceptions[].validFrom': { cut: 'kept', why: 'a validity window may start after approval; the exception is dated by approvedAt' },
  'exceptions[].validUntil': { cut: 'kept', why: 'a validity window ends in the future of its approval' },
  'travel[].bookedAt': fact,
  'travel[].depart': { cut: 'kept', why: 'a booked trip lies in the future of its booking; the trip is dated by bookedAt' },
  'travel[].arrive': { cut: 'kept', why: 'a booked trip lies in the future of its booking; the trip is dated by bookedAt' },
  'behaviourBaseline.from': { cut: 'kept', why: 'the start of the history summarised; the summary is dated by its end' },
  'behaviourBaseline.through': fact,
  'relationships[].declaredAt': fact,
  'notes[].at': fact,
  'backgroundChecks[].orderedAt': fact,
  'backgroundChecks[].completedAt': fact,
  'backgroundChecks[].addressHistory[].from': fact,
  'backgroundChecks[].addressHistory[].to': claimedEnd,
  'employmentVerifications[].completedAt': fact,
  'employmentVerifications[].concurrentEmployers[].start': fact,
  'employmentVerifications[].concurrentEmployers[].end': claimedEnd,
  'workAuthorizations[].checkedAt': fact,
  'documents[].verification.overrides[].at': fact,
  'photos[].checkedAt': fact,
  'profiles[].locationChanges[].changedAt': fact,
  'profiles[].authenticityReview.reviewedAt': fact,
  'profiles[].deletedAt': field,
  'engagements[].disclosedAt': field,
  'engagements[].conflictReview.reviewedAt': fact,
};

interface Child {
  readonly key: string;
  readonly array: boolean;
  readonly node: Node | undefined;
  readonly rule: DatedFieldRule | undefined;
}

/** A node's children as a list: walked once per subject, where a Map's entry iterator allocates a pair per child. */
interface Node {
  readonly children: Child[];
}

function compile(rules: Readonly<Record<string, DatedFieldRule>>): Node {
  const root: Node = { children: [] };
  for (const [path, rule] of Object.entries(rules)) {
    if (rule.cut === 'kept') continue;
    const segments = path.split('.');
    let node = root;
    segments.forEach((segment, i) => {
      const array = segment.endsWith('[]');
      const key = array ? segment.slice(0, -2) : segment;
      const last = i === segments.length - 1;
      // A key seen before keeps its place, as a Map's would.
      let at = node.children.findIndex((c) => c.key === key);
      if (at < 0) at = node.children.length;
      if (last) {
        node.children[at] = { key, array: false, node: undefined, rule };
        return;
      }
      const child = node.children[at]?.node ?? { children: [] };
      node.children[at] = { key, array, node: child, rule: undefined };
      node = child;
    });
  }
  return root;
}

const subjectCuts = compile(datedSubjectFields);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a date-time or partial date lies after `asOfMs`; undated or unreadable values are not. */
export function isAfterAsOf(value: unknown, asOfMs: number): boolean {
  if (typeof value !== 'string') return false;
  const t = value.length <= 10 ? partialDateRange(value)?.earliest : Date.parse(value);
  return t !== undefined && t > asOfMs;
}

/**
 * `items`, each replaced by `cut(item)` and those cut to undefined left out: the same array when
 * nothing changed (so unchanged records are not copied), a frozen copy otherwise.
 */
function cutList<T>(items: readonly T[], cut: (item: T) => T | undefined): readonly T[] {
  let kept: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const next = cut(item);
    if (kept === undefined) {
      if (next === item) continue;
      kept = items.slice(0, i);
    }
    if (next !== undefined) kept.push(next);
  }
  return kept === undefined ? items : Object.freeze(kept);
}

/** `object` without the facts dated after `asOfMs`: itself when nothing changes, a copy otherwise, undefined when the object itself is a later fact. */
function cutObject(object: Record<string, unknown>, node: Node, asOfMs: number): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const child of node.children) {
    const key = child.key;
    if (!Object.hasOwn(object, key)) continue;
    const value = object[key];
    let next: unknown = value;
    if (child.rule !== undefined) {
      if (!isAfterAsOf(value, asOfMs)) continue;
      if (child.rule.cut === 'fact') return undefined;
      next = undefined;
    } else if (child.array) {
      if (!Array.isArray(value)) continue;
      const kept = cutList(value as unknown[], (item) => (isObject(item) ? cutObject(item, child.node as Node, asOfMs) : item));
      if (kept === value) continue;
      // An array emptied by the cut is no data, as if the facts had never been given.
      next = kept.length > 0 ? kept : undefined;
    } else if (isObject(value)) {
      next = cutObject(value, child.node as Node, asOfMs);
      if (next === value) continue;
    } else continue;
    out ??= { ...object };
    if (next === undefined) delete out[key];
    else out[key] = next;
  }
  // Copies are frozen like the validated records they replace: no indicator may change them.
  return out !== undefined ? Object.freeze(out) : object;
}

/**
 * The subject as it stood at `asOfMs`: every fact dated later is left out, as
 * {@link datedSubjectFields} says. Done once per subject by the engine before any indicator runs,
 * so no indicator can read a later fact. Linear in the subject's dated facts; the input is never
 * changed, and a subject with nothing to cut is returned as is.
 */
export function subjectAsOf(subject: Subject, asOfMs: number): Subject {
  return (cutObject(subject as Record<string, unknown>, subjectCuts, asOfMs) ?? subject) as Subject;
}

/**
 * The watchlists as they stood at `asOfMs`: a list published later is left out, and so is an
 * entry listed later (`listedAt`).
 */
export function watchlistsAsOf(watchlists: readonly Watchlist[], asOfMs: number): readonly Watchlist[] {
  const cut = cutList(watchlists, (list) => {
    if (isAfterAsOf(list.publishedAt, asOfMs)) return undefined;
    const entries = cutList(list.entries, (entry) => (isAfterAsOf(entry.listedAt, asOfMs) ? undefined : entry));
    return entries === list.entries ? list : (Object.freeze({ ...list, entries }) as Watchlist);
  });
  return Object.isFrozen(cut) ? cut : Object.freeze([...cut]);
}
