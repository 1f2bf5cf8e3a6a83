import { formatIssues, ScoringError, type Issue } from './ScoringError';

/** Thrown by `createScorer` when the scorer config is invalid: unknown indicator ids, bad weights, bad bands. */
export class ConfigError extends ScoringError {
  override name = 'ConfigError';
  /** Every problem found, each with the config path. */
  readonly issues: readonly Issue[];

  /**
   * Creates the error.
   * @param issues the problems found, each with its config path.
   */
  constructor(issues: readonly Issue[]) {
    super('E_CONFIG', `Invalid scorer config:\n${formatIssues(issues)}`);
    this.issues = issues;
  }
}
