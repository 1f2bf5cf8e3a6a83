import type { z } from 'zod';
import { describeThrown, describeValue } from '../errors/describeValue';
import type { Issue } from '../errors/ScoringError';
import { activityEventTypes, type ActivityEvent } from './events';
import { parseIsoTime } from './isoTime';
import { recordLimits } from './limits';
import { subjectSchema, type Subject } from './subject';

/**
 * The checks of the trusted-input path (`scoreBatch(input, { trusted: true })`): not the
 * schemas, only what the engine itself relies on, so a malformed record is rejected with a field
 * path instead of crashing the batch. Anything deeper (a wrong value inside a list) is left to
 * the indicators, whose failures the engine reports as indicator errors.
 */
export type TrustedCheck<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The JSON type a subject field holds, from the subject schema: `array`, `object` or a scalar type. */
function fieldType(schema: z.ZodType): string {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType };
  while ((def.type === 'optional' || def.type === 'nullable') && def.innerType !== undefined) def = def.innerType._zod.def as typeof def;
  return def.type;
}

/**
 * The subject's top-level lists and objects, which the engine and every indicator read without
 * checking. A list, not a Map: walked once per subject, and a Map's entry iterator allocates a pair per field.
 */
const subjectContainers: readonly { readonly key: string; readonly type: 'array' | 'object' }[] = (() => {
  const out: { key: string; type: 'array' | 'object' }[] = [];
  for (const [key, schema] of Object.entries(subjectSchema.shape as Record<string, z.ZodType>)) {
    const type = fieldType(schema);
    if (type === 'array' || type === 'object') out.push({ key, type });
  }
  return out;
})();

const eventTypes: ReadonlySet<unknown> = new Set(activityEventTypes);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idIssue(value: unknown, path: string): Issue | undefined {
  if (typeof value !== 'string' || value === '') return { path, message: `must be a non-empty string (got ${describeValue(value)})` };
  if (value.length > recordLimits.shortText) return { path, message: `must be at most ${recordLimits.shortText} characters` };
  return undefined;
}

/** Runs a check; a value that throws while read (a getter, a proxy trap) is an issue, never an exception. */
function guarded<T>(check: () => TrustedCheck<T>): TrustedCheck<T> {
  try {
    return check();
  } catch (thrown) {
    return { ok: false, issues: [{ path: '', message: `could not be read: ${describeThrown(thrown)}` }] };
  }
}

/** The structural checks of a trusted subject: an object with a string id, and its top-level lists and objects of their type. */
export function checkTrustedSubject(value: unknown): TrustedCheck<Subject> {
  return guarded(() => {
    if (!isPlainObject(value)) return { ok: false, issues: [{ path: '', message: `must be an object (got ${describeValue(value)})` }] };
    const issues: Issue[] = [];
    const id = idIssue(value.id, 'id');
    if (id !== undefined) issues.push(id);
    for (const { key, type } of subjectContainers) {
      const field = value[key];
      if (field === undefined) continue;
      if (type === 'array' ? !Array.isArray(field) : !isPlainObject(field)) {
        issues.push({
          path: key,
          message: `must be ${type === 'array' ? 'an array' : 'an object'} or absent (got ${describeValue(field)}); trusted records are taken as the schema gives them`,
        });
      }
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, data: value as Subject };
  });
}

/** Whether `value` is an id the engine can key on: a non-empty string within the short-text limit. */
function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= recordLimits.shortText;
}

/**
 * What {@link readTrustedEvent} read of a trusted event, each field once: intake keys, hashes
 * and buckets on these values and never reads the record's fields again, so a getter that
 * answers differently on a later read cannot make intake disagree with its own check. One object,
 * filled anew for each event (no allocation per event).
 */
export interface TrustedEventFields {
  /** The event's id, as read by the check. */
  id: string;
  /** Its subject's id, as read by the check. */
  subjectId: string;
  /** Its time, milliseconds since the epoch: `at` parsed, or the caller's number when given. */
  time: number;
}

/** An empty {@link TrustedEventFields}, for one intake to fill event after event. */
export function trustedEventFields(): TrustedEventFields {
  return { id: '', subjectId: '', time: 0 };
}

/**
 * The structural checks of a trusted event: an object with string ids, a known type and a time,
 * each field read once. Without `timeGiven`, `at` must parse (the one parse of `at` the engine
 * makes); with it (the `eventTimes` column of trusted input), `at` need only be a string, and
 * `given` (the caller's number, any value) must be a finite number of milliseconds since the
 * epoch. Fills `out` and gives undefined, or gives the issues. The usual case, a well-formed
 * event, allocates nothing.
 */
export function readTrustedEvent(value: unknown, timeGiven: boolean, given: unknown, out: TrustedEventFields): readonly Issue[] | undefined {
  try {
    if (isPlainObject(value)) {
      const id = value.id;
      const subjectId = value.subjectId;
      const type = value.type;
      const at = value.at;
      if (isId(id) && isId(subjectId) && eventTypes.has(type) && typeof at === 'string') {
        const time = timeGiven ? given : parseIsoTime(at);
        if (typeof time === 'number' && Number.isFinite(time)) {
          out.id = id;
          out.subjectId = subjectId;
          out.time = time;
          return undefined;
        }
      }
    }
  } catch {
    // A getter or proxy trap threw: the slow path below reads again and reports it.
  }
  const check = checkTrustedEvent(value, timeGiven, given);
  // Only reached when the first reads failed and the second did not: report the first failure.
  return check.ok ? [{ path: '', message: 'could not be read consistently (a getter or proxy answered differently on a second read)' }] : check.issues;
}

/**
 * The structural checks of a trusted event, with every issue named (the slow path of
 * {@link readTrustedEvent}). With `timeGiven`, `given` is the time
 * from the caller's column (any value, `undefined` included): `at` need only be a string and
 * `given` must be a finite number.
 */
function checkTrustedEvent(value: unknown, timeGiven: boolean, given?: unknown): TrustedCheck<ActivityEvent> {
  return guarded(() => {
    if (!isPlainObject(value)) return { ok: false, issues: [{ path: '', message: `must be an object (got ${describeValue(value)})` }] };
    const issues: Issue[] = [];
    const id = idIssue(value.id, 'id');
    if (id !== undefined) issues.push(id);
    const subjectId = idIssue(value.subjectId, 'subjectId');
    if (subjectId !== undefined) issues.push(subjectId);
    if (!eventTypes.has(value.type))
      issues.push({ path: 'type', message: `${describeValue(value.type)} is not an event type; expected one of: ${activityEventTypes.join(', ')}` });
    const at = value.at;
    if (typeof at !== 'string' || (!timeGiven && !Number.isFinite(parseIsoTime(at)))) {
      issues.push({ path: 'at', message: `must be an ISO 8601 date-time (got ${describeValue(at)})` });
    }
    if (timeGiven && (typeof given !== 'number' || !Number.isFinite(given))) {
      issues.push({ path: 'at', message: `its time in eventTimes must be a finite number of milliseconds since the epoch (got ${describeValue(given)})` });
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, data: value as ActivityEvent };
  });
}
