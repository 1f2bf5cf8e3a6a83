import { defaultBands, type Band } from '../engine/config';
import { bandOf } from '../engine/bands';
import type { Report } from '../engine/report';
import type { AnyIndicator } from '../contract/types';
import {
  defaultDetailLimit,
  fixed,
  formatContribution,
  formatScore,
  formatValue,
  indexIndicatorNotes,
  joinChunks,
  neutralReasonsOf,
  truncate,
  typologyLabel,
  type IndicatorNotes,
  type ReportView,
} from './format';
import { html, joinHtml, trustedHtml, type Html } from './markup';
import { noReasons } from './markdown';
import { withFullReports, type RenderableResult } from './table';
import type { Timeline } from '../decisions/timeline';
import { timelinePlot } from './timeline-svg';
import { compareText } from '../engine/order';
import { countOf } from '../text/plural';

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** `investigator` (default): everything; `candidate`: neutral reasons only, no scores, evidence or hypotheses. */
  readonly view?: ReportView;
  /** Title of the page (default "redflags report"). */
  readonly title?: string;
  /** Indicators whose meta adds threat hypotheses and false positives (default: the built-ins). */
  readonly indicators?: readonly AnyIndicator[];
  /** Which subjects get a detail section: `all` (default) or `flagged` (band elevated or above). */
  readonly detail?: 'all' | 'flagged';
  /** Evidence rows shown per finding at most (default 10); the rest are counted. */
  readonly maxEvidence?: number;
  /**
   * Detail sections at most, for the highest-ranked subjects (default {@link defaultDetailLimit});
   * every other subject keeps a compact row in the ranked table, so a page of a large population
   * still opens in a browser.
   */
  readonly detailLimit?: number;
  /**
   * Band thresholds (0-100) the charts colour and mark scores by: pass the scorer's
   * (`scorer.bands`) when the config sets its own. Default {@link defaultBands}.
   */
  readonly bands?: { readonly elevated: number; readonly high: number; readonly critical: number };
  /** Score timelines (`scoreTimeline`) of some subjects: each is plotted in its subject's section. */
  readonly timelines?: readonly Timeline[];
}

/** Band thresholds, 0-100. */
type Bands = NonNullable<HtmlOptions['bands']>;

const bandColour: Readonly<Record<Band, string>> = {
  low: '#5b8a72',
  elevated: '#c9a227',
  high: '#d9782d',
  critical: '#b3261e',
};

/** Colour of a band; a band the engine does not know (a report from elsewhere) is grey. */
function colourOf(band: unknown): string {
  return typeof band === 'string' && Object.hasOwn(bandColour, band) ? bandColour[band as Band] : '#888888';
}

