import { readFileSync } from 'node:fs';
import { createScorer, type BatchInput } from '../../src/index';

/** Reverses every array, at every depth: subjects, events, names, documents, reason codes, tags... */
function reverseEverything(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseEverything).reverse();
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reverseEverything(v)]));
  }
  return value;
}

const population = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as BatchInput;

describe('record order changes nothing (built-in indicators, demo population)', () => {
  const scorer = createScorer();

  it('scoreBatch gives byte-identical reports with every array reversed', () => {
    const a = scorer.scoreBatch(population);
    const b = scorer.scoreBatch(reverseEverything(population) as BatchInput);
    expect(a.reports.length).toBeGreaterThan(10);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, 120_000);

  it('score gives the same report as the batch, whatever the order of the population around the subject', () => {
    const batch = scorer.scoreBatch(population);
    const reversed = reverseEverything(population) as BatchInput;
    for (const report of batch.reports.slice(0, 5)) {
      const subject = (reversed.subjects as readonly { id: string }[]).find((s) => s.id === report.subjectId);
      const single = scorer.score(subject, {
        asOf: population.asOf as string,
        population: { subjects: reversed.subjects, events: reversed.events ?? [] },
        watchlists: reversed.watchlists ?? [],
        ...(reversed.reference !== undefined ? { reference: reversed.reference } : {}),
      });
      expect(JSON.stringify(single)).toBe(JSON.stringify(report));
    }
  }, 120_000);
});
