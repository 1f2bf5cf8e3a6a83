import { weigh, type WeighableFinding, type WeighableIndicator } from '../engine/aggregate';
import type { ScorerConfig } from '../engine/config';
import type { BatchInput, RejectedRecord } from '../engine/createScorer';
import { groupSettingOf, resolveConfig } from '../engine/resolve';
import type { AnyIndicator } from '../contract/types';
import { builtinGroups, builtinIndicators } from '../defaults';
import { scorePointInTime } from './backtest';
import { inverseDiagonal, solveSpd } from './linalg';
import { outcomeLabel, parseOutcomes, type Outcome, type RejectedOutcome } from './outcomes';

/** The documented minimums below which {@link calibrate} changes nothing. */
export const calibrationMinimums = {
  /** Confirmed or cleared outcomes needed before any weight or the prior changes. */
  outcomes: 50,
  /** Confirmed outcomes needed, and cleared outcomes needed, before anything changes. */
  perClass: 10,
  /** Confirmed or cleared subjects on whom an indicator fired before its weight changes. */
  perWeight: 20,
} as const;

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** The configuration in use: the starting point, and what the proposal is a change of. */
  readonly config?: ScorerConfig;
  /** Indicators to run (default: the built-ins). */
  readonly indicators?: readonly AnyIndicator[];
  /** Minimum confirmed-or-cleared outcomes before anything changes (default 50). */
  readonly minOutcomes?: number;
  /** Minimum confirmed, and minimum cleared, outcomes before anything changes (default 10). */
  readonly minPerClass?: number;
  /** Minimum labelled subjects an indicator fired on before its weight changes (default 20). */
  readonly minPerWeight?: number;
  /** L2 penalty pulling each weight towards its current value, in log-likelihood units per log-odds² (default 1). */
  readonly l2?: number;
  /** Fit the prior too (default true). Outcomes of reviewed subjects are not a random sample: see docs/calibration.md. */
  readonly fitPrior?: boolean;
  /** Newton iterations at most (default 100). */
  readonly maxIterations?: number;
}

/** Why a weight kept or changed its value. */
export type WeightStatus = 'changed' | 'unchanged' | 'insufficient-evidence' | 'at-bound' | 'no-signal';

/** The proposal for one indicator's weight. */
export interface WeightProposal {
  readonly indicatorId: string;
  /** The correlation group the weight is fitted in (its cap and decay are kept). */
  readonly group: string;
  /** The weight in use. */
  readonly before: number;
  /** The proposed weight, rounded to 0.01; never negative (mitigations subtract it). */
  readonly after: number;
  readonly change: number;
  /** Standard error from the inverse Hessian of the penalised likelihood; null for a weight not fitted or held at a bound. */
  readonly standardError: number | null;
  /** Confirmed or cleared subjects on whom the indicator fired. */
  readonly outcomes: number;
  /** Of them, confirmed. */
  readonly confirmed: number;
  readonly status: WeightStatus;
}

/** The result of {@link calibrate}: a config proposal and the evidence behind every change. */
export interface CalibrationResult {
  /** The proposed config: the one given, with changed weights and prior. Backtest it before adopting it. */
  readonly config: ScorerConfig;
  readonly prior: {
    readonly before: number;
    readonly after: number;
    readonly change: number;
    readonly standardError: number | null;
    readonly status: WeightStatus;
  };
  /** One entry per enabled indicator that fired on at least one labelled subject, by id. */
  readonly weights: readonly WeightProposal[];
  readonly counts: { readonly outcomes: number; readonly confirmed: number; readonly cleared: number; readonly inconclusive: number };
  /** False when the outcomes are below the minimums: then nothing changes. */
  readonly enoughOutcomes: boolean;
  readonly minimums: { readonly outcomes: number; readonly perClass: number; readonly perWeight: number };
  /** Mean log-loss on the labelled outcomes with the current and the fitted parameters. */
  readonly logLoss: { readonly before: number; readonly after: number };
  readonly converged: boolean;
  readonly iterations: number;
  readonly rejectedOutcomes: readonly RejectedOutcome[];
  readonly rejected: readonly RejectedRecord[];
}

interface Example {
  readonly label: 0 | 1;
  /** Indicator positions (into the parameter vector) and their findings. */
  readonly indicators: readonly { readonly param: number; readonly group: string; readonly findings: readonly WeighableFinding[] }[];
}

