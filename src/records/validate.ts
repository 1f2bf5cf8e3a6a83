import type { z } from 'zod';
import { InvalidRecordError, type RecordKind } from '../errors/InvalidRecordError';
import type { Issue } from '../errors/ScoringError';
import { activityEventSchema, activityEventTypes, type ActivityEvent } from './events';
import { subjectSchema, type Subject } from './subject';
import { watchlistSchema, type Watchlist } from './watchlist';

/** The result of a `safeParse*` function: the typed record, or an error naming the record and fields. */
export type SafeParseResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: InvalidRecordError };

/** Turns a path such as `['identity', 'names', 0, 'value']` into `identity.names[0].value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Converts zod issues into plain-words {@link Issue}s with formatted paths. */
export function toIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(issue.message);
  if (missing !== null) return `is required (expected ${missing[1]})`;
  return issue.message;
}

/** Reads `id` from an unknown value, when it is a non-empty string. */
export function readRecordId(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

function safeParseWith<T>(schema: z.ZodType<T>, kind: RecordKind, value: unknown): SafeParseResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new InvalidRecordError(kind, readRecordId(value), toIssues(result.error.issues)) };
}

function unwrap<T>(result: SafeParseResult<T>): T {
  if (result.success) return result.data;
  throw result.error;
}

/** Validates a subject record; never throws. */
export function safeParseSubject(value: unknown): SafeParseResult<Subject> {
  return safeParseWith(subjectSchema, 'subject', value);
}

/**
 * Validates a subject record.
 * @throws {InvalidRecordError} naming the subject id and every failing field path.
 */
export function parseSubject(value: unknown): Subject {
  return unwrap(safeParseSubject(value));
}

/** Validates an activity event; never throws. */
export function safeParseEvent(value: unknown): SafeParseResult<ActivityEvent> {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (!(activityEventTypes as readonly unknown[]).includes(type)) {
    return {
      success: false,
      error: new InvalidRecordError('event', readRecordId(value), [
        {
          path: 'type',
          message: `${type === undefined ? 'is required' : `"${String(type)}" is not an event type`}; expected one of: ${activityEventTypes.join(', ')}`,
        },
      ]),
    };
  }
  return safeParseWith(activityEventSchema, 'event', value);
}

/**
 * Validates an activity event.
 * @throws {InvalidRecordError} naming the event id and every failing field path.
 */
export function parseEvent(value: unknown): ActivityEvent {
  return unwrap(safeParseEvent(value));
}

/** Validates a watchlist; never throws. */
export function safeParseWatchlist(value: unknown): SafeParseResult<Watchlist> {
  return safeParseWith(watchlistSchema, 'watchlist', value);
}
