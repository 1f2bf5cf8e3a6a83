import type { AnyIndicator } from '../contract/types';
import { compareText } from './order';

/**
 * A clock reading in milliseconds, such as `performance.now`. Timing takes it as an argument so
 * the scoring core never reads a clock itself: the CLI and the benchmarks pass the real one,
 * tests pass a fake one.
 */
export type Clock = () => number;

/** Time one indicator took over the scoring runs a timer watched. */
export interface IndicatorTiming {
  /** Indicator id. */
  readonly id: string;
  /** Milliseconds (by the timer's clock) spent in its `evaluate`, `prepare`, `summarise` and `combine` calls. */
  readonly totalMs: number;
  /** Share of the time of all timed indicators, 0 to 1. */
  readonly share: number;
  /** Number of `evaluate`, `prepare`, `summarise` and `combine` calls. */
  readonly calls: number;
}

/** Collects per-indicator time. Pass it as `timing` to `createScorer`, score, then read {@link IndicatorTimer.rows}. */
export interface IndicatorTimer {
  /** The clock the timer reads. */
  readonly clock: Clock;
  /**
   * The indicators wrapped so that each `evaluate`, `prepare`, `summarise` and `combine` call adds its time to this timer.
   * The wrappers return what the indicators return, so scores and reports do not change.
   */
  wrap(indicators: readonly AnyIndicator[]): AnyIndicator[];
  /** One row per indicator that was called, slowest first (ties by id). */
  rows(): IndicatorTiming[];
  /** Forgets every measurement, e.g. between benchmark rounds. */
  reset(): void;
}

interface Tally {
  ms: number;
  calls: number;
}

/**
 * Creates a per-indicator timer reading `clock`, in the manner of ESLint's `TIMING` table.
 *
 * @example
 * ```ts
 * import { builtinIndicators, createIndicatorTimer, createScorer, formatTimingTable } from 'redflags';
 *
 * const timing = createIndicatorTimer(() => performance.now());
 * const scorer = createScorer({ timing });
 * scorer.scoreBatch(input);
 * console.error(formatTimingTable(timing.rows()));
 * ```
 */
export function createIndicatorTimer(clock: Clock): IndicatorTimer {
  const tallies = new Map<string, Tally>();
  const tallyOf = (id: string): Tally => {
    let tally = tallies.get(id);
    if (tally === undefined) {
      tally = { ms: 0, calls: 0 };
      tallies.set(id, tally);
    }
    return tally;
  };
  // The time is added even when the call throws, so a failing indicator still shows its cost.
  const timed = <A extends unknown[], R>(tally: Tally, fn: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      const start = clock();
      try {
        return fn.apply(this, args);
      } finally {
        tally.ms += clock() - start;
        tally.calls++;
      }
    };
  return {
    clock,
    wrap(indicators) {
      return indicators.map((indicator): AnyIndicator => {
        const tally = tallyOf(indicator.meta.id);
        const evaluate = timed(tally, indicator.evaluate.bind(indicator));
        const wrapped: { -readonly [K in keyof AnyIndicator]: AnyIndicator[K] } = { ...indicator, evaluate };
        // Population hooks are timed too; a hook the indicator lacks stays absent.
        if (typeof indicator.prepare === 'function') wrapped.prepare = timed(tally, indicator.prepare.bind(indicator));
        if (typeof indicator.summarise === 'function') wrapped.summarise = timed(tally, indicator.summarise.bind(indicator));
        if (typeof indicator.combine === 'function') wrapped.combine = timed(tally, indicator.combine.bind(indicator));
        return wrapped;
      });
    },
    rows() {
      let total = 0;
      for (const tally of tallies.values()) total += tally.ms;
      const rows: IndicatorTiming[] = [];
      for (const [id, tally] of tallies) {
        if (tally.calls === 0) continue;
        rows.push({ id, totalMs: tally.ms, share: total > 0 ? tally.ms / total : 0, calls: tally.calls });
      }
      return rows.sort((a, b) => b.totalMs - a.totalMs || compareText(a.id, b.id));
    },
    reset() {
      tallies.forEach((tally) => {
        tally.ms = 0;
        tally.calls = 0;
      });
    },
  };
}

/**
 * The timing rows as a plain-text table (indicator, total ms, % of total, calls), as ESLint prints
 * its rule timings; `limit` keeps the slowest rows only.
 */
export function formatTimingTable(rows: readonly IndicatorTiming[], limit = rows.length): string {
  const shown = rows.slice(0, Math.max(0, limit));
  const cells = shown.map((r) => [r.id, r.totalMs.toFixed(1), `${(r.share * 100).toFixed(1)}%`, String(r.calls)]);
  const header = ['Indicator', 'Total ms', '% of total', 'Calls'];
  const widths = header.map((h, c) => cells.reduce((w, row) => Math.max(w, (row[c] as string).length), h.length));
  const line = (row: readonly string[]): string =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