const css = `
:root { color-scheme: light; --ink: #1c1c1e; --muted: #5f6368; --line: #d8d8dc; --bg: #fafafa; --risk: #b3261e; --mit: #2e7d5b; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1040px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.lead, .muted { color: var(--muted); }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; }
.chip.low { background: ${bandColour.low}; } .chip.elevated { background: ${bandColour.elevated}; color: #1c1c1e; }
.chip.high { background: ${bandColour.high}; } .chip.critical { background: ${bandColour.critical}; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #f1f1f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f1f1f3; padding: 0 3px; border-radius: 3px; overflow-wrap: break-word; }
a { color: #1a56a8; }
.meter { display: inline-block; width: 80px; height: 8px; background: #e6e6ea; border-radius: 4px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
.meter > span { display: block; height: 100%; }
.val { display: inline-block; min-width: 2.6em; text-align: right; }
ol.reasons li { margin: 4px 0; }
.hyp { color: var(--muted); font-size: 13px; }
.mitigating { color: var(--mit); }
.note { border-left: 3px solid ${bandColour.elevated}; padding: 4px 10px; background: #fffbea; }
.charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
svg { max-width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: #1c1c1e; }
ul.steps { list-style: none; padding-left: 0; } ul.steps li::before { content: "\\2610  "; }
footer { color: var(--muted); font-size: 12px; margin: 24px 0; }
@page { margin: 14mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { border: none; padding: 0; margin: 12px 0; }
  section.subject { break-before: page; }
  a { color: inherit; text-decoration: none; }
  tr, li, svg { break-inside: avoid; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .chip, .meter > span, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function chip(band: Band): Html {
  // The class names a known band only; a band from elsewhere is shown as text, unstyled.
  const known = typeof band === 'string' && Object.hasOwn(bandColour, band);
  return html`<span class="chip${known ? html` ${band}` : ''}">${band}</span>`;
}

function meter(score: number, band: Band): Html {
  return html`<span class="meter" aria-hidden="true"><span style="width:${fixed(Math.max(0, Math.min(100, score)), 1)}%;background:${colourOf(band)}"></span></span>`;
}

/** Histogram of scores in ten bins of ten points, as inline SVG. */
function histogram(reports: Iterable<Report>, bands: Bands): Html {
  const bins = new Array<number>(10).fill(0);
  for (const r of reports) {
    if (typeof r.score !== 'number' || !Number.isFinite(r.score)) continue;
    const bin = Math.max(0, Math.min(9, Math.floor(r.score / 10)));
    bins[bin] = (bins[bin] as number) + 1;
  }
  let max = 1;
  for (const count of bins) max = Math.max(max, count);
  const w = 600;
  const h = 180;
  const left = 36;
  const bottom = 28;
  const top = 14;
  const barW = (w - left - 10) / 10;
  const plotH = h - bottom - top;
  const parts: Html[] = [];
  parts.push(html`<line x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}" stroke="#888"/>`);
  for (const tick of [0, Math.ceil(max / 2), max]) {
    const y = h - bottom - (tick / max) * plotH;
    parts.push(html`<text x="${left - 6}" y="${fixed(y + 4, 1)}" text-anchor="end">${tick}</text>`);
    parts.push(html`<line x1="${left}" y1="${fixed(y, 1)}" x2="${w - 10}" y2="${fixed(y, 1)}" stroke="#e3e3e6"/>`);
  }
  bins.forEach((count, i) => {
    const x = left + i * barW;
    const bh = (count / max) * plotH;
    const y = h - bottom - bh;
    parts.push(
      html`<rect x="${fixed(x + 2, 1)}" y="${fixed(y, 1)}" width="${fixed(barW - 4, 1)}" height="${fixed(bh, 1)}" fill="${colourOf(bandOf(i * 10, bands))}"><title>${i * 10}-${i * 10 + 10}: ${countOf(count, 'subject')}</title></rect>`,
    );
    if (count > 0) parts.push(html`<text x="${fixed(x + barW / 2, 1)}" y="${fixed(y - 3, 1)}" text-anchor="middle">${count}</text>`);
    parts.push(html`<text x="${fixed(x + barW / 2, 1)}" y="${h - bottom + 14}" text-anchor="middle">${i * 10}</text>`);
  });
  parts.push(html`<text x="${(w + left) / 2}" y="${h - 2}" text-anchor="middle" fill="#5f6368">score</text>`);
  return html`<svg role="img" aria-label="Score distribution histogram" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts}</svg>`;
}

/** Horizontal bars diverging from zero: risk to the right in red, mitigation to the left in green. */
function contributionChart(label: string, rows: readonly { name: string; value: number }[]): Html | undefined {
  if (rows.length === 0) return undefined;
  const w = 680;
  const rowH = 22;
  const labelW = 300;
  const h = rows.length * rowH + 24;
  const hasNegative = rows.some((r) => r.value < 0);
  let max = 0.01;
  for (const r of rows) if (Number.isFinite(r.value)) max = Math.max(max, Math.abs(r.value));
  const plotW = w - labelW - 60;
  const zeroX = labelW + (hasNegative ? plotW / 2 : 0);
  const scale = (hasNegative ? plotW / 2 : plotW) / max;
  const parts: Html[] = [];
  rows.forEach((row, i) => {
    const y = i * rowH + 4;
    const len = Math.abs(row.value) * scale;
    const x = row.value >= 0 ? zeroX : zeroX - len;
    parts.push(html`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${truncate(String(row.name), 46)}</text>`);
    parts.push(
      html`<rect x="${fixed(x, 1)}" y="${y + 3}" width="${fixed(Math.max(1, len), 1)}" height="${rowH - 8}" fill="${row.value >= 0 ? '#b3261e' : '#2e7d5b'}"><title>${row.name}: ${formatContribution(row.value)}</title></rect>`,
    );
    const tx = row.value >= 0 ? x + len + 4 : x - 4;
    parts.push(html`<text x="${fixed(tx, 1)}" y="${y + 14}" text-anchor="${row.value >= 0 ? 'start' : 'end'}">${formatContribution(row.value)}</text>`);
  });
  parts.push(html`<line x1="${fixed(zeroX, 1)}" y1="0" x2="${fixed(zeroX, 1)}" y2="${h - 18}" stroke="#888"/>`);
  parts.push(html`<text x="${fixed(zeroX, 1)}" y="${h - 4}" text-anchor="middle" fill="#5f6368">log-odds added</text>`);
  return html`<svg role="img" aria-label="${label}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts}</svg>`;
}

