import type { ActivityEvent, ActivityEventOf, ActivityEventType } from '../records/events';
import type { Subject } from '../records/subject';
import type { SubjectView } from '../indicator/types';
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
 * Scoring runs over millions of events, so each event's time is parsed once into a typed array
 * and the sort moves indices, not per-event wrapper objects; input that is already in order (the
 * usual case for exported logs) is detected in one pass and not sorted at all.
 */
export function buildView(subject: Subject, events: readonly ActivityEvent[], asOfMs: number): BuiltView {
  const times = new Float64Array(events.length);
  const kept = new Uint32Array(events.length);
  let count = 0;
  let inOrder = true;
  for (let i = 0; i < events.length; i++) {
    const t = Date.parse((events[i] as ActivityEvent).at);
    times[i] = t;
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
  const byType = new Map<ActivityEventType, ActivityEvent[]>();
  for (let i = 0; i < count; i++) {
    const event = events[order[i] as number] as ActivityEvent;
    sorted[i] = event;
    const bucket = byType.get(event.type);
    if (bucket === undefined) byType.set(event.type, [event]);
    else bucket.push(event);
  }
  // Views are frozen (the records in them were frozen at validation), so an indicator that
  // reverses `eventsOf('session')` or renames the subject changes nothing other indicators see.
  // One freeze per array, not per event.
  Object.freeze(sorted);
  for (const bucket of byType.values()) Object.freeze(bucket);
  const view: SubjectView = Object.freeze({
    subject,
    events: sorted,
    eventsOf<T extends ActivityEventType>(type: T): readonly ActivityEventOf<T>[] {
      return (byType.get(type) as ActivityEventOf<T>[] | undefined) ?? emptyEvents;
    },
  });
  return { view, eventsAfterAsOf: events.length - count };
}
