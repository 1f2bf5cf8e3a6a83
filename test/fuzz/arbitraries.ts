/**
 * fast-check generators of hostile input documents for redflags.
 *
 * Records start valid-ish: they are generated from the JSON Schema the zod record schemas produce
 * (`jsonSchema('input')`), so a new field or enum value is fuzzed without touching this file.
 * Then each record may be mutated: any JSON value in any field, a hostile object (library only),
 * a 10,000-level nesting, a 50,000-character string, a deleted or misspelled key, a
 * `__proto__`/`constructor`/`prototype` key, a duplicated key. Documents mix valid and invalid
 * records, repeat ids, and come as one JSON document or as NDJSON with bad lines anywhere.
 */
import { fc } from '@fast-check/vitest';
import { jsonSchema } from '../../src/records/jsonSchema';
import { defineOwn, hostileFactories, isSpecial, objectOf, toJsonText, type HostileName, type Plan, type Special } from './plan';

/** The point in time every fuzzed batch is scored for, unless a case leaves `asOf` out. */
export const fuzzAsOf = '2025-06-01T00:00:00Z';

interface JsonSchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly items?: JsonSchemaNode;
  readonly enum?: readonly Plan[];
  readonly const?: Plan;
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

const inputSchema = jsonSchema('input') as unknown as JsonSchemaNode;
const inputProperties = inputSchema.properties as Readonly<Record<string, JsonSchemaNode>>;

const dayMs = 86_400_000;
/** Event and record times: 2023-01-01 to a month after {@link fuzzAsOf}, so some events are after it. */
const dateTimeArb = fc
  .integer({ min: Date.UTC(2023, 0, 1) / 1000, max: (Date.UTC(2025, 5, 1) + 30 * dayMs) / 1000 })
  .map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z'));
const partialDateArb = fc
  .tuple(fc.integer({ min: 1985, max: 2026 }), fc.option(fc.integer({ min: 1, max: 12 })), fc.option(fc.integer({ min: 1, max: 31 })))
  .map(([y, m, d]) =>
    m === null ? `${y}` : d === null ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const countryArb = fc.constantFrom('US', 'GB', 'DE', 'KP', 'CN', 'RU', 'UA', 'VN', 'IN', 'NG', 'PH');
const timeZoneArb = fc.constantFrom('America/Chicago', 'America/New_York', 'Europe/Berlin', 'Asia/Pyongyang', 'Asia/Shanghai', 'UTC');
const ipArb = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('175.45.176.1', '10.0.0.1', '2001:db8::1'));
const emailArb = fc.oneof(fc.emailAddress(), fc.constantFrom('dev@mailinator.com', 'a.miller@example.com', 'x@front.example'));
const domainArb = fc.oneof(fc.domain(), fc.constantFrom('front.example', 'acme.example', 'github.com'));
const phoneArb = fc.oneof(fc.stringMatching(/^\+1615555\d{4}$/), fc.constantFrom('+16155550100', '+850 2 381 4000'));
const wordArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Andrew Miller', 'Acme Corp', 'anydesk', 'pikvm', 'Kubernetes', 'engineer', 'energy', 'Astrill', 'resume', 'hris'),
);

function stringArb(name: string, node: JsonSchemaNode): fc.Arbitrary<Plan> {
  if (node.format === 'date-time') return dateTimeArb;
  if (node.pattern === '^[A-Z]{2}$') return countryArb;
  if (node.pattern !== undefined && node.pattern.startsWith('^\\d{4}(')) return partialDateArb;
  if (node.pattern === '^[0-9a-fA-F]+$') return fc.stringMatching(/^[0-9a-f]{8,16}$/);
  if (node.pattern !== undefined) return fc.stringMatching(new RegExp(node.pattern));
  if (name === 'timeZone') return timeZoneArb;
  if (name === 'ip') return ipArb;
  if (name === 'email' || name === 'address') return emailArb;
  if (name === 'domain' || name === 'host') return domainArb;
  if (name === 'url') return fc.webUrl();
  if (name === 'number' || name === 'phone') return phoneArb;
  if (name === 'currency') return fc.constantFrom('USD', 'EUR', 'KPW', 'USDT');
  if (name === 'id') return fc.constantFrom('n1', 'n2', 'n3');
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Math.max(min, 12);
  return wordArb.filter((s) => s.length >= min && s.length <= max);
}

