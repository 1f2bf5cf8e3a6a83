import type { ActivityEvent, ActivityEventOf, ActivityEventType } from '../records/events';
import type { Subject } from '../records/subject';
import type { InternedColumn, SubjectView } from '../contract/types';
import { createInterner } from './intern';
import { copyList } from './copyList';
import { compareText } from './order';
import { parseIsoTime } from '../records/isoTime';

/** A subject view plus what was left out of it. */
export interface BuiltView {
  readonly view: SubjectView;
  readonly eventsAfterAsOf: number;
  /**
   * Drops the view's derived data (columns, `memo` values, the `timeOf` map) once its subject is
   * scored, so a batch does not hold every subject's tables to the end. The view still answers
   * afterwards, building again on first use.
   */
  release(): void;
  /** Derived tables the view holds now (columns, `memo` values, the `timeOf` map): what {@link BuiltView.release} drops. */
  retained(): number;
}

/** No events: shared by every empty bucket and every subject without events. */
export const emptyEvents: readonly never[] = Object.freeze([]);

/**
 * Builds a subject's view from its events in any order: events at or before `asOf`, sorted by
 * time then id (so record order never matters), bucketed by type, the arrays and the view frozen.
 * O(n log n) in the subject's events. The engine sorts each subject's events once per batch
 * instead (`sortSubjectEvents`) and calls {@link buildSortedView} at each instant.
 *
 * Scoring runs over millions of events, so each event's time is parsed once, at validation, and
 * handed in as `times` (`times[i]` is `events[i].at` in milliseconds since the epoch); the view
 * keeps them for `timeOf`.
 *
 * Columns (`eventTimes`, `interned`) and `memo` values are built on first use, once per view, so
 * indicators that sweep the same data share one build (docs/architecture.md, "Columns and sweeps").
 */
export function buildView(subject: Subject, events: readonly ActivityEvent[], times: ArrayLike<number>, asOfMs: number): BuiltView {
  const own = events.slice();
  const column = Float64Array.from(times);
  sortSubjectEvents(own, column);
  return buildSortedView(subject, Object.freeze(own), column, asOfMs);
}

/**
 * {@link buildView} for a subject's events as the engine holds them once per batch: frozen, in
 * view order (time, then id: `sortSubjectEvents`), `times` their column. Those at or before
 * `asOfMs` are then a prefix: the view takes the arrays themselves when nothing is cut (the usual
 * case), else a frozen copy of the prefix and a window on the column, and sorts or checks nothing.
 */
export function buildSortedView(subject: Subject, events: readonly ActivityEvent[], times: Float64Array, asOfMs: number): BuiltView {
  let count = events.length;
  while (count > 0 && (times[count - 1] as number) > asOfMs) count--;
  if (count === events.length) return viewOf(subject, events, times, 0);
  return viewOf(subject, Object.freeze(copyList(events, count)), times.subarray(0, count), events.length - count);
}

/** The view of events already cut at `asOf`, in view order, and frozen; `sortedTimes` their column. */
function viewOf(subject: Subject, sorted: readonly ActivityEvent[], sortedTimes: Float64Array, eventsAfterAsOf: number): BuiltView {
  const count = sorted.length;
  const byType = new Map<ActivityEventType, ActivityEvent[]>();
  for (let i = 0; i < count; i++) {
    const event = sorted[i] as ActivityEvent;
    const bucket = byType.get(event.type);
    if (bucket === undefined) byType.set(event.type, [event]);
    else bucket.push(event);
  }
  // Views are frozen (the records in them were frozen at validation), so an indicator that
  // reverses `eventsOf('session')` or renames the subject changes nothing other indicators see.
  // One freeze per array, not per event (`sorted` came frozen).
  for (const bucket of byType.values()) Object.freeze(bucket);
  // Built on the first call only: most indicators sweep their arrays and never ask.
  let timeByEvent: Map<ActivityEvent, number> | undefined;
  // Columns are built on first use, once per view, and shared by every indicator after that.
  // The all-events column is the view's own copy: the engine's `sortedTimes` may be a window on
  // the batch's column, and a typed array cannot be frozen, so an indicator that writes into what
  // it was given must not reach other subjects' times or the order later instants cut by.
  let ownTimes: Float64Array | undefined;
  let timesByType: Map<ActivityEventType, Float64Array> | undefined;
  const internedBy = new Map<string, InternedColumn>();
  const memos = new Map<string, unknown>();
  const eventsOf = <T extends ActivityEventType>(type: T): readonly ActivityEventOf<T>[] =>
    (byType.get(type) as ActivityEventOf<T>[] | undefined) ?? emptyEvents;
  const view: SubjectView = Object.freeze({
    subject,
    events: sorted,
    eventsOf,
    timeOf(event: ActivityEvent): number {
      if (timeByEvent === undefined) {
        timeByEvent = new Map();
        for (let i = 0; i < count; i++) timeByEvent.set(sorted[i] as ActivityEvent, sortedTimes[i] as number);
      }
      // An event from outside the view (another subject's, or a copy) is parsed on the spot.
      return timeByEvent.get(event) ?? parseIsoTime(event.at);
    },
    eventTimes(type?: ActivityEventType): ArrayLike<number> {
      if (type === undefined) return (ownTimes ??= Float64Array.prototype.slice.call(sortedTimes) as Float64Array);
      timesByType ??= timesPerType(sorted, sortedTimes, byType);
      return timesByType.get(type) ?? noTimes;
    },
    interned(field: string, type?: ActivityEventType): InternedColumn {
      const key = type === undefined ? field : `${type}\u0000${field}`;
      let column = internedBy.get(key);
      if (column === undefined) {
        column = internColumn(type === undefined ? sorted : eventsOf(type), field);
        internedBy.set(key, column);
      }
      return column;
    },
    memo<T>(key: string, build: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = build();
      memos.set(key, value);
      return value;
    },
  });
  return {
    view,
    eventsAfterAsOf,
    release() {
      timeByEvent = undefined;
      ownTimes = undefined;
      timesByType = undefined;
      internedBy.clear();
      memos.clear();
    },
    retained: () =>
      (timeByEvent === undefined ? 0 : 1) +
      (ownTimes === undefined ? 0 : 1) +
      (timesByType === undefined ? 0 : timesByType.size) +
      internedBy.size +
      memos.size,
  };
}

