import { fc, test } from '@fast-check/vitest';
import { createScorer, type Report } from '../../src/index';
import { scriptedIndicators, type Script } from '../support/scripted';

const INDICATORS = 6;
const indicators = scriptedIndicators(INDICATORS, ['g1', undefined, 'g1', 'g2', undefined, 'g2']);
const asOf = '2025-06-01T00:00:00Z';

const scriptArb = fc.record({
  strength: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('risk' as const, 'mitigating' as const),
});
const scriptsArb = fc.dictionary(
  fc.integer({ min: 0, max: INDICATORS - 1 }).map((i) => `test/scripted-${i}`),
  fc.array(scriptArb, { maxLength: 4 }),
);
const weightsArb = fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: INDICATORS, maxLength: INDICATORS });

function scoreWith(scripts: Record<string, Script[]>, weights?: readonly number[]): Report {
  const config = weights === undefined ? {} : { indicators: Object.fromEntries(weights.map((w, i) => [`test/scripted-${i}`, { weight: w }])) };
  return createScorer({ indicators, config }).score({ id: 's', extensions: { scripts } }, { asOf });
}

const opts = { numRuns: 200, seed: 4242 };

test.prop([scriptsArb, weightsArb], opts)('the score is bounded and deterministic', (scripts, weights) => {
  const a = scoreWith(scripts, weights);
  const b = scoreWith(scripts, weights);
  expect(a.score).toBeGreaterThanOrEqual(0);
  expect(a.score).toBeLessThanOrEqual(100);
  expect(Number.isFinite(a.logOdds)).toBe(true);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
});

test.prop([scriptsArb, weightsArb], opts)('contributions add up exactly to the log-odds', (scripts, weights) => {
  const report = scoreWith(scripts, weights);
  let sum = report.priorLogOdds;
  for (const i of report.indicators) sum += i.contribution;
  expect(sum).toBe(report.logOdds);
  for (const i of report.indicators) {
    const own = report.findings.filter((f) => f.indicatorId === i.indicatorId).reduce((s, f) => s + f.contribution, 0);
    expect(own).toBeCloseTo(i.contribution, 12);
  }
  const reasons = report.reasons.reduce((s, r) => s + r.contribution, 0);
  expect(report.priorLogOdds + reasons).toBeCloseTo(report.logOdds, 12);
});

test.prop([scriptsArb, weightsArb, fc.integer({ min: 0, max: INDICATORS - 1 }), fc.double({ min: 0, max: 1, noNaN: true })], opts)(
  'adding a risk finding never lowers the score; adding a mitigating one never raises it',
  (scripts, weights, target, strength) => {
    const id = `test/scripted-${target}`;
    const before = scoreWith(scripts, weights);
    const withRisk = scoreWith({ ...scripts, [id]: [...(scripts[id] ?? []), { strength, kind: 'risk' }] }, weights);
    const withMitigating = scoreWith({ ...scripts, [id]: [...(scripts[id] ?? []), { strength, kind: 'mitigating' }] }, weights);
    expect(withRisk.logOdds).toBeGreaterThanOrEqual(before.logOdds - 1e-12);
    expect(withRisk.score).toBeGreaterThanOrEqual(before.score);
    expect(withMitigating.logOdds).toBeLessThanOrEqual(before.logOdds + 1e-12);
    expect(withMitigating.score).toBeLessThanOrEqual(before.score);
  },
);

test.prop([scriptsArb, weightsArb, fc.integer({ min: 0, max: INDICATORS - 1 }), fc.double({ min: 0, max: 3, noNaN: true })], opts)(
  'raising a weight never lowers the score when the indicator only finds risk',
  (scripts, weights, target, extra) => {
    const id = `test/scripted-${target}`;
    const riskOnly = { ...scripts, [id]: (scripts[id] ?? []).map((s) => ({ ...s, kind: 'risk' as const })) };
    const raised = weights.map((w, i) => (i === target ? w + extra : w));
    expect(scoreWith(riskOnly, raised).logOdds).toBeGreaterThanOrEqual(scoreWith(riskOnly, weights).logOdds - 1e-12);
  },
);

test.prop([scriptsArb, weightsArb, fc.integer({ min: 0, max: INDICATORS - 1 }), fc.double({ min: 0, max: 1, noNaN: true })], opts)(
  "raising a risk finding's strength never lowers the score",
  (scripts, weights, target, bump) => {
    const id = `test/scripted-${target}`;
    const base = [...(scripts[id] ?? []), { strength: 0, kind: 'risk' as const }];
    const last = base.length - 1;
    const raised = base.map((s, i) => (i === last ? { ...s, strength: bump } : s));
    expect(scoreWith({ ...scripts, [id]: raised }, weights).logOdds).toBeGreaterThanOrEqual(scoreWith({ ...scripts, [id]: base }, weights).logOdds - 1e-12);
  },
);

test.prop([scriptsArb], opts)('a report round-trips through JSON unchanged', (scripts) => {
  const report = scoreWith(scripts);
  expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
});

test.prop([scriptsArb, fc.integer({ min: 0, max: INDICATORS - 1 })], opts)('a disabled indicator contributes nothing', (scripts, target) => {
  const id = `test/scripted-${target}`;
  const report = createScorer({ indicators, config: { indicators: { [id]: false } } }).score({ id: 's', extensions: { scripts } }, { asOf });
  const entry = report.indicators.find((i) => i.indicatorId === id);
  expect(entry?.status).toBe('disabled');
  expect(entry?.contribution).toBe(0);
  expect(report.findings.some((f) => f.indicatorId === id)).toBe(false);
});
