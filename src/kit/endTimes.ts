/**
 * The `end` times of a view's events of one type as a column, parsed once per view and shared.
 *
 * @packageDocumentation
 */

import type { SubjectView } from '../contract/types';
import type { ActivityEvent, ActivityEventType } from '../records/events';
import { parseIsoTime } from '../records/isoTime';

/**
 * The `end` of each event of `type` (sessions, work logs, calendar entries) in milliseconds since
 * the epoch, aligned with `view.eventsOf(type)`; `NaN` where the event has no `end` (a session
 * still open). Parsed on first use, once per view and type, and shared (`view.memo`) by every
 * indicator that asks, so a sweep reads `ends[i]` beside `view.eventTimes(type)[i]` without
 * parsing a string per event. Read-only by contract, as the view's columns.
 */
export function endTimes(view: SubjectView, type: ActivityEventType): Float64Array {
  return view.memo(`time/end-times\u0000${type}`, () => {
    const events = view.eventsOf(type);
    const ends = new Float64Array(events.length);
    for (let i = 0; i < events.length; i++) {
      const end = (events[i] as ActivityEvent & { readonly end?: unknown }).end;
      ends[i] = typeof end === 'string' ? parseIsoTime(end) : Number.NaN;
    }
    return ends;
  });
}
