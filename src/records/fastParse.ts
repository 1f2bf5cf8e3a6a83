import { z } from 'zod';

/*
 * A leaner walk of a zod schema for records that are valid, derived from the schema itself (no
 * second description of the records). zod's own walk wraps every field in a payload object, runs
 * every key of a shape whether present or not, and copies unknown keys before our strictness check
 * reports them; here each node is read by a closure built once per schema, and every check of the
 * schema (formats, lengths, bounds, refinements, sorting, the strict-key check) is zod's own check
 * function, run on the same value in the same order. The walk answers only "valid, and this is the
 * value zod would give" or "not sure": at the first issue, unsupported node, promise or thrown
 * error it gives up, and the caller runs zod, which produces the issues. So accepted values,
 * issues and warnings are zod's by construction; only the cost of the common valid record changes.
 */

/** The answer of a reader that is not sure: zod decides. */
const unsure: unique symbol = Symbol('unsure');

type Reader = (input: unknown) => unknown;

/** The parts of a zod check the walk calls: the same calls zod's `runChecks` makes. */
interface Check {
  readonly _zod: {
    readonly def: { readonly when?: (payload: unknown) => boolean };
    check(payload: { value: unknown; issues: unknown[] }): unknown;
  };
}

interface Internals {
  readonly def: Record<string, unknown> & { readonly type: string; readonly checks?: readonly Check[] };
  readonly traits: ReadonlySet<string>;
  readonly optin?: string;
  readonly optout?: string;
  readonly values?: ReadonlySet<unknown>;
  readonly propValues?: Record<string, ReadonlySet<unknown>>;
}

function internals(schema: unknown): Internals {
  return (schema as { _zod: Internals })._zod;
}

/** The checks zod runs after parsing a node: the node itself first when it is a check (string formats), then its own. */
function checksOf(schema: unknown): readonly Check[] {
  const zod = internals(schema);
  const own = zod.def.checks ?? [];
  return zod.traits.has('$ZodCheck') ? [schema as Check, ...own] : own;
}

interface Payload {
  value: unknown;
  issues: unknown[];
}

/**
 * Quick tests of checks the record model adds (the strict-key check of `recordObject`), by check:
 * each answers true only when its check would neither add an issue nor change the value.
 */
export const quickPasses = new WeakMap<object, (value: unknown) => boolean>();

/**
 * A test that a check surely passes, for the commonest checks, without calling it: true only when
 * zod's check would add no issue (false means "call the check", not "fails"). A string's `max`
 * counts code points, never more than its UTF-16 length, so a length within the cap passes.
 */
function quickPass(check: Check): ((value: unknown) => boolean) | undefined {
  const registered = quickPasses.get(check);
  if (registered !== undefined) return registered;
  const def = check._zod.def as { check?: string; maximum?: unknown; value?: unknown; inclusive?: boolean };
  if (def.check === 'max_length' && typeof def.maximum === 'number') {
    const maximum = def.maximum;
    return (value) => (typeof value === 'string' || Array.isArray(value)) && value.length <= maximum;
  }
  if ((def.check === 'less_than' || def.check === 'greater_than') && typeof def.value === 'number') {
    const bound = def.value;
    if (def.check === 'less_than')
      return def.inclusive === true ? (value) => typeof value === 'number' && value <= bound : (value) => typeof value === 'number' && value < bound;
    return def.inclusive === true ? (value) => typeof value === 'number' && value >= bound : (value) => typeof value === 'number' && value > bound;
  }
  return undefined;
}

function withChecks(read: Reader, checks: readonly Check[]): Reader {
  if (checks.length === 0) return read;
  const quick = checks.map(quickPass);
  // The leading checks that have a quick test: a value passing them all needs no payload.
  let leading = 0;
  while (leading < quick.length && quick[leading] !== undefined) leading++;
  const tests = quick.slice(0, leading) as ((value: unknown) => boolean)[];
  // One payload per node, reused: checks neither keep it nor call back into this node, and the
  // `busy` guard gives a fresh one should a check ever do so.
  const spare: Payload = { value: undefined, issues: [] };
  let busy = false;
  return (input) => {
    const value = read(input);
    if (value === unsure) return unsure;
    let first = 0;
    while (first < leading && (tests[first] as (value: unknown) => boolean)(value)) first++;
    if (first === checks.length) return value;
    const payload: Payload = busy ? { value, issues: [] } : spare;
    const own = payload === spare;
    busy = true;
    payload.value = value;
    try {
      // The checks passed above have no side effects; the rest run in zod's order.
      for (let at = first; at < checks.length; at++) {
        const check = checks[at] as Check;
        const when = check._zod.def.when;
        if (when !== undefined && !when(payload)) continue;
        const result = check._zod.check(payload);
        if (result instanceof Promise || payload.issues.length > 0) return unsure;
      }
      return payload.value;
    } finally {
      if (own) {
        spare.value = undefined;
        // Only a record given up on left issues here; setting the length is not free.
        if (spare.issues.length > 0) spare.issues.length = 0;
        busy = false;
      }
    }
  };
}

