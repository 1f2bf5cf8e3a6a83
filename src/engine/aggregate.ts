import type { FindingKind } from '../contract/types';
import type { GroupSetting } from './config';
import { compareText } from './order';

/** A finding ready to be weighed: its indicator's key and its strength. */
export interface WeighableFinding {
  readonly strength: number;
  readonly kind: FindingKind;
  /** Tie-breaker that makes the order of equal-strength findings canonical. */
  readonly sortKey: string;
}

/** An indicator's findings with its weight and group, ready to be weighed. */
export interface WeighableIndicator<F extends WeighableFinding = WeighableFinding> {
  readonly id: string;
  readonly weight: number;
  readonly group: string;
  readonly findings: readonly F[];
}

/** The weighed result: each finding's contribution, in log-odds, signed. */
export interface Weighed<F extends WeighableFinding> {
  readonly indicatorId: string;
  readonly finding: F;
  readonly contribution: number;
}

/** The canonical order of an indicator's findings: strongest first, then by key, so record order cannot show through. */
export function compareFindings(a: WeighableFinding, b: WeighableFinding): number {
  if (a.strength !== b.strength) return b.strength - a.strength;
  return compareText(a.sortKey, b.sortKey);
}

/**
 * Weighs findings into signed log-odds contributions. Risk and mitigating evidence are weighed
 * apart, the same way:
 *
 * 1. Inside an indicator, findings combine by noisy-or: strength `1 - Π(1 - s)`, so many weak
 *    findings of one indicator never exceed its weight. Finding k (by descending strength) gets
 *    the marginal `s_k · Π_{j<k}(1 - s_j)`.
 * 2. Inside a correlation group, indicators are ranked by raw contribution; the r-th counts
 *    `decay^r` (an ordered weighted sum with non-increasing weights, which is monotone), and the
 *    group total is scaled down to its cap when it exceeds it.
 *
 * Each step only scales the previous one, so contributions add up exactly to the totals, every
 * contribution is non-negative before its sign is applied, and raising a strength or a weight
 * never lowers a total.
 */
export function weigh<F extends WeighableFinding>(indicators: readonly WeighableIndicator<F>[], groupSettings: (group: string) => GroupSetting): Weighed<F>[] {
  const out: Weighed<F>[] = [];
  weighEach(indicators, groupSettings, (indicatorId, finding, contribution) => out.push({ indicatorId, finding, contribution }));
  return out;
}

/** An indicator of one group, with its findings of one kind (strongest first) and its raw contribution. */
interface Member<F extends WeighableFinding> {
  readonly id: string;
  readonly weight: number;
  readonly raw: number;
  readonly findings: readonly F[];
}

const kinds: readonly FindingKind[] = ['risk', 'mitigating'];

/**
 * {@link weigh}, each contribution handed to `visit` in the order `weigh` lists them, without an
 * object per finding. The marginals are worked out again when visited rather than kept: the same
 * operations in the same order, so the same numbers.
 */
export function weighEach<F extends WeighableFinding>(
  indicators: readonly WeighableIndicator<F>[],
  groupSettings: (group: string) => GroupSetting,
  visit: (indicatorId: string, finding: F, contribution: number) => void,
): void {
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k] as FindingKind;
    const sign = kind === 'risk' ? 1 : -1;
    // Most subjects have no mitigating finding, and most indicators find nothing: no map for those.
    let byGroup: Map<string, Member<F>[]> | undefined;
    for (let i = 0; i < indicators.length; i++) {
      const indicator = indicators[i] as WeighableIndicator<F>;
      // Most indicators find nothing, and most that do find one thing: no filtered copy, no sort, for those.
      const given = indicator.findings;
      if (given.length === 0 || (given.length === 1 && (given[0] as F).kind !== kind)) continue;
      const findings = given.length === 1 ? given : given.filter((f) => f.kind === kind).sort(compareFindings);
      if (findings.length === 0) continue;
      let remaining = 1;
      for (let j = 0; j < findings.length; j++) remaining *= 1 - (findings[j] as F).strength;
      const member: Member<F> = { id: indicator.id, weight: indicator.weight, raw: indicator.weight * (1 - remaining), findings };
      byGroup ??= new Map();
      const members = byGroup.get(indicator.group);
      if (members === undefined) byGroup.set(indicator.group, [member]);
      else members.push(member);
    }
    byGroup?.forEach((members, group) => {
      const { decay = 0.5, cap } = groupSettings(group);
      if (members.length > 1) members.sort((a, b) => (a.raw !== b.raw ? b.raw - a.raw : compareText(a.id, b.id)));
      let total = 0;
      let factor = 1;
      for (let r = 0; r < members.length; r++) {
        total += (members[r] as Member<F>).raw * factor;
        factor *= decay;
      }
      const scale = cap !== undefined && total > cap ? cap / total : 1;
      // The r-th member counts decay^r, the factors taken again in the same order.
      factor = 1;
      for (let r = 0; r < members.length; r++) {
        const member = members[r] as Member<F>;
        const f = factor * scale;
        let remaining = 1;
        for (let j = 0; j < member.findings.length; j++) {
          const finding = member.findings[j] as F;
          const value = member.weight * finding.strength * remaining;
          remaining *= 1 - finding.strength;
          visit(member.id, finding, sign * value * f);
        }
        factor *= decay;
      }
    });
  }
}

/** Maps log-odds to a score in [0, 100], rounded to one decimal. */
export function scoreOf(logOdds: number): number {
  return Math.round(1000 / (1 + Math.exp(-logOdds))) / 10;
}
