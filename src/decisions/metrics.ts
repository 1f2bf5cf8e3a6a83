/** A scored, labelled case: the model's log-odds and the outcome (1 confirmed, 0 cleared). */
export interface LabelledScore {
  readonly logOdds: number;
  readonly label: 0 | 1;
}

/** The area under the ROC curve with a 95% confidence interval. */
export interface AucEstimate {
  /** Probability that a random confirmed subject outscores a random cleared one (ties count half). */
  readonly auc: number;
  /** Standard error by DeLong's method. */
  readonly standardError: number;
  /** 95% interval, `auc ± 1.96·se`, clipped to [0, 1]. */
  readonly lower: number;
  /** Upper end of the 95% interval. */
  readonly upper: number;
  /** Confirmed subjects behind it. */
  readonly positives: number;
  /** Cleared subjects behind it. */
  readonly negatives: number;
}

/** Mid-ranks (1-based, ties share the mean rank) of values, in their given order. O(n log n). */
function midRanks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * AUC (the Mann-Whitney statistic) with DeLong's variance (DeLong, DeLong & Clarke-Pearson, 1988),
 * computed from mid-ranks in O(n log n) (Sun & Xu, 2014). Undefined (returns undefined) without
 * at least one confirmed and one cleared subject.
 */
export function aucWithInterval(cases: readonly LabelledScore[]): AucEstimate | undefined {
  const pos = cases.filter((c) => c.label === 1).map((c) => c.logOdds);
  const neg = cases.filter((c) => c.label === 0).map((c) => c.logOdds);
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return undefined;
  const all = midRanks([...pos, ...neg]);
  const rPos = midRanks(pos);
  const rNeg = midRanks(neg);
  // Structural components: V10[i] = share of cleared below positive i; V01[j] = share of confirmed above cleared j.
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let sumRanks = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = ((all[i] as number) - (rPos[i] as number)) / n;
    sumRanks += all[i] as number;
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - ((all[m + j] as number) - (rNeg[j] as number)) / m;
  const auc = (sumRanks - (m * (m + 1)) / 2) / (m * n);
  const variance = (values: Float64Array): number => {
    if (values.length < 2) return 0;
    let mean = 0;
    for (const v of values) mean += v;
    mean /= values.length;
    let s = 0;
    for (const v of values) s += (v - mean) ** 2;
    return s / (values.length - 1);
  };
  const se = Math.sqrt(variance(v10) / m + variance(v01) / n);
  return { auc, standardError: se, lower: Math.max(0, auc - 1.96 * se), upper: Math.min(1, auc + 1.96 * se), positives: m, negatives: n };
}

/** One point of the ROC curve: flag everyone at or above `threshold` (log-odds; null flags nobody). */
export interface RocPoint {
  readonly threshold: number | null;
  readonly falsePositiveRate: number;
  readonly truePositiveRate: number;
}

/** The ROC curve, one point per distinct score, from (0, 0) to (1, 1). Empty without both classes. */
export function rocCurve(cases: readonly LabelledScore[]): RocPoint[] {
  const m = cases.filter((c) => c.label === 1).length;
  const n = cases.length - m;
  if (m === 0 || n === 0) return [];
  const sorted = [...cases].sort((a, b) => b.logOdds - a.logOdds);
  const points: RocPoint[] = [{ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 }];
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < sorted.length) {
    const t = (sorted[i] as LabelledScore).logOdds;
    while (i < sorted.length && (sorted[i] as LabelledScore).logOdds === t) {
      if ((sorted[i] as LabelledScore).label === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: t, falsePositiveRate: fp / n, truePositiveRate: tp / m });
  }
  return points;
}

/** Precision and recall when everyone flagged is reviewed. */
export interface PrecisionRecall {
  /** Confirmed among flagged; undefined when nobody is flagged. */
  readonly precision: number | undefined;
  /** Share of confirmed subjects flagged; undefined without confirmed subjects. */
  readonly recall: number | undefined;
  /** Share of cleared subjects flagged; undefined without cleared subjects. */
  readonly falsePositiveRate: number | undefined;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
}

/** Precision and recall of a yes/no flag against labels. */
export function precisionRecall(cases: readonly { readonly flagged: boolean; readonly label: 0 | 1 }[]): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const c of cases) {
    if (c.flagged && c.label === 1) tp++;
    else if (c.flagged) fp++;
    else if (c.label === 1) fn++;
    else tn++;
  }
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
    recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
    falsePositiveRate: fp + tn > 0 ? fp / (fp + tn) : undefined,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
  };
}

/** Counts of scores (0-100) in ten bins of width 10; the last bin includes 100. */
export function histogram(scores: readonly number[]): number[] {
  const bins = new Array<number>(10).fill(0);
  for (const s of scores) {
    const bin = Math.min(9, Math.max(0, Math.floor(s / 10)));
    bins[bin] = (bins[bin] as number) + 1;
  }
  return bins;
}

/** One bin of a reliability diagram: the mean predicted probability against the observed rate. */
export interface ReliabilityBin {
  /** Lower edge of the bin, as a probability. */
  readonly from: number;
  /** Upper edge. */
  readonly to: number;
  /** Subjects in the bin. */
  readonly count: number;
  /** Mean of `score / 100` in the bin; undefined when empty. */
  readonly meanPredicted: number | undefined;
  /** Share confirmed in the bin; undefined when empty. */
  readonly observedRate: number | undefined;
}

/** Reliability diagram in ten equal-width bins of predicted probability (`score / 100`). */
export function reliability(cases: readonly { readonly score: number; readonly label: 0 | 1 }[]): ReliabilityBin[] {
  const sums = Array.from({ length: 10 }, () => ({ count: 0, predicted: 0, positives: 0 }));
  for (const c of cases) {
    const p = c.score / 100;
    const bin = sums[Math.min(9, Math.max(0, Math.floor(p * 10)))] as { count: number; predicted: number; positives: number };
    bin.count++;
    bin.predicted += p;
    bin.positives += c.label;
  }
  return sums.map((b, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    count: b.count,
    meanPredicted: b.count > 0 ? b.predicted / b.count : undefined,
    observedRate: b.count > 0 ? b.positives / b.count : undefined,
  }));
}
