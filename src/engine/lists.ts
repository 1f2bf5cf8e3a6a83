import type { RecordKind } from '../errors/InvalidRecordError';
import type { Issue } from '../errors/ScoringError';
import type { Reference } from '../records/batchInput';
import { salvageReference, salvageWatchlist } from '../records/salvage';
import { readRecordId, type ParseOptions } from '../records/validate';
import type { Watchlist } from '../records/watchlist';
import { freezeRecord } from './freezeRecord';

/** A watchlist or reference table rejected (whole or in part), or accepted with warnings: where, and why. */
export interface ListProblem {
  readonly kind: RecordKind;
  readonly index: number;
  readonly recordId?: string;
  readonly issues: readonly Issue[];
}

/** Watchlists and reference tables as validation left them: what is usable, frozen, and what was not. */
export interface ValidatedLists {
  /** The usable watchlists (bad entries dropped), frozen, in input order. */
  readonly watchlists: readonly Watchlist[];
  /** The usable reference tables (bad elements dropped), frozen; undefined when none were given or none was usable. */
  readonly reference: Reference | undefined;
  /** The lists, entries and elements rejected, with their paths. */
  readonly rejected: readonly ListProblem[];
  /** Problems accepted in lenient mode (unknown keys dropped). */
  readonly warnings: readonly ListProblem[];
}

/**
 * Watchlists and reference tables this module validated and froze. Frozen, they cannot have
 * changed since, so when one is handed back (a `--stream` run passes the same lists with every
 * subject) it is used as it is instead of being validated again.
 */
const validated = new WeakSet<object>();

function isValidated(value: unknown): value is object {
  return typeof value === 'object' && value !== null && validated.has(value);
}

/** A watchlist is named by its `name`: lists carry no id. */
function readWatchlistName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  let name: unknown;
  try {
    name = (value as { name?: unknown }).name;
  } catch {
    // A hostile getter or proxy: the list is rejected by validation, just without a name.
    return undefined;
  }
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * Validates watchlists and reference tables, keeping what is usable: a bad entry or element is
 * rejected with its list and position, the rest kept. Lists this function returned before are
 * taken as they are, so a caller scoring many batches against the same lists pays for their
 * validation once.
 */
export function validateLists(watchlistsIn: readonly unknown[], referenceIn: unknown, parseOptions: ParseOptions = {}): ValidatedLists {
  const rejected: ListProblem[] = [];
  const warnings: ListProblem[] = [];
  const watchlists: Watchlist[] = [];
  watchlistsIn.forEach((value, index) => {
    if (isValidated(value)) {
      watchlists.push(value as Watchlist);
      return;
    }
    const result = salvageWatchlist(value, parseOptions);
    const name = readWatchlistName(value);
    const named = name !== undefined ? { recordId: name } : {};
    const issues = [...result.issues];
    if (result.value !== undefined) {
      const unfrozen = freezeRecord(result.value);
      if (unfrozen === undefined) {
        validated.add(result.value);
        watchlists.push(result.value);
        const recordId = readRecordId(value);
        if (result.warnings.length > 0) warnings.push({ kind: 'watchlist', index, ...(recordId !== undefined ? { recordId } : {}), issues: result.warnings });
      } else for (const issue of unfrozen) issues.push(issue);
    }
    if (issues.length > 0) rejected.push({ kind: 'watchlist', index, ...named, issues });
  });
  let reference: Reference | undefined;
  if (isValidated(referenceIn)) reference = referenceIn as Reference;
  else if (referenceIn !== undefined) {
    const result = salvageReference(referenceIn);
    const unfrozen = result.value !== undefined ? freezeRecord(result.value) : undefined;
    if (result.value !== undefined && unfrozen === undefined) {
      validated.add(result.value);
      reference = result.value;
    }
    const issues = unfrozen === undefined ? result.issues : [...result.issues, ...unfrozen.map((i) => ({ ...i, path: 'reference' }))];
    if (issues.length > 0) rejected.push({ kind: 'document', index: 0, issues });
  }
  return { watchlists, reference, rejected, warnings };
}
