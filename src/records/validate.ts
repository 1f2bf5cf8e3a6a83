import type { z } from 'zod';
import { describeThrown, describeValue } from '../errors/describeValue';
import { InvalidRecordError, type RecordKind } from '../errors/InvalidRecordError';
import type { Issue } from '../errors/ScoringError';
import { unknownKeyParam } from './common';
import { fastParse } from './fastParse';
import { activityEventSchema, activityEventTypes, type ActivityEvent } from './events';
import { recordLimits } from './limits';
import { subjectSchema, type Subject } from './subject';
import { watchlistSchema, type Watchlist } from './watchlist';

/**
 * The result of a `safeParse*` function: the typed record (with the unknown keys that lenient
 * validation dropped, as warnings), or an error naming the record and fields.
 */
export type SafeParseResult<T> =
  { readonly success: true; readonly data: T; readonly warnings: readonly Issue[] } | { readonly success: false; readonly error: InvalidRecordError };

/** Options of the `safeParse*` and `parse*` functions. */
export interface ParseOptions {
  /**
   * Accept a record whose only problems are unknown keys: the keys are dropped from the parsed
   * record and listed as warnings. Off by default: an unknown key is usually a misspelled field.
   */
  readonly lenient?: boolean;
}

/** Characters of one path segment kept in a formatted path; a longer key is cut. */
const pathSegmentLength = 100;

/** Turns a path such as `['identity', 'names', 0, 'value']` into `identity.names[0].value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      continue;
    }
    const text = typeof key === 'symbol' ? 'a symbol' : key.length > pathSegmentLength ? `${key.slice(0, pathSegmentLength)}…` : key;
    out += out === '' ? text : `.${text}`;
  }
  return out;
}

/**
 * Converts zod issues (from any of the exported schemas' `safeParse`) into the library's
 * {@link Issue}s: paths written as the reports write them (`subjects[0].kind`), messages in plain
 * words. Use it to answer with the same issues the library gives.
 */
export function toIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(issue.message);
  if (missing !== null) return `is required (expected ${missing[1]})`;
  return issue.message;
}

function isUnknownKeyIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as Record<string, unknown> | undefined)?.[unknownKeyParam] === true;
}

/** Reads one property of an unknown value, or undefined when it is not an object or reading throws (getter, proxy). */
function readProperty(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * Reads `id` from an unknown value, when it is a non-empty string of at most
 * `recordLimits.shortText` characters. Never throws, whatever the value.
 */
export function readRecordId(value: unknown): string | undefined {
  const id = readProperty(value, 'id');
  return typeof id === 'string' && id !== '' && id.length <= recordLimits.shortText ? id : undefined;
}

/** Nodes a search for an unreadable field visits at most; a record that large is refused anyway. */
const probeBudget = 100_000;

/**
 * Finds where reading a value throws (a getter, a proxy trap), by an iterative walk that reads
 * every own key the way validation does. Used only after validation itself threw.
 */
function locateUnreadable(root: unknown, thrown: unknown): Issue {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  const seen = new Set<object>();
  let visited = 0;
  let frame: { value: unknown; path: PropertyKey[] } | undefined;
  while ((frame = stack.pop()) !== undefined && visited++ < probeBudget) {
    const { value, path } = frame;
    if (typeof value !== 'object' || value === null || seen.has(value) || path.length > recordLimits.freeFormDepth * 2) continue;
    seen.add(value);
    let step: PropertyKey | undefined;
    try {
      // Array positions are numbers, so the path reads `entries[0]` as zod's paths do.
      const isArray = Array.isArray(value);
      const keys = Object.keys(value);
      for (const key of keys) {
        step = isArray ? Number(key) : key;
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, step] });
      }
    } catch (error) {
      return { path: formatPath(step === undefined ? path : [...path, step]), message: `could not be read: ${describeThrown(error)}` };
    }
  }
  return { path: '', message: `could not be read: ${describeThrown(thrown)}` };
}

/**
 * Runs a schema; a value that throws while read (getter, proxy trap) becomes an issue with the
 * path of the unreadable field, never an exception. Every record schema is run through it.
 */