function numberArb(node: JsonSchemaNode, integer: boolean): fc.Arbitrary<Plan> {
  const min = node.minimum ?? -1e6;
  const max = node.maximum ?? 1e6;
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, -1e6)), max: Math.floor(Math.min(max, 1e6)) });
  return fc.oneof(
    fc.integer({ min: Math.ceil(Math.max(min, 0)), max: Math.floor(Math.min(max, 200)) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  );
}

/** A valid-ish value of a JSON Schema node; `name` is the property it fills, to pick realistic strings. */
function fromSchema(node: JsonSchemaNode, name: string): fc.Arbitrary<Plan> {
  const alternatives = node.oneOf ?? node.anyOf;
  if (alternatives !== undefined) return fc.oneof(...alternatives.map((alt) => fromSchema(alt, name)));
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum !== undefined) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case 'object': {
      const properties = Object.entries(node.properties ?? {});
      if (properties.length === 0) {
        const extra = node.additionalProperties;
        if (typeof extra === 'object' && (extra.type !== undefined || extra.properties !== undefined)) {
          return fc.dictionary(fc.constantFrom('engineer', 'analyst', 'designer'), fromSchema(extra, name), { maxKeys: 2 }) as fc.Arbitrary<Plan>;
        }
        return fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Plan>, { maxKeys: 3 });
      }
      const model: Record<string, fc.Arbitrary<Plan>> = {};
      for (const [key, child] of properties) model[key] = fromSchema(child, key);
      return fc.record(model, { requiredKeys: [...(node.required ?? [])] }) as fc.Arbitrary<Plan>;
    }
    case 'array':
      return fc.array(node.items !== undefined ? fromSchema(node.items, name) : (fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Plan>), {
        maxLength: 2,
      }) as fc.Arbitrary<Plan>;
    case 'string':
      return stringArb(name, node);
    case 'integer':
      return numberArb(node, true);
    case 'number':
      return numberArb(node, false);
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Plan>;
  }
}

function itemsOf(key: string): JsonSchemaNode {
  const node = inputProperties[key] as JsonSchemaNode;
  // An optional list also accepts null (no data), so its schema may be a choice of array or null.
  const list = node.items !== undefined ? node : (node.anyOf ?? node.oneOf ?? []).find((alt) => alt.type === 'array');
  return list?.items as JsonSchemaNode;
}

/**
 * The optional and known keys of the object at `path` inside a subject, from its JSON Schema;
 * undefined when the path leaves the schema or enters free-form data (`extensions`).
 */
export function subjectKeysAt(path: readonly (string | number)[]): { readonly known: readonly string[]; readonly optional: readonly string[] } | undefined {
  let node: JsonSchemaNode | undefined = itemsOf('subjects');
  for (const key of path) {
    if (node === undefined || key === 'extensions') return undefined;
    node = typeof key === 'number' ? node.items : node.properties?.[key];
  }
  if (node?.properties === undefined) return undefined;
  const known = Object.keys(node.properties);
  const required = new Set(node.required ?? []);
  return { known, optional: known.filter((k) => !required.has(k) && k !== 'extensions') };
}

/** The top-level lists of a subject whose records carry an id (documents, shipments...), from its JSON Schema. */
export const subjectListsWithIds: readonly string[] = Object.entries(itemsOf('subjects').properties ?? {})
  .filter(([, node]) => node.type === 'array' && (node.items?.required ?? []).includes('id'))
  .map(([key]) => key);

/** Every object inside a plan, with its path (not inside specials). */
export function objectPaths(plan: Plan): (readonly (string | number)[])[] {
  return nodePaths(plan).filter((path) => isPlainRecord(getAt(plan, path)));
}

/** A subject as the schema describes it (its id is set by the document). */
export const subjectBaseArb = fromSchema(itemsOf('subjects'), 'subject');
/** An activity event of any type as the schema describes it (id and subjectId are set by the document). */
export const eventBaseArb = fromSchema(itemsOf('events'), 'event');
/** A watchlist as the schema describes it. */
export const watchlistBaseArb = fromSchema(itemsOf('watchlists'), 'watchlist');
/** Reference tables as the schema describes them. */
export const referenceBaseArb = fromSchema(inputProperties.reference as JsonSchemaNode, 'reference');