/** Typology scores as bars on a 0-100 scale, with the band thresholds marked. */
function typologyChart(report: Report, bands: Bands): Html | undefined {
  if (report.typologies.length === 0) return undefined;
  const w = 680;
  const rowH = 22;
  const labelW = 300;
  const plotW = w - labelW - 60;
  const h = report.typologies.length * rowH + 24;
  const parts: Html[] = [];
  for (const t of [bands.elevated, bands.high, bands.critical]) {
    const x = labelW + (t / 100) * plotW;
    parts.push(html`<line x1="${fixed(x, 1)}" y1="0" x2="${fixed(x, 1)}" y2="${h - 18}" stroke="#ccc" stroke-dasharray="3 3"/>`);
    parts.push(html`<text x="${fixed(x, 1)}" y="${h - 4}" text-anchor="middle" fill="#5f6368">${t}</text>`);
  }
  report.typologies.forEach((t, i) => {
    const y = i * rowH + 4;
    const len = (Math.max(0, Math.min(100, t.score)) / 100) * plotW;
    parts.push(html`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${truncate(typologyLabel(String(t.typology)), 46)}</text>`);
    parts.push(
      html`<rect x="${labelW}" y="${y + 3}" width="${fixed(Math.max(1, len), 1)}" height="${rowH - 8}" fill="${colourOf(bandOf(t.score, bands))}"><title>${t.typology}: ${formatScore(t.score)}</title></rect>`,
    );
    parts.push(html`<text x="${fixed(labelW + len + 4, 1)}" y="${y + 14}">${formatScore(t.score)}</text>`);
  });
  return html`<svg role="img" aria-label="Score by typology" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts}</svg>`;
}

