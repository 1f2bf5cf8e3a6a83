import type { SubjectView } from '../contract/types';
import type { ActivityEvent } from '../records/events';

/**
 * Whether the subject produced the event by acting: a successful sign-in, a message they sent,
 * data access, a work log, a privilege request or a profile change. Device check-ins and security
 * detections are machines reporting on their own schedule, payments and messages to the subject
 * are other people acting, and calendar entries are scheduled by anyone: none of them shows that
 * the person was at work, so time indicators must not read them as activity.
 */
export function isPersonActivity(e: ActivityEvent): boolean {
  switch (e.type) {
    case 'session':
      return e.result !== 'failure';
    case 'message':
      return e.direction === 'from-subject';
    case 'data-access':
    case 'worklog':
    case 'privilege':
    case 'profile-change':
      return true;
    default:
      return false;
  }
}

/**
 * The account an event belongs to, for per-account sweeps. Events without an account id share
 * one bucket with a readable name, so messages never show "undefined".
 */
export function accountOf(e: { readonly accountId?: string | undefined }): string {
  return e.accountId ?? '(unspecified account)';
}

/**
 * Whether an event shows the person acting, for behaviour baselines: the activity of
 * {@link isPersonActivity} plus web requests, sent e-mail, removable-media use and print jobs.
 * Removing a stick is not counted (it closes a connect already counted).
 */
export function isBehaviourActivity(e: ActivityEvent): boolean {
  return isPersonActivity(e) || isBehaviourOnly(e);
}

/** The behaviour activity that {@link isPersonActivity} does not count, so each event's type is tested once per sweep. */
function isBehaviourOnly(e: ActivityEvent): boolean {
  return e.type === 'web' || e.type === 'email' || e.type === 'print' || (e.type === 'removable-media' && e.action !== 'removed');
}

/**
 * Positions in `view.events` of the events that show the person acting, ascending (so in time
 * order): `person` those of {@link isPersonActivity}, `behaviour` those of
 * {@link isBehaviourActivity} (a superset: person activity plus web requests, sent e-mail,
 * removable-media use and print jobs).
 */
export interface ActivityIndex {
  /** Positions of the events {@link isPersonActivity} accepts. */
  readonly person: Int32Array;
  /** Positions of the events {@link isBehaviourActivity} accepts. */
  readonly behaviour: Int32Array;
}

/**
 * The view's activity positions ({@link ActivityIndex}): built on first use in one sweep of
 * `view.events`, once per view, and shared (`view.memo`) by every indicator that asks, so the
 * time-reading indicators visit only the activity events instead of each testing the type of
 * every event. 8 bytes an event at most. Read-only by contract, like the other columns.
 *
 * @example
 * ```ts
 * const { person } = activityIndex(view);
 * const times = view.eventTimes();
 * for (let k = 0; k < person.length; k++) latest = Math.max(latest, times[person[k]]);
 * ```
 */
export function activityIndex(view: SubjectView): ActivityIndex {
  return view.memo('activity/activity-index', () => activityIndexOf(view.events));
}

/** {@link ActivityIndex} of a list of events (positions into `events`). */
export function activityIndexOf(events: readonly ActivityEvent[]): ActivityIndex {
  const n = events.length;
  const person = new Int32Array(n);
  const behaviour = new Int32Array(n);
  let p = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const e = events[i] as ActivityEvent;
    if (isPersonActivity(e)) {
      person[p++] = i;
      behaviour[b++] = i;
    } else if (isBehaviourOnly(e)) behaviour[b++] = i;
  }
  // Trimmed copies: the columns live until the subject is scored, and most events are not activity.
  return Object.freeze({ person: person.slice(0, p), behaviour: behaviour.slice(0, b) });
}
