import { bandOrder, type Band, type ScorerConfig } from '../engine/config';
import type { BatchInput, RejectedRecord } from '../engine/createScorer';
import { createScorer } from '../defaults';
import type { Report } from '../engine/report';
import type { AnyIndicator } from '../contract/types';
import {
  aucWithInterval,
  histogram,
  precisionRecall,
  reliability,
  rocCurve,
  type AucEstimate,
  type PrecisionRecall,
  type ReliabilityBin,
  type RocPoint,
} from './metrics';
import { outcomeLabel, parseOutcomes, type Outcome, type OutcomeKind, type RejectedOutcome } from './outcomes';
import { compareText } from '../engine/order';

/** One configuration to backtest, named for the output. */
export interface BacktestConfig {
  /** Name shown in the output, e.g. `current` or `candidate`. */
  readonly name: string;
  /** The scorer config; omitted means the defaults. */
  readonly config?: ScorerConfig;
}

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Configurations to compare; the first is the baseline decision changes are measured against. Default: one, the defaults. */
  readonly configs?: readonly BacktestConfig[];
  /** Indicators to run (default: the built-ins). */
  readonly indicators?: readonly AnyIndicator[];
}

/** One subject with an outcome, scored as of its decision time. */
export interface BacktestCase {
  readonly subjectId: string;
  readonly outcome: OutcomeKind;
  /** 1 confirmed, 0 cleared, null inconclusive (not in the metrics). */
  readonly label: 0 | 1 | null;
  /** The instant the subject was scored as of: its decision time. */
  readonly decidedAt: string;
  readonly score: number;
  readonly band: Band;
  readonly logOdds: number;
  /** Log-odds each indicator added (non-zero ones only). */
  readonly contributions: Readonly<Record<string, number>>;
}

/** Precision and recall when everyone at or above a band is flagged. */
export interface BandThresholdMetrics extends PrecisionRecall {
  /** Subjects at or above this band are flagged. */
  readonly band: Exclude<Band, 'low'>;
}

/** What one configuration would have decided. */
export interface BacktestRun {
  readonly name: string;
  readonly configHash: string;
  /** AUC on log-odds with DeLong's 95% interval; null without both confirmed and cleared subjects. */
  readonly auc: AucEstimate | null;
  readonly roc: readonly RocPoint[];
  /** Precision and recall at each band threshold (elevated, high, critical). */
  readonly thresholds: readonly BandThresholdMetrics[];
  /** Subjects per band and outcome class. */
  readonly confusion: readonly { readonly band: Band; readonly confirmed: number; readonly cleared: number; readonly inconclusive: number }[];
  /** Score histograms (ten bins of 10 points) of confirmed and cleared subjects. */
  readonly distributions: { readonly confirmed: readonly number[]; readonly cleared: readonly number[] };
  /** Reliability diagram: predicted `score / 100` against the observed confirmed rate. */
  readonly reliability: readonly ReliabilityBin[];
  /** Every subject with an outcome, by subject id. */
  readonly cases: readonly BacktestCase[];
}

/** A subject whose band differs between the baseline and another configuration, and why. */
export interface DecisionChange {
  readonly subjectId: string;
  readonly outcome: OutcomeKind;
  /** The configuration compared with the baseline. */
  readonly config: string;
  readonly from: { readonly band: Band; readonly score: number };
  readonly to: { readonly band: Band; readonly score: number };
  /** The indicators (and `prior`) whose log-odds changed, largest change first. */
  readonly moved: readonly { readonly indicatorId: string; readonly before: number; readonly after: number; readonly delta: number }[];
}

/** The result of {@link backtest}. */
export interface BacktestResult {
  /** One run per configuration, in the order given. */
  readonly runs: readonly BacktestRun[];
  /** Subjects whose band changes against the first configuration. */
  readonly changes: readonly DecisionChange[];
  readonly counts: {
    readonly outcomes: number;
    readonly confirmed: number;
    readonly cleared: number;
    readonly inconclusive: number;
    /** Outcomes replaced by a later decision about the same subject. */
    readonly superseded: number;
    /** Distinct decision times: the batch is scored once per time. */
    readonly decisionTimes: number;
  };
  /** Outcomes that failed validation or name no valid subject. */
  readonly rejectedOutcomes: readonly RejectedOutcome[];
  /** Input records the scorer rejected. */
  readonly rejected: readonly RejectedRecord[];
}

