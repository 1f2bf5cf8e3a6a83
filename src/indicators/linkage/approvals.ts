import type { SubjectView } from '../../contract/types';
import { compareText, firstIndexAtOrAfterTime, normalizeIdentifier } from '../../kit';
import { parseIsoTime } from '../../records/isoTime';
import type { ActivityEvent } from '../../records/events';
import { HashTable64 } from '../../engine/hashTable64';
import { ShardedMap } from '../../engine/shardedMap';
import { packRows, unpackRows } from '../../linking/packedRows';

/** One use of an authenticator: a sign-in it approved, or its registration on an account. */
export interface AuthenticatorUse {
  /** The subject whose sign-in or account it was. */
  readonly subjectId: string;
  /** The session or registration event. */
  readonly recordId: string;
  /** When: the approval time (`mfa.approvedAt`, else the sign-in time) or the registration time, ISO 8601. */
  readonly at: string;
  /** Field of the event the authenticator came from. */
  readonly field: string;
}

/** The two uses of one authenticator by different subjects that lie closest in time. */
export interface ClosestCrossSubjectUse {
  /** Milliseconds between them. */
  readonly gapMs: number;
  /** The earlier use. */
  readonly first: AuthenticatorUse;
  /** The later use, by another subject. */
  readonly second: AuthenticatorUse;
}

/** The fields a use is read from, by their code in {@link authenticatorUseRows}. */
const useFields = ['mfa.authenticatorId', 'mfaDeviceId', 'authenticatorId'] as const;

/** A use's time as milliseconds when `toISOString` gives the text back exactly, else the text (shown as written). */
function useTimeCode(text: string): string | number {
  const ms = Date.parse(text);
  return Number.isFinite(ms) && new Date(ms).toISOString() === text ? ms : text;
}

/**
 * Calls `visit` for each authenticator use among a subject's events, in event order: the
 * normalised raw authenticator id, the field's code (0 `mfa.authenticatorId`, 1 `mfaDeviceId`, 2
 * `authenticatorId`), the event id and the time as written (approval time, else sign-in time, or
 * the registration time). Successful sessions and registrations only.
 */
export function forEachAuthenticatorUse(events: readonly ActivityEvent[], visit: (key: string, field: number, recordId: string, at: string) => void): void {
  // A blank id is no authenticator.
  const use = (id: string | undefined, field: number, recordId: string, at: string): void => {
    const key = id === undefined ? undefined : normalizeIdentifier(id);
    if (key !== undefined) visit(key, field, recordId, at);
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'session' && e.result !== 'failure') {
      const at = e.mfa?.approvedAt ?? e.at;
      // Both ids give link keys (as in extractLinkKeys); one id named twice counts once.
      if (e.mfa?.authenticatorId !== undefined) use(e.mfa.authenticatorId, 0, e.id, at);
      if (e.mfaDeviceId !== undefined && normalizeIdentifier(e.mfaDeviceId) !== normalizeIdentifier(e.mfa?.authenticatorId ?? '')) {
        use(e.mfaDeviceId, 1, e.id, at);
      }
    } else if (e.type === 'authenticator-registration' && e.action === 'registered' && e.authenticatorId !== undefined) {
      use(e.authenticatorId, 2, e.id, e.at);
    }
  }
}

/**
 * One subject's authenticator uses as plain data for a summary, grouped by authenticator and
 * field: per group the normalised raw authenticator id, the field's code (see
 * {@link forEachAuthenticatorUse}) and the number of uses, then per use the event id and the
 * time (milliseconds when `toISOString` gives the text back, else the text). A subject approving
 * 60 sign-ins with one phone writes the phone's id once, not 60 times.
 */
export function authenticatorUseRows(events: readonly ActivityEvent[]): (string | number)[] {
  // Per authenticator, a list per field code of event ids and times; groups in the order first met.
  const groups = new Map<string, (string | number)[][]>();
  forEachAuthenticatorUse(events, (key, field, recordId, at) => {
    let byField = groups.get(key);
    if (byField === undefined) {
      byField = [];
      groups.set(key, byField);
    }
    let list = byField[field];
    if (list === undefined) {
      list = [];
      byField[field] = list;
    }
    list.push(recordId, useTimeCode(at));
  });
  const out: (string | number)[] = [];
  for (const [key, byField] of groups) {
    byField.forEach((list, field) => {
      out.push(key, field, list.length / 2);
      for (const x of list) out.push(x);
    });
  }
  return out;
}

