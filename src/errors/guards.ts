import type { ConfigError } from './ConfigError';
import type { IndicatorOptionsError } from './IndicatorOptionsError';
import type { IndicatorRuntimeError } from './IndicatorRuntimeError';
import type { InvalidRecordError } from './InvalidRecordError';
import type { ScoringError } from './ScoringError';

function hasBrand(value: unknown): value is ScoringError {
  // Not `instanceof Error`: an error from another realm (a vm context, a worker's structured clone
  // aside) has another realm's Error.prototype, and the brand is what the docs promise to recognise.
  return typeof value === 'object' && value !== null && (value as { isScoringError?: unknown }).isScoringError === true;
}

/** True for any error redflags throws, including from another copy of the package. */
export function isScoringError(value: unknown): value is ScoringError {
  return hasBrand(value);
}

/** True for a {@link ConfigError}. */
export function isConfigError(value: unknown): value is ConfigError {
  return hasBrand(value) && value.code === 'E_CONFIG';
}

/** True for an {@link IndicatorOptionsError}. */
export function isIndicatorOptionsError(value: unknown): value is IndicatorOptionsError {
  return hasBrand(value) && value.code === 'E_OPTIONS';
}

/** True for an {@link InvalidRecordError}. */
export function isInvalidRecordError(value: unknown): value is InvalidRecordError {
  return hasBrand(value) && value.code === 'E_INVALID_RECORD';
}

/** True for an {@link IndicatorRuntimeError}. */
export function isIndicatorRuntimeError(value: unknown): value is IndicatorRuntimeError {
  return hasBrand(value) && value.code === 'E_INDICATOR_RUNTIME';
}
