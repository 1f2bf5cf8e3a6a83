import { bandOrder, type Band } from '../engine/config';
import { compareText } from '../engine/order';
import { countOf } from '../text/plural';

/** Options of {@link auditImpact}. */
export interface AuditOptions {
  /** A group with fewer subjects is marked `smallGroup` and never the reference (default 30). */
  readonly minGroupSize?: number;
  /** A group below this share of the labelled subjects is marked `smallGroup` too (default 0.02, as NYC LL144 audits may exclude it). */
  readonly minGroupShare?: number;
  /** Ratio below which the four-fifths flag is raised (default 0.8). */
  readonly threshold?: number;
}

/** One group's line of the audit at one band. */
export interface AuditRow {
  /** The group label, as the caller gave it. */
  readonly group: string;
  /** Subjects with this label. */
  readonly count: number;
  /** Of them, at or above the band (selected for review). */
  readonly selected: number;
  /** `selected / count`. */
  readonly selectionRate: number;
  /** `selectionRate` / the highest selection rate among groups large enough to judge (LL144 form); null when that rate is 0. */
  readonly impactRatio: number | null;
  /** True when `impactRatio` is below four fifths. */
  readonly fourFifths: boolean;
  /** `1 − selectionRate`: the share *not* flagged, the favourable outcome. */
  readonly passRate: number;
  /** `passRate` / the highest pass rate among groups large enough to judge. */
  readonly passImpactRatio: number | null;
  /** True when `passImpactRatio` is below four fifths: this group is cleared markedly less often. */
  readonly passFourFifths: boolean;
  /** True when the group is too small to judge: its ratios are shown but say little. */
  readonly smallGroup: boolean;
}

/** The audit of one category (e.g. sex, race/ethnicity, or an intersection) at one band. */
export interface AuditTable {
  /** The category, as the caller named it. */
  readonly category: string;
  /** Subjects at or above this band count as selected. */
  readonly band: Exclude<Band, 'low'>;
  /** The group with the highest selection rate among those large enough to judge (the reference). */
  readonly mostSelected: string | null;
  /** One row per group, by label. */
  readonly rows: readonly AuditRow[];
  /** Subjects scored but with no label in this category (reported, as LL144 audits report "unknown"). */
  readonly unknown: { readonly count: number; readonly selected: number };
  /** Plain-words warnings: small groups, no reference group. */
  readonly warnings: readonly string[];
}

/** The result of {@link auditImpact}. */
export interface AuditResult {
  /** One table per category and band (elevated, high, critical). */
  readonly tables: readonly AuditTable[];
  /** Reports audited. */
  readonly subjects: number;
  /** Labelled subjects that had no report (not audited). */
  readonly unmatchedLabels: number;
  /** The settings used. */
  readonly settings: { readonly minGroupSize: number; readonly minGroupShare: number; readonly threshold: number };
}

/**
 * Bias audit of outcomes: for each category of caller-supplied group labels and each band, the
 * share of each group at or above the band (the selection rate), the impact ratio against the most
 * selected group and the four-fifths flag, in the form NYC Local Law 144 audits publish, with
 * counts, the favourable-outcome (pass) ratios, and warnings where a group is too small to judge.
 *
 * The labels are kept outside scoring: this function reads finished reports and labels, never the
 * scoring input, and the scorer never sees them. It measures outcomes; it does not prove fairness.
 *
 * @param reports finished reports (only `subjectId` and `band` are read)
 * @param groups per subject id, a label per category, e.g. `{ "cand-1": { sex: "female" } }`
 */
export function auditImpact(
  reports: readonly { readonly subjectId: string; readonly band: Band }[],
  groups: Readonly<Record<string, Readonly<Record<string, string>>>> | ReadonlyMap<string, Readonly<Record<string, string>>>,
  options: AuditOptions = {},
): AuditResult {
  const settings = { minGroupSize: options.minGroupSize ?? 30, minGroupShare: options.minGroupShare ?? 0.02, threshold: options.threshold ?? 0.8 };
  const labels = groups instanceof Map ? groups : new Map(Object.entries(groups as Record<string, Readonly<Record<string, string>>>));
  const bandOfSubject = new Map(reports.map((r) => [r.subjectId, r.band]));
  let unmatchedLabels = 0;
  const categories = new Set<string>();
  for (const [subjectId, record] of labels) {
    if (!bandOfSubject.has(subjectId)) unmatchedLabels++;
    for (const category of Object.keys(record)) categories.add(category);
  }
  const tables: AuditTable[] = [];
  for (const category of [...categories].sort()) {
    for (const band of ['elevated', 'high', 'critical'] as const) tables.push(auditCategory(category, band, bandOfSubject, labels, settings));
  }
  return { tables, subjects: reports.length, unmatchedLabels, settings };
}