/**
 * A subject's {@link authenticatorUseRows} as the summary holds them: one JSON text (`packRows`),
 * one string a subject instead of an array of ids and boxed times, read back in `combine`.
 */
export function packAuthenticatorUses(rows: readonly (string | number)[]): string {
  return packRows(rows);
}

/** Calls `visit` for each group of a subject's use rows (start of its uses, their number, its field). */
function forEachUseGroup(subjectId: string, rows: readonly unknown[], visit: (key: string, field: string, from: number, count: number) => void): void {
  for (let i = 0; i < rows.length;) {
    const [key, code, count] = [rows[i], rows[i + 1], rows[i + 2]];
    const field = typeof code === 'number' ? useFields[code] : undefined;
    if (
      typeof key !== 'string' ||
      field === undefined ||
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 1 ||
      i + 3 + 2 * count > rows.length
    ) {
      throw new TypeError(`authenticator uses of subject "${subjectId}" at entry ${i} are not [authenticator, field, count, (record, time) x count]`);
    }
    visit(key, field, i + 3, count);
    i += 3 + 2 * count;
  }
}

/** A use while the closest pairs are sought: its time as milliseconds and as the summary gave it. */
interface Use {
  readonly t: number;
  readonly time: string | number;
  readonly subjectId: string;
  readonly recordId: string;
  readonly field: string;
}

function useOf(u: Use): AuthenticatorUse {
  return { subjectId: u.subjectId, recordId: u.recordId, at: typeof u.time === 'number' ? new Date(u.time).toISOString() : u.time, field: u.field };
}

/**
 * Every authenticator use of a population, subject by subject: `visit` gets the subject's ordinal
 * and id, the normalised authenticator id, the field, the event id and the time (milliseconds or
 * text, as a summary holds it). Called twice by {@link closestUsesOf}: the same uses in the same
 * order each time.
 */
export type AuthenticatorUses = (
  visit: (subject: number, subjectId: string, key: string, field: string, recordId: string, time: string | number) => void,
) => void;

/** The subject index of an authenticator two or more subjects use (subject ordinals stay below it). */
const SHARED_USER = 0xffffffff;

/**
 * For every authenticator two or more subjects use, the closest pair of uses by different
 * subjects, keyed by the normalised raw id. A first pass notes per 64-bit hash of the id its first
 * subject, or that two use it ({@link HashTable64}: 16 to 32 bytes an authenticator, no text
 * kept); the second makes objects only for the uses of ids whose hash two subjects share, grouped
 * by the id itself, so a hash collision never pairs two authenticators (a group of one subject
 * gives no pair). Each such authenticator's uses are sorted once and swept once: the closest pair
 * of uses by different subjects is always adjacent in time order (any use between them is closer
 * to one of the two), so no pairs are compared. Linear in the uses, after the sort; independent of
 * the order of subjects.
 */
export function closestUsesOf(uses: AuthenticatorUses): ReadonlyMap<string, ClosestCrossSubjectUse> {
  const hash = new Uint32Array(2);
  const firstUser = new HashTable64();
  uses((subject, _subjectId, key) => {
    HashTable64.hashInto(key, hash);
    const first = firstUser.setIfAbsent(hash[0] as number, hash[1] as number, subject);
    if (first !== undefined && first !== subject && first !== SHARED_USER) firstUser.set(hash[0] as number, hash[1] as number, SHARED_USER);
  });
  const shared = new ShardedMap<string, Use[]>();
  uses((_subject, subjectId, key, field, recordId, time) => {
    HashTable64.hashInto(key, hash);
    if (firstUser.get(hash[0] as number, hash[1] as number) !== SHARED_USER) return;
    let entries = shared.get(key);
    if (entries === undefined) {
      entries = [];
      shared.set(key, entries);
    }
    entries.push({ t: typeof time === 'number' ? time : Date.parse(time), time, subjectId, recordId, field });
  });
  const out = new ShardedMap<string, ClosestCrossSubjectUse>();
  for (const [key, entries] of shared) {
    // Ties broken by subject, record and field, so the result does not depend on input order.
    entries.sort((a, b) => a.t - b.t || compareText(a.subjectId, b.subjectId) || compareText(a.recordId, b.recordId) || compareText(a.field, b.field));
    let best: { gapMs: number; first: Use; second: Use } | undefined;
    for (let i = 1; i < entries.length; i++) {
      const a = entries[i - 1] as Use;
      const b = entries[i] as Use;
      if (a.subjectId === b.subjectId) continue;
      const gapMs = b.t - a.t;
      if (best === undefined || gapMs < best.gapMs) best = { gapMs, first: a, second: b };
    }
    // Only the two uses reported get their time as text.
    if (best !== undefined) out.set(key, { gapMs: best.gapMs, first: useOf(best.first), second: useOf(best.second) });
  }
  return out;
}

