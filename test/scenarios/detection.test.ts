import { describe, expect, it } from 'vitest';
import { createScorer, type Report } from '../../src/index';
// @ts-expect-error plain JavaScript module shared with bench/detection.mjs
import { auc, population, scenarios } from '../../bench/scenarios/insider.mjs';

interface Scenario {
  readonly name: string;
  readonly label: 'positive' | 'control';
  readonly subject: { readonly id: string };
  readonly expectedReasons: readonly string[];
}

const all = scenarios as readonly Scenario[];
const reports = new Map<string, Report>();

describe('labelled insider scenarios and hard honest controls (built-in indicators, default config)', () => {
  it('scores the population', { timeout: 120_000 }, () => {
    const ids = new Set(all.map((s) => s.subject.id));
    const result = createScorer().scoreBatch(population(), { select: (id) => ids.has(id) });
    expect(result.rejected).toEqual([]);
    for (const r of result.reports) reports.set(r.subjectId, r);
    expect(reports.size).toBe(all.length);
  });

  for (const s of all) {
    it(`${s.label}: ${s.name}`, () => {
      const report = reports.get(s.subject.id) as Report;
      const top = report.reasons.filter((r) => r.kind === 'risk').slice(0, 5).map((r) => r.indicatorId);
      if (s.label === 'positive') {
        expect(['high', 'critical'], `${report.band} (${report.score}); reasons ${top.join(', ')}`).toContain(report.band);
        for (const id of s.expectedReasons) expect(top, `${id} among the top five`).toContain(id);
      } else {
        expect(['low', 'elevated'], `${report.band} (${report.score}); reasons ${top.join(', ')}`).toContain(report.band);
      }
    });
  }

  it('separates every positive from every control (AUC 1)', () => {
    const score = (label: string) => all.filter((s) => s.label === label).map((s) => (reports.get(s.subject.id) as Report).score);
    expect(auc(score('positive'), score('control'))).toBe(1);
  });
});