/** Reports per subject of one configuration, each scored as of its subject's decision time. */
export type PointInTimeReports = ReadonlyMap<string, Report>;

/**
 * Scores every subject that has an outcome as of its decision time, with one configuration. The
 * batch is validated once; it is then scored once per distinct decision time (population-level
 * indicators see the population as it was then), so the cost is one validation plus, per
 * distinct time, the asOf cut and the indicators of the subjects decided then.
 */
export function scorePointInTime(
  input: BatchInput,
  decisions: ReadonlyMap<string, Outcome>,
  scorerOptions: { readonly config?: ScorerConfig; readonly indicators?: readonly AnyIndicator[] },
): { reports: Map<string, Report>; rejected: readonly RejectedRecord[]; configHash: string } {
  const scorer = createScorer({
    ...(scorerOptions.config !== undefined ? { config: scorerOptions.config } : {}),
    ...(scorerOptions.indicators !== undefined ? { indicators: scorerOptions.indicators } : {}),
  });
  const byTime = new Map<string, Set<string>>();
  for (const [subjectId, outcome] of decisions) {
    const at = new Date(Date.parse(outcome.decidedAt)).toISOString();
    const set = byTime.get(at);
    if (set === undefined) byTime.set(at, new Set([subjectId]));
    else set.add(subjectId);
  }
  const reports = new Map<string, Report>();
  // Validated once; each decision time only cuts the facts dated after it (the engine's asOf cut).
  const prepared = scorer.prepareBatch(input);
  for (const [asOf, ids] of [...byTime].sort((a, b) => compareText(a[0], b[0]))) {
    for (const report of prepared.scoreAt(asOf, (id) => ids.has(id))) reports.set(report.subjectId, report);
  }
  return { reports, rejected: prepared.rejected, configHash: scorer.configHash };
}

function contributionsOf(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of report.indicators) if (i.contribution !== 0) out[i.indicatorId] = i.contribution;
  return out;
}

function buildRun(name: string, configHash: string, cases: BacktestCase[]): BacktestRun {
  const labelled = cases.filter((c): c is BacktestCase & { label: 0 | 1 } => c.label !== null);
  const thresholds = (['elevated', 'high', 'critical'] as const).map((band) => {
    const at = bandOrder.indexOf(band);
    return { band, ...precisionRecall(labelled.map((c) => ({ flagged: bandOrder.indexOf(c.band) >= at, label: c.label }))) };
  });
  const confusion = bandOrder.map((band) => {
    const inBand = cases.filter((c) => c.band === band);
    return {
      band,
      confirmed: inBand.filter((c) => c.label === 1).length,
      cleared: inBand.filter((c) => c.label === 0).length,
      inconclusive: inBand.filter((c) => c.label === null).length,
    };
  });
  return {
    name,
    configHash,
    auc: aucWithInterval(labelled) ?? null,
    roc: rocCurve(labelled),
    thresholds,
    confusion,
    distributions: {
      confirmed: histogram(labelled.filter((c) => c.label === 1).map((c) => c.score)),
      cleared: histogram(labelled.filter((c) => c.label === 0).map((c) => c.score)),
    },
    reliability: reliability(labelled),
    cases,
  };
}

function changesBetween(base: BacktestRun, other: BacktestRun, priorOf: (run: BacktestRun, id: string) => number): DecisionChange[] {
  const otherById = new Map(other.cases.map((c) => [c.subjectId, c]));
  const out: DecisionChange[] = [];
  for (const before of base.cases) {
    const after = otherById.get(before.subjectId);
    if (after === undefined || after.band === before.band) continue;
    const ids = new Set([...Object.keys(before.contributions), ...Object.keys(after.contributions)]);
    const moved: DecisionChange['moved'][number][] = [];
    const priorBefore = priorOf(base, before.subjectId);
    const priorAfter = priorOf(other, before.subjectId);
    if (priorBefore !== priorAfter) moved.push({ indicatorId: 'prior', before: priorBefore, after: priorAfter, delta: priorAfter - priorBefore });
    for (const id of ids) {
      const b = before.contributions[id] ?? 0;
      const a = after.contributions[id] ?? 0;
      if (a !== b) moved.push({ indicatorId: id, before: b, after: a, delta: a - b });
    }
    moved.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || compareText(x.indicatorId, y.indicatorId));
    out.push({
      subjectId: before.subjectId,
      outcome: before.outcome,
      config: other.name,
      from: { band: before.band, score: before.score },
      to: { band: after.band, score: after.score },
      moved,
    });
  }
  return out;
}