function subjectSection(
  report: Report,
  anchor: string,
  notes: ReadonlyMap<string, IndicatorNotes>,
  maxEvidence: number,
  bands: Bands,
  timeline?: Timeline,
): Html {
  const out: Html[] = [];
  out.push(html`<section class="subject card" id="${anchor}">`);
  out.push(html`<h2><code>${report.subjectId}</code> ${chip(report.band)}</h2>`);
  out.push(
    html`<p>${meter(report.score, report.band)}<strong>${formatScore(report.score)}</strong> / 100 · log-odds ${fixed(report.logOdds, 2)} (prior ${fixed(report.priorLogOdds, 2)}) · ${countOf(report.coverage.evaluated, 'check')} ran, ${report.coverage.notEvaluated.length} without data · ${countOf(report.meta.eventsConsidered, 'event')} considered</p>`,
  );
  if (report.bandCapped !== undefined) {
    out.push(html`<p class="note">Band held down from <strong>${report.bandCapped.wouldBe}</strong>: ${report.bandCapped.reason}.</p>`);
  }
  if (timeline !== undefined) out.push(html`<h3>Score over time</h3>${timelinePlot(timeline)}`);

  out.push(html`<h3>Reasons, most important first</h3>`);
  if (report.reasons.length === 0) out.push(html`<p class="muted">${noReasons(report)}</p>`);
  else {
    const items = report.reasons.map((reason) => {
      const note = notes.get(reason.indicatorId);
      const mitigating = reason.kind === 'mitigating';
      return html`<li${mitigating ? html` class="mitigating"` : ''}><strong>${reason.message}</strong> <code>${reason.indicatorId}</code> ${formatContribution(reason.contribution)}${mitigating ? ' (mitigating)' : ''}${
        note?.threatHypothesis !== undefined && reason.kind === 'risk' ? html`<div class="hyp">Hypothesis to test: ${note.threatHypothesis}</div>` : ''
      }${note !== undefined && note.falsePositives.length > 0 ? html`<div class="hyp">Rule out first: ${note.falsePositives.join(' · ')}</div>` : ''}</li>`;
    });
    out.push(html`<ol class="reasons">\n${joinHtml(items, '\n')}\n</ol>`);
  }

  const contributing = report.indicators
    .filter((i) => i.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || compareText(a.indicatorId, b.indicatorId));
  if (contributing.length > 0) {
    out.push(html`<h3>Contribution by indicator</h3><div class="charts">`);
    out.push(
      html`${contributionChart(
        'Contribution by indicator',
        contributing.map((i) => ({ name: i.indicatorId, value: i.contribution })),
      )}`,
    );
    out.push(html`</div>`);
  }
  if (report.typologies.length > 0) {
    out.push(html`<h3>Score by typology</h3><div class="charts">`, html`${typologyChart(report, bands)}`, html`</div>`);
  }

  if (report.findings.length > 0) {
    out.push(
      html`<h3>Evidence</h3><table><thead><tr><th>Indicator</th><th>Finding</th><th>Record</th><th>Field</th><th>At</th><th>Value</th><th>Note</th></tr></thead><tbody>`,
    );
    for (const finding of report.findings) {
      const rows = finding.evidence.slice(0, maxEvidence);
      rows.forEach((e, i) => {
        const first = i === 0;
        out.push(
          html`<tr><td>${first ? html`<code>${finding.indicatorId}</code>` : ''}</td><td>${first ? finding.message : ''}</td><td><code>${e.recordId}</code></td><td>${e.field !== undefined ? html`<code>${e.field}</code>` : ''}</td><td>${e.at ?? ''}</td><td>${formatValue(e.value)}</td><td>${e.note ?? ''}</td></tr>`,
        );
      });
      if (finding.evidence.length > rows.length) {
        out.push(html`<tr><td></td><td></td><td colspan="5" class="muted">… ${finding.evidence.length - rows.length} more records</td></tr>`);
      }
    }
    out.push(html`</tbody></table>`);
  }

  const mitigations = report.mitigations ?? [];
  if (mitigations.length > 0) {
    out.push(
      html`<h3>Mitigated</h3><table><thead><tr><th>Indicator</th><th>Signal</th><th>Effect</th><th>Mitigated by</th><th>Explains</th></tr></thead><tbody>`,
    );
    for (const m of mitigations) {
      for (const by of m.mitigatedBy) {
        out.push(
          html`<tr><td><code>${m.indicatorId}</code></td><td>${m.message}</td><td>${m.effect}</td><td><code>${by.recordId}</code> <span class="muted">${by.field}</span></td><td>${by.explains}</td></tr>`,
        );
      }
    }
    out.push(html`</tbody></table>`);
  }

  const suppressions = report.suppressions ?? [];
  if (suppressions.length > 0) {
    out.push(
      html`<h3>Suppressions</h3><table class="suppressions"><thead><tr><th>Suppression</th><th>Covers</th><th>Status</th><th>From</th><th>Until</th><th>Approved by</th><th>Case</th><th>Reason</th><th class="num">Findings taken out</th></tr></thead><tbody>`,
    );
    for (const { suppression: s, status, findings } of suppressions) {
      out.push(
        html`<tr class="${status}"><td><code>${s.id}</code></td><td><code>${s.findingKey ?? s.indicatorId}</code></td><td>${status}</td><td>${s.from}</td><td>${s.until}</td><td>${s.approvedBy}</td><td>${s.caseId ?? ''}</td><td>${s.reason}</td><td class="num">${findings}</td></tr>`,
      );
    }
    out.push(html`</tbody></table>`);
    const suppressed = report.suppressed ?? [];
    if (suppressed.length > 0) {
      out.push(
        html`<table class="suppressed"><thead><tr><th>Suppressed finding</th><th>Signal</th><th>Finding key</th><th class="num">Strength</th><th>Suppressed by</th></tr></thead><tbody>`,
      );
      for (const f of suppressed) {
        out.push(
          html`<tr><td><code>${f.indicatorId}</code></td><td>${f.message}</td><td><code>${f.findingKey}</code></td><td class="num">${fixed(f.strength, 2)}</td><td><code>${f.suppressionId}</code></td></tr>`,
        );
      }
      out.push(html`</tbody></table>`);
    }
  }

  out.push(html`<h3>Checks with no data</h3>`);
  if (report.coverage.notEvaluated.length === 0) out.push(html`<p class="muted">Every enabled check had the data it needs.</p>`);
  else {
    out.push(html`<table><thead><tr><th>Indicator</th><th>Why it could not run</th><th>Missing</th></tr></thead><tbody>`);
    for (const gap of report.coverage.notEvaluated) {
      out.push(
        html`<tr><td><code>${gap.indicatorId}</code></td><td>${gap.reason}</td><td>${joinHtml(
          gap.missing.map((m) => html`<code>${m}</code>`),
          ' ',
        )}</td></tr>`,
      );
    }
    out.push(html`</tbody></table>`);
  }
  if (report.errors.length > 0) {
    out.push(html`<h3>Checks that failed</h3><ul>`);
    for (const error of report.errors) out.push(html`<li><code>${error.indicatorId}</code>: ${error.message}</li>`);
    out.push(html`</ul>`);
  }

  out.push(html`<h3>Next steps</h3>`);
  if (report.nextSteps.length === 0) out.push(html`<p class="muted">No verification step suggested; close or fill the data gaps above.</p>`);
  else {
    out.push(html`<ul class="steps">`);
    for (const step of report.nextSteps) out.push(html`<li>${step.action} <code>${step.indicatorId}</code></li>`);
    out.push(html`</ul>`);
  }
  out.push(html`<p><a href="#overview">Back to the overview</a></p></section>`);
  return joinHtml(out, '\n');
}

