import { describe, expect, it } from 'vitest';
import { createScorer, type Report } from '../../src/index';
// @ts-expect-error plain JavaScript module shared with bench/detection.mjs
import { auc, population, scenarios } from '../../bench/scenarios/suite.mjs';

interface Scenario {
  readonly name: string;
  readonly label: 'positive' | 'control';
  readonly source: string;
  readonly subject: { readonly id: string };
  readonly expectedReasons: readonly string[];
}

const all = scenarios as readonly Scenario[];
const reports = new Map<string, Report>();

describe('labelled insider and remote-hire scenarios and hard honest controls (built-in indicators, default config)', () => {
  it('has at least 20 positives, each citing a public source, and at least 20 controls', () => {
    const positives = all.filter((s) => s.label === 'positive');
    expect(positives.length).toBeGreaterThanOrEqual(20);
    expect(all.filter((s) => s.label === 'control').length).toBeGreaterThanOrEqual(20);
    for (const p of positives) expect(p.source, p.name).toMatch(/https:\/\//);
    expect(new Set(all.map((s) => s.subject.id)).size).toBe(all.length);
  });

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
      const top = report.reasons
        .filter((r) => r.kind === 'risk')
        .slice(0, 5)
        .map((r) => r.indicatorId);
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