function isObjectLike(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

interface Field {
  readonly key: string;
  readonly read: Reader;
  /** Optional in and out: an absent key contributes nothing, as in zod's object parse. */
  readonly optional: boolean;
}

function objectReader(zod: Internals, compiled: Compiled): Reader | undefined {
  const shape = zod.def.shape as Record<string, unknown>;
  if (Object.getOwnPropertySymbols(shape).length > 0 || Object.hasOwn(shape, '__proto__')) return undefined;
  const fields: Field[] = [];
  for (const key of Object.keys(shape)) {
    const field = shape[key];
    const read = compile(field, compiled);
    if (read === undefined) return undefined;
    const { optin, optout } = internals(field);
    const optional = optin === 'optional' && optout === 'optional';
    if (!optional && optin !== undefined) return undefined;
    fields.push({ key, read, optional });
  }
  const keySet = new Set(Object.keys(shape));
  // An unknown key is left out by a stripping object and reported or copied by the others: zod decides those.
  const strictOrLoose = zod.def.catchall !== undefined;
  return compiled.generate ? generatedObjectReader(fields, keySet, strictOrLoose) : closureObjectReader(fields, keySet, strictOrLoose);
}

/** Whether zod itself generates code here (it does unless configured jitless or the runtime forbids `new Function`). */
function canGenerate(): boolean {
  return z.core.globalConfig.jitless !== true && z.core.util.allowsEval.value;
}

/**
 * The object reader as generated code, as zod's own object parser is: a property name written
 * in the code keeps each read and write site to one shape, where a name held in a variable makes
 * every site see every field (slow, megamorphic property access). The names are the schema's own
 * keys, written as JSON string literals; no input reaches the code.
 */
function generatedObjectReader(fields: readonly Field[], keySet: ReadonlySet<string>, strictOrLoose: boolean): Reader {
  let body = 'return function readObject(input) {\n';
  body += '  if (typeof input !== "object" || input === null || Array.isArray(input)) return unsure;\n';
  body += '  const out = {};\n  let value;\n';
  fields.forEach((field, index) => {
    const key = JSON.stringify(field.key);
    // Read, then tested for presence, as zod's object parse does.
    body += `  value = input[${key}];\n`;
    body += `  if (${key} in input) { value = read[${index}](value); if (value === unsure) return unsure; out[${key}] = value; }`;
    body += field.optional ? '\n' : ' else return unsure;\n';
  });
  if (strictOrLoose) body += '  for (const key in input) if (!keySet.has(key)) return unsure;\n';
  body += '  return out;\n};';
  const make = new Function('read', 'keySet', 'unsure', body) as (read: readonly Reader[], keys: ReadonlySet<string>, marker: symbol) => Reader;
  return make(
    fields.map((field) => field.read),
    keySet,
    unsure,
  );
}

function closureObjectReader(fields: readonly Field[], keySet: ReadonlySet<string>, strictOrLoose: boolean): Reader {
  return (input) => {
    if (!isObjectLike(input)) return unsure;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      // Read, then tested for presence, as zod's object parse does.
      const value = input[field.key];
      const present = field.key in input;
      if (!present) {
        if (field.optional) continue;
        return unsure;
      }
      const parsed = field.read(value);
      if (parsed === unsure) return unsure;
      out[field.key] = parsed;
    }
    if (strictOrLoose) for (const key in input) if (!keySet.has(key)) return unsure;
    return out;
  };
}

function arrayReader(element: Reader): Reader {
  return (input) => {
    if (!Array.isArray(input)) return unsure;
    const length = input.length;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const parsed = element(input[i]);
      if (parsed === unsure) return unsure;
      out[i] = parsed;
    }
    return out;
  };
}

function unionReader(zod: Internals, compiled: Compiled): Reader | undefined {
  const discriminator = zod.def.discriminator;
  if (typeof discriminator !== 'string' || zod.def.unionFallback === true) return undefined;
  const byValue = new Map<unknown, Reader>();
  for (const option of zod.def.options as readonly unknown[]) {
    const values = internals(option).propValues?.[discriminator];
    const read = compile(option, compiled);
    if (values === undefined || read === undefined) return undefined;
    for (const value of values) {
      if (byValue.has(value)) return undefined;
      byValue.set(value, read);
    }
  }
  return (input) => {
    if (!isObjectLike(input)) return unsure;
    const read = byValue.get(input[discriminator]);
    return read === undefined ? unsure : read(input);
  };
}

