import { z } from 'zod';
import { closestNames } from '../errors/didYouMean';
import { describeThrown, describeValue } from '../errors/describeValue';
import { quickPasses } from './fastParse';
import { isCanonicalIpv4, parseIp } from './ip';
import { recordLimits } from './limits';

/*
 * Record constructors. Every object of the record model is built with `recordObject`, which gives
 * it, in one place, the rules real exports need:
 * - unknown keys are rejected, each with its path and the nearest known field ("did you mean");
 * - `null` in an optional field means "unknown": accepted, and the key is left out of the parsed record;
 * - an optional object that ends up with no data (`{}`, or only nulls) is left out too, recursively,
 *   so indicators and coverage see "no data" rather than an empty record;
 * - every string field without its own cap is capped at `recordLimits.shortText` characters, and every
 *   number without its own bounds at ±`recordLimits.maxMagnitude`;
 * - the ids of an array of records with an `id` field must be unique within the array.
 * Free-form values (`extensions`, custom event data) use `freeFormObjectSchema`: plain JSON data, at
 * most `recordLimits.freeFormDepth` levels deep, copied so no getter or proxy of the caller survives.
 */

/** Marks the issue of an unknown key, so lenient validation can tell it from a real problem. */
export const unknownKeyParam = 'unknownKey';

type Schema = z.core.$ZodType;

function metaOf(schema: Schema): Record<string, unknown> | undefined {
  return z.globalRegistry.get(schema) as Record<string, unknown> | undefined;
}

/** Carries the description (and other metadata) of `from` over to a rebuilt schema. */
function withMeta<T extends z.ZodType>(next: T, ...from: Schema[]): T {
  for (const source of from) {
    const meta = metaOf(source);
    if (meta !== undefined) return next.meta(meta) as T;
  }
  return next;
}

