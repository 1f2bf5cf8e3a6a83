/**
 * The accounting every run must balance: records in = records scored + records rejected.
 *
 * - Subjects: each subject is one report (by `subjectId`) or one rejected record of kind
 *   `subject` with its index. So `subjects.length = reports.length + rejected(subject)`.
 * - Events: each event is counted in exactly one report's `meta.eventsConsidered` (at or before
 *   `asOf`) or `meta.eventsAfterAsOf`, or is one rejected record of kind `event`. So
 *   `events.length = Σ(eventsConsidered + eventsAfterAsOf) + rejected(event)`.
 * - Watchlist entries: an entry that fails the entry schema, or passes it but shares its id with
 *   another entry that passes, is named by a rejected record of kind `watchlist` with its list's
 *   index and an issue path under `entries[j]` (every copy of a shared id is named, so the verdict
 *   does not depend on which came first); any other entry is never named (unless the list as a whole is unusable: no name, unknown kind, `entries` not an
 *   array). Whether valid entries are really screened is checked by the planted-match property.
 * - Every rejected record names its kind, a valid position, and at least one issue with a string
 *   path and a non-empty message; an index appears at most once per kind (except watchlists,
 *   which may list several entries).
 * - NDJSON (CLI): every non-blank line is a subject, an event, a watchlist, a reference table or
 *   a bad line; subject and event lines balance as above, counting rejected records by their
 *   `line`, and every bad line is a rejected record with its `line`.
 */
import { recordObject } from '../../src/records/common';
import { watchlistEntrySchema, watchlistSchema } from '../../src/records/watchlist';
import { z } from 'zod';

/** The parts of a batch result the accounting reads (a library `BatchResult` or the CLI's JSON output). */
export interface Outcome {
  readonly reports: readonly { readonly subjectId: string; readonly meta: { readonly eventsConsidered: number; readonly eventsAfterAsOf: number } }[];
  readonly rejected: readonly {
    readonly kind: string;
    readonly index: number;
    readonly recordId?: string;
    readonly line?: number;
    readonly issues: readonly { readonly path: string; readonly message: string }[];
  }[];
}

/** The records of a batch as handed in. */
export interface BatchRecords {
  readonly subjects: readonly unknown[];
  readonly events: readonly unknown[];
  readonly watchlists: readonly unknown[];
}

// The list without its entries' rules, under the same record-object rules (strict keys, nulls as absent).
const listHeaderSchema = recordObject({ ...watchlistSchema.shape, entries: z.array(z.unknown()) });

function eventsScored(outcome: Outcome): number {
  return outcome.reports.reduce((n, r) => n + r.meta.eventsConsidered + r.meta.eventsAfterAsOf, 0);
}

function safeParses(schema: z.ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    // A hostile value that breaks the schema itself is not a valid entry.
    return false;
  }
}

/** Problems with the shape of the rejected records: empty when every one names its kind, position and issues. */
export function rejectedShapeProblems(outcome: Outcome): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of outcome.rejected) {
    const where = `rejected ${r.kind}[${r.index}]`;
    if (!['subject', 'event', 'watchlist', 'document'].includes(r.kind)) problems.push(`${where}: unknown kind`);
    if (!Number.isInteger(r.index) || r.index < 0) problems.push(`${where}: index is not a position`);
    if (r.recordId !== undefined && typeof r.recordId !== 'string') problems.push(`${where}: recordId is not a string`);
    if (!Array.isArray(r.issues) || r.issues.length === 0) problems.push(`${where}: no issue`);
    for (const issue of r.issues ?? []) {
      if (typeof issue.path !== 'string') problems.push(`${where}: an issue path is not a string`);
      if (typeof issue.message !== 'string' || issue.message === '') problems.push(`${where}: an issue has no message`);
    }
    const key = `${r.kind}:${r.line ?? r.index}`;
    if ((r.kind === 'subject' || r.kind === 'event') && seen.has(key)) problems.push(`${where}: listed twice`);
    seen.add(key);
  }
  return problems;
}

