import type { AnyIndicator } from '../contract/types';
import type { Report } from '../engine/report';
import {
  defaultDetailLimit,
  fixed,
  formatContribution,
  formatScore,
  formatValue,
  indexIndicatorNotes,
  joinChunks,
  neutralReasonsOf,
  terminalSafe,
  typologyLabel,
  type IndicatorNotes,
  type ReportView,
} from './format';
import { withFullReports, type RenderableResult } from './table';
import { compareText } from '../engine/order';
import { countOf } from '../text/plural';

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
  /**
   * Packets at most, for the highest-ranked subjects (default 1,000); every subject keeps its row
   * in the summary table, so the document of a large population stays readable.
   */
  readonly detailLimit?: number;
}

/** Markdown that is safe to emit: built by the {@link mdText} tag or by {@link code}, never directly from data. */
class Md {
  constructor(readonly text: string) {}
}

/** Escapes text for Markdown inline use: table pipes, emphasis, HTML and line breaks cannot break out. */
function md(text: string): string {
  return terminalSafe(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

function interpolate(value: unknown): string {
  if (value instanceof Md) return value.text;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return md(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return md(String(value));
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return md(json ?? Object.prototype.toString.call(value));
}

/**
 * Tagged template for one Markdown line: every interpolated value is escaped with `md` whatever
 * its origin (input data, engine-derived fields, numbers), except pieces built by this tag or by
 * {@link code}.
 */
function mdText(strings: TemplateStringsArray, ...values: readonly unknown[]): Md {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += interpolate(values[i]) + (strings[i + 1] ?? '');
  return new Md(out);
}

function joinMd(pieces: readonly Md[], separator: string): Md {
  return new Md(pieces.map((p) => p.text).join(separator));
}

/**
 * Inline code that cannot be broken out of: backticks and line breaks are replaced. In a table
 * cell pipes are escaped too (GFM splits cells on them even in code); elsewhere the escape would
 * show as a literal backslash inside the code span, so it is left out.
 */
function code(value: unknown, cell = true): Md {
  const text = typeof value === 'string' ? value : String(value);
  const flat = terminalSafe(text)
    .replace(/`/g, "'")
    .replace(/\r?\n|\r/g, ' ');
  return new Md(`\`${cell ? flat.replace(/\|/g, '\\|') : flat}\``);
}

/** What to say when nothing fired: gaps in the data are not a clean bill. */
export function noReasons(report: Report): string {
  const gaps = report.coverage.notEvaluated.length;
  return gaps === 0 ? 'No indicator fired.' : `No indicator fired, but ${countOf(gaps, 'check')} had no data: no data is not no risk (see below).`;
}

function subjectPacket(report: Report, notes: ReadonlyMap<string, IndicatorNotes>, maxEvidence: number): Md[] {
  const out: Md[] = [];
  const blank = new Md('');
  out.push(mdText`## Subject ${code(report.subjectId, false)}: ${formatScore(report.score)} / 100, ${report.band}`, blank);
  out.push(
    mdText`- **Score:** ${formatScore(report.score)} / 100 (log-odds ${fixed(report.logOdds, 2)}, prior ${fixed(report.priorLogOdds, 2)})`,
    mdText`- **Band:** ${report.band}`,
  );
  if (report.bandCapped !== undefined) {
    out.push(mdText`- **Band held down** from ${report.bandCapped.wouldBe}: ${report.bandCapped.reason}`);
  }
  out.push(
    mdText`- **Checks run:** ${report.coverage.evaluated}; without data: ${report.coverage.notEvaluated.length}; failed: ${report.errors.length}`,
    mdText`- **Events considered:** ${report.meta.eventsConsidered} (after as-of, ignored: ${report.meta.eventsAfterAsOf})`,
    blank,
  );

  out.push(mdText`### Reasons, most important first`, blank);
  if (report.reasons.length === 0) out.push(mdText`${noReasons(report)}`);
  for (const reason of report.reasons) {
    const note = notes.get(reason.indicatorId);
    const tag = reason.kind === 'mitigating' ? ' (mitigating)' : '';
    out.push(mdText`${reason.rank}. **${reason.message}**${tag} — ${code(reason.indicatorId)}, ${formatContribution(reason.contribution)} log-odds`);
    if (note?.threatHypothesis !== undefined && reason.kind === 'risk') out.push(mdText`   - Hypothesis to test: ${note.threatHypothesis}`);
    if (note !== undefined && note.falsePositives.length > 0) {
      out.push(
        mdText`   - Rule out first: ${joinMd(
          note.falsePositives.map((f) => mdText`${f}`),
          ' · ',
        )}`,
      );
    }
  }
  out.push(blank);

  if (report.findings.length > 0) {
    out.push(mdText`### Evidence`, blank);
    out.push(new Md('| Indicator | Finding | Record | Field | At | Value | Note |'), new Md('|---|---|---|---|---|---|---|'));
    for (const finding of report.findings) {
      const rows = finding.evidence.slice(0, maxEvidence);
      for (const e of rows) {
        out.push(
          mdText`| ${code(finding.indicatorId)} | ${finding.message} | ${code(e.recordId)} | ${e.field !== undefined ? code(e.field) : ''} | ${e.at ?? ''} | ${formatValue(e.value)} | ${e.note ?? ''} |`,
        );
      }
      if (finding.evidence.length > rows.length) {
        out.push(mdText`| ${code(finding.indicatorId)} | | … ${finding.evidence.length - rows.length} more records | | | | |`);
      }
    }
    out.push(blank);
  }

  // Older reports (before mitigations were reported) have no list: show nothing rather than fail.
  const mitigations = report.mitigations ?? [];
  if (mitigations.length > 0) {
    out.push(new Md('### Mitigated'), blank);
    out.push(new Md('| Indicator | Signal | Effect | Mitigated by | Explains |'), new Md('|---|---|---|---|---|'));
    for (const m of mitigations) {
      for (const by of m.mitigatedBy) {
        out.push(mdText`| ${code(m.indicatorId)} | ${m.message} | ${m.effect} | ${code(by.recordId)} (${code(by.field)}) | ${by.explains} |`);
      }
    }
    out.push(blank);
  }

  const suppressions = report.suppressions ?? [];
  if (suppressions.length > 0) {
    out.push(new Md('### Suppressions'), blank);
    out.push(
      new Md('| Suppression | Indicator | Status | From | Until | Approved by | Case | Reason | Findings taken out |'),
      new Md('|---|---|---|---|---|---|---|---|---:|'),
    );
    for (const { suppression: s, status, findings } of suppressions) {
      out.push(
        mdText`| ${code(s.id)} | ${code(s.findingKey ?? s.indicatorId)} | ${status} | ${s.from} | ${s.until} | ${s.approvedBy} | ${s.caseId ?? ''} | ${s.reason} | ${findings} |`,
      );
    }
    out.push(blank);
    const suppressed = report.suppressed ?? [];
    if (suppressed.length > 0) {
      out.push(new Md('Suppressed findings (they add nothing while the suppression is active):'), blank);
      out.push(new Md('| Indicator | Finding | Finding key | Strength | Suppressed by |'), new Md('|---|---|---|---:|---|'));
      for (const f of suppressed) {
        out.push(mdText`| ${code(f.indicatorId)} | ${f.message} | ${code(f.findingKey)} | ${fixed(f.strength, 2)} | ${code(f.suppressionId)} |`);
      }
      out.push(blank);
    }
  }

  const contributing = report.indicators.filter((i) => i.contribution !== 0);
  out.push(mdText`### Contribution of each indicator`, blank);
  if (contributing.length === 0) out.push(mdText`No indicator changed the score.`, blank);
  else {
    out.push(new Md('| Indicator | Title | Family | Weight | Contribution |'), new Md('|---|---|---|---:|---:|'));
    const ranked = contributing.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || compareText(a.indicatorId, b.indicatorId));
    for (const i of ranked) {
      out.push(mdText`| ${code(i.indicatorId)} | ${i.title} | ${i.family} | ${fixed(i.weight, 2)} | ${formatContribution(i.contribution)} |`);
    }
    out.push(blank);
  }
  if (report.typologies.length > 0) {
    out.push(new Md('| Typology | Score | Indicators |'), new Md('|---|---:|---|'));
    for (const t of report.typologies) {
      out.push(
        mdText`| ${typologyLabel(String(t.typology))} | ${formatScore(t.score)} | ${joinMd(
          t.indicators.map((id) => code(id)),
          ', ',
        )} |`,
      );
    }
    out.push(blank);
  }

  out.push(mdText`### Checks with no data`, blank);
  if (report.coverage.notEvaluated.length === 0) out.push(mdText`Every enabled check had the data it needs.`, blank);
  else {
    for (const gap of report.coverage.notEvaluated) {
      const missing =
        gap.missing.length > 0
          ? mdText` (missing: ${joinMd(
              gap.missing.map((m) => code(m, false)),
              ', ',
            )})`
          : '';
      out.push(mdText`- ${code(gap.indicatorId)}: ${gap.reason}${missing}`);
    }
    out.push(blank);
  }
  if (report.errors.length > 0) {
    out.push(mdText`### Checks that failed`, blank);
    for (const error of report.errors) out.push(mdText`- ${code(error.indicatorId)}: ${error.message}`);
    out.push(blank);
  }

  out.push(mdText`### Next steps`, blank);
  if (report.nextSteps.length === 0) out.push(mdText`- [ ] No verification step suggested; close or fill the data gaps above.`);
  for (const step of report.nextSteps) out.push(mdText`- [ ] ${step.action} (${code(step.indicatorId)})`);
  out.push(blank);
  return out;
}

function candidatePacket(report: Report): Md[] {
  const reasons = neutralReasonsOf(report.reasons);
  const blank = new Md('');
  const out = [mdText`## ${report.subjectId}`, blank];
  if (reasons.length === 0) out.push(mdText`No item needs follow-up.`, blank);
  else {
    out.push(mdText`A person will review the following points with you before any decision is made:`, blank);
    for (const reason of reasons) out.push(mdText`- ${reason}`);
    out.push(blank);
  }
  return out;
}

/** Lines as one chunk, each followed by a line break. */
function lines(pieces: readonly Md[]): string {
  let text = '';
  for (const piece of pieces) text += `${piece.text}\n`;
  return text;
}

/**
 * Renders a review packet in Markdown, usable as-is in a ticket: a summary table, then per
 * subject (the `detailLimit` highest-ranked, default 1,000) the score and band, ranked reasons
 * with evidence, the contribution of each indicator, the checks that had no data and the next
 * verification steps. The `candidate` view keeps only the neutral wording of each reason. Every
 * interpolated value is escaped whatever its origin, and control and bidi override characters are
 * replaced, so the text is safe in a terminal too. Pure.
 */
export function renderMarkdown(result: RenderableResult, options: MarkdownOptions = {}): string {
  return `${joinChunks(markdownChunks(result, options)).trimEnd()}\n`;
}

/**
 * {@link renderMarkdown} a packet at a time, to write a document of any size as a stream. The
 * chunks joined end with blank lines that `renderMarkdown` trims to one line break.
 */
export function* markdownChunks(given: RenderableResult, options: MarkdownOptions = {}): Generator<string> {
  const result = withFullReports(given);
  const view = options.view ?? 'investigator';
  const blank = new Md('');
  if (view === 'candidate') {
    yield lines([mdText`# ${options.title ?? 'Review summary'}`, blank]);
    for (const report of result.reports) yield lines(candidatePacket(report));
    return;
  }
  const notes = indexIndicatorNotes(options.indicators);
  const maxEvidence = options.maxEvidence ?? 10;
  const detailLimit = Math.max(0, options.detailLimit ?? defaultDetailLimit);
  const asOfNote = result.asOfSource === 'latest-event' ? ' (the latest event in the input)' : '';
  yield lines([
    mdText`# ${options.title ?? 'redflags review packet'}`,
    blank,
    mdText`Scored as of **${result.asOf}**${asOfNote}: ${countOf(result.reports.length, 'subject')}. Scores are decision support for a human reviewer, never a verdict; verify before acting.`,
    blank,
    new Md('| # | Subject | Score | Band | Top reason |'),
    new Md('|---:|---|---:|---|---|'),
  ]);
  let i = 0;
  for (const r of result.reports) {
    const top = r.reasons.find((x) => x.kind === 'risk');
    yield lines([mdText`| ${++i} | ${code(r.subjectId)} | ${formatScore(r.score)} | ${r.band} | ${top !== undefined ? top.message : ''} |`]);
  }
  yield '\n';
  if (result.rejected.length > 0) {
    yield lines([
      mdText`## Rejected records (${result.rejected.length})`,
      blank,
      mdText`These records failed validation and were not scored; fix them and score again.`,
      blank,
    ]);
    for (const rec of result.rejected) {
      const name = rec.recordId !== undefined ? code(rec.recordId, false) : mdText`#${rec.index}`;
      const issues = joinMd(
        rec.issues.map((issue) => mdText`${issue.path === '' ? '(value)' : code(issue.path, false)} ${issue.message}`),
        '; ',
      );
      yield lines([mdText`- ${rec.kind} ${name}: ${issues}`]);
    }
    yield '\n';
  }
  let packets = 0;
  let eligible = 0;
  for (const report of result.reports) {
    if (options.detail === 'flagged' && report.band === 'low') continue;
    eligible++;
    if (packets >= detailLimit) continue;
    packets++;
    yield lines(subjectPacket(report, notes, maxEvidence));
  }
  if (eligible > packets) {
    yield lines([
      mdText`_Packets are given for the ${packets} highest-ranked of ${eligible} subjects; the other ${eligible - packets} are in the summary table only. Score again with a larger ${code('--detail-limit', false)}, or use ${code('--format json', false)}, for everyone's detail._`,
      blank,
    ]);
  }
}
