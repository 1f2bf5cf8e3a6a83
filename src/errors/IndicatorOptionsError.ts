import { formatIssues, ScoringError, type Issue } from './ScoringError';

/** Thrown by `createScorer` when an indicator's options fail its options schema. */
export class IndicatorOptionsError extends ScoringError {
  override name = 'IndicatorOptionsError';
  /** Id of the indicator whose options are invalid. */
  readonly indicatorId: string;
  /** Every problem found, each with the option path. */
  readonly issues: readonly Issue[];

  /**
   * Creates the error.
   * @param indicatorId the indicator
   * @param issues the problems found.
   */
  constructor(indicatorId: string, issues: readonly Issue[]) {
    super('E_OPTIONS', `Invalid options for indicator "${indicatorId}":\n${formatIssues(issues)}`);
    this.indicatorId = indicatorId;
    this.issues = issues;
  }
}