/** Problems with the accounting of a batch: empty when it balances. */
export function accountingProblems(input: BatchRecords, outcome: Outcome): string[] {
  const problems = rejectedShapeProblems(outcome);
  const rejectedOf = (kind: string) => outcome.rejected.filter((r) => r.kind === kind);

  const subjectsRejected = rejectedOf('subject');
  for (const r of subjectsRejected) if (r.index >= input.subjects.length) problems.push(`rejected subject index ${r.index} is out of range`);
  if (outcome.reports.length + subjectsRejected.length !== input.subjects.length) {
    problems.push(`subjects: ${input.subjects.length} in, ${outcome.reports.length} scored + ${subjectsRejected.length} rejected`);
  }
  const reportIds = new Set(outcome.reports.map((r) => r.subjectId));
  if (reportIds.size !== outcome.reports.length) problems.push('two reports share a subject id');

  const eventsRejected = rejectedOf('event');
  for (const r of eventsRejected) if (r.index >= input.events.length) problems.push(`rejected event index ${r.index} is out of range`);
  const scored = eventsScored(outcome);
  if (scored + eventsRejected.length !== input.events.length) {
    problems.push(`events: ${input.events.length} in, ${scored} counted in reports + ${eventsRejected.length} rejected`);
  }

  input.watchlists.forEach((list, i) => {
    const named = rejectedOf('watchlist').filter((r) => r.index === i);
    if (!safeParses(listHeaderSchema, list)) {
      if (named.length === 0) problems.push(`watchlist ${i} is unusable but not rejected`);
      return;
    }
    const entries = (list as { entries: readonly unknown[] }).entries;
    const passes = entries.map((entry) => safeParses(watchlistEntrySchema, entry));
    // Ids shared by entries that pass the schema: every copy is rejected, since evidence could not say which one matched.
    // Only entries that pass the schema are read here, so each is an object.
    const idOf = (entry: unknown): string | undefined => {
      const id = (entry as { id?: unknown }).id;
      return typeof id === 'string' ? id : undefined;
    };
    const idCounts = new Map<string, number>();
    entries.forEach((entry, j) => {
      const id = passes[j] === true ? idOf(entry) : undefined;
      if (id !== undefined) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
    });
    entries.forEach((entry, j) => {
      const id = passes[j] === true ? idOf(entry) : undefined;
      const valid = passes[j] === true && (id === undefined || idCounts.get(id) === 1);
      const isNamed = named.some((r) => r.issues.some((issue) => new RegExp(`(^|\\.)entries\\[${j}\\]`).test(issue.path)));
      if (!valid && !isNamed) problems.push(`watchlist ${i} entry ${j} is invalid but not named in rejected`);
      if (valid && isNamed) problems.push(`watchlist ${i} entry ${j} is valid but named in rejected`);
    });
  });
  return problems;
}

/** How the CLI must read one NDJSON line: a record of a kind, or a line to reject by its number. */
export type LineKind = 'subject' | 'event' | 'watchlist' | 'reference' | 'bad' | 'blank';

/** Classifies a line as the format defines it: a JSON object with a known `recordType` is a record. */
export function classifyLine(text: string): LineKind {
  if (text.trim() === '') return 'blank';
  let value: unknown;
  try {
    value = JSON.parse(text.trim());
  } catch {
    return 'bad';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'bad';
  const type = (value as { recordType?: unknown }).recordType;
  return type === 'subject' || type === 'event' || type === 'watchlist' || type === 'reference' ? type : 'bad';
}

/** Problems with the accounting of an NDJSON run by line numbers: empty when it balances. */
export function ndjsonAccountingProblems(lines: readonly string[], outcome: Outcome): string[] {
  const problems = rejectedShapeProblems(outcome);
  const kinds = lines.map(classifyLine);
  const linesOf = (kind: LineKind): Set<number> => new Set(kinds.flatMap((k, i) => (k === kind ? [i + 1] : [])));
  const rejectedOn = (set: Set<number>): number => outcome.rejected.filter((r) => r.line !== undefined && set.has(r.line)).length;

  const subjectLines = linesOf('subject');
  const subjectsRejected = rejectedOn(subjectLines);
  if (outcome.reports.length + subjectsRejected !== subjectLines.size) {
    problems.push(`subject lines: ${subjectLines.size} in, ${outcome.reports.length} scored + ${subjectsRejected} rejected by line`);
  }
  const eventLines = linesOf('event');
  const eventsRejected = rejectedOn(eventLines);
  const scored = eventsScored(outcome);
  if (scored + eventsRejected !== eventLines.size) {
    problems.push(`event lines: ${eventLines.size} in, ${scored} counted in reports + ${eventsRejected} rejected by line`);
  }
  for (const line of linesOf('bad')) {
    if (!outcome.rejected.some((r) => r.line === line)) problems.push(`bad line ${line} is not rejected with its line number`);
  }
  for (const r of outcome.rejected) {
    if (r.line !== undefined && (kinds[r.line - 1] === undefined || kinds[r.line - 1] === 'blank'))
      problems.push(`rejected record names line ${r.line}, which holds no record`);
  }
  return problems;
}
