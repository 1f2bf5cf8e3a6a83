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
  for (const kind of ['risk', 'mitigating'] as const) {
    const sign = kind === 'risk' ? 1 : -1;
    const byGroup = new Map<string, { id: string; raw: number; marginals: { finding: F; value: number }[] }[]>();
    for (const indicator of indicators) {
      // Most indicators find nothing, and most that do find one thing: no filtered copy, no sort, for those.
      const given = indicator.findings;
      if (given.length === 0 || (given.length === 1 && (given[0] as F).kind !== kind)) continue;
      const findings = given.length === 1 ? given : given.filter((f) => f.kind === kind).sort(compareFindings);
      if (findings.length === 0) continue;
      let remaining = 1;
      const marginals: { finding: F; value: number }[] = [];
      for (const finding of findings) {
        const value = indicator.weight * finding.strength * remaining;
        remaining *= 1 - finding.strength;
        marginals.push({ finding, value });
      }
      const raw = indicator.weight * (1 - remaining);
      const members = byGroup.get(indicator.group);
      const member = { id: indicator.id, raw, marginals };
      if (members === undefined) byGroup.set(indicator.group, [member]);
      else members.push(member);
    }
    for (const [group, members] of byGroup) {
      const { decay = 0.5, cap } = groupSettings(group);
      members.sort((a, b) => (a.raw !== b.raw ? b.raw - a.raw : compareText(a.id, b.id)));
      let total = 0;
      let factor = 1;
      const factors: number[] = [];
      for (const member of members) {
        factors.push(factor);
        total += member.raw * factor;
        factor *= decay;
      }
      const scale = cap !== undefined && total > cap ? cap / total : 1;
      members.forEach((member, rank) => {
        const f = (factors[rank] as number) * scale;
        for (const { finding, value } of member.marginals) {
          out.push({ indicatorId: member.id, finding, contribution: sign * value * f });
        }
      });
    }
  }
  return out;
}

/** Maps log-odds to a score in [0, 100], rounded to one decimal. */
export function scoreOf(logOdds: number): number {
  return Math.round(1000 / (1 + Math.exp(-logOdds))) / 10;
}