const maxWeight = 20;
const maxPrior = 20;
const softplus = (x: number): number => (x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x)));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const round2 = (x: number): number => Math.round(x * 100) / 100 || 0;

/**
 * Proposes weights (and the prior) fitted to reviewers' outcomes by L2-regularised logistic
 * regression on exactly the engine's model: each subject is scored as of its decision time, and
 * its log-odds is recomputed from its findings' strengths with candidate weights by the engine's
 * own `weigh` (noisy-or within an indicator, decay and cap within a correlation group), so the
 * fitted weights mean what they mean when scoring. Weights stay in [0, 20] (a mitigation's weight
 * is subtracted, so its effect stays non-positive); group decays and caps are kept.
 *
 * Nothing changes without enough evidence: below {@link calibrationMinimums} outcomes (or per-class
 * counts) the proposal equals the config given, and a weight whose indicator fired on fewer than
 * `minPerWeight` labelled subjects keeps its value. Each proposed change comes with its standard
 * error and the number of outcomes behind it. Pure and deterministic.
 *
 * @throws {ConfigError} or {IndicatorOptionsError} for an invalid configuration.
 */
export function calibrate(input: BatchInput, outcomes: readonly unknown[], options: CalibrateOptions = {}): CalibrationResult {
  const indicators = options.indicators ?? builtinIndicators;
  const resolved = resolveConfig(indicators, options.config, builtinGroups);
  const minimums = {
    outcomes: options.minOutcomes ?? calibrationMinimums.outcomes,
    perClass: options.minPerClass ?? calibrationMinimums.perClass,
    perWeight: options.minPerWeight ?? calibrationMinimums.perWeight,
  };
  const lambda = options.l2 ?? 1;
  const parsed = parseOutcomes(outcomes);
  const scored = scorePointInTime(input, parsed.bySubject, { ...(options.config !== undefined ? { config: options.config } : {}), indicators });
  const rejectedOutcomes: RejectedOutcome[] = [...parsed.rejected];
  const labelled: { outcome: Outcome; label: 0 | 1 }[] = [];
  let inconclusive = 0;
  for (const [subjectId, outcome] of parsed.bySubject) {
    if (!scored.reports.has(subjectId)) {
      rejectedOutcomes.push({
        kind: 'outcome',
        index: parsed.indexBySubject.get(subjectId) as number,
        recordId: outcome.id ?? subjectId,
        issues: [{ path: 'subjectId', message: `no valid subject "${subjectId}" in the input` }],
      });
      continue;
    }
    const label = outcomeLabel(outcome.outcome);
    if (label === undefined) inconclusive++;
    else labelled.push({ outcome, label });
  }

  // Parameters: one weight per enabled indicator that fired on a labelled subject, then the prior.
  const byId = new Map(resolved.indicators.filter((r) => r.enabled).map((r) => [r.id, r]));
  const collected: { label: 0 | 1; perIndicator: Map<string, WeighableFinding[]> }[] = [];
  const seen = new Set<string>();
  for (const { outcome, label } of labelled) {
    const perIndicator = new Map<string, WeighableFinding[]>();
    scored.reports.get(outcome.subjectId)?.findings.forEach((f, i) => {
      if (!byId.has(f.indicatorId)) return;
      const list = perIndicator.get(f.indicatorId);
      // The sort key only orders findings of equal strength, which does not change any sum.
      const finding = { strength: f.strength, kind: f.kind, sortKey: String(i).padStart(8, '0') };
      if (list === undefined) perIndicator.set(f.indicatorId, [finding]);
      else list.push(finding);
      seen.add(f.indicatorId);
    });
    collected.push({ label, perIndicator });
  }
  const ids = [...seen].sort();
  const paramOf = new Map(ids.map((id, i) => [id, i]));
  const fixedExamples: Example[] = collected.map(({ label, perIndicator }) => ({
    label,
    indicators: [...perIndicator].map(([id, findings]) => ({ param: paramOf.get(id) as number, group: (byId.get(id) as { group: string }).group, findings })),
  }));
  const p = ids.length;
  const priorIndex = p;
  const start = [...ids.map((id) => (byId.get(id) as { weight: number }).weight), resolved.priorLogOdds];
  const fired = ids.map(() => ({ outcomes: 0, confirmed: 0 }));
  for (const e of fixedExamples) {
    for (const ind of e.indicators) {
      const f = fired[ind.param] as { outcomes: number; confirmed: number };
      f.outcomes++;
      f.confirmed += e.label;
    }
  }
  const confirmed = labelled.filter((l) => l.label === 1).length;
  const cleared = labelled.length - confirmed;
  const enoughOutcomes = labelled.length >= minimums.outcomes && confirmed >= minimums.perClass && cleared >= minimums.perClass;
  const fittable = start.map((_, i) => enoughOutcomes && (i === priorIndex ? options.fitPrior !== false : (fired[i]?.outcomes ?? 0) >= minimums.perWeight));
  const penalty = start.map((_, i) => (i === priorIndex ? 1e-3 : lambda));
  const upper = start.map((_, i) => (i === priorIndex ? maxPrior : maxWeight));
  const lower = start.map((_, i) => (i === priorIndex ? -maxPrior : 0));

  const settings = (group: string) => groupSettingOf(resolved, group);
  const logOddsOf = (e: Example, theta: readonly number[]): number => {
    const weighable: WeighableIndicator[] = e.indicators.map((ind) => ({
      id: ids[ind.param] as string,
      weight: theta[ind.param] as number,
      group: ind.group,
      findings: ind.findings,
    }));
    let sum = theta[priorIndex] as number;
    for (const w of weigh(weighable, settings)) sum += w.contribution;
    return sum;
  };
  const objective = (theta: readonly number[]): number => {
    let loss = 0;
    for (const e of fixedExamples) {
      const eta = logOddsOf(e, theta);
      loss += e.label === 1 ? softplus(-eta) : softplus(eta);
    }
    for (let i = 0; i <= p; i++) loss += ((penalty[i] as number) / 2) * ((theta[i] as number) - (start[i] as number)) ** 2;
    return loss;
  };
  // The log-odds is piecewise linear in the weights (rankings and caps switch between pieces), so a
  // one-sided difference gives the exact slope of the piece just above the current weights.
  const featuresOf = (e: Example, theta: readonly number[], eta: number): Map<number, number> => {
    const phi = new Map<number, number>([[priorIndex, 1]]);
    for (const ind of e.indicators) {
      if (phi.has(ind.param)) continue;
      const h = 1e-6 * Math.max(1, theta[ind.param] as number);
      const bumped = [...theta];
      bumped[ind.param] = (theta[ind.param] as number) + h;
      phi.set(ind.param, (logOddsOf(e, bumped) - eta) / h);
    }
    return phi;
  };

  let theta = [...start];
  let converged = false;
  let iterations = 0;
  let hessianFree: { index: number[]; h: number[][] } | undefined;
  const maxIterations = options.maxIterations ?? 100;
  while (enoughOutcomes && iterations < maxIterations) {
    iterations++;
    const g = new Array<number>(p + 1).fill(0);
    const h = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    for (const e of fixedExamples) {
      const eta = logOddsOf(e, theta);
      const prob = sigmoid(eta);
      const phi = [...featuresOf(e, theta, eta)];
      const r = prob - e.label;
      const wgt = prob * (1 - prob);
      for (const [i, x] of phi) {
        g[i] = (g[i] as number) + r * x;
        for (const [j, y] of phi) (h[i] as number[])[j] = ((h[i] as number[])[j] as number) + wgt * x * y;
      }
    }
    for (let i = 0; i <= p; i++) {
      g[i] = (g[i] as number) + (penalty[i] as number) * ((theta[i] as number) - (start[i] as number));
      (h[i] as number[])[i] = ((h[i] as number[])[i] as number) + (penalty[i] as number);
    }
    // Active set: fittable parameters not pressed against a bound.
    const free = theta
      .map((t, i) => i)
      .filter(
        (i) =>
          fittable[i] === true &&
          !((theta[i] as number) <= (lower[i] as number) && (g[i] as number) > 0) &&
          !((theta[i] as number) >= (upper[i] as number) && (g[i] as number) < 0),
      );
    hessianFree = { index: free, h: free.map((i) => free.map((j) => (h[i] as number[])[j] as number)) };
    if (free.length === 0) {
      converged = true;
      break;
    }
    const step = solveSpd(
      hessianFree.h,
      free.map((i) => -(g[i] as number)),
    );
    if (step === undefined) break;
    const before = objective(theta);
    let t = 1;
    let next = theta;
    let accepted = false;
    for (let k = 0; k < 30; k++) {
      next = [...theta];
      free.forEach((i, n) => {
        next[i] = Math.min(upper[i] as number, Math.max(lower[i] as number, (theta[i] as number) + t * (step[n] as number)));
      });
      if (objective(next) <= before + 1e-12) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      converged = true;
      break;
    }
    let moved = 0;
    next.forEach((v, i) => {
      moved = Math.max(moved, Math.abs(v - (theta[i] as number)));
    });
    theta = next;
    if (moved < 1e-7) {
      converged = true;
      break;
    }
  }
  if (!enoughOutcomes) converged = true;

  const variances = hessianFree !== undefined && hessianFree.index.length > 0 ? inverseDiagonal(hessianFree.h) : undefined;
  const seOf = (i: number): number | null => {
    const at = hessianFree?.index.indexOf(i) ?? -1;
    if (at < 0 || variances === undefined) return null;
    return Math.sqrt(variances[at] as number);
  };
  const statusOf = (i: number, after: number): WeightStatus => {
    if (!fittable[i]) return 'insufficient-evidence';
    const se = seOf(i);
    if (after !== round2(start[i] as number)) return se === null ? 'at-bound' : 'changed';
    return se === null && (theta[i] as number) <= (lower[i] as number) ? 'at-bound' : 'unchanged';
  };
  const finalTheta = theta.map((v, i) => (fittable[i] ? v : (start[i] as number)));
  const weights: WeightProposal[] = ids.map((id, i) => {
    const before = start[i] as number;
    const after = fittable[i] ? round2(finalTheta[i] as number) : before;
    const f = fired[i] as { outcomes: number; confirmed: number };
    return {
      indicatorId: id,
      group: (byId.get(id) as { group: string }).group,
      before,
      after,
      change: round2(after - before),
      standardError: fittable[i] ? seOf(i) : null,
      outcomes: f.outcomes,
      confirmed: f.confirmed,
      status: statusOf(i, after),
    };
  });
  const priorAfter = fittable[priorIndex] ? round2(finalTheta[priorIndex] as number) : resolved.priorLogOdds;
  const config = proposeConfig(options.config ?? {}, weights, priorAfter !== resolved.priorLogOdds ? priorAfter : undefined);
  const meanLoss = (theta2: readonly number[]): number => {
    if (fixedExamples.length === 0) return 0;
    let loss = 0;
    for (const e of fixedExamples) {
      const eta = logOddsOf(e, theta2);
      loss += e.label === 1 ? softplus(-eta) : softplus(eta);
    }
    return loss / fixedExamples.length;
  };
  const roundedTheta = [...weights.map((w) => w.after), priorAfter];
  return {
    config,
    prior: {
      before: resolved.priorLogOdds,
      after: priorAfter,
      change: round2(priorAfter - resolved.priorLogOdds),
      standardError: fittable[priorIndex] ? seOf(priorIndex) : null,
      status: statusOf(priorIndex, priorAfter),
    },
    weights,
    counts: { outcomes: outcomes.length, confirmed, cleared, inconclusive },
    enoughOutcomes,
    minimums,
    logLoss: { before: meanLoss(start), after: meanLoss(roundedTheta) },
    converged,
    iterations,
    rejectedOutcomes: rejectedOutcomes.sort((a, b) => a.index - b.index),
    rejected: scored.rejected,
  };
}

/** The config given, with the changed weights (and prior) written in; every other setting kept. */
function proposeConfig(config: ScorerConfig, weights: readonly WeightProposal[], prior: number | undefined): ScorerConfig {
  const indicators: Record<string, NonNullable<ScorerConfig['indicators']>[string]> = { ...(config.indicators ?? {}) };
  for (const w of weights) {
    if (w.after === w.before) continue;
    const setting = indicators[w.indicatorId];
    indicators[w.indicatorId] = typeof setting === 'object' ? { ...setting, weight: w.after } : { weight: w.after };
  }
  return {
    ...config,
    ...(Object.keys(indicators).length > 0 ? { indicators } : {}),
    ...(prior !== undefined ? { priorLogOdds: prior } : {}),
  };
}
