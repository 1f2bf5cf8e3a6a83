import { compareText, normalizeIdentifier } from '../../kit';
import type { ActivityEvent } from '../../records/events';
import { ShardedMap } from '../../engine/shardedMap';

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

/** Entries per use in {@link authenticatorUseRows}: authenticator key, record id, time, field. */
const USE_STRIDE = 4;

/**
 * One subject's authenticator uses as plain data for a summary, 4 entries a use: the normalised
 * raw authenticator id, the event id, the time (approval time, else sign-in time, or the
 * registration time) and the field. Successful sessions and registrations only.
 */
export function authenticatorUseRows(events: readonly ActivityEvent[]): string[] {
  const out: string[] = [];
  const add = (id: string | undefined, recordId: string, at: string, field: string): void => {
    const key = id === undefined ? undefined : normalizeIdentifier(id);
    if (key !== undefined) out.push(key, recordId, at, field);
  };
  for (const e of events) {
    if (e.type === 'session' && e.result !== 'failure') {
      const at = e.mfa?.approvedAt ?? e.at;
      // Both ids give link keys (as in extractLinkKeys); one id named twice counts once.
      if (e.mfa?.authenticatorId !== undefined) add(e.mfa.authenticatorId, e.id, at, 'mfa.authenticatorId');
      if (e.mfaDeviceId !== undefined && normalizeIdentifier(e.mfaDeviceId) !== normalizeIdentifier(e.mfa?.authenticatorId ?? '')) {
        add(e.mfaDeviceId, e.id, at, 'mfaDeviceId');
      }
    } else if (e.type === 'authenticator-registration' && e.action === 'registered' && e.authenticatorId !== undefined) {
      add(e.authenticatorId, e.id, e.at, 'authenticatorId');
    }
  }
  return out;
}

/**
 * For every authenticator used by at least two subjects of the batch, the closest pair of uses by
 * different subjects, keyed by the normalised raw id (see {@link authenticatorOfMember} for
 * reaching it from a link whose keys were pseudonymised outside the library), from every
 * subject's {@link authenticatorUseRows}. Each authenticator's uses are sorted once and swept
 * once: the closest pair of uses by different subjects is always adjacent in time order (any use
 * between them is closer to one of the two), so no pairs are compared. Linear in the batch's
 * sessions and registrations, after the sort; independent of the order of subjects.
 * @throws {TypeError} when a subject's rows are not of that shape (summaries may come from another process).
 */
export function closestCrossSubjectUses(
  subjects: Iterable<{ readonly subjectId: string; readonly rows: readonly unknown[] }>,
): ReadonlyMap<string, ClosestCrossSubjectUse> {
  const uses = new ShardedMap<string, { t: number; use: AuthenticatorUse }[]>();
  for (const { subjectId, rows } of subjects) {
    if (rows.length % USE_STRIDE !== 0) throw new TypeError(`authenticator uses of subject "${subjectId}" are not in groups of ${USE_STRIDE}`);
    for (let i = 0; i < rows.length; i += USE_STRIDE) {
      const [key, recordId, at, field] = [rows[i], rows[i + 1], rows[i + 2], rows[i + 3]];
      if (typeof key !== 'string' || typeof recordId !== 'string' || typeof at !== 'string' || typeof field !== 'string') {
        throw new TypeError(`authenticator use ${i / USE_STRIDE} of subject "${subjectId}" is not [authenticator, record, at, field]`);
      }
      const list = uses.get(key);
      const entry = { t: Date.parse(at), use: { subjectId, recordId, at, field } };
      if (list === undefined) uses.set(key, [entry]);
      else list.push(entry);
    }
  }
  const out = new ShardedMap<string, ClosestCrossSubjectUse>();
  for (const [key, list] of uses) {
    if (list.length < 2) continue;
    // Ties broken by subject, record and field, so the result does not depend on input order.
    list.sort(
      (a, b) =>
        a.t - b.t || compareText(a.use.subjectId, b.use.subjectId) || compareText(a.use.recordId, b.use.recordId) || compareText(a.use.field, b.use.field),
    );
    let best: ClosestCrossSubjectUse | undefined;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as { t: number; use: AuthenticatorUse };
      const b = list[i] as { t: number; use: AuthenticatorUse };
      if (a.use.subjectId === b.use.subjectId) continue;
      const gapMs = b.t - a.t;
      if (best === undefined || gapMs < best.gapMs) best = { gapMs, first: a.use, second: b.use };
    }
    if (best !== undefined) out.set(key, best);
  }
  return out;
}

/**
 * The normalised raw authenticator id behind a link member: read from the subject's own event the
 * member names, so links built from pseudonymised, externally grouped keys find the same entry as
 * links built in memory. Undefined when the event is not among the subject's events.
 */
export function authenticatorOfMember(
  eventsById: ReadonlyMap<string, ActivityEvent>,
  member: { readonly recordId: string; readonly field: string },
): string | undefined {
  const e = eventsById.get(member.recordId);
  if (e === undefined) return undefined;
  let raw: string | undefined;
  if (e.type === 'session') raw = member.field.endsWith('.mfaDeviceId') ? e.mfaDeviceId : (e.mfa?.authenticatorId ?? e.mfaDeviceId);
  else if (e.type === 'authenticator-registration') raw = e.authenticatorId;
  return raw === undefined ? undefined : normalizeIdentifier(raw);
}
