/** Machine-readable codes of the errors redflags throws. */
export type ScoringErrorCode = 'E_CONFIG' | 'E_OPTIONS' | 'E_INVALID_RECORD' | 'E_INDICATOR_RUNTIME';

/** One problem found in a record, config or option value: where, and what is wrong in plain words. */
export interface Issue {
  /** Dotted field path with array indexes, e.g. `identity.names[0].value`; empty for the value itself. */
  readonly path: string;
  /** What is wrong, in plain words. */
  readonly message: string;
}

/**
 * Base class of every error redflags throws. Recognise it with {@link isScoringError}, which also
 * works across the ESM and CJS copies of the package and across realms.
 */
export class ScoringError extends Error {
  override name = 'ScoringError';
  /** Machine-readable error code. */
  readonly code: ScoringErrorCode;

  /**
   * Creates the error.
   * @param code machine-readable code
   * @param message plain-words message
   * @param options ES2022 error options (`cause`).
   */
  constructor(code: ScoringErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Brand used by the guards, so a copy of the class from another bundle is still recognised. */
  get isScoringError(): true {
    return true;
  }
}

/** Formats issues as indented lines for error messages. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `  - ${issue.path === '' ? '(value)' : issue.path}: ${issue.message}`).join('\n');
}