/** The readers built so far for one schema, and whether object readers are generated code. */
interface Compiled {
  readonly generate: boolean;
  readonly readers: Map<unknown, Reader | undefined>;
}

function compile(schema: unknown, compiled: Compiled): Reader | undefined {
  if (compiled.readers.has(schema)) return compiled.readers.get(schema);
  // A schema met again while being compiled (a lazy cycle) stays with zod.
  compiled.readers.set(schema, undefined);
  const zod = internals(schema);
  const def = zod.def;
  let read: Reader | undefined;
  switch (def.type) {
    case 'string':
      if (def.coerce !== true) read = (input) => (typeof input === 'string' ? input : unsure);
      break;
    case 'number':
      // Number.isFinite also refuses NaN.
      if (def.coerce !== true) read = (input) => (typeof input === 'number' && Number.isFinite(input) ? input : unsure);
      break;
    case 'boolean':
      if (def.coerce !== true) read = (input) => (typeof input === 'boolean' ? input : unsure);
      break;
    case 'enum':
    case 'literal': {
      const values = zod.values;
      if (values !== undefined) read = (input) => (values.has(input) ? input : unsure);
      break;
    }
    case 'unknown':
    case 'any':
      read = (input) => input;
      break;
    case 'optional': {
      const inner = compile(def.innerType, compiled);
      if (inner !== undefined && internals(def.innerType).optin !== 'defaulted') read = (input) => (input === undefined ? undefined : inner(input));
      break;
    }
    case 'nullable': {
      const inner = compile(def.innerType, compiled);
      if (inner !== undefined) read = (input) => (input === null ? null : inner(input));
      break;
    }
    case 'array': {
      const element = compile(def.element, compiled);
      if (element !== undefined) read = arrayReader(element);
      break;
    }
    case 'object':
      read = objectReader(zod, compiled);
      break;
    case 'union':
      read = unionReader(zod, compiled);
      break;
    default:
      read = undefined;
  }
  const result = read === undefined ? undefined : withChecks(read, checksOf(schema));
  compiled.readers.set(schema, result);
  return result;
}

/**
 * The walk reads zod's internals (`_zod.def`, traits, check functions), which a minor release of
 * zod may change; it runs only on the minor release it was checked against (the lockfile's, where
 * `test/records/fast-parse.test.ts` compares it with zod), and any other leaves records to zod:
 * slower, never different. Widen it after running that test on the new release.
 */
export function walkChecked(version: { readonly major: number; readonly minor: number }): boolean {
  return version.major === 4 && version.minor === 6;
}

/** A parser of one schema's valid values: `{ value }` as zod would give it, or undefined when zod must decide. */
export type FastParser = (input: unknown) => { readonly value: unknown } | undefined;

/**
 * Builds the parser of {@link fastParse} for one schema; undefined when the schema has a node the
 * walk leaves to zod. `generate` chooses generated object readers (as zod's JIT) or closures (for
 * runtimes that forbid `new Function`); both give the same answers.
 */
export function createFastParser(schema: z.ZodType, generate: boolean): FastParser | undefined {
  if (!walkChecked(z.core.version)) return undefined;
  let read: Reader | undefined;
  try {
    read = compile(schema, { generate, readers: new Map() });
  } catch {
    // A runtime that refuses the generated code after all (a policy zod's probe did not see): zod alone.
    return undefined;
  }
  if (read === undefined) return undefined;
  return (input) => {
    try {
      const parsed = read(input);
      return parsed === unsure ? undefined : { value: parsed };
    } catch {
      // A getter or proxy that throws: zod reads it again and reports where.
      return undefined;
    }
  };
}

/** Parsers built so far, by schema; undefined for a schema left to zod. */
const parsers = new WeakMap<object, FastParser | undefined>();

/**
 * The value zod would give for a valid `input`, or undefined when the record may not be valid (or
 * holds anything the walk does not read): then run zod. Never throws.
 */
export function fastParse<T>(schema: z.ZodType<T>, input: unknown): { readonly value: T } | undefined {
  let parser = parsers.get(schema);
  if (parser === undefined && !parsers.has(schema)) {
    parser = createFastParser(schema, canGenerate());
    parsers.set(schema, parser);
  }
  return parser?.(input) as { readonly value: T } | undefined;
}