/**
 * {@link closestUsesOf} from every subject's {@link authenticatorUseRows} (as an array or its
 * JSON text): the summaries' form. A subject's rows are unpacked once per pass.
 * @throws {TypeError} when a subject's rows are not of that shape (summaries may come from another process).
 */
export function closestCrossSubjectUses(
  subjects: Iterable<{ readonly subjectId: string; readonly rows: readonly unknown[] | string }>,
): ReadonlyMap<string, ClosestCrossSubjectUse> {
  const list = Array.from(subjects);
  return closestUsesOf((visit) =>
    list.forEach(({ subjectId, rows: given }, s) => {
      const rows = unpackRows(given, 'authenticator uses', subjectId);
      forEachUseGroup(subjectId, rows, (key, field, from, count) => {
        for (let i = from; i < from + 2 * count; i += 2) {
          const [recordId, time] = [rows[i], rows[i + 1]];
          if (typeof recordId !== 'string' || (typeof time !== 'number' && typeof time !== 'string')) {
            throw new TypeError(`authenticator use at entry ${i} of subject "${subjectId}" is not [record, time]`);
          }
          visit(s, subjectId, key, field, recordId, time);
        }
      });
    }),
  );
}

/**
 * {@link closestUsesOf} straight from the subjects' events (each subject's events up to `asOf`),
 * read twice: the whole batch's form, no rows per subject. The same result as
 * {@link closestCrossSubjectUses} over the subjects' {@link authenticatorUseRows}.
 */
export function closestCrossSubjectUsesOfEvents(
  forEachSubject: (visit: (subjectId: string, events: readonly ActivityEvent[]) => void) => void,
): ReadonlyMap<string, ClosestCrossSubjectUse> {
  return closestUsesOf((visit) => {
    let s = 0;
    forEachSubject((subjectId, events) => {
      const subject = s++;
      forEachAuthenticatorUse(events, (key, field, recordId, at) => visit(subject, subjectId, key, useFields[field] as string, recordId, at));
    });
  });
}

/**
 * The subject's own event a link member names, or undefined when it is not among `view`'s events.
 * Found by the member's time in the view's time column and then by id among the events of that
 * instant: O(log n) for the members the scorer's link index makes (each names the first event of
 * its key, at that event's time). A member whose time is absent or names no event of its instant
 * (a key grouped outside, its time written another way) is looked up in `eventsById`, a map of the
 * view's events by id the caller builds once per view on first need, so a subject with many such
 * members costs one map, not a scan per member.
 */
export function memberEvent(
  view: SubjectView,
  member: { readonly recordId: string; readonly at?: string },
  eventsById: () => ReadonlyMap<string, ActivityEvent>,
): ActivityEvent | undefined {
  const t = member.at !== undefined ? parseIsoTime(member.at) : NaN;
  if (t === t) {
    const events = view.events;
    const times = view.eventTimes();
    for (let i = firstIndexAtOrAfterTime(times, t); i < times.length && times[i] === t; i++) {
      const e = events[i] as ActivityEvent;
      if (e.id === member.recordId) return e;
    }
  }
  return eventsById().get(member.recordId);
}

/**
 * The normalised raw authenticator id behind a link member: read from the subject's own event the
 * member names ({@link memberEvent}), so links built from pseudonymised, externally grouped keys
 * find the same entry as links built in memory. Undefined when the event is not among the
 * subject's events.
 */
export function authenticatorOfMember(
  view: SubjectView,
  member: { readonly recordId: string; readonly field: string; readonly at?: string },
  eventsById: () => ReadonlyMap<string, ActivityEvent>,
): string | undefined {
  const e = memberEvent(view, member, eventsById);
  if (e === undefined) return undefined;
  let raw: string | undefined;
  if (e.type === 'session') raw = member.field.endsWith('.mfaDeviceId') ? e.mfaDeviceId : (e.mfa?.authenticatorId ?? e.mfaDeviceId);
  else if (e.type === 'authenticator-registration') raw = e.authenticatorId;
  return raw === undefined ? undefined : normalizeIdentifier(raw);
}