function auditCategory(
  category: string,
  band: Exclude<Band, 'low'>,
  bandOfSubject: ReadonlyMap<string, Band>,
  labels: ReadonlyMap<string, Readonly<Record<string, string>>>,
  settings: AuditResult['settings'],
): AuditTable {
  const at = bandOrder.indexOf(band);
  const counts = new Map<string, { count: number; selected: number }>();
  const unknown = { count: 0, selected: 0 };
  for (const [subjectId, subjectBand] of bandOfSubject) {
    const label = labels.get(subjectId)?.[category];
    const selected = bandOrder.indexOf(subjectBand) >= at ? 1 : 0;
    if (label === undefined || label === '') {
      unknown.count++;
      unknown.selected += selected;
      continue;
    }
    const c = counts.get(label) ?? { count: 0, selected: 0 };
    c.count++;
    c.selected += selected;
    counts.set(label, c);
  }
  const labelled = [...counts.values()].reduce((n, c) => n + c.count, 0);
  const small = (count: number): boolean => count < settings.minGroupSize || count < settings.minGroupShare * labelled;
  const judged = [...counts].filter(([, c]) => !small(c.count));
  const warnings: string[] = [];
  let mostSelected: string | null = null;
  let maxRate = 0;
  let maxPass = 0;
  for (const [group, c] of [...judged].sort((a, b) => compareText(a[0], b[0]))) {
    const rate = c.selected / c.count;
    if (mostSelected === null || rate > maxRate) {
      mostSelected = group;
      maxRate = rate;
    }
    maxPass = Math.max(maxPass, 1 - rate);
  }
  if (judged.length === 0)
    warnings.push(
      `No group in "${category}" has at least ${settings.minGroupSize} subjects and ${(settings.minGroupShare * 100).toFixed(0)}% of the labelled ones: no impact ratio can be judged.`,
    );
  const rows = [...counts]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([group, c]): AuditRow => {
      const selectionRate = c.selected / c.count;
      const passRate = 1 - selectionRate;
      const impactRatio = mostSelected !== null && maxRate > 0 ? selectionRate / maxRate : null;
      const passImpactRatio = mostSelected !== null && maxPass > 0 ? passRate / maxPass : null;
      const isSmall = small(c.count);
      if (isSmall)
        warnings.push(`Group "${group}" of "${category}" has ${countOf(c.count, 'subject')}: too few to judge; its ratios are shown but say little.`);
      return {
        group,
        count: c.count,
        selected: c.selected,
        selectionRate,
        impactRatio,
        fourFifths: impactRatio !== null && impactRatio < settings.threshold,
        passRate,
        passImpactRatio,
        passFourFifths: passImpactRatio !== null && passImpactRatio < settings.threshold,
        smallGroup: isSmall,
      };
    });
  return { category, band, mostSelected, rows, unknown, warnings: [...new Set(warnings)] };
}

/**
 * The audit as Markdown tables in the form NYC Local Law 144 summaries publish (category, group,
 * number of subjects, number selected, selection rate, impact ratio), one table per category and
 * band, with the four-fifths and small-group marks and the warnings.
 */
export function renderAuditMarkdown(result: AuditResult): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const ratio = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));
  const out = [
    '# Impact audit',
    '',
    `${countOf(result.subjects, 'subject')}. "Selected" means at or above the band: flagged for human review, an adverse outcome for the person. This measures outcomes; it does not prove fairness.`,
    '',
  ];
  for (const table of result.tables) {
    out.push(`## ${table.category}: selected at ${table.band} or above`, '');
    out.push('| Group | Subjects | Selected | Selection rate | Impact ratio | Pass impact ratio | Flags |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of table.rows) {
      const flags = [r.fourFifths ? 'below 4/5 of most selected' : '', r.passFourFifths ? 'cleared below 4/5' : '', r.smallGroup ? 'too small to judge' : '']
        .filter((f) => f !== '')
        .join('; ');
      out.push(
        `| ${r.group.replace(/\|/g, '\\|')} | ${r.count} | ${r.selected} | ${pct(r.selectionRate)} | ${ratio(r.impactRatio)} | ${ratio(r.passImpactRatio)} | ${flags} |`,
      );
    }
    if (table.unknown.count > 0)
      out.push(`| (unknown) | ${table.unknown.count} | ${table.unknown.selected} | ${pct(table.unknown.selected / table.unknown.count)} | | | not in ratios |`);
    out.push('', `Most selected group: ${table.mostSelected ?? 'none (no group large enough)'}.`);
    for (const w of table.warnings) out.push(`- ${w}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
