import type { FieldUse } from './reader';
import { compareText } from '../engine/order';

/** A count of one source field path in the mapping report. */
export interface FieldCount {
  /** Path as the source spells it, array indices collapsed (`target[].displayName`). */
  readonly path: string;
  /** Rows in which the field held data. */
  readonly count: number;
}

/** A field the connector leaves out on purpose, or could not read, with why. */
export interface FieldCountWithReason extends FieldCount {
  /** Why it is not mapped (ignored) or could not be used (invalid). */
  readonly reason: string;
  /** Up to three distinct values, smallest first (invalid fields only), to help fix the source or the mapping. */
  readonly examples?: readonly string[];
}

/** A skipped row: the row could not be a record at all. */
export interface SkippedRow {
  /** Position of the row in the input, 1-based, counting rows (not lines). */
  readonly row: number;
  /** Line where the row starts, when read from a file. */
  readonly line?: number;
  /** File the row was read from, when known. */
  readonly file?: string;
  /** Why the row cannot be a record. */
  readonly reason: string;
}

/**
 * What an import did with every row and every field: nothing is dropped without being counted.
 * `rows.read = rows.mapped + rows.sessionEnds + rows.skipped`, and every field path that held
 * data in a mapped row is under `fields.mapped`, `fields.ignored`, `fields.invalid` or
 * `fields.unmapped`.
 */
export interface MappingReport {
  /** Connector id. */
  readonly source: string;
  /** Connector title. */
  readonly title: string;
  /** Row counts. */
  readonly rows: {
    /** Rows read. */
    readonly read: number;
    /** Rows that gave at least one record. */
    readonly mapped: number;
    /** Rows that only ended a session of another row. */
    readonly sessionEnds: number;
    /** Rows that could not be a record (see `skipped`). */
    readonly skipped: number;
  };
  /** Records written, by type (`subject`, `event:session`...). */
  readonly records: {
    readonly written: number;
    readonly byType: Readonly<Record<string, number>>;
    /** Records dropped because an earlier row gave the same id: identical content, or conflicting content (the first kept). */
    readonly duplicates: { readonly identical: number; readonly conflicting: number };
  };
  /** Skipped rows: counts by reason, and the first rows listed one by one. */
  readonly skipped: {
    readonly byReason: readonly { readonly reason: string; readonly count: number }[];
    /** The first skipped rows (up to the listing limit), in input order. */
    readonly rows: readonly SkippedRow[];
    /** True when more rows were skipped than listed. */
    readonly truncated: boolean;
  };
  /** Source fields of mapped rows, by how they were used. */
  readonly fields: {
    readonly mapped: readonly FieldCount[];
    readonly ignored: readonly FieldCountWithReason[];
    readonly invalid: readonly FieldCountWithReason[];
    readonly unmapped: readonly FieldCount[];
  };
  /** Record fields the validator refused and the runner removed (a connector gap; the record was kept). */
  readonly droppedRecordFields: readonly FieldCountWithReason[];
  /** Session ends: matched to a session, or matching none in the input. */
  readonly sessionEnds: { readonly matched: number; readonly unmatched: number };
}

/**
 * Most distinct entries a report tally keeps (skip reasons; field paths of each kind; refused
 * record fields). Reasons and paths come from a fixed vocabulary in practice, but some name a
 * value (`no subject for account "x"`) or a source's free-form keys: past the limit, further
 * distinct entries are counted together under one "other" entry, so the report's memory is
 * bounded whatever the number of rows, and every row and field is still counted.
 */
export const maxReportEntries = 10_000;

/** The entry past {@link maxReportEntries} distinct reasons are counted under. */
export const otherReasons = `other reasons (more than ${maxReportEntries} distinct reasons; the first ${maxReportEntries} are listed by name)`;
/** The path past {@link maxReportEntries} distinct field paths (of one kind) are counted under. */
export const otherFields = `(other fields: more than ${maxReportEntries} distinct paths)`;

interface Tally {
  display: string;
  count: number;
  reason?: string;
  examples?: string[];
}

