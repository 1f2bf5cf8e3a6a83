import type { z } from 'zod';
import type { Issue } from '../errors/ScoringError';
import { referenceSchema, type Reference } from './input';
import { protoKeyPaths, setOwn } from './ownKeys';
import { safeParseWatchlist, toIssues, type ParseOptions } from './validate';
import type { Watchlist } from './watchlist';

/**
 * A value parsed element by element: what could be kept, and every problem of what was dropped.
 * `value` is undefined when nothing could be kept.
 */
export interface Salvaged<T> {
  readonly value: T | undefined;
  readonly issues: readonly Issue[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `container` (an array or a plain object) without the given indices or keys; own keys only, so `__proto__` stays data. */
function without(container: unknown, drop: ReadonlySet<PropertyKey>): unknown {
  if (Array.isArray(container)) return container.filter((_, index) => !drop.has(index));
  if (!isPlainObject(container)) return container;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(container)) {
    if (!drop.has(key)) setOwn(out, key, container[key]);
  }
  return out;
}

/** The index of the watchlist entry a formatted issue path points into (`entries[3].type` gives 3). */
function entryIndexOf(path: string): number | undefined {
  const match = /^entries\[(\d+)\]/.exec(path);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Parses a watchlist, keeping its valid entries: one bad entry (an unknown `type`, an empty
 * value) rejects that entry, named by `entries[i]`, not the whole list. A problem of the list
 * itself (no name, an unknown kind, entries that are not an array) rejects the list. Parsing
 * follows {@link safeParseWatchlist} (hostile values, lenient unknown keys), whose warnings are
 * passed on.
 */
export function salvageWatchlist(value: unknown, options: ParseOptions = {}): Salvaged<Watchlist> & { readonly warnings: readonly Issue[] } {
  const first = safeParseWatchlist(value, options);
  if (first.success) return { value: first.data, issues: [], warnings: first.warnings };
  const issues = first.error.issues;
  const badEntries = new Set<PropertyKey>();
  for (const issue of issues) {
    const index = entryIndexOf(issue.path);
    if (index === undefined) return { value: undefined, issues, warnings: [] };
    badEntries.add(index);
  }
  let rest: unknown;
  try {
    rest = { ...(value as Record<string, unknown>), entries: without((value as { entries: unknown }).entries, badEntries) };
  } catch {
    // A list whose entries cannot even be copied (a hostile proxy) is rejected whole, with the first problems.
    return { value: undefined, issues, warnings: [] };
  }
  const second = safeParseWatchlist(rest, options);
  if (!second.success) return { value: undefined, issues, warnings: [] };
  return {
    value: second.data,
    issues: issues.map((issue) => ({ ...issue, message: `${issue.message}; this entry is left out, the rest of the list is used` })),
    warnings: second.warnings,
  };
}

/** The table and the element (array index or record key) an issue of the reference points at. */
function referenceTarget(path: readonly PropertyKey[]): { table: string; element: PropertyKey | undefined } | undefined {
  const [table, element] = path;
  if (typeof table !== 'string') return undefined;
  return { table, element };
}

/**
 * Parses the reference tables, keeping every valid element: a bad element of a table (a number
 * among front-company domains, a baseline with a negative volume) drops that element, a table of
 * the wrong shape drops that table, and the other tables are kept. Issue paths start with
 * `reference.`.
 */
export function salvageReference(value: unknown): Salvaged<Reference> {
  const schema: z.ZodType<Reference> = referenceSchema;
  // zod drops a "__proto__" key when it copies an object; say so rather than lose it silently.
  const reserved = protoKeyPaths(value, 'reference').map((path) => ({ path, message: '"__proto__" cannot name a table or an entry (it names an object\'s prototype); left out' }));
  const salvaged = salvageReferenceTables(schema, value);
  return reserved.length === 0 ? salvaged : { value: salvaged.value, issues: [...reserved, ...salvaged.issues] };
}

function salvageReferenceTables(schema: z.ZodType<Reference>, value: unknown): Salvaged<Reference> {
  const first = schema.safeParse(value);
  if (first.success) return { value: first.data, issues: [] };
  const issues = toIssues(first.error.issues).map((issue) => ({ ...issue, path: issue.path === '' ? 'reference' : `reference.${issue.path}` }));
  if (!isPlainObject(value)) return { value: undefined, issues };
  const dropTables = new Set<PropertyKey>();
  const dropElements = new Map<string, Set<PropertyKey>>();
  for (const issue of first.error.issues) {
    const target = referenceTarget(issue.path);
    if (target === undefined) return { value: undefined, issues };
    if (target.element === undefined) dropTables.add(target.table);
    else {
      const set = dropElements.get(target.table) ?? new Set<PropertyKey>();
      set.add(target.element);
      dropElements.set(target.table, set);
    }
  }
  const pruned = without(value, dropTables) as Record<string, unknown>;
  for (const [table, drop] of dropElements) {
    if (dropTables.has(table) || !Object.hasOwn(pruned, table)) continue;
    setOwn(pruned, table, without(pruned[table], drop));
  }
  const kept = issues.map((issue) => ({ ...issue, message: `${issue.message}; left out, the rest of the reference tables is used` }));
  const second = schema.safeParse(pruned);
  if (second.success) return { value: second.data, issues: kept };
  // An element-level problem the schema reports at another level: keep only the tables that parse on their own.
  const failing = new Set<PropertyKey>(second.error.issues.map((issue) => issue.path[0]).filter((key) => key !== undefined));
  const third = schema.safeParse(without(pruned, failing));
  return third.success ? { value: third.data, issues: kept } : { value: undefined, issues };
}
