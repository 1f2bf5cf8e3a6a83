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
