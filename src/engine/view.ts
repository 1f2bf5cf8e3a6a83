import type { ActivityEvent, ActivityEventOf, ActivityEventType } from '../records/events';
import type { Subject } from '../records/subject';
import type { SubjectView } from '../indicator/types';

/** A subject view plus what was left out of it. */
export interface BuiltView {
  readonly view: SubjectView;
  readonly eventsAfterAsOf: number;
}

const emptyEvents: readonly never[] = Object.freeze([]);

/**
 * Builds a subject's view: events at or before `asOf`, sorted once by time then id (so record
 * order never matters), bucketed by type. O(n log n) in the subject's events, one pass to bucket.
 */
export function buildView(subject: Subject, events: readonly ActivityEvent[], asOfMs: number): BuiltView {
  const kept: { event: ActivityEvent; t: number }[] = [];
  let eventsAfterAsOf = 0;
  for (const event of events) {
    const t = Date.parse(event.at);
    if (t > asOfMs) eventsAfterAsOf++;
    else kept.push({ event, t });
  }
  kept.sort((a, b) => (a.t !== b.t ? a.t - b.t : a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  const sorted: ActivityEvent[] = new Array<ActivityEvent>(kept.length);
  const byType = new Map<ActivityEventType, ActivityEvent[]>();
  for (let i = 0; i < kept.length; i++) {
    const event = (kept[i] as { event: ActivityEvent }).event;
    sorted[i] = event;
    const bucket = byType.get(event.type);
    if (bucket === undefined) byType.set(event.type, [event]);
    else bucket.push(event);
  }
  const view: SubjectView = {
    subject,
    events: sorted,
    eventsOf<T extends ActivityEventType>(type: T): readonly ActivityEventOf<T>[] {
      return (byType.get(type) as ActivityEventOf<T>[] | undefined) ?? emptyEvents;
    },
  };
  return { view, eventsAfterAsOf };
}
