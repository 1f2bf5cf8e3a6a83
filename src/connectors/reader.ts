import { parseCountry } from './helpers/country';
import { parseDate, parseTime, type DateOrder } from './helpers/time';
import { fnv1a64Hex } from '../util/hash';
import { canonicalJson, parseBoolean, parseNumber } from './helpers/values';

/** One field of a source row: its spelling in the source, its value, and whether a connector used it. */
interface FieldNode {
  /** Path as the source spells it, array indices collapsed (`target[].type`). */
  readonly path: string;
  /** Leaf value (string, number, boolean, null), or undefined for objects and arrays. */
  readonly value?: unknown;
  /** Children of an object, by lower-cased key. */
  readonly children?: Map<string, FieldNode>;
  /** Elements of an array. */
  readonly items?: FieldNode[];
  /**
   * Values of an object no getter reaches: a key spelled again in another case (`IPAddress`,
   * then `ipAddress`) with a different value, or a dotted key (`client.ip`) under a key that
   * holds a value (`client`). Each is reported as invalid, so it is counted, never dropped.
   */
  unreachable?: { readonly node: FieldNode; readonly reason: string }[];
  /** How the connector used it: mapped, ignored (with the reason) or invalid (with the reason). */
  use?: { readonly kind: 'mapped' } | { readonly kind: 'ignored' | 'invalid'; readonly reason: string };
}

/** How a connector used one source field path of a row, for the mapping report. */
export interface FieldUse {
  /** Path as the source spells it, array indices collapsed: `client.geographicalContext.country`, `target[].type`. */
  readonly path: string;
  /** `mapped`, `ignored` (not mapped on purpose, with the reason) or `invalid` (read but unusable, with the reason), or `unmapped`. */
  readonly kind: 'mapped' | 'ignored' | 'invalid' | 'unmapped';
  /** Why, for ignored and invalid fields. */
  readonly reason?: string;
  /** The value, for invalid fields (shown as examples in the report). */
  readonly value?: string;
}

function isPresentLeaf(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** A string that holds a JSON object or array (Log Analytics writes dynamic columns so), parsed; else undefined. */
function embeddedJson(value: string): unknown {
  const text = value.trim();
  const first = text[0];
  const last = text[text.length - 1];
  if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function build(value: unknown, path: string): FieldNode {
  if (typeof value === 'string') {
    const parsed = embeddedJson(value);
    if (parsed !== undefined) return build(parsed, path);
  }
  if (Array.isArray(value)) {
    return { path, items: value.map((item) => build(item, `${path}[]`)) };
  }
  if (typeof value === 'object' && value !== null) {
    const node: FieldNode = { path, children: new Map() };
    for (const key of Object.keys(value)) insert(node, key.split('.'), (value as Record<string, unknown>)[key]);
    return node;
  }
  return { path, value };
}

/** Inserts a value under a (possibly dotted, as flattened SIEM exports write it) key, merging objects. */
function insert(node: FieldNode, segments: readonly string[], value: unknown): void {
  const [head, ...rest] = segments as [string, ...string[]];
  const children = node.children as Map<string, FieldNode>;
  const key = head.toLowerCase();
  if (rest.length === 0) {
    place(node, key, build(value, childPath(node.path, head)));
    return;
  }
  let target = children.get(key);
  if (target?.children === undefined) {
    if (target !== undefined && hasPresent(target)) {
      unreachable(node, build(value, childPath(node.path, segments.join('.'))), `${target.path} holds a value, so this dotted key has no place under it`);
      return;
    }
    target = { path: childPath(node.path, head), children: new Map() };
    children.set(key, target);
  }
  insert(target, rest, value);
}

/**
 * Puts a built node under its lower-cased key. Objects under two spellings of a key merge; for a
 * value, the first present one wins in source order (`IPAddress`, then `ipAddress`), and a
 * different present value under the other spelling is kept as unreachable.
 */
function place(parent: FieldNode, key: string, built: FieldNode): void {
  const children = parent.children as Map<string, FieldNode>;
  const existing = children.get(key);
  if (existing?.children !== undefined && built.children !== undefined) {
    for (const [k, child] of built.children) place(existing, k, child);
    for (const lost of built.unreachable ?? []) unreachable(existing, lost.node, lost.reason);
    return;
  }
  if (existing === undefined || !hasPresent(existing)) children.set(key, built);
  else if (!sameLeaf(existing, built)) unreachable(parent, built, `another spelling of this key, ${existing.path}, comes first; its value is the one read`);
}

function sameLeaf(a: FieldNode, b: FieldNode): boolean {
  return a.children === undefined && a.items === undefined && b.children === undefined && b.items === undefined && a.value === b.value;
}

/** Keeps a value no getter reaches on `parent`, with the reason the report gives (nothing for no data). */
function unreachable(parent: FieldNode, lost: FieldNode, reason: string): void {
  if (hasPresent(lost)) (parent.unreachable ??= []).push({ node: lost, reason });
}

function hasPresent(node: FieldNode): boolean {
  if (node.children !== undefined) {
    for (const child of node.children.values()) if (hasPresent(child)) return true;
    return false;
  }
  if (node.items !== undefined) return node.items.some(hasPresent);
  return isPresentLeaf(node.value);
}

function toPlain(node: FieldNode): unknown {
  if (node.children !== undefined) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of node.children) out[key] = toPlain(child);
    return out;
  }
  if (node.items !== undefined) return node.items.map(toPlain);
  return node.value;
}

