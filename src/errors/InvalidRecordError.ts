import { formatIssues, ScoringError, type Issue } from './ScoringError';

/** The kinds of input record redflags validates. */
export type RecordKind = 'subject' | 'event' | 'watchlist' | 'suppression' | 'document';

/**
 * Thrown by `parseSubject`, `parseEvent` and `scorer.score` when a record fails validation.
 * Batch functions never throw it for a bad record: they list the record under `rejected` and
 * score the rest. They throw it (kind `document`) only when the batch itself is unusable: an
 * invalid or missing `asOf`, or `subjects`/`events`/`watchlists` that are not arrays.
 */
export class InvalidRecordError extends ScoringError {
  override name = 'InvalidRecordError';
  /** What kind of record failed. */
  readonly recordKind: RecordKind;
  /** The record's `id`, when it has a readable one. */
  readonly recordId: string | undefined;
  /** Every problem found, each with the field path. */
  readonly issues: readonly Issue[];

  /**
   * Creates the error.
   * @param recordKind what failed
   * @param recordId its id, if readable
   * @param issues the problems found.
   */
  constructor(recordKind: RecordKind, recordId: string | undefined, issues: readonly Issue[]) {
    const name = recordId === undefined ? `${recordKind} without a readable id` : `${recordKind} "${recordId}"`;
    super('E_INVALID_RECORD', `Invalid ${name}:\n${formatIssues(issues)}`);
    this.recordKind = recordKind;
    this.recordId = recordId;
    this.issues = issues;
  }
}
