import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { builtinIndicators, createScorer, defineIndicator, type BatchInput, type BatchResult, type DataFamily } from '../../src/index';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { population } from '../../bench/population.mjs';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { mulberry32 } from '../../bench/prng.mjs';
import { ASOF, farmReference, laptopFarmPopulation } from '../fixtures/laptop-farm';
import { loadDemo, scoreDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';
import { scriptedIndicators, type Script } from '../support/scripted';
import { testMeta } from '../support/plugin';

// Whole batch results, taken before the explanation and view code was restructured, so a change
// to how reports are assembled cannot change a byte of them unnoticed. The snapshot holds one
// SHA-256 per report (and one for the rest of the result) so a failure names the subjects whose
// reports changed. A deliberate change to an indicator or the report regenerates it with
// `npx vitest run test/engine/report-snapshot.test.ts -u`.

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function digests(result: BatchResult): Record<string, string> {
  const out: Record<string, string> = {};
  out['(result)'] = digest({ ...result, reports: result.reports.map((r) => r.subjectId) });
  for (const report of result.reports) out[report.subjectId] = digest(report);
  return out;
}

const candidateConfig = JSON.parse(readFileSync(new URL('../../examples/demo/candidate-config.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const families: DataFamily[] = ['identity', 'network', 'device', 'data-access', 'data-movement'];

/** Subjects whose scripted findings cover what the built-ins rarely show: mitigating findings, mitigations, own families, groups. */
function scriptedPopulation(subjects: number, indicatorCount: number): { subjects: unknown[]; asOf: string } {
  const rand = mulberry32(13) as () => number;
  const out: unknown[] = [];
  for (let s = 0; s < subjects; s++) {
    const scripts: Record<string, Script[]> = {};
    for (let i = 0; i < indicatorCount; i++) {
      const count = Math.floor(rand() * 4);
      const list: Script[] = [];
      for (let n = 0; n < count; n++) {
        const roll = rand();
        list.push({
          strength: roll < 0.1 ? 0 : Math.round(rand() * 100) / 100,
          kind: rand() < 0.25 ? 'mitigating' : 'risk',
          ...(roll < 0.3 ? { mitigatedBy: [{ recordId: `s${s}`, field: 'extensions.exception', explains: 'declared travel' }] } : {}),
          ...(roll > 0.8 ? { family: families[Math.floor(rand() * families.length)] as DataFamily } : {}),
        });
      }
      if (list.length > 0) scripts[`test/scripted-${i}`] = list;
    }
    out.push({ id: `s${s}`, extensions: { scripts, fails: s % 7 === 0, unknown: s % 5 === 0 } });
  }
  return { subjects: out, asOf: '2025-06-01T00:00:00Z' };
}

const sometimes = defineIndicator({
  meta: testMeta('test/sometimes', {
    title: 'Sometimes fails',
    options: z.object({}),
    messages: { m: 'never' },
    neutralReason: 'n',
    recommendedAction: 'check',
    docs: { description: 'Throws or lacks data on some subjects.', requires: ['extensions.fails'], sources: [] },
  }),
  evaluate(view, { notEvaluated }) {
    if (view.subject.extensions?.['fails'] === true) throw new Error('scripted failure');
    if (view.subject.extensions?.['unknown'] === true) return notEvaluated('no scripted data', ['extensions.fails']);
    return [];
  },
});

describe('reports stay byte for byte the same', () => {
  it('for the demo population with the built-ins and the demo stand-ins', { timeout: 120_000 }, () => {
    expect(digests(scoreDemo())).toMatchSnapshot();
  });

  it('for the demo population with the candidate config and evidence decay', { timeout: 120_000 }, () => {
    const indicators = [...builtinIndicators, ...demoIndicators];
    const decay = Object.fromEntries(indicators.map((i) => [i.meta.id, { evidenceDecay: { windowDays: 30, factor: 0.5 } }]));
    const scorer = createScorer({ indicators, config: { ...candidateConfig, indicators: { ...decay, ...(candidateConfig['indicators'] as object) } } });
    expect(digests(scorer.scoreBatch(loadDemo()))).toMatchSnapshot();
  });

  it('for a generated population', { timeout: 120_000 }, () => {
    const scorer = createScorer({});
    expect(digests(scorer.scoreBatch(population(40, 60, 7) as BatchInput))).toMatchSnapshot();
  });

  it('for scripted findings with mitigations, groups, own families and failing indicators', () => {
    const indicators = [...scriptedIndicators(8, ['g1', undefined, 'g1', 'g2', undefined, 'g2', 'g3', undefined], families), sometimes];
    const config = { groups: { g3: { decay: 0.3, cap: 1.5 } }, corroboration: { minFamilies: 3, minFamilyLogOdds: 0.5, from: 'high' as const } };
    const scorer = createScorer({ indicators, config });
    const result = scorer.scoreBatch(scriptedPopulation(120, 8));
    // The population reaches every part of a report, so the snapshot covers them all.
    const reports = result.reports;
    expect(reports.some((r) => r.mitigations.some((m) => m.effect === 'silenced'))).toBe(true);
    expect(reports.some((r) => r.mitigations.some((m) => m.effect === 'reduced'))).toBe(true);
    expect(reports.some((r) => r.findings.some((f) => f.kind === 'mitigating'))).toBe(true);
    expect(reports.some((r) => r.findings.some((f) => f.family !== undefined))).toBe(true);
    expect(reports.some((r) => r.bandCapped !== undefined)).toBe(true);
    expect(reports.some((r) => r.errors.length > 0)).toBe(true);
    expect(reports.some((r) => r.coverage.notEvaluated.length > 0)).toBe(true);
    expect(reports.some((r) => r.reasons.some((x) => x.findings > 1))).toBe(true);
    expect(digests(result)).toMatchSnapshot();
  });

  it('for score() of one subject, alone and with its population', { timeout: 120_000 }, () => {
    const indicators = [...scriptedIndicators(8, ['g1', undefined, 'g1', 'g2'], families), sometimes];
    const scripted = createScorer({ indicators });
    const alone = scriptedPopulation(12, 8).subjects.map((subject) => scripted.score(subject, { asOf: '2025-06-01T00:00:00Z' }));
    const demo = loadDemo();
    const [first, ...others] = demo.subjects;
    const withPopulation = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] }).score(first, {
      asOf: demo.asOf as string,
      events: (demo.events ?? []).filter((e) => (e as { subjectId: string }).subjectId === (first as { id: string }).id),
      population: { subjects: others, events: (demo.events ?? []).filter((e) => (e as { subjectId: string }).subjectId !== (first as { id: string }).id) },
      watchlists: demo.watchlists ?? [],
      reference: demo.reference,
    });
    expect([...alone, withPopulation].map(digest)).toMatchSnapshot();
  });

  it('for the laptop farm, with linkage', () => {
    const scorer = createScorer({});
    expect(digests(scorer.scoreBatch({ ...laptopFarmPopulation(), asOf: ASOF, reference: farmReference }))).toMatchSnapshot();
  });
});
