import { z } from 'zod';
import {
  builtinIndicators,
  compactReport,
  createScorer,
  defineIndicator,
  expandReport,
  isCompactReport,
  renderHtml,
  renderMarkdown,
  renderTable,
  type BatchInput,
  type BatchResult,
  type CompactBatchResult,
  type DataFamily,
} from '../../src/index';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { population } from '../../bench/population.mjs';
import { loadDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';
import { scriptedIndicators, type Script } from '../support/scripted';
import { signalEvent, signalIndicator } from '../support/signalIndicators';

/** Both forms of one batch agree: expanding each compact report gives the full report byte for byte, and compacting the full one gives the compact one. */
function expectSameBatch(full: BatchResult, compact: CompactBatchResult): void {
  expect(compact.reports.map((r) => r.subjectId)).toEqual(full.reports.map((r) => r.subjectId));
  expect({ ...compact, reports: undefined, catalogue: undefined }).toEqual({ ...full, reports: undefined });
  full.reports.forEach((report, i) => {
    const small = compact.reports[i];
    if (small === undefined) throw new Error(`no compact report at ${i}`);
    expect(isCompactReport(small)).toBe(true);
    expect(isCompactReport(report)).toBe(false);
    expect(JSON.stringify(expandReport(small, compact.catalogue))).toBe(JSON.stringify(report));
    expect(JSON.stringify(compactReport(report))).toBe(JSON.stringify(small));
  });
}

function bytes(value: unknown): number {
  return JSON.stringify(value).length;
}

const failing = defineIndicator({
  meta: {
    id: 'test/failing',
    title: 'Fails or lacks data',
    category: 'test',
    description: 'Throws for some subjects, lacks data for others.',
    version: '2.1.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1,
    requires: ['extensions.fails'],
    options: z.object({}),
    messages: { m: 'never' },
    neutralReason: 'n',
    recommendedAction: 'check',
    sources: [],
  },
  evaluate(view, { notEvaluated }) {
    if (view.subject.extensions?.['fails'] === true) throw new Error('scripted failure');
    if (view.subject.extensions?.['unknown'] === true) return notEvaluated('no scripted data', ['extensions.fails']);
    return [];
  },
});

function scriptedSubjects(count: number): unknown[] {
  const families: DataFamily[] = ['identity', 'network', 'device'];
  return Array.from({ length: count }, (_, s) => {
    const scripts: Record<string, Script[]> = {};
    for (let i = 0; i < 6; i++) {
      if ((s + i) % 3 === 0) continue;
      scripts[`test/scripted-${i}`] = [
        {
          strength: ((s * 7 + i * 3) % 10) / 10,
          kind: (s + i) % 4 === 0 ? 'mitigating' : 'risk',
          ...(s % 5 === 0 ? { family: families[(i + 1) % 3] as DataFamily } : {}),
        },
        ...(s % 4 === 1
          ? [{ strength: 0, kind: 'risk' as const, mitigatedBy: [{ recordId: `s${s}`, field: 'extensions.exception', explains: 'declared travel' }] }]
          : []),
      ];
    }
    return { id: `s${s}`, extensions: { scripts, fails: s % 7 === 0, unknown: s % 5 === 2 } };
  });
}

describe('compact reports', () => {
  it('expand to the full reports byte for byte for a generated population, and are much smaller', { timeout: 120_000 }, () => {
    const scorer = createScorer({});
    const input = population(30, 60, 7) as BatchInput;
    const full = scorer.scoreBatch(input);
    const compact = scorer.scoreBatch(input, { reportDetail: 'compact' });
    expectSameBatch(full, compact);
    expect(compact.catalogue.indicators.map((e) => e.indicatorId)).toEqual(scorer.indicators.map((i) => i.id));
    expect(compact.catalogue.configHash).toBe(scorer.configHash);
    expect(compact.reports.some((r) => r.fired.length > 0)).toBe(true);
    // The catalogue once plus the compact reports: less than two thirds of the full reports' bytes.
    expect(bytes(compact.catalogue) + bytes(compact.reports)).toBeLessThan((bytes(full.reports) * 2) / 3);
  });

  it('keep every status: disabled, error, not evaluated, fired with mitigations and own families, and suppressions', () => {
    const indicators = [...scriptedIndicators(6, ['g1', undefined, 'g1', 'g2']), failing];
    const scorer = createScorer({ indicators, config: { indicators: { 'test/scripted-5': { enabled: false }, 'test/scripted-1': { weight: 0.25 } } } });
    const input = {
      asOf: '2025-06-01T00:00:00Z',
      subjects: scriptedSubjects(40),
      suppressions: [
        {
          id: 'sup-1',
          subjectId: 's1',
          indicatorId: 'test/scripted-2',
          from: '2025-05-01T00:00:00Z',
          until: '2025-07-01T00:00:00Z',
          reason: 'Reviewed: agreed travel.',
          approvedBy: 'reviewer-7',
        },
      ],
    };
    const full = scorer.scoreBatch(input);
    const compact = scorer.scoreBatch(input, { reportDetail: 'compact' });
    const statuses = new Set(full.reports.flatMap((r) => r.indicators.map((i) => i.status)));
    expect([...statuses].sort()).toEqual(['disabled', 'error', 'fired', 'not-evaluated', 'not-fired']);
    expect(full.reports.some((r) => r.mitigations.length > 0 && r.findings.some((f) => f.family !== undefined))).toBe(true);
    expect(full.reports.some((r) => r.suppressions !== undefined)).toBe(true);
    expect(compact.catalogue.indicators.find((e) => e.indicatorId === 'test/scripted-5')?.enabled).toBe(false);
    expectSameBatch(full, compact);
  });

  it('expand to the full reports for the demo population, built-ins and stand-ins', { timeout: 120_000 }, () => {
    const scorer = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] });
    const input = loadDemo();
    expectSameBatch(scorer.scoreBatch(input), scorer.scoreBatch(input, { reportDetail: 'compact' }));
  });

  it('render the same table, Markdown and HTML as full reports', () => {
    const scorer = createScorer({ indicators: [signalIndicator('alpha', 3), signalIndicator('beta', 2, 'mitigating')] });
    const day = (d: number): string => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();
    const input = {
      asOf: day(10),
      subjects: [{ id: 's1' }, { id: 's2' }, { id: 's3' }],
      events: [signalEvent('e1', 's1', day(2), 'alpha'), signalEvent('e2', 's1', day(3), 'beta', 0.5), signalEvent('e3', 's2', day(2), 'alpha', 0.4)],
    };
    const full = scorer.scoreBatch(input);
    const compact = scorer.scoreBatch(input, { reportDetail: 'compact' });
    expect(renderTable(compact)).toBe(renderTable(full));
    for (const view of ['investigator', 'candidate'] as const) {
      expect(renderMarkdown(compact, { view })).toBe(renderMarkdown(full, { view }));
      expect(renderHtml(compact, { view })).toBe(renderHtml(full, { view }));
    }
    // The contribution table reads the expanded indicators: titles come from the catalogue.
    expect(renderMarkdown(compact)).toContain('signal alpha');
  });

  it('are full unless asked for: the default and `full` give the same reports', () => {
    const scorer = createScorer({ indicators: [signalIndicator('alpha', 3)] });
    const input = { asOf: '2025-02-01T00:00:00Z', subjects: [{ id: 's1' }], events: [signalEvent('e1', 's1', '2025-01-02T00:00:00Z', 'alpha')] };
    const byDefault = scorer.scoreBatch(input);
    expect(byDefault.reports[0]?.indicators).toHaveLength(1);
    expect(scorer.scoreBatch(input, { reportDetail: 'full' })).toEqual(byDefault);
  });
});