/** JSON values chosen to break naive code: coercion bait, extremes, control and bidi characters, markup, impossible dates. */
const curatedJson: readonly Plan[] = [
  null,
  true,
  false,
  0,
  -1,
  3.5,
  1.7e308,
  -1.7e308,
  5e-324,
  1e21,
  9007199254740993,
  '',
  ' ',
  '\u0000',
  '\u001b]0;PWNED\u0007\u001b[2J',
  '\u202eevil',
  '<img src=x onerror=alert(1)>',
  '2020-02-31',
  '2025-06-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  'NaN',
  '__proto__',
  'constructor',
  '999.1.1.1',
  'a@',
  [],
  {},
  [null],
  { toString: 1 },
  { valueOf: 1, toString: 1 },
  { toJSON: 1 },
  objectOf([['__proto__', { polluted: true }]]),
  { constructor: { prototype: { polluted: true } } },
];

const hostileNames = Object.keys(hostileFactories) as HostileName[];

/** A nesting of up to 10,000 levels, built when the case runs. */
export const deepArb: fc.Arbitrary<Special> = fc.constantFrom(50, 1000, 10_000).map((depth) => ({ $fuzz: 'deep', depth }));
/** A string of up to 50,000 characters made of a unit that stresses parsers and regexes. */
export const longArb: fc.Arbitrary<Special> = fc
  .record({
    unit: fc.constantFrom(' ', '/', '%', '1 ', 'a', 'a.', '@', '-', '\u00e9', '\u202e', '\u001b[2J', 'x\n'),
    length: fc.constantFrom(5_000, 50_000),
  })
  .map(({ unit, length }) => ({ $fuzz: 'long', unit, length }));
/** A value JSON cannot carry: hostile toString, throwing getters or Proxy traps, symbols, cycles. */
export const hostileArb: fc.Arbitrary<Special> = fc.constantFrom(...hostileNames).map((name) => ({ $fuzz: 'hostile', name }));

/** Options of the generators: hostile values exist only for library entry points. */
export interface HostileOptions {
  /** Allow values JSON cannot carry (library cases). */
  readonly hostile: boolean;
}

/** Any value that may replace a field. */
export function replacementArb(options: HostileOptions): fc.Arbitrary<Plan> {
  const choices: fc.WeightedArbitrary<Plan>[] = [
    { arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Plan>, weight: 4 },
    { arbitrary: fc.constantFrom(...curatedJson), weight: 4 },
    { arbitrary: deepArb, weight: 1 },
    { arbitrary: longArb, weight: 1 },
  ];
  if (options.hostile) choices.push({ arbitrary: hostileArb, weight: 3 });
  return fc.oneof(...choices);
}

/** One change to a record. `at` picks the node (modulo the node count). */
export type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly value: Plan }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add-key'; readonly at: number; readonly key: string; readonly value: Plan }
  | { readonly op: 'misspell-key'; readonly at: number; readonly drop: number }
  | { readonly op: 'dup-key'; readonly at: number; readonly value: Plan; readonly last: boolean };

/** Keys that walk prototypes when code treats data as code. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'recordType'] as const;

/** A mutation, with hostile values only when allowed. */
export function mutationArb(options: HostileOptions): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const value = replacementArb(options);
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('set' as const), at, value }), weight: 6 },
    { arbitrary: fc.record({ op: fc.constant('delete' as const), at }), weight: 2 },
    {
      arbitrary: fc.record({ op: fc.constant('add-key' as const), at, key: fc.oneof(fc.constantFrom(...prototypeKeys), fc.string({ maxLength: 8 })), value }),
      weight: 2,
    },
    { arbitrary: fc.record({ op: fc.constant('misspell-key' as const), at, drop: fc.nat() }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('dup-key' as const), at, value, last: fc.boolean() }), weight: 1 },
  );
}

type Path = readonly (string | number)[];

function nodePaths(plan: Plan): Path[] {
  const out: Path[] = [];
  const visit = (node: Plan, path: Path): void => {
    out.push(path);
    if (node === null || typeof node !== 'object' || isSpecial(node)) return;
    if (Array.isArray(node)) (node as readonly Plan[]).forEach((item, i) => visit(item, [...path, i]));
    else for (const key of Object.keys(node)) visit((node as Record<string, Plan>)[key] as Plan, [...path, key]);
  };
  visit(plan, []);
  return out;
}