function pageHead(title: string): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trustedHtml(css)}</style>
</head>
<body>
<main>
`;
}

const pageFoot = '\n</main>\n</body>\n</html>\n';

function* candidateChunks(result: RenderableResult, title: string): Generator<string> {
  yield pageHead(title).markup;
  yield html`<h1>${title}</h1>`.markup;
  for (const report of result.reports) {
    const reasons = neutralReasonsOf(report.reasons);
    const body =
      reasons.length === 0
        ? html`<p>No item needs follow-up.</p>`
        : html`<p>A person will review the following points with you before any decision is made:</p><ul>\n${joinHtml(
            reasons.map((reason) => html`<li>${reason}</li>`),
            '\n',
          )}\n</ul>`;
    yield html`\n<section class="subject card"><h2>${report.subjectId}</h2>\n${body}\n</section>`.markup;
  }
  yield pageFoot;
}

/**
 * Renders ONE self-contained HTML file: inline CSS and SVG, no scripts, no external requests (a
 * Content-Security-Policy forbids them). The investigator view has an overview (bands, a score
 * histogram, the ranked list) and a section per subject, for the `detailLimit` highest-ranked
 * subjects (default 1,000): reasons with hypotheses, contribution bars by indicator and by
 * typology, evidence tables, coverage gaps and next steps; beyond the limit a subject keeps its
 * compact row in the ranked list. The `candidate` view shows each subject's neutral reasons only.
 * Every interpolated value is escaped, whatever its origin, and control and bidi override
 * characters are replaced. Pure.
 */
export function renderHtml(result: RenderableResult, options: HtmlOptions = {}): string {
  return joinChunks(htmlChunks(result, options));
}

/** {@link renderHtml} piece by piece (a row or a section at a time), to write a page of any size as a stream. */
export function* htmlChunks(given: RenderableResult, options: HtmlOptions = {}): Generator<string> {
  const result = withFullReports(given);
  const view = options.view ?? 'investigator';
  if (view === 'candidate') {
    yield* candidateChunks(result, options.title ?? 'Review summary');
    return;
  }
  const title = options.title ?? 'redflags report';
  const notes = indexIndicatorNotes(options.indicators);
  const bands = options.bands ?? defaultBands;
  const maxEvidence = options.maxEvidence ?? 10;
  const detailLimit = Math.max(0, options.detailLimit ?? defaultDetailLimit);
  // The reports are only iterated, never indexed: the CLI may read them back from disk, once per pass.
  const reports = result.reports;
  // Which subjects get a section: the highest-ranked ones (flagged only, if asked), up to the limit.
  const detailed = new Set<number>();
  let eligible = 0;
  const counts = new Map<string, number>();
  let first: Report | undefined;
  let position = 0;
  let lastDetailed = -1;
  for (const r of reports) {
    first ??= r;
    counts.set(r.band, (counts.get(r.band) ?? 0) + 1);
    if (options.detail !== 'flagged' || r.band !== 'low') {
      eligible++;
      if (detailed.size < detailLimit) {
        detailed.add(position);
        lastDetailed = position;
      }
    }
    position++;
  }

  yield pageHead(title).markup;
  yield html`<header id="overview">
