import type { DataFamily, FindingKind } from '../contract/types';
import { countOf } from '../text/plural';
import { VERSION } from '../version';
import { compareFindings, scoreOf, weighEach, type WeighableIndicator } from './aggregate';
import { corroborationFamily, reportBand } from './bands';
import { copyList } from './copyList';
import { compileTemplate } from './interpolate';
import { compareText } from './order';
import type { IndicatorError, IndicatorReport, Reason, Report, ReportFinding, ReportMitigation, TypologyScore } from './report';
import { groupSettingOf, type ResolvedConfig, type ResolvedIndicator } from './resolve';
import type { CheckedFinding, RunOutcome } from './runIndicator';
import type { CatalogueEntry, CompactReport, FiredIndicator, ReportDetail } from './compact';

/** -0 as 0: a report must print and round-trip through JSON as it compares. */
const zero = (x: number): number => (x === 0 ? 0 : x);

/** A weighed finding: what it adds to the log-odds (negative when it mitigates). */
interface Contributed {
  readonly finding: CheckedFinding;
  readonly contribution: number;
}

/** An indicator's findings of one kind, strongest first, with their sum: one reason of the report. */
interface ReasonDraft {
  readonly indicator: ResolvedIndicator;
  readonly kind: FindingKind;
  contribution: number;
  readonly items: Contributed[];
}

/** An indicator's weighed findings: its total and its risk and mitigating parts. */
interface IndicatorWeight {
  total: number;
  risk?: ReasonDraft;
  mitigating?: ReasonDraft;
}

/** What a report repeats for every subject of a scorer, worked out once per config rather than per subject. */
interface ExplainPlan {
  readonly byId: ReadonlyMap<string, ResolvedIndicator>;
  /** Each indicator's message templates, compiled. */
  readonly messages: ReadonlyMap<string, ReadonlyMap<string, (data: CheckedFinding['data']) => string>>;
  /** `meta.indicatorVersions` of a full report, copied into each. */
  readonly indicatorVersions: Readonly<Record<string, string>>;
  /** What each indicator's entry in a full report repeats for every subject, in `config.indicators` order. */
  readonly entryHeads: readonly EntryHead[];
}

/**
 * The per-indicator part of a report entry, read from the indicator once per scorer: objects of
 * one shape, where the indicators' own `meta` objects are of as many shapes as there are authors.
 */
type EntryHead = Omit<CatalogueEntry, 'enabled' | 'correlationGroup'> & {
  // Always present (undefined when the indicator has none), so every head has the one shape.
  readonly correlationGroup: string | undefined;
};

const plans = new WeakMap<ResolvedConfig, ExplainPlan>();

function planOf(config: ResolvedConfig): ExplainPlan {
  let plan = plans.get(config);
  if (plan !== undefined) return plan;
  const byId = new Map<string, ResolvedIndicator>();
  const messages = new Map<string, Map<string, (data: CheckedFinding['data']) => string>>();
  const versions: [string, string][] = [];
  const entryHeads: EntryHead[] = [];
  for (const r of config.indicators) {
    byId.set(r.id, r);
    const { title, version, family, typologies, correlationGroup } = r.indicator.meta;
    entryHeads.push({ indicatorId: r.id, title, version, weight: r.weight, family, typologies, correlationGroup });
    const compiled = new Map<string, (data: CheckedFinding['data']) => string>();
    for (const [messageId, template] of Object.entries(r.indicator.meta.messages)) compiled.set(messageId, compileTemplate(template));
    messages.set(r.id, compiled);
    versions.push([r.id, version]);
  }
  // Made in one call: an object given its keys one by one leaves V8's fast properties past 16
  // keys (the built-in catalogue has 63), and spreading that into every report costs
  // about 12 µs a copy against 0.1 µs (Node 20).
  plan = { byId, messages, indicatorVersions: Object.fromEntries(versions), entryHeads };
  plans.set(config, plan);
  return plan;
}

