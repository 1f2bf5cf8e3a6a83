import type { AnyIndicator, Population } from '../contract/types';

/**
 * Built-in indicators whose `prepare` reads the watchlists and nothing else of the population:
 * each subject is screened on its own, so they give the same result one subject at a time. With
 * `--stream` the watchlists come before the first subject and cannot change after it.
 */
export const watchlistOnlyIndicators: ReadonlySet<string> = new Set(['watchlist/match']);

/** What identifies a set of watchlists within one run: names and sizes (the lists cannot change mid-stream). */
function watchlistsKey(population: Population): string {
  return population.watchlists.map((w) => `${w.name}\u0000${w.entries.length}`).join('\u0001');
}

/**
 * For `--stream`, which scores each subject as a batch of one: the indicator's watchlist index is
 * built once for the run, not once per subject (the engine calls `prepare` for every batch).
 * Indicators outside {@link watchlistOnlyIndicators} are returned unchanged.
 */
export function preparedOncePerRun(indicator: AnyIndicator): AnyIndicator {
  const prepare = indicator.prepare;
  if (prepare === undefined || !watchlistOnlyIndicators.has(indicator.meta.id)) return indicator;
  // At most two keys occur in a run: the watchlists, and none (events of no subject are checked alone).
  const built = new Map<string, unknown>();
  return {
    ...indicator,
    prepare(population: Population, context: Parameters<typeof prepare>[1]): unknown {
      const key = watchlistsKey(population);
      if (!built.has(key)) built.set(key, prepare(population, context));
      return built.get(key);
    },
  };
}