function markAll(node: FieldNode, use: NonNullable<FieldNode['use']>): void {
  if (node.use === undefined) node.use = use;
  node.children?.forEach((child) => markAll(child, use));
  node.items?.forEach((child) => markAll(child, use));
}

/**
 * Reads the fields of one source row and remembers which ones the connector used, so the
 * report can list every present field that was not mapped. Paths are dotted (`client.ipAddress`)
 * and matched case-insensitively, so lower-case SIEM exports (`securitycontext.asnumber`) and
 * flattened keys (`"client.ipAddress": "..."`) read the same as the vendor's API shape. Strings
 * holding a JSON object or array are read as that object or array.
 *
 * `null`, `undefined` and blank strings are absent: every getter returns undefined for them.
 * A getter that finds a value it cannot read (a country it does not know, a time in no known
 * layout) returns undefined and counts the field as invalid with the reason.
 */
export class FieldReader {
  readonly #node: FieldNode;

  /** @internal Use {@link readRow}. */
  constructor(node: FieldNode) {
    this.#node = node;
  }

  #find(path: string): FieldNode | undefined {
    if (path === '') return this.#node;
    let node: FieldNode | undefined = this.#node;
    for (const segment of path.split('.')) {
      node = node?.children?.get(segment.toLowerCase());
      if (node === undefined) return undefined;
    }
    return node;
  }

  #leaf(path: string): FieldNode | undefined {
    const node = this.#find(path);
    if (node === undefined || node.children !== undefined || node.items !== undefined || !isPresentLeaf(node.value)) return undefined;
    return node;
  }

  #invalid(node: FieldNode, reason: string): undefined {
    node.use = { kind: 'invalid', reason };
    return undefined;
  }

  /** True when the path holds data (a present value, or an object or array with one). Marks nothing. */
  has(path: string): boolean {
    const node = this.#find(path);
    return node !== undefined && hasPresent(node);
  }

  /** The first of the paths that holds data, or undefined. Marks nothing. */
  firstPresent(...paths: readonly string[]): string | undefined {
    return paths.find((path) => this.has(path));
  }

  /** A text value (numbers and booleans as text), trimmed; undefined when absent. */
  string(path: string): string | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    node.use = { kind: 'mapped' };
    return typeof node.value === 'string' ? node.value.trim() : String(node.value);
  }

  /** A number (numbers or numeric text such as `"7922"`); counts anything else as invalid. */
  number(path: string): number | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const parsed = parseNumber(node.value);
    if (parsed === undefined) return this.#invalid(node, 'not a number');
    node.use = { kind: 'mapped' };
    return parsed;
  }

  /** A non-negative integer; counts anything else as invalid. */
  count(path: string): number | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const parsed = parseNumber(node.value);
    if (parsed === undefined || !Number.isInteger(parsed) || parsed < 0) return this.#invalid(node, 'not a non-negative integer');
    node.use = { kind: 'mapped' };
    return parsed;
  }

  /** A boolean (true/false, yes/no, 1/0 in any case); counts anything else as invalid. */
  boolean(path: string): boolean | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const parsed = parseBoolean(node.value);
    if (parsed === undefined) return this.#invalid(node, 'not a boolean');
    node.use = { kind: 'mapped' };
    return parsed;
  }

  /** A time as ISO 8601 UTC (see {@link parseTime}); counts anything else as invalid. */
  time(path: string): string | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const parsed = parseTime(node.value);
    if (parsed === undefined) return this.#invalid(node, 'not a time in a known layout');
    node.use = { kind: 'mapped' };
    return parsed;
  }

  /** A calendar date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), see {@link parseDate}; counts anything else as invalid. */
  date(path: string, order: DateOrder = 'iso'): string | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const parsed = parseDate(node.value, order);
    if (parsed === undefined) return this.#invalid(node, order === 'iso' ? 'not an ISO date' : `not a ${order} date`);
    node.use = { kind: 'mapped' };
    return parsed;
  }

  /** An ISO 3166-1 alpha-2 code from a code or English name (see {@link parseCountry}); unknown values are counted, never guessed. */
  country(path: string): string | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const parsed = parseCountry(node.value);
    if (parsed === undefined) return this.#invalid(node, 'unknown country');
    node.use = { kind: 'mapped' };
    return parsed;
  }

  /** A value looked up in a table (keys lower case); values not in it are counted as invalid with the reason. */
  oneOf<T>(path: string, table: Readonly<Record<string, T>>, reason = 'value not in the mapping'): T | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const key = String(node.value).trim().toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(table, key)) return this.#invalid(node, reason);
    node.use = { kind: 'mapped' };
    return table[key];
  }

  /**
   * A value read with the caller's parser (a vendor's own time or id layout); values the parser
   * refuses (returns undefined for) are counted as invalid with the reason, as the built-in getters do.
   */
  parsed<T>(path: string, parse: (value: unknown) => T | undefined, reason: string): T | undefined {
    const node = this.#leaf(path);
    if (node === undefined) return undefined;
    const value = parse(typeof node.value === 'string' ? node.value.trim() : node.value);
    if (value === undefined) return this.#invalid(node, reason);
    node.use = { kind: 'mapped' };
    return value;
  }

  /** Text values of an array of strings (or of a single string), blanks dropped; undefined when none. */
  strings(path: string): string[] | undefined {
    const node = this.#find(path);
    if (node === undefined) return undefined;
    const nodes = node.items ?? [node];
    const out: string[] = [];
    for (const item of nodes) {
      if (item.children !== undefined || item.items !== undefined || !isPresentLeaf(item.value)) continue;
      item.use = { kind: 'mapped' };
      out.push(String(item.value).trim());
    }
    return out.length > 0 ? out : undefined;
  }

  /** A reader for a nested object, or undefined when there is none. */
  object(path: string): FieldReader | undefined {
    const node = this.#find(path);
    return node?.children !== undefined ? new FieldReader(node) : undefined;
  }

  /** Readers for the objects of an array (an object alone counts as a one-element array). */
  list(path: string): FieldReader[] {
    const node = this.#find(path);
    if (node === undefined) return [];
    if (node.children !== undefined) return [new FieldReader(node)];
    return (node.items ?? []).filter((item) => item.children !== undefined).map((item) => new FieldReader(item));
  }

  /** The raw value (objects rebuilt with lower-case keys), marking the whole subtree mapped. */
  raw(path: string): unknown {
    const node = this.#find(path);
    if (node === undefined || !hasPresent(node)) return undefined;
    markAll(node, { kind: 'mapped' });
    return toPlain(node);
  }

  /** Marks a path (`''`: this whole object) as not mapped on purpose, with the reason the report and docs give. Fields already used keep their use. */
  ignore(path: string, reason: string): void {
    const node = this.#find(path);
    if (node !== undefined) markAll(node, { kind: 'ignored', reason });
  }

  /** Marks every path of a table (path to reason) as not mapped on purpose, as {@link ignore} does. */
  ignoreAll(table: Readonly<Record<string, string>>): void {
    for (const [path, reason] of Object.entries(table)) this.ignore(path, reason);
  }

  /** The keys of this object, as the source spells them. */
  keys(): string[] {
    const out: string[] = [];
    this.#node.children?.forEach((child) => out.push(child.path.slice(child.path.lastIndexOf('.') + 1)));
    return out;
  }

  /** Marks a field as read but unusable, with the reason (e.g. a value the model has no place for). */
  invalid(path: string, reason: string): void {
    const node = this.#find(path);
    if (node !== undefined) markAll(node, { kind: 'invalid', reason });
  }

  /** Marks a field as used (e.g. a field that only chose which mapping applies). */
  used(path: string): void {
    const node = this.#find(path);
    if (node !== undefined) markAll(node, { kind: 'mapped' });
  }

  /** A stable hash of the whole row's content (keys in any order and case), for rows that carry no id. */
  contentHash(): string {
    return fnv1a64Hex(canonicalJson(toPlain(this.#node)));
  }

  /** How each present leaf field of the row was used; fields never touched are `unmapped`. */
  fieldUses(): FieldUse[] {
    const out: FieldUse[] = [];
    const walk = (node: FieldNode, inherited: FieldNode['use']): void => {
      const use = node.use ?? inherited;
      if (node.children !== undefined) {
        node.children.forEach((child) => walk(child, use));
        for (const { node: lost, reason } of node.unreachable ?? []) walk(lost, use?.kind === 'ignored' ? use : { kind: 'invalid', reason });
      } else if (node.items !== undefined) node.items.forEach((child) => walk(child, use));
      else if (isPresentLeaf(node.value)) {
        if (use === undefined) out.push({ path: node.path, kind: 'unmapped' });
        else if (use.kind === 'mapped') out.push({ path: node.path, kind: 'mapped' });
        else out.push({ path: node.path, kind: use.kind, reason: use.reason, value: String(node.value).slice(0, 80) });
      }
    };
    walk(this.#node, undefined);
    return out;
  }
}

/** Wraps a parsed source row (an object, or anything else as a one-field row) in a {@link FieldReader}. */
export function readRow(value: unknown): FieldReader {
  return new FieldReader(build(value, ''));
}