/** A finding's message: its indicator's template filled with its data. */
function messageOf(plan: ExplainPlan, indicatorId: string, finding: CheckedFinding): string {
  return (plan.messages.get(indicatorId)?.get(finding.messageId) as (data: CheckedFinding['data']) => string)(finding.data);
}

/**
 * Weighs the findings of every indicator that ran and found something, and sums them once per
 * indicator and per kind, in the order `weigh` returns them (strongest first within a kind).
 */
function weighOutcomes(config: ResolvedConfig, plan: ExplainPlan, outcomes: ReadonlyMap<string, RunOutcome>): Map<string, IndicatorWeight> {
  const weighable: WeighableIndicator<CheckedFinding>[] = [];
  for (const r of config.indicators) {
    const outcome = outcomes.get(r.id);
    if (!r.enabled || outcome?.status !== 'ran' || outcome.findings.length === 0) continue;
    weighable.push({ id: r.id, weight: r.weight, group: r.group, findings: outcome.findings });
  }
  const resolvedOf = plan.byId;
  const weights = new Map<string, IndicatorWeight>();
  weighEach(
    weighable,
    (group) => groupSettingOf(config, group),
    (indicatorId, finding, given) => {
      let weight = weights.get(indicatorId);
      if (weight === undefined) weights.set(indicatorId, (weight = { total: 0 }));
      const kind = finding.kind;
      let part = weight[kind];
      if (part === undefined) weight[kind] = part = { indicator: resolvedOf.get(indicatorId) as ResolvedIndicator, kind, contribution: 0, items: [] };
      const contribution = zero(given);
      weight.total += contribution;
      part.contribution += contribution;
      part.items.push({ finding, contribution });
    },
  );
  return weights;
}

/** Reasons rank by the size of what they add or take away; one per indicator and kind, risk before mitigating. */
function compareReasons(a: ReasonDraft, b: ReasonDraft): number {
  const d = Math.abs(b.contribution) - Math.abs(a.contribution);
  if (d !== 0) return d;
  return compareText(a.indicator.id, b.indicator.id) || compareText(b.kind, a.kind);
}

/** The score of each typology: the prior plus the contributions of the indicators that support it. */
function typologyScores(config: ResolvedConfig, contributionOf: (id: string) => number): TypologyScore[] {
  return config.typologies.map(({ typology, indicatorIds }) => {
    let logOdds = config.priorLogOdds;
    const fired: { id: string; contribution: number }[] = [];
    for (const id of indicatorIds) {
      const contribution = contributionOf(id);
      if (contribution === 0) continue;
      logOdds += contribution;
      fired.push({ id, contribution });
    }
    fired.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || compareText(a.id, b.id));
    return { typology, score: scoreOf(logOdds), logOdds, indicators: fired.map((f) => f.id) };
  });
}

/**
 * Builds the explainable report for one subject from the outcomes of its indicators, in one
 * straight line: weigh the findings and sum them once per indicator and kind, walk the
 * indicators once (statuses, errors, coverage, mitigations, log-odds, risk per data family,
 * versions), render each ranked reason and its findings once, then the band and the typologies.
 */
export function explain(
  subjectId: string,
  config: ResolvedConfig,
  outcomes: ReadonlyMap<string, RunOutcome>,
  asOf: string,
  eventsConsidered: number,
  eventsAfterAsOf: number,
): Report {
  return explainAs(subjectId, config, outcomes, asOf, eventsConsidered, eventsAfterAsOf, 'full') as Report;
}

/**
 * {@link explain} in compact form: the same report without the catalogue metadata (see
 * `CompactReport`), built without it rather than cut from a full report.
 */
export function explainCompact(
  subjectId: string,
  config: ResolvedConfig,
  outcomes: ReadonlyMap<string, RunOutcome>,
  asOf: string,
  eventsConsidered: number,
  eventsAfterAsOf: number,
): CompactReport {
  return explainAs(subjectId, config, outcomes, asOf, eventsConsidered, eventsAfterAsOf, 'compact') as CompactReport;
}