function isRecordArrayElement(element: Schema): boolean {
  const def = element._zod.def as { type: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape !== undefined && 'id' in def.shape;
}

/** Ends the message of a repeated-id issue, so salvaging can tell it from a problem of the entry itself. */
const duplicateIdMark = ' entries of this list share it';

/**
 * Every copy of a repeated id is named, so the issues do not depend on which copy came first.
 * One pass with a map: linear in the array.
 */
function checkUniqueIds(items: readonly { readonly id?: unknown }[], ctx: z.core.$RefinementCtx<unknown>): void {
  const seen = new Map<string, number>();
  for (const item of items) if (typeof item.id === 'string') seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
  items.forEach((item, index) => {
    const count = typeof item.id === 'string' ? (seen.get(item.id) as number) : 1;
    if (count > 1) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id ${describeValue(item.id)}: ${count}${duplicateIdMark}` });
  });
}

/** True when a formatted issue says that entries of a list share an id (and nothing about the entry itself). */
export function isDuplicateIdIssue(issue: { readonly path: string; readonly message: string }): boolean {
  return issue.path.endsWith('.id') && issue.message.startsWith('duplicate id ') && issue.message.endsWith(duplicateIdMark);
}

/** Applies the default caps to a field's value schema; returns the schema itself when nothing changes. */
function withDefaultCaps(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; element?: z.ZodType };
  if (def.type === 'string') {
    const text = schema as z.ZodString;
    return text.maxLength === null ? text.max(recordLimits.shortText) : text;
  }
  if (def.type === 'number') {
    let next = schema as z.ZodNumber;
    if (!Number.isFinite(next.maxValue ?? Infinity)) next = next.max(recordLimits.maxMagnitude);
    if (!Number.isFinite(next.minValue ?? -Infinity)) next = next.min(-recordLimits.maxMagnitude);
    return next;
  }
  if (def.type === 'array' && def.element !== undefined) {
    const element = withDefaultCaps(def.element);
    let next = element === def.element ? schema : withMeta((schema as z.ZodArray).clone({ ...def, element } as never), schema);
    if (isRecordArrayElement(element))
      next = withMeta(
        next.superRefine((items, ctx) => checkUniqueIds(items as { id?: unknown }[], ctx)),
        schema,
      );
    return next;
  }
  return schema;
}

function isNoData(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  // Parsed objects are fresh plain objects, whose own keys are already settled bottom-up.
  return Object.keys(value).length === 0;
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const close = key.length <= recordLimits.shortText ? closestNames(key, known) : [];
  const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
  return `is not a field of this record.${hint} Put extra data under "extensions".`;
}

/**
 * Builds an object schema of the record model with the rules described at the top of this file:
 * strict keys with suggestions, `null` as unknown in optional fields, no-data objects left out,
 * default length and magnitude caps, unique ids in arrays of records. Use it instead of
 * `z.object` for every object of the record model, and pass the shape (not `.extend`) to build a
 * variant of another record object.
 *
 * @example
 * ```ts
 * const shipmentSchema = recordObject({ id: recordIdSchema, deviceId: z.string().optional() });
 * ```
 */
export function recordObject<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strip> {
  const known = Object.keys(shape);
  const knownSet = new Set(known);
  const optional = new Set<string>();
  const adapted: Record<string, z.ZodType> = {};
  for (const key of known) {
    const field = shape[key] as unknown as z.ZodType;
    const def = field._zod.def as { type: string; innerType?: z.ZodType };
    if (def.type === 'optional' && def.innerType !== undefined) {
      optional.add(key);
      const inner = withDefaultCaps(def.innerType);
      adapted[key] = withMeta(z.optional(z.nullable(inner)), field, def.innerType);
    } else {
      adapted[key] = withDefaultCaps(field);
    }
  }
  // The one rule for an own key of a parsed record: kept, dropped as no data (an undefined value
  // is an absent key, as JSON has it), or reported as not a field.
  const keyFate = (key: string, field: unknown): 'keep' | 'drop' | 'unknown' => {
    if (field === undefined) return 'drop';
    if (!knownSet.has(key)) return 'unknown';
    return optional.has(key) && isNoData(field) ? 'drop' : 'keep';
  };
  const settleKeys = (value: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>): void => {
    for (const key of Object.keys(value)) {
      const fate = keyFate(key, value[key]);
      if (fate === 'drop') delete value[key];
      else if (fate === 'unknown') {
        ctx.addIssue({ code: 'custom', path: [key], message: unknownKeyMessage(key, known), params: { [unknownKeyParam]: true } });
      }
    }
  };
  // True when settleKeys would neither report nor delete anything (the fast walk's quick pass).
  const settled = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return false;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key) || keyFate(key, record[key]) !== 'keep') return false;
    }
    return true;
  };
  const strict = z.looseObject(adapted).superRefine((value, ctx) => settleKeys(value as Record<string, unknown>, ctx), {
    // Unknown keys are reported even when a field is also wrong, but only on an object value.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
  });
  const checks = strict._zod.def.checks ?? [];
  quickPasses.set(checks[checks.length - 1] as object, settled);
  return strict.meta({ additionalProperties: false }) as unknown as z.ZodObject<S, z.core.$strip>;
}

/** A non-empty identifier of a record, unique within its kind. */
export const recordIdSchema = z.string().min(1).max(recordLimits.shortText).describe('Identifier of the record, unique within its kind.');

/** A string of up to `recordLimits.longText` characters: URLs, user agents, paths, resource names. */
export function longTextSchema() {
  return z.string().max(recordLimits.longText);
}

/** A string of up to `recordLimits.note` characters: free-text notes, details, reasons. */
export function noteSchema() {
  return z.string().max(recordLimits.note);
}

/** A string of up to `recordLimits.document` characters: a whole document carried as text. */
export function documentTextSchema() {
  return z.string().max(recordLimits.document);
}

/**
 * A list of strings whose order carries no meaning (vendor reason codes, tags, banners...). It is
 * sorted when parsed, so an indicator that joins or picks from it gives the same finding whatever
 * order the source system listed it in: record order must never change a report.
 */
export function unorderedStrings<T extends z.ZodType<string>>(item: T) {
  // zod copies arrays while parsing, so sorting the output in place never touches the caller's input.
  return z.array(item).overwrite((list) => list.sort());
}

function yearInRange(year: number): boolean {
  return year >= recordLimits.minYear && year <= recordLimits.maxYear;
}

const yearRangeMessage = `Expected a year from ${recordLimits.minYear} to ${recordLimits.maxYear}`;

/** An ISO 8601 date-time with an explicit offset or `Z`, such as `2025-03-01T09:30:00Z`. */
export const dateTimeSchema = z.iso
  .datetime({ offset: true })
  // The format already refuses impossible calendar days (2020-02-30); the year range keeps arithmetic on dates plausible.
  .refine((value) => yearInRange(Number(value.slice(0, 4))), yearRangeMessage)
  .describe(`ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T09:30:00Z; years ${recordLimits.minYear} to ${recordLimits.maxYear}.`);

function isCalendarDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  if (value.length < 10) return true;
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  // Day 0 of the next month is the last day of this one; UTC avoids daylight-saving gaps.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date or a part of one: `2019`, `2019-06` or `2019-06-30`, as resumes give them. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => yearInRange(Number(value.slice(0, 4))), yearRangeMessage)
  .refine(isCalendarDate, 'Expected a day that exists in its month')
  .describe(`A date or part of one: YYYY, YYYY-MM or YYYY-MM-DD; a real calendar day, years ${recordLimits.minYear} to ${recordLimits.maxYear}.`);

/** An ISO 3166-1 alpha-2 country code in upper case, such as `US`. */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code in upper case, such as "US"')
  .describe('ISO 3166-1 alpha-2 country code, upper case.');

/** An IPv4 or IPv6 address, as `parseIp` reads it (the one IP parser of the library). */
export const ipAddressSchema = z
  .string()
  // Aborts: the parser never sees a string over the cap.
  .max(recordLimits.shortText, { abort: true })
  // Most addresses are canonical dotted quads, which a scan settles without parsing.
  .refine((value) => isCanonicalIpv4(value) || parseIp(value) !== undefined, 'Expected an IPv4 or IPv6 address, e.g. 203.0.113.7 or 2001:db8::1');

// Zone names already checked, so a batch builds one Intl formatter per distinct name rather than
// one per record; bounded, since the names come from untrusted input.
const knownTimeZones = new Map<string, boolean>();
const MAX_KNOWN_TIME_ZONES = 4096;

function isTimeZone(value: string): boolean {
  const known = knownTimeZones.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownTimeZones.size >= MAX_KNOWN_TIME_ZONES) knownTimeZones.clear();
  knownTimeZones.set(value, valid);
  return valid;
}

/** An IANA time-zone name that this runtime's `Intl` knows, such as `America/Chicago`. */
export const timeZoneSchema = z
  .string()
  .max(recordLimits.shortText, { abort: true })
  .refine(isTimeZone, 'Expected an IANA time zone such as "America/Chicago"')
  .describe('IANA time-zone name, e.g. America/Chicago.');

/** Where a fact came from: `resume`, `application-form`, `idv:<vendor>`, `background-check`, `hris`... */
export const sourceSchema = z
  .string()
  .min(1)
  .max(recordLimits.shortText)
  .describe('Where the fact came from, e.g. resume, application-form, idv:vendor, background-check, hris.');

type PathLink = { readonly parent: PathLink | undefined; readonly key: PropertyKey };

function pathOf(link: PathLink | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = link; at !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of any realm has a null prototype itself.
  return proto === null || (typeof proto === 'object' && Object.getPrototypeOf(proto) === null);
}

function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  // `__proto__` is data here: define it, never assign it (assignment would replace the copy's prototype).
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

/**
 * Copies a free-form value into plain JSON data with an iterative walk (no recursion, so no depth
 * can overflow the stack), refusing values nested deeper than `recordLimits.freeFormDepth`,
 * objects met twice (cycles), non-JSON values and anything that throws when read. Returns the copy,
 * or the first problem with its path below the value.
 */
export function copyFreeForm(root: unknown): { ok: true; value: unknown } | { ok: false; path: PropertyKey[]; message: string } {
  const holder: { value?: unknown } = {};
  type Frame = { source: unknown; target: Record<string, unknown> | unknown[]; key: string | number; depth: number; link: PathLink | undefined };
  const stack: Frame[] = [{ source: root, target: holder as Record<string, unknown>, key: 'value', depth: 0, link: undefined }];
  const seen = new Set<object>();
  let current: Frame | undefined;
  try {
    while ((current = stack.pop()) !== undefined) {
      const { source, target, key, depth, link } = current;
      if (source === null || typeof source === 'string' || typeof source === 'boolean') {
        setOwn(target, key, source);
        continue;
      }
      if (typeof source === 'number') {
        if (!Number.isFinite(source)) return { ok: false, path: pathOf(link), message: 'is not JSON data: numbers must be finite' };
        setOwn(target, key, source);
        continue;
      }
      if (source === undefined) continue;
      if (typeof source !== 'object') return { ok: false, path: pathOf(link), message: `is not JSON data (got ${describeValue(source)})` };
      if (depth >= recordLimits.freeFormDepth) {
        return { ok: false, path: pathOf(link), message: `is nested too deep: free-form data may have at most ${recordLimits.freeFormDepth} levels` };
      }
      if (seen.has(source))
        return { ok: false, path: pathOf(link), message: 'refers to an object already seen (a cycle or shared object); free-form data must be a JSON tree' };
      seen.add(source);
      if (!isPlainContainer(source)) return { ok: false, path: pathOf(link), message: 'is not JSON data: only plain objects and arrays may nest' };
      if (Array.isArray(source)) {
        const copy: unknown[] = [];
        setOwn(target, key, copy);
        const length = source.length;
        for (let i = length - 1; i >= 0; i--) stack.push({ source: source[i] ?? null, target: copy, key: i, depth: depth + 1, link: { parent: link, key: i } });
        // Holes and undefined items become null, as JSON writes them; filled in as the stack unwinds.
        copy.length = length;
      } else {
        const copy: Record<string, unknown> = {};
        setOwn(target, key, copy);
        const keys = Object.keys(source);
        for (let i = keys.length - 1; i >= 0; i--) {
          const name = keys[i] as string;
          if (name.length > recordLimits.shortText)
            return { ok: false, path: pathOf(link), message: `has a key longer than ${recordLimits.shortText} characters` };
          stack.push({ source: (source as Record<string, unknown>)[name], target: copy, key: name, depth: depth + 1, link: { parent: link, key: name } });
        }
      }
    }
  } catch (thrown) {
    return { ok: false, path: pathOf(current?.link), message: `could not be read: ${describeThrown(thrown)}` };
  }
  return { ok: true, value: holder.value };
}

function copyInto(payload: z.core.ParsePayload<unknown>): void {
  const copied = copyFreeForm(payload.value);
  if (copied.ok) payload.value = copied.value;
  else payload.issues.push({ code: 'custom', path: copied.path, message: copied.message, input: undefined });
}

/**
 * A free-form object of caller data (for custom indicators): plain JSON, at most
 * `recordLimits.freeFormDepth` levels deep, replaced by a plain copy when parsed. Its keys are
 * data, `__proto__` included (a zod record would drop that one silently).
 */
export function freeFormObjectSchema(): z.ZodType<Record<string, unknown>> {
  return z
    .unknown()
    .check((payload) => {
      const value = payload.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        payload.issues.push({
          code: 'invalid_type',
          expected: 'object',
          input: undefined,
          message: `Invalid input: expected object, received ${describeValue(value)}`,
        });
        return;
      }
      copyInto(payload);
    })
    .meta({ type: 'object', additionalProperties: {} }) as unknown as z.ZodType<Record<string, unknown>>;
}

/** Any free-form JSON value of caller data, with the same limits and copy as {@link freeFormObjectSchema}. */
export function freeFormValueSchema() {
  return z.unknown().check(copyInto);
}

/** Free-form data a caller attaches for custom indicators; built-ins never read it. */
export const extensionsSchema = freeFormObjectSchema().describe(
  `Caller-defined data for custom indicators, as plain JSON at most ${recordLimits.freeFormDepth} levels deep. Built-in indicators never read it.`,
);

/** The fields of a postal address, to build address records with more fields. */
export const postalAddressShape = {
  line1: z.string().optional().describe('First address line: street and number.'),
  line2: z.string().optional().describe('Second address line: unit, suite or apartment.'),
  city: z.string().optional().describe('City or locality.'),
  region: z.string().optional().describe('State, province or region.'),
  postalCode: z.string().optional().describe('Postal or ZIP code.'),
  country: countryCodeSchema.optional(),
};

/** A postal address as given by the person or a system of record. */
export const postalAddressSchema = recordObject(postalAddressShape);

/** A postal address. */
export type PostalAddress = z.infer<typeof postalAddressSchema>;

/** Result states of a confirmation by a reference, registry or other independent party. */
export const confirmationSchema = z
  .enum(['confirmed', 'unconfirmed', 'contradicted', 'not-checked'])
  .describe('Whether an independent party confirmed the entry: confirmed, unconfirmed (tried, could not), contradicted, not-checked.');

/** Whether an independent party confirmed a history entry. */
export type Confirmation = z.infer<typeof confirmationSchema>;

/**
 * A refinement for a record with a start and an optional end date-time: the end may not come
 * before the start. Reported on the end field.
 */
export function endNotBeforeStart(startKey: string, endKey: string) {
  return (record: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>): void => {
    const start = record[startKey];
    const end = record[endKey];
    if (typeof start !== 'string' || typeof end !== 'string') return;
    if (Date.parse(end) < Date.parse(start))
      ctx.addIssue({ code: 'custom', path: [endKey], message: `is before ${startKey}: a period cannot end before it starts` });
  };
}