/** No times: shared by every empty column (a column of length 0 cannot be written). */
export const noTimes = new Float64Array(0);

/**
 * Puts a subject's events in the order every view keeps (time, then id), both arrays in place,
 * once per batch: views cut at `asOf` then find them in order and sort nothing, however many
 * instants the batch is scored at. Input already in order (the usual case for exported logs) is
 * found in one pass and not moved. Gives the events that share both time and id with another
 * (none when ids are unique): their order, and so the report, would depend on record order.
 */
export function sortSubjectEvents(events: ActivityEvent[], times: Float64Array): readonly ActivityEvent[] {
  const count = events.length;
  let inOrder = true;
  for (let i = 1; i < count && inOrder; i++) {
    const dt = (times[i - 1] as number) - (times[i] as number);
    inOrder = dt < 0 || (dt === 0 && compareIds((events[i - 1] as ActivityEvent).id, (events[i] as ActivityEvent).id) <= 0);
  }
  if (!inOrder) {
    // A plain array of indices sorts faster with a comparator than a typed array does in V8.
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => (times[a] as number) - (times[b] as number) || compareIds((events[a] as ActivityEvent).id, (events[b] as ActivityEvent).id),
    );
    const sortedEvents = order.map((i) => events[i] as ActivityEvent);
    const sortedTimes = order.map((i) => times[i] as number);
    for (let i = 0; i < count; i++) {
      events[i] = sortedEvents[i] as ActivityEvent;
      times[i] = sortedTimes[i] as number;
    }
  }
  let tied: ActivityEvent[] | undefined;
  for (let i = 1; i < count; i++) {
    if (times[i - 1] !== times[i] || (events[i - 1] as ActivityEvent).id !== (events[i] as ActivityEvent).id) continue;
    tied ??= [];
    if (tied[tied.length - 1] !== events[i - 1]) tied.push(events[i - 1] as ActivityEvent);
    tied.push(events[i] as ActivityEvent);
  }
  return tied ?? emptyTies;
}

const emptyTies: readonly ActivityEvent[] = Object.freeze([]);

/**
 * Two event ids in view order. Intake checked each id to be a string, but a trusted record's
 * getter may answer otherwise on a later read: such an id sorts as equal rather than making the
 * comparison throw (a symbol cannot be compared), so the batch is scored, never crashed.
 */
function compareIds(a: unknown, b: unknown): number {
  return typeof a === 'string' && typeof b === 'string' ? compareText(a, b) : 0;
}

/** Every type's time column in one pass over the sorted events: a cursor per type. */
function timesPerType(
  sorted: readonly ActivityEvent[],
  sortedTimes: Float64Array,
  byType: ReadonlyMap<ActivityEventType, readonly ActivityEvent[]>,
): Map<ActivityEventType, Float64Array> {
  const columns = new Map<ActivityEventType, { times: Float64Array; next: number }>();
  for (const [type, bucket] of byType) columns.set(type, { times: new Float64Array(bucket.length), next: 0 });
  for (let i = 0; i < sorted.length; i++) {
    const column = columns.get((sorted[i] as ActivityEvent).type) as { times: Float64Array; next: number };
    column.times[column.next++] = sortedTimes[i] as number;
  }
  const out = new Map<ActivityEventType, Float64Array>();
  for (const [type, column] of columns) out.set(type, column.times);
  return out;
}

/** One string field of `events` as codes into the distinct values, numbered by first appearance. */
function internColumn(events: readonly ActivityEvent[], field: string): InternedColumn {
  const codes = new Int32Array(events.length);
  const interner = createInterner();
  for (let i = 0; i < events.length; i++) {
    // Own properties only: a field name such as `constructor` must not read the prototype.
    const value = Object.hasOwn(events[i] as object, field) ? (events[i] as unknown as Record<string, unknown>)[field] : undefined;
    codes[i] = typeof value === 'string' ? interner.code(value) : -1;
  }
  return Object.freeze({ codes, values: Object.freeze(interner.values) });
}