/**
 * An indicator's entry in a full report, built in one object literal with the keys in the
 * report's order: an object built key by key would get its later keys in a separate store.
 */
function indicatorEntry(
  head: EntryHead,
  contribution: number,
  status: IndicatorReport['status'],
  reason?: string,
  missing?: readonly string[],
): IndicatorReport {
  const { indicatorId, title, version, weight, family, correlationGroup } = head;
  const typologies = copyList(head.typologies);
  if (reason !== undefined) {
    return (
      correlationGroup === undefined
        ? { indicatorId, title, version, weight, contribution, family, typologies, status, reason, missing }
        : { indicatorId, title, version, weight, contribution, family, typologies, correlationGroup, status, reason, missing }
    ) as IndicatorReport;
  }
  return (
    correlationGroup === undefined
      ? { indicatorId, title, version, weight, contribution, family, typologies, status }
      : { indicatorId, title, version, weight, contribution, family, typologies, correlationGroup, status }
  ) as IndicatorReport;
}

function explainAs(
  subjectId: string,
  config: ResolvedConfig,
  outcomes: ReadonlyMap<string, RunOutcome>,
  asOf: string,
  eventsConsidered: number,
  eventsAfterAsOf: number,
  detail: ReportDetail,
): Report | CompactReport {
  const compact = detail === 'compact';
  const plan = planOf(config);
  const weights = weighOutcomes(config, plan, outcomes);
  const contributionOf = (id: string): number => zero(weights.get(id)?.total ?? 0);

  const indicators: IndicatorReport[] = [];
  const fired: FiredIndicator[] = [];
  const mitigations: ReportMitigation[] = [];
  const errors: IndicatorError[] = [];
  const notEvaluated: Report['coverage']['notEvaluated'][number][] = [];
  const reasonDrafts: ReasonDraft[] = [];
  // Risk per family of each finding's evidence (the indicator's, unless the finding names its own), for corroboration.
  const familyRisk = new Map<DataFamily, number>();
  let evaluated = 0;
  let logOdds = config.priorLogOdds;
  for (let i = 0; i < config.indicators.length; i++) {
    const r = config.indicators[i] as ResolvedIndicator;
    const head = plan.entryHeads[i] as EntryHead;
    const outcome = outcomes.get(r.id);
    const weight = weights.get(r.id);
    const contribution = contributionOf(r.id);
    // The catalogue metadata is per indicator, not per subject: a compact report leaves it to the batch's catalogue.
    if (!r.enabled || outcome === undefined) {
      if (!compact) indicators.push(indicatorEntry(head, contribution, 'disabled'));
      continue;
    }
    if (outcome.status === 'error') {
      errors.push({ indicatorId: r.id, message: outcome.message });
      if (!compact) indicators.push(indicatorEntry(head, contribution, 'error'));
      continue;
    }
    if (outcome.status === 'not-evaluated') {
      // The outcome's list is the run's own (made per call), so the report takes it without a copy.
      const entry = { indicatorId: r.id, reason: outcome.reason, missing: outcome.missing };
      notEvaluated.push(entry);
      if (!compact) indicators.push(indicatorEntry(head, contribution, 'not-evaluated', entry.reason, entry.missing));
      continue;
    }
    evaluated++;
    if (!compact) indicators.push(indicatorEntry(head, contribution, outcome.findings.length > 0 ? 'fired' : 'not-fired'));
    else if (outcome.findings.length > 0) fired.push({ indicatorId: r.id, contribution });
    // Usually none: no copy to sort then.
    for (const m of outcome.mitigated.length > 0 ? [...outcome.mitigated].sort(compareFindings) : outcome.mitigated) {
      mitigations.push({
        indicatorId: r.id,
        messageId: m.messageId,
        message: messageOf(plan, r.id, m),
        effect: m.strength === 0 ? 'silenced' : 'reduced',
        strength: m.strength,
        mitigatedBy: m.mitigatedBy ?? [],
        evidence: m.evidence,
      });
    }
    logOdds += contribution;
    if (weight?.risk !== undefined) {
      reasonDrafts.push(weight.risk);
      for (const item of weight.risk.items) {
        if (item.contribution <= 0) continue;
        const family = corroborationFamily(item.finding.family);
        familyRisk.set(family, (familyRisk.get(family) ?? 0) + item.contribution);
      }
    }
    if (weight?.mitigating !== undefined) reasonDrafts.push(weight.mitigating);
  }

  const reasons: Reason[] = [];
  const findings: ReportFinding[] = [];
  const nextSteps: { indicatorId: string; action: string }[] = [];
  const actionsSeen = new Set<string>();
  reasonDrafts.sort(compareReasons).forEach((draft, index) => {
    const meta = draft.indicator.indicator.meta;
    const top = findings.length;
    for (const { finding, contribution } of draft.items) {
      const entry: { -readonly [K in keyof ReportFinding]: ReportFinding[K] } = {
        indicatorId: draft.indicator.id,
        messageId: finding.messageId,
        message: messageOf(plan, draft.indicator.id, finding),
        data: finding.data,
        kind: finding.kind,
        strength: finding.strength,
        contribution,
        evidence: finding.evidence,
      };
      // The optional keys set in place, in the report's order, rather than spread from a fresh object per finding.
      if (finding.family !== meta.family) entry.family = finding.family;
      if (finding.mitigatedBy !== undefined) entry.mitigatedBy = finding.mitigatedBy;
      findings.push(entry);
    }
    const { messageId, message } = findings[top] as ReportFinding;
    const more = draft.items.length - 1;
    reasons.push({
      rank: index + 1,
      indicatorId: draft.indicator.id,
      messageId,
      message: more > 0 ? `${message} (and ${countOf(more, 'more finding')})` : message,
      kind: draft.kind,
      contribution: zero(draft.contribution),
      neutralReason: meta.neutralReason,
      recommendedAction: meta.recommendedAction,
      findings: draft.items.length,
    });
    if (draft.kind === 'risk' && !actionsSeen.has(meta.recommendedAction)) {
      actionsSeen.add(meta.recommendedAction);
      nextSteps.push({ indicatorId: draft.indicator.id, action: meta.recommendedAction });
    }
  });

  const score = scoreOf(logOdds);
  const { band, bandCapped } = reportBand(score, config, familyRisk);
  const { priorLogOdds, configHash } = config;
  const typologies = typologyScores(config, contributionOf);
  const coverage = { evaluated, notEvaluated };
  const library = { name: 'redflags' as const, version: VERSION };
  // Each form written out as literals, keys in the report's order, rather than with spreads of
  // fresh objects for the optional keys. The order keys (subject, score, log-odds) come before
  // `priorLogOdds` on purpose: a merge of ranked NDJSON outputs (examples/scale-out) reads them
  // from a line's head without parsing it.
  if (compact) {
    const meta = { library, configHash, asOf, eventsConsidered, eventsAfterAsOf, humanReviewRequired: true as const };
    return bandCapped === undefined
      ? { subjectId, score, band, logOdds, priorLogOdds, reasons, typologies, fired, findings, mitigations, nextSteps, coverage, errors, meta }
      : { subjectId, score, band, logOdds, priorLogOdds, bandCapped, reasons, typologies, fired, findings, mitigations, nextSteps, coverage, errors, meta };
  }
  // A copy per report: reports are the caller's plain data, and one report's change must not show in another.
  const indicatorVersions = { ...plan.indicatorVersions };
  const meta = { library, indicatorVersions, configHash, asOf, eventsConsidered, eventsAfterAsOf, humanReviewRequired: true as const };
  return bandCapped === undefined
    ? { subjectId, score, band, logOdds, priorLogOdds, reasons, typologies, indicators, findings, mitigations, nextSteps, coverage, errors, meta }
    : { subjectId, score, band, logOdds, priorLogOdds, bandCapped, reasons, typologies, indicators, findings, mitigations, nextSteps, coverage, errors, meta };
}
