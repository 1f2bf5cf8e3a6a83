import type { AnyIndicator } from '../../src/index';
import type { PreparedLinks } from '../../src/indicators/linkage/shared';

/**
 * Wraps linkage indicators so a test can read the work their shared helpers counted: each wrapper
 * is the real indicator (same meta, same evaluate) whose `prepare` result is kept aside.
 */
export function countingLinkWork(indicators: readonly AnyIndicator[]): { indicators: AnyIndicator[]; linkEntriesRead: () => number } {
  const prepared: PreparedLinks[] = [];
  const wrapped = indicators.map((indicator): AnyIndicator => {
    const prepare = indicator.prepare;
    if (prepare === undefined) return indicator;
    return {
      ...indicator,
      prepare(population, context) {
        const value = prepare(population, context) as PreparedLinks;
        prepared.push(value);
        return value;
      },
    };
  });
  return { indicators: wrapped, linkEntriesRead: () => prepared.reduce((sum, p) => sum + (p.work?.linkEntriesRead ?? 0), 0) };
}
