import { createScorer } from '../../src/index';

/**
 * The built-in indicators that compare subjects across the population (through `prepare` or
 * through `summarise` and `combine`), as the default scorer reports them: what `--stream`
 * refuses, and what tests disable to run it.
 */
export const populationIndicatorIds: readonly string[] = createScorer()
  .indicators.filter((i) => i.readsPopulation)
  .map((i) => i.id);
