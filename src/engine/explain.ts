import type { DataFamily, FindingKind } from '../indicator/types';
import { VERSION } from '../version';
import { scoreOf, weigh, type WeighableIndicator } from './aggregate';
import { interpolate } from './interpolate';
import type { IndicatorError, IndicatorReport, Reason, Report, ReportFinding, ReportMitigation, TypologyScore } from './report';
import { bandAtLeast, bandOf, groupSettingOf, type ResolvedConfig, type ResolvedIndicator } from './resolve';
import type { CheckedFinding, RunOutcome } from './runIndicator';
import { compareText } from './order';
import { countOf } from '../text/plural';

const zero = (x: number): number => (x === 0 ? 0 : x);

/**
 * The family a data family counts as for corroboration: `data-access` is the older name of
 * `data-movement`, so a custom data-access indicator and a built-in data-movement one are one
 * kind of evidence, not two.
 */
export function corroborationFamily(family: DataFamily): DataFamily {
  return family === 'data-access' ? 'data-movement' : family;
}

/** Builds the explainable report for one subject from the outcomes of its indicators. */
export function explain(
  subjectId: string,
  config: ResolvedConfig,
  outcomes: ReadonlyMap<string, RunOutcome>,
  asOf: string,
  eventsConsidered: number,
  eventsAfterAsOf: number,
): Report {
  const byId = new Map<string, ResolvedIndicator>();
  const weighable: WeighableIndicator<CheckedFinding>[] = [];
  for (const r of config.indicators) {
    byId.set(r.id, r);
    const outcome = outcomes.get(r.id);
    if (r.enabled && outcome?.status === 'ran' && outcome.findings.length > 0) {
      weighable.push({ id: r.id, weight: r.weight, group: r.group, findings: outcome.findings });
    }
  }
  const weighed = weigh(weighable, (group) => groupSettingOf(config, group));

  // Per indicator and kind: the findings with their contributions, strongest first.
  const perIndicator = new Map<string, { finding: CheckedFinding; contribution: number }[]>();
  for (const w of weighed) {
    const list = perIndicator.get(w.indicatorId);
    const item = { finding: w.finding, contribution: zero(w.contribution) };
    if (list === undefined) perIndicator.set(w.indicatorId, [item]);
    else list.push(item);
  }

  const contributionOf = new Map<string, number>();
  for (const [id, items] of perIndicator) {
    let sum = 0;
    for (const item of items) sum += item.contribution;
    contributionOf.set(id, zero(sum));
  }

  // Reasons: one per indicator and kind, ranked by the size of what they add or take away.
  const reasonItems: { id: string; kind: FindingKind; contribution: number; items: { finding: CheckedFinding; contribution: number }[] }[] = [];
  for (const [id, items] of perIndicator) {
    for (const kind of ['risk', 'mitigating'] as const) {
      const mine = items.filter((i) => i.finding.kind === kind);
      if (mine.length === 0) continue;
      let sum = 0;
      for (const i of mine) sum += i.contribution;
      reasonItems.push({ id, kind, contribution: zero(sum), items: mine });
    }
  }
  reasonItems.sort((a, b) => {
    const d = Math.abs(b.contribution) - Math.abs(a.contribution);
    if (d !== 0) return d;
    // One reason per indicator and kind: risk before mitigating (reverse alphabetical).
    return compareText(a.id, b.id) || compareText(b.kind, a.kind);
  });

  const reasons: Reason[] = [];
  const findings: ReportFinding[] = [];
  const nextSteps: { indicatorId: string; action: string }[] = [];
  const actionsSeen = new Set<string>();
  reasonItems.forEach((ri, index) => {
    const meta = (byId.get(ri.id) as ResolvedIndicator).indicator.meta;
    const top = ri.items[0] as { finding: CheckedFinding };
    const topMessage = interpolate(meta.messages[top.finding.messageId] as string, top.finding.data);
    const more = ri.items.length - 1;
    reasons.push({
      rank: index + 1,
      indicatorId: ri.id,
      messageId: top.finding.messageId,
      message: more > 0 ? `${topMessage} (and ${countOf(more, 'more finding')})` : topMessage,
      kind: ri.kind,
      contribution: ri.contribution,
      neutralReason: meta.neutralReason,
      recommendedAction: meta.recommendedAction,
      findings: ri.items.length,
    });
    for (const { finding, contribution } of ri.items) {
      findings.push({
        indicatorId: ri.id,
        messageId: finding.messageId,
        message: interpolate(meta.messages[finding.messageId] as string, finding.data),
        data: finding.data,
        kind: finding.kind,
        strength: finding.strength,
        contribution,
        evidence: finding.evidence,
        ...(finding.family !== meta.family ? { family: finding.family } : {}),
        ...(finding.mitigatedBy !== undefined ? { mitigatedBy: finding.mitigatedBy } : {}),
      });
    }
    if (ri.kind === 'risk' && !actionsSeen.has(meta.recommendedAction)) {
      actionsSeen.add(meta.recommendedAction);
      nextSteps.push({ indicatorId: ri.id, action: meta.recommendedAction });
    }
  });

  const indicators: IndicatorReport[] = [];
  const mitigations: ReportMitigation[] = [];
  const errors: IndicatorError[] = [];
  const notEvaluated: { indicatorId: string; reason: string; missing: readonly string[] }[] = [];
  const familyRisk = new Map<DataFamily, number>();
  let evaluated = 0;
  let logOdds = config.priorLogOdds;
  for (const r of config.indicators) {
    const meta = r.indicator.meta;
    const outcome = outcomes.get(r.id);
    const contribution = contributionOf.get(r.id) ?? 0;
    const common = {
      indicatorId: r.id,
      title: meta.title,
      version: meta.version,
      weight: r.weight,
      contribution,
      family: meta.family,
      typologies: [...meta.typologies],
      ...(meta.correlationGroup !== undefined ? { correlationGroup: meta.correlationGroup } : {}),
    };
    if (!r.enabled || outcome === undefined) {
      indicators.push({ ...common, status: 'disabled' });
      continue;
    }
    if (outcome.status === 'error') {
      errors.push({ indicatorId: r.id, message: outcome.message });
      indicators.push({ ...common, status: 'error' });
      continue;
    }
    if (outcome.status === 'not-evaluated') {
      notEvaluated.push({ indicatorId: r.id, reason: outcome.reason, missing: [...outcome.missing] });
      indicators.push({ ...common, status: 'not-evaluated', reason: outcome.reason, missing: [...outcome.missing] });
      continue;
    }
    evaluated++;
    indicators.push({ ...common, status: outcome.findings.length > 0 ? 'fired' : 'not-fired' });
    // Canonical order (strongest first, then the finding's key), so record order cannot show through.
    const explained = [...outcome.mitigated].sort((a, b) => b.strength - a.strength || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const m of explained) {
      mitigations.push({
        indicatorId: r.id,
        messageId: m.messageId,
        message: interpolate(meta.messages[m.messageId] as string, m.data),
        effect: m.strength === 0 ? 'silenced' : 'reduced',
        strength: m.strength,
        mitigatedBy: m.mitigatedBy ?? [],
        evidence: m.evidence,
      });
    }
    logOdds += contribution;
    // Risk is summed per family of each finding's evidence (the indicator's, unless the finding names its own).
    for (const item of perIndicator.get(r.id) ?? []) {
      if (item.finding.kind !== 'risk' || item.contribution <= 0) continue;
      const family = corroborationFamily(item.finding.family);
      familyRisk.set(family, (familyRisk.get(family) ?? 0) + item.contribution);
    }
  }

  const score = scoreOf(logOdds);
  const scoreBand = bandOf(score, config.bands);
  let band = scoreBand;
  let bandCapped: Report['bandCapped'];
  if (config.corroboration !== false && bandAtLeast(scoreBand, config.corroboration.from)) {
    const { minFamilies, minFamilyLogOdds, from } = config.corroboration;
    const families = [...familyRisk].filter(([, v]) => v >= minFamilyLogOdds).map(([f]) => f).sort();
    if (families.length < minFamilies) {
      band = from === 'critical' ? 'high' : from === 'high' ? 'elevated' : 'low';
      bandCapped = {
        wouldBe: scoreBand,
        reason: `the ${from} band needs risk evidence from at least ${minFamilies} independent data families (each adding at least ${minFamilyLogOdds} log-odds); found ${families.length}`,
        families,
      };
    }
  }

  const typologies: TypologyScore[] = config.typologies.map(({ typology, indicatorIds }) => {
    let l = config.priorLogOdds;
    const fired: { id: string; c: number }[] = [];
    for (const id of indicatorIds) {
      const c = contributionOf.get(id);
      if (c === undefined || c === 0) continue;
      l += c;
      fired.push({ id, c });
    }
    fired.sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || compareText(a.id, b.id));
    return { typology, score: scoreOf(l), logOdds: l, indicators: fired.map((f) => f.id) };
  });

  const indicatorVersions: Record<string, string> = {};
  for (const r of config.indicators) indicatorVersions[r.id] = r.indicator.meta.version;

  return {
    subjectId,
    score,
    band,
    logOdds,
    priorLogOdds: config.priorLogOdds,
    ...(bandCapped !== undefined ? { bandCapped } : {}),
    reasons,
    typologies,
    indicators,
    findings,
    mitigations,
    nextSteps,
    coverage: { evaluated, notEvaluated },
    errors,
    meta: {
      library: { name: 'redflags', version: VERSION },
      indicatorVersions,
      configHash: config.configHash,
      asOf,
      eventsConsidered,
      eventsAfterAsOf,
      humanReviewRequired: true,
    },
  };
}
