import { fc, test } from '@fast-check/vitest';
import { createScorer, type DataFamily, type Report } from '../../src/index';
import { scoreOf } from '../../src/engine/aggregate';
import { bandOf } from '../../src/engine/bands';
import { scriptedIndicators, type Script } from '../support/scripted';

// The explanation is built in one pass; these properties hold its parts to the score they explain.

const INDICATORS = 8;
const families: DataFamily[] = ['identity', 'network', 'device', 'data-access', 'data-movement'];
const indicators = scriptedIndicators(INDICATORS, ['g1', undefined, 'g1', 'g2', undefined, 'g2', 'g3', undefined], families);
const asOf = '2025-06-01T00:00:00Z';
const bands = { elevated: 20, high: 50, critical: 80 };

const scriptArb: fc.Arbitrary<Script> = fc.record(
  {
    strength: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    kind: fc.constantFrom('risk' as const, 'mitigating' as const),
    family: fc.constantFrom(...families),
    // A fresh array each time: records must be JSON trees, with no shared objects.
    mitigatedBy: fc.constant(null).map(() => [{ recordId: 's', field: 'extensions.exception', explains: 'declared' }]),
  },
  { requiredKeys: ['strength', 'kind'] },
);
const scriptsArb = fc.dictionary(
  fc.integer({ min: 0, max: INDICATORS - 1 }).map((i) => `test/scripted-${i}`),
  fc.array(scriptArb, { maxLength: 5 }),
);
const configArb = fc.record({
  priorLogOdds: fc.double({ min: -6, max: 2, noNaN: true }),
  groups: fc.constant({ g3: { decay: 0.3, cap: 1.5 } }),
  corroboration: fc.oneof(
    fc.constant(false as const),
    fc.record({
      minFamilies: fc.integer({ min: 1, max: 3 }),
      minFamilyLogOdds: fc.double({ min: 0, max: 2, noNaN: true }),
      from: fc.constantFrom('elevated' as const, 'high' as const, 'critical' as const),
    }),
  ),
});

type ConfigValue = typeof configArb extends fc.Arbitrary<infer C> ? C : never;

function scoreWith(scripts: Record<string, Script[]>, config: ConfigValue): Report {
  return createScorer({ indicators, config: { ...config, bands } }).score({ id: 's', extensions: { scripts } }, { asOf });
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);
const opts = { numRuns: 300, seed: 1313 };

test.prop([scriptsArb, configArb], opts)('the score is the prior plus the indicators, and the reasons and findings add up to them', (scripts, config) => {
  const report = scoreWith(scripts, config);
  // Exactly: the log-odds are the prior plus the indicators' contributions, added in the listed order.
  expect(report.indicators.reduce((s, i) => s + i.contribution, report.priorLogOdds)).toBe(report.logOdds);
  expect(report.score).toBe(scoreOf(report.logOdds));
  for (const i of report.indicators) {
    const reasons = report.reasons.filter((r) => r.indicatorId === i.indicatorId);
    expect(sum(reasons.map((r) => r.contribution))).toBeCloseTo(i.contribution, 12);
  }
  for (const r of report.reasons) {
    const own = report.findings.filter((f) => f.indicatorId === r.indicatorId && f.kind === r.kind);
    expect(own).toHaveLength(r.findings);
    expect(sum(own.map((f) => f.contribution))).toBeCloseTo(r.contribution, 12);
    // The reason names its strongest finding, whose message it carries.
    expect(r.messageId).toBe(own[0]?.messageId);
    expect(r.message.startsWith(own[0]?.message ?? '\u0000')).toBe(true);
  }
  expect(sum(report.reasons.map((r) => r.findings))).toBe(report.findings.length);
  expect(report.priorLogOdds + sum(report.findings.map((f) => f.contribution))).toBeCloseTo(report.logOdds, 12);
});

test.prop([scriptsArb, configArb], opts)('each typology is the prior plus the indicators that support it', (scripts, config) => {
  const report = scoreWith(scripts, config);
  for (const t of report.typologies) {
    const supporting = report.indicators.filter((i) => i.typologies.includes(t.typology) && i.contribution !== 0);
    expect(new Set(t.indicators)).toEqual(new Set(supporting.map((i) => i.indicatorId)));
    expect(t.logOdds).toBeCloseTo(report.priorLogOdds + sum(supporting.map((i) => i.contribution)), 12);
    expect(t.score).toBe(scoreOf(t.logOdds));
  }
});

test.prop([scriptsArb, configArb], opts)("the band is the score's, or held one band down with the reason given", (scripts, config) => {
  const report = scoreWith(scripts, config);
  const wouldBe = bandOf(report.score, bands);
  if (report.bandCapped === undefined) expect(report.band).toBe(wouldBe);
  else {
    expect(report.bandCapped.wouldBe).toBe(wouldBe);
    expect(config.corroboration).not.toBe(false);
    expect(report.bandCapped.families.length).toBeLessThan((config.corroboration as { minFamilies: number }).minFamilies);
    expect(report.band).toBe(
      { elevated: 'low', high: 'elevated', critical: 'high' }[(config.corroboration as { from: 'elevated' | 'high' | 'critical' }).from],
    );
  }
});
