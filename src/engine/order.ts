import type { RecordKind } from '../errors/InvalidRecordError';
import type { Report } from './report';

/**
 * Compares two strings by UTF-16 code unit: locale-free, so an order never depends on the
 * runtime, and total (0 for equal strings), so a sort that falls back on it is deterministic.
 * The one string comparison for every ordering in the library: reports, reasons, evidence,
 * link keys and indicator messages.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of a batch's reports: score, then log-odds, highest first, then subject id (unique in a batch). */
export function compareReports(a: Pick<Report, 'score' | 'logOdds' | 'subjectId'>, b: Pick<Report, 'score' | 'logOdds' | 'subjectId'>): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.logOdds !== b.logOdds) return b.logOdds - a.logOdds;
  return compareText(a.subjectId, b.subjectId);
}

/** The order of record kinds in a batch's `rejected` list: the document itself, then subjects, events, watchlists. */
export const recordKindOrder: readonly RecordKind[] = ['document', 'subject', 'event', 'watchlist', 'suppression'];

/** The order of a batch's rejected records: by kind (see {@link recordKindOrder}), then input position. */
export function compareRejected(a: { readonly kind: RecordKind; readonly index: number }, b: { readonly kind: RecordKind; readonly index: number }): number {
  return recordKindOrder.indexOf(a.kind) - recordKindOrder.indexOf(b.kind) || a.index - b.index;
}

/** The order of link groups (and of link keys): by kind, then key. */
export function compareLinkGroupKeys(a: { readonly kind: string; readonly key: string }, b: { readonly kind: string; readonly key: string }): number {
  return compareText(a.kind, b.kind) || compareText(a.key, b.key);
}
