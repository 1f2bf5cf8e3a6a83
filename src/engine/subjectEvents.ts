import type { ActivityEvent } from '../records/events';
import { sortSubjectEvents } from './view';

/**
 * A subject's valid events with each `at` parsed once (milliseconds since the epoch): at the end
 * of a batch's intake, in view order (time, then id) and frozen, so views take them as they are.
 */
export interface TimedEvents {
  /** Its place in the batch's subjects, while events are taken in. */
  readonly slot: number;
  events: readonly ActivityEvent[];
  times: Float64Array;
}

/**
 * A batch's valid events in input order, as parallel columns (no wrapper object per event): each
 * with its input position, time and subject's slot (-1 for no such subject, or once rejected).
 * The events themselves stay in the batch's list of records, at their input position (`eventAt`):
 * a second array of every event would be one more large allocation per batch, copied by the
 * young-generation collector. Kept until every id is counted and every subject's events are, so
 * each subject's arrays are allocated once, at their size.
 */
export interface ValidEvents {
  count: number;
  /** The batch's own copy of its event records, each valid one as validation gave it (written back in place). */
  readonly records: readonly unknown[];
  /** Input positions: below 2^30, the most places a list of records may have. */
  index: Int32Array<ArrayBuffer>;
  times: Float64Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
  /**
   * Each event's id hash (`fnv1a32`, its bits as a signed integer), taken while intake holds the
   * event, for `repeatedIds`; undefined when the batch's ids are promised unique.
   */
  hashes: Int32Array<ArrayBuffer> | undefined;
}

/**
 * Empty columns for `records`, the batch's own copy of its event list: sized for it up to 2^20
 * places, then grown by doubling, since a sparse array's length says nothing of how many events
 * there are and a huge length must not allocate its full size.
 */
export function validEventColumns(records: readonly unknown[], withHashes: boolean): ValidEvents {
  const capacity = Math.min(records.length, 2 ** 20);
  // Sized up front: growing a column this large copies it at every doubling.
  return {
    count: 0,
    records,
    index: new Int32Array(capacity),
    times: new Float64Array(capacity),
    slots: new Int32Array(capacity),
    hashes: withHashes ? new Int32Array(capacity) : undefined,
  };
}

/** The `i`th valid event, in input order. */
export function eventAt(valid: ValidEvents, i: number): ActivityEvent {
  return valid.records[valid.index[i] as number] as ActivityEvent;
}

/**
 * Appends a valid event to the columns: the record at input position `index` (see
 * {@link ValidEvents.records}), and `hash`, its id's hash, when the columns keep hashes (see
 * {@link ValidEvents.hashes}).
 */
export function addValidEvent(valid: ValidEvents, index: number, time: number, slot: number, hash: number): void {
  const at = valid.count;
  if (at === valid.index.length) {
    const capacity = Math.max(1024, at * 2);
    valid.index = grown(valid.index, new Int32Array(capacity));
    valid.times = grown(valid.times, new Float64Array(capacity));
    valid.slots = grown(valid.slots, new Int32Array(capacity));
    if (valid.hashes !== undefined) valid.hashes = grown(valid.hashes, new Int32Array(capacity));
  }
  valid.index[at] = index;
  valid.times[at] = time;
  valid.slots[at] = slot;
  if (valid.hashes !== undefined) valid.hashes[at] = hash;
  valid.count = at + 1;
}

function grown<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(column: T, next: T): T {
  next.set(column);
  return next;
}

/**
 * Puts the valid events still holding a slot into their subjects' buckets: counted first, so
 * each subject gets one array and one time column of its size (no growth by doubling), filled in
 * input order; then each bucket in view order (`sortSubjectEvents`). Gives the events that share
 * time and id with another of their subject (none when ids are unique).
 */
export function fillBuckets(valid: ValidEvents, buckets: readonly TimedEvents[]): ActivityEvent[] {
  // One loop per function: a function optimised while in its first loop knows nothing yet of the later ones.
  const counts = countPerSlot(valid, buckets.length);
  allocateBuckets(buckets, counts);
  placeEvents(valid, buckets, counts);
  return sortBuckets(buckets);
}

function countPerSlot(valid: ValidEvents, slotCount: number): Uint32Array {
  const counts = new Uint32Array(slotCount);
  const slots = valid.slots;
  for (let i = 0; i < valid.count; i++) {
    const slot = slots[i] as number;
    if (slot >= 0) counts[slot] = (counts[slot] as number) + 1;
  }
  return counts;
}

/**
 * Gives each bucket its events array at its count and a window on one time column for the whole
 * batch (a typed array per subject would be an allocation outside the heap each), and sets the
 * counts back to 0 (they become fill cursors).
 */
function allocateBuckets(buckets: readonly TimedEvents[], counts: Uint32Array): void {
  let total = 0;
  for (let slot = 0; slot < buckets.length; slot++) total += counts[slot] as number;
  const column = new Float64Array(total);
  let start = 0;
  for (let slot = 0; slot < buckets.length; slot++) {
    const count = counts[slot] as number;
    if (count === 0) continue;
    const bucket = buckets[slot] as TimedEvents;
    bucket.events = new Array<ActivityEvent>(count);
    bucket.times = column.subarray(start, start + count);
    start += count;
    counts[slot] = 0;
  }
}

function placeEvents(valid: ValidEvents, buckets: readonly TimedEvents[], cursors: Uint32Array): void {
  const slots = valid.slots;
  for (let i = 0; i < valid.count; i++) {
    const slot = slots[i] as number;
    if (slot < 0) continue;
    const bucket = buckets[slot] as TimedEvents;
    const at = cursors[slot] as number;
    cursors[slot] = at + 1;
    (bucket.events as ActivityEvent[])[at] = eventAt(valid, i);
    bucket.times[at] = valid.times[i] as number;
  }
}

function sortBuckets(buckets: readonly TimedEvents[]): ActivityEvent[] {
  const tied: ActivityEvent[] = [];
  for (let slot = 0; slot < buckets.length; slot++) {
    const bucket = buckets[slot] as TimedEvents;
    const ties = sortSubjectEvents(bucket.events as ActivityEvent[], bucket.times);
    for (let i = 0; i < ties.length; i++) tied.push(ties[i] as ActivityEvent);
  }
  return tied;
}

/** Freezes every bucket's events: views take the arrays as they are (see `buildSortedView`), so nothing may change them. */
export function freezeBuckets(buckets: readonly TimedEvents[]): void {
  for (let slot = 0; slot < buckets.length; slot++) Object.freeze((buckets[slot] as TimedEvents).events);
}
