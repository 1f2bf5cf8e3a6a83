import { fc, test as fcTest } from '@fast-check/vitest';
import { calibrate, createScorer, type ScorerConfig } from '../../src/index';
import { signalEvent, signalIndicator } from '../support/signalIndicators';

// Six test signals: three independent risks, one mitigation, and two views of one fact in a
// correlation group (decay 0.5), so the fit has to use the engine's group model to recover them.
const indicators = [
  signalIndicator('alpha', 1),
  signalIndicator('beta', 1),
  signalIndicator('gamma', 1),
  signalIndicator('delta', 1, 'mitigating'),
  signalIndicator('eps', 1, 'risk', 'pair'),
  signalIndicator('zeta', 1, 'risk', 'pair'),
];
const names = ['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta'] as const;
const groups = { pair: { decay: 0.5 } };
const decidedAt = '2025-03-01T00:00:00Z';

/** A small deterministic PRNG (mulberry32): the data depend on the seed only. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Subjects with random signals, labelled by drawing from the true model's probability. */
function generate(seed: number, n: number, truth: ScorerConfig, presence = 0.3) {
  const random = prng(seed);
  const subjects: { id: string }[] = [];
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < n; s++) {
    const id = `s${s}`;
    subjects.push({ id });
    for (const name of names) {
      if (random() < presence) events.push(signalEvent(`${id}-${name}`, id, '2025-02-01T00:00:00Z', name, [0.5, 0.8, 1][Math.floor(random() * 3)] as number));
    }
  }
  const input = { subjects, events };
  const truthReports = createScorer({ indicators, config: truth }).scoreBatch({ ...input, asOf: decidedAt }).reports;
  const outcomes = truthReports.map((r) => ({
    subjectId: r.subjectId,
    decidedAt,
    decidedBy: 'simulation',
    outcome: random() < 1 / (1 + Math.exp(-r.logOdds)) ? 'confirmed-fraud' : 'cleared',
  }));
  return { input, outcomes };
}

describe('calibrate', () => {
  fcTest.prop(
    [
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.array(fc.double({ min: 0.5, max: 2.5, noNaN: true }), { minLength: 6, maxLength: 6 }),
      fc.double({ min: -2.5, max: -0.5, noNaN: true }),
    ],
    { seed: 2024, numRuns: 4 },
  )(
    'recovers the weights and prior that generated the outcomes, within their uncertainty',
    (seed, weights, prior) => {
      const truth: ScorerConfig = {
        priorLogOdds: prior,
        groups,
        indicators: Object.fromEntries(names.map((name, i) => [`signal/${name}`, { weight: weights[i] as number }])),
      };
      const { input, outcomes } = generate(seed, 3000, truth);
      const result = calibrate(input, outcomes, { indicators, config: { groups } });
      expect(result.enoughOutcomes).toBe(true);
      expect(result.converged).toBe(true);
      for (const [i, name] of names.entries()) {
        const w = result.weights.find((x) => x.indicatorId === `signal/${name}`);
        expect(w?.standardError).not.toBeNull();
        expect(w?.standardError).toBeLessThan(0.4);
        // Within four standard errors plus the rounding to 0.01 (and the mild pull towards the start).
        expect(Math.abs((w?.after as number) - (weights[i] as number))).toBeLessThanOrEqual(4 * (w?.standardError as number) + 0.05);
        expect(w?.outcomes).toBeGreaterThan(500);
      }
      expect(Math.abs(result.prior.after - prior)).toBeLessThanOrEqual(4 * (result.prior.standardError as number) + 0.05);
      expect(result.logLoss.after).toBeLessThan(result.logLoss.before);
      // The proposal is a valid config that keeps the groups it was given.
      expect(result.config.groups).toEqual(groups);
      expect(() => createScorer({ indicators, config: result.config })).not.toThrow();
    },
    240_000,
  );

  it('changes nothing below the documented minimum of outcomes', () => {
    const truth: ScorerConfig = { priorLogOdds: -1, indicators: { 'signal/alpha': { weight: 3 } } };
    const { input, outcomes } = generate(7, 40, truth);
    const config: ScorerConfig = { indicators: { 'signal/beta': { weight: 1.2 } } };
    const result = calibrate(input, outcomes, { indicators, config });
    expect(result.enoughOutcomes).toBe(false);
    expect(result.config).toEqual(config);
    expect(result.prior).toMatchObject({ before: -4, after: -4, change: 0, status: 'insufficient-evidence' });
    for (const w of result.weights) expect(w).toMatchObject({ change: 0, status: 'insufficient-evidence', standardError: null });
  });

  it('keeps a weight whose indicator fired on too few outcomes, and never makes a risk weight negative', () => {
    // alpha is rare; beta is common and protective in truth, which a risk weight cannot express.
    const random = prng(99);
    const subjects: { id: string }[] = [];
    const events: Record<string, unknown>[] = [];
    const outcomes: Record<string, unknown>[] = [];
    for (let s = 0; s < 600; s++) {
      const id = `s${s}`;
      subjects.push({ id });
      const alpha = s < 10;
      const beta = random() < 0.5;
      if (alpha) events.push(signalEvent(`${id}-a`, id, '2025-02-01T00:00:00Z', 'alpha'));
      if (beta) events.push(signalEvent(`${id}-b`, id, '2025-02-01T00:00:00Z', 'beta'));
      const p = 1 / (1 + Math.exp(-(-1 + (alpha ? 2 : 0) - (beta ? 1.5 : 0))));
      outcomes.push({ subjectId: id, decidedAt, decidedBy: 'simulation', outcome: random() < p ? 'confirmed-insider' : 'cleared' });
    }
    const result = calibrate({ subjects, events }, outcomes, { indicators });
    const alpha = result.weights.find((w) => w.indicatorId === 'signal/alpha');
    const beta = result.weights.find((w) => w.indicatorId === 'signal/beta');
    expect(alpha).toMatchObject({ outcomes: 10, before: 1, after: 1, status: 'insufficient-evidence' });
    expect(beta).toMatchObject({ after: 0, status: 'at-bound' });
    expect(result.config.indicators?.['signal/beta']).toEqual({ weight: 0 });
    expect(result.config.indicators?.['signal/alpha']).toBeUndefined();
  });
});
