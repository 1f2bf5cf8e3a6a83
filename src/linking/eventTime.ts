import { describeValue } from '../errors/describeValue';
import { InvalidRecordError } from '../errors/InvalidRecordError';
import type { ActivityEvent } from '../records/events';
import { parseIsoTime } from '../records/isoTime';

/**
 * An event's time in milliseconds for its link keys (`Date.parse(event.at)`). Link keys are
 * derived from validated events (the scorer validates or checks every event before linkage reads
 * it); a caller handing the linking functions other records gets an error naming the event and
 * the field instead of a `RangeError` from a key's first or last time, which could not be written.
 *
 * @throws {InvalidRecordError} when `event.at` is not a time.
 */
export function linkEventTime(event: ActivityEvent): number {
  const at: unknown = event.at;
  const t = typeof at === 'string' ? parseIsoTime(at) : NaN;
  if (t !== t) {
    const id: unknown = event.id;
    throw new InvalidRecordError('event', typeof id === 'string' ? id : undefined, [{ path: 'at', message: `is not an ISO 8601 time: ${describeValue(at)}` }]);
  }
  return t;
}