/**
 * Backtests one or more configurations against what reviewers decided: each subject with an
 * outcome is scored **as of its decision time** (the engine's `asOf`), so no fact recorded after
 * the decision can leak in. Per configuration it reports AUC with DeLong's 95% interval,
 * precision and recall at each band threshold, the band confusion table, score distributions of
 * confirmed and cleared subjects, a reliability diagram, and, against the first configuration,
 * every subject whose band changes with the indicators whose contributions moved.
 *
 * Pure: no clock, no I/O. Never throws for bad outcome records: they are listed under
 * `rejectedOutcomes`. Inconclusive outcomes are scored and counted but left out of the metrics.
 *
 * @throws {ConfigError} or {IndicatorOptionsError} for an invalid configuration.
 * @example
 * ```ts
 * const result = backtest(input, outcomes, { configs: [{ name: 'current' }, { name: 'candidate', config: proposal }] });
 * console.log(result.runs.map((r) => [r.name, r.auc?.auc]));
 * ```
 */
export function backtest(input: BatchInput, outcomes: readonly unknown[], options: BacktestOptions = {}): BacktestResult {
  const configs = options.configs !== undefined && options.configs.length > 0 ? options.configs : [{ name: 'default' }];
  const parsed = parseOutcomes(outcomes);
  const rejectedOutcomes: RejectedOutcome[] = [...parsed.rejected];
  const runs: BacktestRun[] = [];
  const priors: Map<string, number>[] = [];
  let rejected: readonly RejectedRecord[] = [];
  let decisions: ReadonlyMap<string, Outcome> = parsed.bySubject;
  configs.forEach((c, index) => {
    const scored = scorePointInTime(input, decisions, {
      ...(c.config !== undefined ? { config: c.config } : {}),
      ...(options.indicators !== undefined ? { indicators: options.indicators } : {}),
    });
    if (index === 0) {
      rejected = scored.rejected;
      // Outcomes about subjects that are not (validly) in the input cannot be scored: say so once.
      const kept = new Map<string, Outcome>();
      for (const [subjectId, outcome] of decisions) {
        if (scored.reports.has(subjectId)) kept.set(subjectId, outcome);
        else
          rejectedOutcomes.push({
            kind: 'outcome',
            index: parsed.indexBySubject.get(subjectId) as number,
            recordId: outcome.id ?? subjectId,
            issues: [{ path: 'subjectId', message: `no valid subject "${subjectId}" in the input` }],
          });
      }
      decisions = kept;
    }
    const cases: BacktestCase[] = [];
    const prior = new Map<string, number>();
    for (const [subjectId, outcome] of decisions) {
      const report = scored.reports.get(subjectId) as Report;
      prior.set(subjectId, report.priorLogOdds);
      cases.push({
        subjectId,
        outcome: outcome.outcome,
        label: outcomeLabel(outcome.outcome) ?? null,
        decidedAt: outcome.decidedAt,
        score: report.score,
        band: report.band,
        logOdds: report.logOdds,
        contributions: contributionsOf(report),
      });
    }
    priors.push(prior);
    runs.push(buildRun(c.name, scored.configHash, cases));
  });
  const priorOf = (run: BacktestRun, id: string): number => priors[runs.indexOf(run)]?.get(id) ?? 0;
  const changes = runs.slice(1).flatMap((run) => changesBetween(runs[0] as BacktestRun, run, priorOf));
  const all = [...decisions.values()];
  return {
    runs,
    changes,
    counts: {
      outcomes: outcomes.length,
      confirmed: all.filter((o) => outcomeLabel(o.outcome) === 1).length,
      cleared: all.filter((o) => outcomeLabel(o.outcome) === 0).length,
      inconclusive: all.filter((o) => outcomeLabel(o.outcome) === undefined).length,
      superseded: parsed.superseded.length,
      decisionTimes: new Set(all.map((o) => Date.parse(o.decidedAt))).size,
    },
    rejectedOutcomes: rejectedOutcomes.sort((a, b) => a.index - b.index),
    rejected,
  };
}