<h1>${title}</h1>
<p class="lead">${countOf(reports.length, 'subject')} scored as of <strong>${result.asOf}</strong>${result.asOfSource === 'latest-event' ? ' (the latest event in the input)' : ''}. Scores are decision support for a human reviewer, never a verdict: verify before acting.</p>
<div class="chips">${joinHtml(
    (['critical', 'high', 'elevated', 'low'] as const).map((b) => html`${chip(b)} ${counts.get(b) ?? 0}`),
    ' &nbsp; ',
  )}</div>
</header>`.markup;
  if (eligible > detailed.size) {
    yield html`\n<p class="card note" id="detail-limit">Detail sections are shown for the ${detailed.size} highest-ranked of ${eligible} subjects; the other ${eligible - detailed.size} have a row in the ranked list only. Score again with a larger <code>--detail-limit</code>, or use <code>--format json</code>, for everyone's detail.</p>`
      .markup;
  }
  yield html`\n<section class="card" id="distribution"><h2>Score distribution</h2>\n${histogram(reports, bands)}\n</section>`.markup;
  yield '\n<section class="card" id="ranking"><h2>Ranked subjects</h2>\n<table><thead><tr><th class="num">#</th><th>Subject</th><th class="num">Score</th><th>Band</th><th>Top reason</th></tr></thead><tbody>';
  let i = -1;
  for (const r of reports) {
    i++;
    const top = r.reasons.find((x) => x.kind === 'risk');
    const id = html`<code>${r.subjectId}</code>`;
    if (detailed.has(i)) {
      yield html`\n<tr><td class="num">${i + 1}</td><td><a href="#s-${i + 1}">${id}</a></td><td class="num">${meter(r.score, r.band)}<span class="val">${formatScore(r.score)}</span></td><td>${chip(r.band)}</td><td>${top !== undefined ? top.message : html`<span class="muted">none</span>`}</td></tr>`
        .markup;
    } else {
      // A compact row: no meter or chip, so a page of a large population stays small.
      yield html`\n<tr><td class="num">${i + 1}</td><td>${id}</td><td class="num">${formatScore(r.score)}</td><td>${r.band}</td><td>${top !== undefined ? top.message : ''}</td></tr>`
        .markup;
    }
  }
  yield '\n</tbody></table></section>';
  if (result.rejected.length > 0) {
    yield html`\n<section class="card" id="rejected"><h2>Rejected records (${result.rejected.length})</h2><p class="muted">These records failed validation and were not scored; fix them and score again.</p>\n<table><thead><tr><th>Kind</th><th>Record</th><th>Field</th><th>Problem</th></tr></thead><tbody>`
      .markup;
    for (const rec of result.rejected) {
      for (const issue of rec.issues) {
        yield html`\n<tr><td>${rec.kind}</td><td>${rec.recordId !== undefined ? html`<code>${rec.recordId}</code>` : html`#${rec.index}`}</td><td><code>${issue.path}</code></td><td>${issue.message}</td></tr>`
          .markup;
      }
    }
    yield '\n</tbody></table></section>';
  }
  const timelineOf = new Map((options.timelines ?? []).map((t) => [t.subjectId, t]));
  if (detailed.size > 0) {
    let at = 0;
    for (const r of reports) {
      if (detailed.has(at)) yield `\n${subjectSection(r, `s-${at + 1}`, notes, maxEvidence, bands, timelineOf.get(r.subjectId)).markup}`;
      // Sections go to the highest-ranked subjects: stop reading once the last one is written.
      if (++at > lastDetailed) break;
    }
  }
  yield html`\n<footer>Generated by redflags ${first?.meta.library.version ?? ''}${first !== undefined ? html` · config ${first.meta.configHash}` : ''}. Human review required.</footer>`
    .markup;
  yield pageFoot;
}
