import type { AnyIndicator } from '../indicator/types';
import type { Report } from '../engine/report';
import {
  formatContribution,
  formatScore,
  formatValue,
  indexIndicatorNotes,
  neutralReasonsOf,
  typologyLabel,
  type IndicatorNotes,
  type ReportView,
} from './format';
import type { RenderableResult } from './table';

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** `investigator` (default): everything; `candidate`: neutral reasons only, no scores, evidence or hypotheses. */
  readonly view?: ReportView;
  /** Heading of the document (default "redflags review packet"). */
  readonly title?: string;
  /** Indicators whose meta adds threat hypotheses and false positives (default: the built-ins). */
  readonly indicators?: readonly AnyIndicator[];
  /** Evidence rows shown per finding at most (default 10); the rest are counted. */
  readonly maxEvidence?: number;
  /** Which subjects get a packet: `all` (default) or `flagged` (band elevated or above); the summary lists everyone. */
  readonly detail?: 'all' | 'flagged';
}

/** Escapes text for Markdown inline use: table pipes, emphasis, HTML and line breaks cannot break out. */
function md(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/**
 * Inline code that cannot be broken out of: backticks and line breaks are replaced. In a table
 * cell pipes are escaped too (GFM splits cells on them even in code); elsewhere the escape would
 * show as a literal backslash inside the code span, so it is left out.
 */
function code(text: string, cell = true): string {
  const flat = text.replace(/`/g, "'").replace(/\r?\n|\r/g, ' ');
  return `\`${cell ? flat.replace(/\|/g, '\\|') : flat}\``;
}

/** What to say when nothing fired: gaps in the data are not a clean bill. */
export function noReasons(report: Report): string {
  const gaps = report.coverage.notEvaluated.length;
  return gaps === 0
    ? 'No indicator fired.'
    : `No indicator fired, but ${gaps} check${gaps === 1 ? '' : 's'} had no data: no data is not no risk (see below).`;
}

function subjectPacket(report: Report, notes: ReadonlyMap<string, IndicatorNotes>, maxEvidence: number): string[] {
  const out: string[] = [];
  out.push(`## Subject ${code(report.subjectId, false)}: ${formatScore(report.score)} / 100, ${report.band}`, '');
  out.push(
    `- **Score:** ${formatScore(report.score)} / 100 (log-odds ${report.logOdds.toFixed(2)}, prior ${report.priorLogOdds.toFixed(2)})`,
    `- **Band:** ${report.band}`,
  );
  if (report.bandCapped !== undefined) {
    out.push(`- **Band held down** from ${report.bandCapped.wouldBe}: ${md(report.bandCapped.reason)}`);
  }
  out.push(
    `- **Checks run:** ${report.coverage.evaluated}; without data: ${report.coverage.notEvaluated.length}; failed: ${report.errors.length}`,
    `- **Events considered:** ${report.meta.eventsConsidered} (after as-of, ignored: ${report.meta.eventsAfterAsOf})`,
    '',
  );

  out.push('### Reasons, most important first', '');
  if (report.reasons.length === 0) out.push(noReasons(report));
  for (const reason of report.reasons) {
    const note = notes.get(reason.indicatorId);
    const tag = reason.kind === 'mitigating' ? ' (mitigating)' : '';
    out.push(`${reason.rank}. **${md(reason.message)}**${tag} — ${code(reason.indicatorId)}, ${formatContribution(reason.contribution)} log-odds`);
    if (note?.threatHypothesis !== undefined && reason.kind === 'risk') out.push(`   - Hypothesis to test: ${md(note.threatHypothesis)}`);
    if (note !== undefined && note.falsePositives.length > 0) {
      out.push(`   - Rule out first: ${note.falsePositives.map(md).join(' · ')}`);
    }
  }
  out.push('');

  if (report.findings.length > 0) {
    out.push('### Evidence', '');
    out.push('| Indicator | Finding | Record | Field | At | Value | Note |', '|---|---|---|---|---|---|---|');
    for (const finding of report.findings) {
      const rows = finding.evidence.slice(0, maxEvidence);
      for (const e of rows) {
        out.push(
          `| ${code(finding.indicatorId)} | ${md(finding.message)} | ${code(e.recordId)} | ${e.field !== undefined ? code(e.field) : ''} | ${e.at ?? ''} | ${md(formatValue(e.value))} | ${md(e.note ?? '')} |`,
        );
      }
      if (finding.evidence.length > rows.length) {
        out.push(`| ${code(finding.indicatorId)} | | … ${finding.evidence.length - rows.length} more records | | | | |`);
      }
    }
    out.push('');
  }

  // Older reports (before mitigations were reported) have no list: show nothing rather than fail.
  const mitigations = report.mitigations ?? [];
  if (mitigations.length > 0) {
    out.push('### Mitigated', '');
    out.push('| Indicator | Signal | Effect | Mitigated by | Explains |', '|---|---|---|---|---|');
    for (const m of mitigations) {
      for (const by of m.mitigatedBy) {
        out.push(`| ${code(m.indicatorId)} | ${md(m.message)} | ${m.effect} | ${code(by.recordId)} (${code(by.field)}) | ${md(by.explains)} |`);
      }
    }
    out.push('');
  }

  const contributing = report.indicators.filter((i) => i.contribution !== 0);
  out.push('### Contribution of each indicator', '');
  if (contributing.length === 0) out.push('No indicator changed the score.', '');
  else {
    out.push('| Indicator | Title | Family | Weight | Contribution |', '|---|---|---|---:|---:|');
    for (const i of [...contributing].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.indicatorId < b.indicatorId ? -1 : 1))) {
      out.push(`| ${code(i.indicatorId)} | ${md(i.title)} | ${i.family} | ${i.weight.toFixed(2)} | ${formatContribution(i.contribution)} |`);
    }
    out.push('');
  }
  if (report.typologies.length > 0) {
    out.push('| Typology | Score | Indicators |', '|---|---:|---|');
    for (const t of report.typologies) {
      out.push(`| ${md(typologyLabel(t.typology))} | ${formatScore(t.score)} | ${t.indicators.map((id) => code(id)).join(', ')} |`);
    }
    out.push('');
  }

  out.push('### Checks with no data', '');
  if (report.coverage.notEvaluated.length === 0) out.push('Every enabled check had the data it needs.', '');
  else {
    for (const gap of report.coverage.notEvaluated) {
      const missing = gap.missing.length > 0 ? ` (missing: ${gap.missing.map((m) => code(m, false)).join(', ')})` : '';
      out.push(`- ${code(gap.indicatorId)}: ${md(gap.reason)}${missing}`);
    }
    out.push('');
  }
  if (report.errors.length > 0) {
    out.push('### Checks that failed', '');
    for (const error of report.errors) out.push(`- ${code(error.indicatorId)}: ${md(error.message)}`);
    out.push('');
  }

  out.push('### Next steps', '');
  if (report.nextSteps.length === 0) out.push('- [ ] No verification step suggested; close or fill the data gaps above.');
  for (const step of report.nextSteps) out.push(`- [ ] ${md(step.action)} (${code(step.indicatorId)})`);
  out.push('');
  return out;
}

