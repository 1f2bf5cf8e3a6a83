import type { ActivityEvent, ActivityEventOf, ActivityEventType } from '../records/events';
import type { Subject } from '../records/subject';
import type { SubjectView } from '../contract/types';
import { compareText } from './order';

/** A subject view plus what was left out of it. */
export interface BuiltView {
  readonly view: SubjectView;
  readonly eventsAfterAsOf: number;
}

const emptyEvents: readonly never[] = Object.freeze([]);

/**
 * Builds a subject's view: events at or before `asOf`, sorted once by time then id (so record
 * order never matters), bucketed by type, the arrays and the view frozen. O(n log n) in the subject's events, one pass to bucket.
 *
 * Scoring runs over millions of events, so each event's time is parsed once, at validation, and
 * handed in as `times` (`times[i]` is `events[i].at` in milliseconds since the epoch); the view
 * keeps them for `timeOf`. The sort moves indices, not per-event wrapper objects; input that is
 * already in order (the usual case for exported logs) is detected in one pass and not sorted at all.
 */
export function buildView(subject: Subject, events: readonly ActivityEvent[], times: ArrayLike<number>, asOfMs: number): BuiltView {
  const kept = new Uint32Array(events.length);
  let count = 0;
  let inOrder = true;
  for (let i = 0; i < events.length; i++) {
    const t = times[i] as number;
    if (t > asOfMs) continue;
    if (count > 0 && inOrder) {
      const prev = kept[count - 1] as number;
      const dt = (times[prev] as number) - t;
      inOrder = dt < 0 || (dt === 0 && compareText((events[prev] as ActivityEvent).id, (events[i] as ActivityEvent).id) <= 0);
    }
    kept[count++] = i;
  }
  // A plain array sorts faster with a comparator than a typed array does in V8.
  const order: ArrayLike<number> = inOrder
    ? kept
    : Array.from(kept.subarray(0, count)).sort(
        (a, b) => (times[a] as number) - (times[b] as number) || compareText((events[a] as ActivityEvent).id, (events[b] as ActivityEvent).id),
      );
  const sorted: ActivityEvent[] = new Array<ActivityEvent>(count);
  const sortedTimes = new Float64Array(count);
  const byType = new Map<ActivityEventType, ActivityEvent[]>();
  for (let i = 0; i < count; i++) {
    const event = events[order[i] as number] as ActivityEvent;
    sorted[i] = event;
    sortedTimes[i] = times[order[i] as number] as number;
    const bucket = byType.get(event.type);
    if (bucket === undefined) byType.set(event.type, [event]);
    else bucket.push(event);
  }
  // Views are frozen (the records in them were frozen at validation), so an indicator that
  // reverses `eventsOf('session')` or renames the subject changes nothing other indicators see.
  // One freeze per array, not per event.
  Object.freeze(sorted);
  for (const bucket of byType.values()) Object.freeze(bucket);
  // Built on the first call only: most indicators sweep their arrays and never ask.
  let timeByEvent: Map<ActivityEvent, number> | undefined;
  const view: SubjectView = Object.freeze({
    subject,
    events: sorted,
    eventsOf<T extends ActivityEventType>(type: T): readonly ActivityEventOf<T>[] {
      return (byType.get(type) as ActivityEventOf<T>[] | undefined) ?? emptyEvents;
    },
    timeOf(event: ActivityEvent): number {
      if (timeByEvent === undefined) {
        timeByEvent = new Map();
        for (let i = 0; i < count; i++) timeByEvent.set(sorted[i] as ActivityEvent, sortedTimes[i] as number);
      }
      // An event from outside the view (another subject's, or a copy) is parsed on the spot.
      return timeByEvent.get(event) ?? Date.parse(event.at);
    },
  });
  return { view, eventsAfterAsOf: events.length - count };
}
