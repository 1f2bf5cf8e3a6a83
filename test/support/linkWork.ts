import type { AnyIndicator } from '../../src/index';
import type { PreparedLinks } from '../../src/indicators/linkage/shared';

/**
 * Wraps linkage indicators so a test can read the work their shared helpers counted: each wrapper
 * is the real indicator (same meta, same evaluate) whose `combine` result is kept aside. The
 * indicators share one work counter per batch, counted once.
 */
export function countingLinkWork(indicators: readonly AnyIndicator[]): { indicators: AnyIndicator[]; linkEntriesRead: () => number } {
  const counters = new Set<{ linkEntriesRead: number }>();
  const wrapped = indicators.map((indicator): AnyIndicator => {
    const combine = indicator.combine;
    if (combine === undefined) return indicator;
    return {
      ...indicator,
      combine(summaries, context) {
        const value = combine(summaries, context) as Partial<PreparedLinks>;
        if (value.work !== undefined) counters.add(value.work);
        return value;
      },
    };
  });
  return { indicators: wrapped, linkEntriesRead: () => [...counters].reduce((sum, w) => sum + w.linkEntriesRead, 0) };
}