function getAt(plan: Plan, path: Path): Plan {
  let node = plan;
  for (const key of path) node = (node as Record<string | number, Plan>)[key] as Plan;
  return node;
}

/** Copy-on-write update: containers along the path are copied, everything else is shared. */
function updateAt(plan: Plan, path: Path, update: (node: Plan) => Plan | undefined): Plan | undefined {
  if (path.length === 0) return update(plan);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const child = (plan as Record<string | number, Plan>)[head] as Plan;
  const next = updateAt(child, rest, update);
  if (Array.isArray(plan)) {
    const copy = [...(plan as readonly Plan[])];
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = objectOf(Object.entries(plan as Record<string, Plan>));
  if (next === undefined) delete copy[head as string];
  else defineOwn(copy, head as string, next);
  return copy;
}

type PlainRecord = { readonly [key: string]: Plan | undefined };

function isPlainRecord(node: Plan): node is Plan & PlainRecord {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && !isSpecial(node);
}

/** Applies one mutation; a mutation that does not fit the node it picked leaves the record as it is. */
export function applyMutation(plan: Plan, mutation: Mutation): Plan {
  const paths = nodePaths(plan);
  const path = paths[mutation.at % paths.length] as Path;
  const objectPath = isPlainRecord(getAt(plan, path)) ? path : path.slice(0, -1);
  const target = getAt(plan, objectPath);
  switch (mutation.op) {
    case 'set':
      return updateAt(plan, path, () => mutation.value) ?? plan;
    case 'delete':
      return path.length === 0 ? plan : (updateAt(plan, path, () => undefined) ?? plan);
    case 'add-key':
      if (!isPlainRecord(target)) return plan;
      return updateAt(plan, objectPath, (node) => defineOwn(objectOf(Object.entries(node as Record<string, Plan>)), mutation.key, mutation.value)) ?? plan;
    case 'misspell-key': {
      if (!isPlainRecord(target)) return plan;
      const keys = Object.keys(target).filter((k) => k.length > 2);
      if (keys.length === 0) return plan;
      const key = keys[mutation.drop % keys.length] as string;
      const cut = 1 + (mutation.drop % (key.length - 1));
      const misspelt = key.slice(0, cut) + key.slice(cut + 1);
      return (
        updateAt(plan, objectPath, (node) => objectOf(Object.entries(node as Record<string, Plan>).map(([k, v]) => [k === key ? misspelt : k, v] as const))) ??
        plan
      );
    }
    case 'dup-key': {
      if (!isPlainRecord(target)) return plan;
      const entries = Object.entries(target as Record<string, Plan>);
      const first = entries[0];
      if (first === undefined) return plan;
      const repeated: [string, Plan] = [first[0], mutation.value];
      const all = mutation.last ? [...entries, repeated] : [repeated, ...entries];
      return updateAt(plan, objectPath, () => ({ $fuzz: 'dupkeys', entries: all })) ?? plan;
    }
  }
}

/** A record of the given base, with 0 to 2 mutations (half the records stay as generated). */
function mutatedArb(base: fc.Arbitrary<Plan>, options: HostileOptions): fc.Arbitrary<{ record: Plan; mutations: readonly Mutation[] }> {
  return fc.record({
    record: base,
    mutations: fc.oneof(
      { arbitrary: fc.constant([] as Mutation[]), weight: 1 },
      { arbitrary: fc.array(mutationArb(options), { minLength: 1, maxLength: 2 }), weight: 1 },
    ),
  });
}

function withIds(record: Plan, ids: Readonly<Record<string, string>>): Plan {
  if (!isPlainRecord(record)) return record;
  const copy = objectOf(Object.entries(record as Record<string, Plan>));
  for (const [key, value] of Object.entries(ids)) defineOwn(copy, key, value);
  return copy;
}

/** A batch document plan, with its records already mutated. */
export interface DocumentPlan {
  readonly asOf?: string;
  readonly subjects: readonly Plan[];
  readonly events: readonly Plan[];
  readonly watchlists: readonly Plan[];
  readonly reference?: Plan;
}

/** Size limits of a generated document. */
export interface DocumentSizes {
  readonly maxSubjects: number;
  readonly maxEvents: number;
}

/**
 * A batch document: subjects `s0..sN` (events point at them, or at a subject that does not
 * exist), events `e0..eM`, up to two watchlists and optional reference tables; every record may be
 * mutated, and a pair of records may be given the same id.
 */
export function documentArb(
  options: HostileOptions & { readonly asOf: 'always' | 'sometimes' },
  sizes: DocumentSizes = { maxSubjects: 4, maxEvents: 8 },
): fc.Arbitrary<DocumentPlan> {
  return fc
    .record({
      omitAsOf: options.asOf === 'always' ? fc.constant(false) : fc.boolean(),
      subjects: fc.array(mutatedArb(subjectBaseArb, options), { maxLength: sizes.maxSubjects }),
      events: fc.array(fc.record({ owner: fc.nat({ max: sizes.maxSubjects }), body: mutatedArb(eventBaseArb, options) }), { maxLength: sizes.maxEvents }),
      watchlists: fc.array(
        fc.record({
          list: watchlistBaseArb,
          entryMutations: fc.array(fc.record({ entry: fc.nat(), mutation: mutationArb(options) }), { maxLength: 2 }),
          listMutations: fc.array(mutationArb(options), { maxLength: 1 }),
        }),
        { maxLength: 2 },
      ),
      reference: fc.option(mutatedArb(referenceBaseArb, options), { nil: undefined }),
      duplicateSubject: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
      duplicateEvent: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
    })
    .map((d) => {
      const subjectIds = d.subjects.map((_, i) => `s${i}`);
      const eventIds = d.events.map((_, i) => `e${i}`);
      if (d.duplicateSubject !== undefined && subjectIds.length > 1) {
        const [from, to] = d.duplicateSubject;
        subjectIds[to % subjectIds.length] = subjectIds[from % subjectIds.length] as string;
      }
      if (d.duplicateEvent !== undefined && eventIds.length > 1) {
        const [from, to] = d.duplicateEvent;
        eventIds[to % eventIds.length] = eventIds[from % eventIds.length] as string;
      }
      const subjects = d.subjects.map(({ record, mutations }, i) => mutations.reduce(applyMutation, withIds(record, { id: subjectIds[i] as string })));
      const events = d.events.map(({ owner, body }, i) =>
        body.mutations.reduce(applyMutation, withIds(body.record, { id: eventIds[i] as string, subjectId: `s${owner}` })),
      );
      const watchlists = d.watchlists.map(({ list, entryMutations, listMutations }) => {
        let plan = list;
        for (const { entry, mutation } of entryMutations) {
          const entries = isPlainRecord(plan) ? (plan as PlainRecord).entries : undefined;
          if (!Array.isArray(entries) || entries.length === 0) continue;
          const index = entry % entries.length;
          plan = updateAt(plan, ['entries', index], (node) => applyMutation(node, mutation)) ?? plan;
        }
        return listMutations.reduce(applyMutation, plan);
      });
      const reference = d.reference === undefined ? undefined : d.reference.mutations.reduce(applyMutation, d.reference.record);
      return {
        ...(d.omitAsOf ? {} : { asOf: fuzzAsOf }),
        subjects,
        events,
        watchlists,
        ...(reference !== undefined ? { reference } : {}),
      };
    });
}

/** The document as one JSON object plan. */
export function documentPlan(doc: DocumentPlan): Plan {
  return objectOf([
    ...(doc.asOf !== undefined ? [['asOf', doc.asOf] as const] : []),
    ['subjects', doc.subjects],
    ['events', doc.events],
    ['watchlists', doc.watchlists],
    ...(doc.reference !== undefined ? [['reference', doc.reference] as const] : []),
  ]);
}

/** A document whose top-level key repeats: the CLI must refuse it instead of keeping the last copy. */
export function duplicateTopLevelKey(doc: DocumentPlan, key: 'subjects' | 'events' | 'watchlists'): Plan {
  const entries = Object.entries(documentPlan(doc) as Record<string, Plan>);
  return { $fuzz: 'dupkeys', entries: [[key, []], ...entries] };
}

/** Lines that are not NDJSON records. */
export const badLines: readonly string[] = [
  '{"id":"trunc","subjectId":"s0"',
  '{"recordType":"subject","id":"trunc"',
  '{"id":"no-type","subjectId":"s0","type":"session","at":"2025-01-01T00:00:00Z"}',
  '{"recordType":{"toString":1},"id":"to-string"}',
  '{"recordType":"subjekt","id":"typo"}',
  '{"recordType":"__proto__","id":"proto"}',
  '{"recordType":"constructor"}',
  '{"recordType":null}',
  '[1,2,3]',
  '42',
  '"text"',
  'null',
  'not json at all',
  '\u001b]0;PWNED\u0007',
  '}{',
];

/** A line of an NDJSON plan: a record of a known kind, or a bad line. */
export type NdjsonLine =
  | { readonly kind: 'subject' | 'event' | 'watchlist' | 'reference'; readonly record: Plan }
  | { readonly kind: 'bad'; readonly text: string }
  | { readonly kind: 'blank'; readonly text: string };

/** An NDJSON input plan. */
export interface NdjsonPlan {
  readonly lines: readonly NdjsonLine[];
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  // Fisher-Yates with a small LCG: the order is part of the case, so a failure replays.
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A deterministic permutation of a list: the same seed gives the same order. */
export function permute<T>(items: readonly T[], seed: number): T[] {
  return shuffled(items, seed);
}

/**
 * NDJSON: the records of a document, one a line, with an anchor subject so the input always holds
 * a record, bad and blank lines inserted at any position (the first line included), and either
 * any order or grouped by subject (what `--stream` reads).
 */
export function ndjsonArb(layout: 'any-order' | 'grouped'): fc.Arbitrary<NdjsonPlan> {
  return fc
    .record({
      doc: documentArb({ hostile: false, asOf: 'always' }),
      order: fc.nat(),
      inserted: fc.array(fc.record({ at: fc.nat(), text: fc.oneof(fc.constantFrom(...badLines), fc.constantFrom('', '   ')) }), { maxLength: 3 }),
    })
    .map(({ doc, order, inserted }) => {
      const anchor: NdjsonLine = { kind: 'subject', record: { id: 'anchor' } };
      const header: NdjsonLine[] = [
        ...doc.watchlists.map((record) => ({ kind: 'watchlist' as const, record })),
        ...(doc.reference !== undefined ? [{ kind: 'reference' as const, record: doc.reference }] : []),
      ];
      let lines: NdjsonLine[];
      if (layout === 'grouped') {
        const eventsOf = (id: unknown): NdjsonLine[] =>
          doc.events.filter((e) => isPlainRecord(e) && (e as PlainRecord).subjectId === id).map((record) => ({ kind: 'event' as const, record }));
        lines = [
          ...header,
          anchor,
          ...doc.subjects.flatMap((record) => [{ kind: 'subject' as const, record }, ...(isPlainRecord(record) ? eventsOf((record as PlainRecord).id) : [])]),
        ];
      } else {
        lines = shuffled(
          [
            ...header,
            anchor,
            ...doc.subjects.map((record) => ({ kind: 'subject' as const, record })),
            ...doc.events.map((record) => ({ kind: 'event' as const, record })),
          ],
          order,
        );
      }
      for (const { at, text } of inserted) {
        // Grouped input keeps its first line a record: --stream refuses input that does not start with one.
        const min = layout === 'grouped' ? 1 : 0;
        const position = min + (at % (lines.length + 1 - min));
        lines.splice(position, 0, text.trim() === '' ? { kind: 'blank', text } : { kind: 'bad', text });
      }
      return { lines };
    });
}

/** One NDJSON line's text: the record with `recordType` first. */
export function ndjsonLineText(line: NdjsonLine): string {
  if (line.kind === 'bad' || line.kind === 'blank') return line.text;
  const body = toJsonText(line.record);
  if (!body.startsWith('{')) return body;
  const rest = body.slice(1);
  return `{"recordType":${JSON.stringify(line.kind)}${rest === '}' ? '' : ','}${rest}`;
}

/** The NDJSON text of a plan. */
export function ndjsonText(plan: NdjsonPlan): string {
  return `${plan.lines.map(ndjsonLineText).join('\n')}\n`;
}