export function runSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; data: T } | { ok: false; issues: Issue[]; zodIssues: readonly z.core.$ZodIssue[] } {
  // A valid record takes the lean walk; anything else (or anything it does not read) goes to zod, which reports the issues.
  const fast = fastParse(schema, value);
  if (fast !== undefined) return { ok: true, data: fast.value };
  try {
    const result = schema.safeParse(value);
    if (result.success) return { ok: true, data: result.data };
    return { ok: false, issues: toIssues(result.error.issues), zodIssues: result.error.issues };
  } catch (thrown) {
    return { ok: false, issues: [locateUnreadable(value, thrown)], zodIssues: [] };
  }
}

/**
 * A copy of `value` without the keys at `paths`: only the objects and arrays on those paths are
 * copied (shallowly), so the cost is the paths' length, not the record's size.
 */
function withoutPaths(value: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  const root: { value: unknown } = { value };
  const copies = new Map<object, object>();
  for (const path of paths) {
    let parent: Record<PropertyKey, unknown> = root as Record<PropertyKey, unknown>;
    let key: PropertyKey = 'value';
    for (const step of path) {
      const original = parent[key];
      if (typeof original !== 'object' || original === null) break;
      let copy = copies.get(original);
      if (copy === undefined) {
        copy = Array.isArray(original) ? [...original] : Object.defineProperties({}, Object.getOwnPropertyDescriptors(original));
        copies.set(original, copy);
        copies.set(copy, copy);
      }
      parent[key] = copy;
      parent = copy as Record<PropertyKey, unknown>;
      key = step;
    }
    delete parent[key];
  }
  return root.value;
}

function safeParseWith<T>(schema: z.ZodType<T>, kind: RecordKind, value: unknown, options: ParseOptions): SafeParseResult<T> {
  const fail = (issues: readonly Issue[]): SafeParseResult<T> => ({ success: false, error: new InvalidRecordError(kind, readRecordId(value), issues) });
  const first = runSchema(schema, value);
  if (first.ok) return { success: true, data: first.data, warnings: [] };
  const unknownKeys = first.zodIssues.filter(isUnknownKeyIssue);
  if (options.lenient !== true || unknownKeys.length === 0) return fail(first.issues);
  // Lenient: drop the unknown keys, validate again, and keep them as warnings.
  let pruned: unknown;
  try {
    pruned = withoutPaths(
      value,
      unknownKeys.map((issue) => issue.path),
    );
  } catch {
    return fail(first.issues);
  }
  const second = runSchema(schema, pruned);
  if (!second.ok) return fail(second.issues);
  return { success: true, data: second.data, warnings: toIssues(unknownKeys).map((w) => ({ ...w, message: `${w.message} Dropped (lenient).` })) };
}

function unwrap<T>(result: SafeParseResult<T>): T {
  if (result.success) return result.data;
  throw result.error;
}

/** Validates a subject record; never throws, whatever the value. */
export function safeParseSubject(value: unknown, options: ParseOptions = {}): SafeParseResult<Subject> {
  return safeParseWith(subjectSchema, 'subject', value, options);
}

/**
 * Validates a subject record.
 * @throws {InvalidRecordError} naming the subject id and every failing field path.
 */
export function parseSubject(value: unknown, options: ParseOptions = {}): Subject {
  return unwrap(safeParseSubject(value, options));
}

/** Validates an activity event; never throws, whatever the value. */
export function safeParseEvent(value: unknown, options: ParseOptions = {}): SafeParseResult<ActivityEvent> {
  const type = readProperty(value, 'type');
  if (!(activityEventTypes as readonly unknown[]).includes(type)) {
    return {
      success: false,
      error: new InvalidRecordError('event', readRecordId(value), [
        {
          path: 'type',
          message: `${type === undefined ? 'is required' : `${describeValue(type)} is not an event type`}; expected one of: ${activityEventTypes.join(', ')}`,
        },
      ]),
    };
  }
  return safeParseWith(activityEventSchema, 'event', value, options);
}

/**
 * Validates an activity event.
 * @throws {InvalidRecordError} naming the event id and every failing field path.
 */
export function parseEvent(value: unknown, options: ParseOptions = {}): ActivityEvent {
  return unwrap(safeParseEvent(value, options));
}

/** Validates a watchlist; never throws, whatever the value. */
export function safeParseWatchlist(value: unknown, options: ParseOptions = {}): SafeParseResult<Watchlist> {
  return safeParseWith(watchlistSchema, 'watchlist', value, options);
}
