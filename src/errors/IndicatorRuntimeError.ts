import { ScoringError } from './ScoringError';

/**
 * An indicator threw or returned something malformed. By default the engine records it in the
 * report's `errors` and scores the indicator as absent; with `onIndicatorError: 'throw'` it is thrown.
 */
export class IndicatorRuntimeError extends ScoringError {
  override name = 'IndicatorRuntimeError';
  /** The indicator that failed. */
  readonly indicatorId: string;
  /** The subject being scored when it failed. */
  readonly subjectId: string;

  /**
   * Creates the error.
   * @param indicatorId the indicator
   * @param subjectId the subject
   * @param message what went wrong
   * @param cause the thrown value.
   */
  constructor(indicatorId: string, subjectId: string, message: string, cause?: unknown) {
    super('E_INDICATOR_RUNTIME', `Indicator "${indicatorId}" failed on subject "${subjectId}": ${message}`, { cause });
    this.indicatorId = indicatorId;
    this.subjectId = subjectId;
  }
}
