// The batteries-included scorer: the bare engine with the built-in catalogue as its defaults.
// `redflags` exports this `createScorer`; `redflags/core` exports the engine's, which knows no catalogue.

import { createScorer as createEngineScorer, type Scorer, type ScorerOptions } from './engine/createScorer';
import { builtinGroups } from './indicators/groups';
import { builtinIndicators } from './indicators/index';

export { builtinGroups, builtinIndicators };

/**
 * Creates a scorer: validates the config and every indicator's options once, up front, and
 * returns functions that score one subject or a population. Without `indicators` it runs
 * {@link builtinIndicators}; without `groups` it uses {@link builtinGroups}. To bundle the engine
 * without the catalogue, import `createScorer` from `redflags/core` and pass your indicators.
 *
 * Scoring is pure: no clock, no I/O, no randomness; the same input gives the same report
 * whatever the order of records. Each subject's events are sorted once and bucketed by type, so
 * the cost is O(n log n) in its events plus what the indicators do in their single passes.
 *
 * @throws {ConfigError} for an unknown indicator id (with suggestions) or an invalid setting.
 * @throws {IndicatorOptionsError} when options fail an indicator's schema.
 *
 * @example
 * ```ts
 * import { createScorer } from 'redflags';
 *
 * const scorer = createScorer({ config: { indicators: { 'activity/excessive-hours': { weight: 1.5 } } } });
 * const report = scorer.score(
 *   { id: 'cand-1', identity: { residence: { country: 'US', timeZone: 'America/Chicago' } } },
 *   { asOf: '2025-06-01T00:00:00Z', events: [] },
 * );
 * console.log(report.score, report.band, report.reasons);
 * ```
 */
export function createScorer(options: ScorerOptions = {}): Scorer {
  // Every option passes through; only the catalogue gets its defaults.
  return createEngineScorer({ ...options, indicators: options.indicators ?? builtinIndicators, groups: options.groups ?? builtinGroups });
}