function candidatePacket(report: Report): string[] {
  const reasons = neutralReasonsOf(report.reasons);
  const out = [`## ${md(report.subjectId)}`, ''];
  if (reasons.length === 0) out.push('No item needs follow-up.', '');
  else {
    out.push('A person will review the following points with you before any decision is made:', '');
    for (const reason of reasons) out.push(`- ${md(reason)}`);
    out.push('');
  }
  return out;
}

/**
 * Renders a review packet in Markdown, usable as-is in a ticket: a summary table, then per
 * subject the score and band, ranked reasons with evidence, the contribution of each indicator,
 * the checks that had no data and the next verification steps. The `candidate` view keeps only
 * the neutral wording of each reason. Every value from the input is escaped. Pure.
 */
export function renderMarkdown(result: RenderableResult, options: MarkdownOptions = {}): string {
  const view = options.view ?? 'investigator';
  const out: string[] = [];
  if (view === 'candidate') {
    out.push(`# ${md(options.title ?? 'Review summary')}`, '');
    for (const report of result.reports) out.push(...candidatePacket(report));
    return `${out.join('\n').trimEnd()}\n`;
  }
  const notes = indexIndicatorNotes(options.indicators);
  const maxEvidence = options.maxEvidence ?? 10;
  const asOfNote = result.asOfSource === 'latest-event' ? ' (the latest event in the input)' : '';
  out.push(`# ${md(options.title ?? 'redflags review packet')}`, '');
  out.push(
    `Scored as of **${result.asOf}**${asOfNote}: ${result.reports.length} subjects. Scores are decision support for a human reviewer, never a verdict; verify before acting.`,
    '',
  );
  out.push('| # | Subject | Score | Band | Top reason |', '|---:|---|---:|---|---|');
  result.reports.forEach((r, i) => {
    const top = r.reasons.find((x) => x.kind === 'risk');
    out.push(`| ${i + 1} | ${code(r.subjectId)} | ${formatScore(r.score)} | ${r.band} | ${top !== undefined ? md(top.message) : ''} |`);
  });
  out.push('');
  if (result.rejected.length > 0) {
    out.push(`## Rejected records (${result.rejected.length})`, '', 'These records failed validation and were not scored; fix them and score again.', '');
    for (const rec of result.rejected) {
      const name = rec.recordId !== undefined ? code(rec.recordId, false) : `#${rec.index}`;
      out.push(`- ${rec.kind} ${name}: ${rec.issues.map((i) => `${i.path === '' ? '(value)' : code(i.path, false)} ${md(i.message)}`).join('; ')}`);
    }
    out.push('');
  }
  for (const report of result.reports) {
    if (options.detail === 'flagged' && report.band === 'low') continue;
    out.push(...subjectPacket(report, notes, maxEvidence));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
