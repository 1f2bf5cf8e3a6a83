import type { z } from 'zod';
import { describeThrown } from '../errors/describeValue';
import type { Issue } from '../errors/ScoringError';
import { isDuplicateIdIssue } from './common';
import { referenceSchema, type Reference } from './batchInput';
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
  let entries: unknown[];
  try {
    const given = (value as { entries?: unknown }).entries;
    if (!Array.isArray(given)) return { value: undefined, issues: first.error.issues, warnings: [] };
    entries = given.slice();
  } catch {
    return { value: undefined, issues: first.error.issues, warnings: [] };
  }
  const bad = new Set<number>();
  const issues: Issue[] = [];
  let result = first;
  // Usually two passes: a value that throws when read hides the other problems of its list until it is left out.
  for (let pass = 0; pass < maxSalvagePasses; pass++) {
    // Positions in this pass's list, mapped back to the caller's positions.
    const kept: number[] = [];
    entries.forEach((_, index) => {
      if (!bad.has(index)) kept.push(index);
    });
    // An id shared with an entry that is bad for its own reasons is judged again once that entry
    // is left out, as for subjects and events: only copies that pass the schema make an id ambiguous.
    const ownProblems = result.error.issues.filter((issue) => !isDuplicateIdIssue(issue));
    for (const issue of ownProblems.length > 0 ? ownProblems : result.error.issues) {
      const index = entryIndexOf(issue.path);
      const original = index === undefined ? undefined : kept[index];
      if (original === undefined)
        return { value: undefined, issues: issues.length === 0 ? result.error.issues : issues.concat(result.error.issues), warnings: [] };
      bad.add(original);
      issues.push({
        path: issue.path.replace(/^entries\[\d+\]/, `entries[${original}]`),
        message: `${issue.message}; this entry is left out, the rest of the list is used`,
      });
    }
    let rest: unknown;
    try {
      rest = { ...(value as Record<string, unknown>), entries: entries.filter((_, index) => !bad.has(index)) };
    } catch {
      // A list that cannot even be copied (a hostile proxy) is rejected whole, with the problems found.
      return { value: undefined, issues, warnings: [] };
    }
    const next = safeParseWatchlist(rest, options);
    if (next.success) return { value: next.data, issues, warnings: next.warnings };
    result = next;
  }
  return { value: undefined, issues, warnings: [] };
}

/** Passes over one list before it is rejected whole: each pass finds every problem zod reports, or one unreadable value. */
const maxSalvagePasses = 8;

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
  try {
    return salvageReadableReference(value);
  } catch (thrown) {
    // A value that throws when read (a hostile proxy or getter) is no table at all: rejected, never a crash.
    return { value: undefined, issues: [{ path: 'reference', message: `could not be read: ${describeThrown(thrown)}` }] };
  }
}

function salvageReadableReference(value: unknown): Salvaged<Reference> {
  const schema: z.ZodType<Reference> = referenceSchema;
  // zod drops a "__proto__" key when it copies an object; say so rather than lose it silently.
  const reserved = protoKeyPaths(value, 'reference').map((path) => ({
    path,
    message: '"__proto__" cannot name a table or an entry (it names an object\'s prototype); left out',
  }));
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