/** Collects the counts of a {@link MappingReport}; ordering is fixed at the end, so input order never shows. */
export class ReportBuilder {
  readonly rows = { read: 0, mapped: 0, sessionEnds: 0, skipped: 0 };
  readonly byType = new Map<string, number>();
  written = 0;
  readonly duplicates = { identical: 0, conflicting: 0 };
  readonly skipReasons = new Map<string, number>();
  readonly skippedRows: SkippedRow[] = [];
  readonly sessionEnds = { matched: 0, unmatched: 0 };
  readonly #fields = {
    mapped: new Map<string, Tally>(),
    ignored: new Map<string, Tally>(),
    invalid: new Map<string, Tally>(),
    unmapped: new Map<string, Tally>(),
  };
  readonly #dropped = new Map<string, Tally>();

  constructor(
    readonly source: string,
    readonly title: string,
    readonly maxListed: number,
  ) {}

  skip(row: number, where: { readonly line?: number | undefined; readonly file?: string | undefined }, reason: string): void {
    this.rows.skipped++;
    const named = this.skipReasons.has(reason) || this.skipReasons.size < maxReportEntries ? reason : otherReasons;
    this.skipReasons.set(named, (this.skipReasons.get(named) ?? 0) + 1);
    if (this.skippedRows.length < this.maxListed) {
      this.skippedRows.push({
        row,
        ...(where.file !== undefined ? { file: where.file } : {}),
        ...(where.line !== undefined ? { line: where.line } : {}),
        reason,
      });
    }
  }

  written1(type: string): void {
    this.written++;
    this.byType.set(type, (this.byType.get(type) ?? 0) + 1);
  }

  fieldUses(uses: readonly FieldUse[]): void {
    // A field counts once per row, however many array elements held it.
    const seen = new Set<string>();
    for (const use of uses) {
      const key = `${use.kind}\u0000${use.path.toLowerCase()}\u0000${use.reason ?? ''}`;
      const first = !seen.has(key);
      seen.add(key);
      tally(this.#fields[use.kind], key, use.path, first ? 1 : 0, use.reason, use.kind === 'invalid' ? use.value : undefined);
    }
  }

  droppedField(path: string, message: string): void {
    tally(this.#dropped, `${path}\u0000${message}`, path, 1, message, undefined);
  }

  /** Entries held in the tallies and the list of skipped rows: bounded by distinct reasons and paths, never by rows. */
  entries(): number {
    const f = this.#fields;
    return (
      this.skipReasons.size +
      this.skippedRows.length +
      this.byType.size +
      f.mapped.size +
      f.ignored.size +
      f.invalid.size +
      f.unmapped.size +
      this.#dropped.size
    );
  }

  build(): MappingReport {
    return {
      source: this.source,
      title: this.title,
      rows: { ...this.rows },
      records: { written: this.written, byType: Object.fromEntries([...this.byType].sort(([a], [b]) => compare(a, b))), duplicates: { ...this.duplicates } },
      skipped: {
        byReason: [...this.skipReasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || compare(a.reason, b.reason)),
        rows: [...this.skippedRows],
        truncated: this.rows.skipped > this.skippedRows.length,
      },
      fields: {
        mapped: counts(this.#fields.mapped),
        ignored: countsWithReason(this.#fields.ignored),
        invalid: countsWithReason(this.#fields.invalid),
        unmapped: counts(this.#fields.unmapped),
      },
      droppedRecordFields: countsWithReason(this.#dropped),
      sessionEnds: { ...this.sessionEnds },
    };
  }
}

const compare = compareText;

function tally(map: Map<string, Tally>, key: string, display: string, add: number, reason: string | undefined, example: string | undefined): void {
  let entry = map.get(key);
  if (entry === undefined && map.size >= maxReportEntries) {
    // Bounded: a new distinct path past the limit is counted under one entry (without reason or examples).
    key = otherFields;
    display = otherFields;
    reason = reason !== undefined ? 'several reasons' : undefined;
    example = undefined;
    entry = map.get(key);
  }
  if (entry === undefined) {
    entry = { display, count: 0, ...(reason !== undefined ? { reason } : {}) };
    map.set(key, entry);
  }
  // The smallest spelling is shown, so `ipAddress` and `IPAddress` report the same way in any row order.
  if (compare(display, entry.display) < 0) entry.display = display;
  entry.count += add;
  if (example !== undefined) {
    // Only the three smallest are kept, so memory stays flat and the choice ignores row order.
    const list = (entry.examples ??= []);
    if (!list.includes(example)) {
      list.push(example);
      list.sort(compare);
      if (list.length > 3) list.pop();
    }
  }
}

function counts(map: Map<string, Tally>): FieldCount[] {
  return [...map.values()].map((t) => ({ path: t.display, count: t.count })).sort((a, b) => compare(a.path.toLowerCase(), b.path.toLowerCase()));
}

function countsWithReason(map: Map<string, Tally>): FieldCountWithReason[] {
  return [...map.values()]
    .map((t) => ({
      path: t.display,
      count: t.count,
      reason: t.reason ?? '',
      ...(t.examples !== undefined ? { examples: [...t.examples] } : {}),
    }))
    .sort((a, b) => compare(a.path.toLowerCase(), b.path.toLowerCase()) || compare(a.reason, b.reason));
}
