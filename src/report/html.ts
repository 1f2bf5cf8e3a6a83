import type { Band } from '../engine/config';
import type { Report } from '../engine/report';
import type { AnyIndicator } from '../indicator/types';
import {
  formatContribution,
  formatScore,
  formatValue,
  indexIndicatorNotes,
  neutralReasonsOf,
  truncate,
  typologyLabel,
  type IndicatorNotes,
  type ReportView,
} from './format';
import { noReasons } from './markdown';
import type { RenderableResult } from './table';

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
}

/** Escapes text for HTML element content and double-quoted attributes. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const bandColour: Readonly<Record<Band, string>> = {
  low: '#5b8a72',
  elevated: '#c9a227',
  high: '#d9782d',
  critical: '#b3261e',
};

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

function chip(band: Band): string {
  return `<span class="chip ${band}">${band}</span>`;
}

function meter(score: number, band: Band): string {
  return `<span class="meter" aria-hidden="true"><span style="width:${Math.max(0, Math.min(100, score)).toFixed(1)}%;background:${bandColour[band]}"></span></span>`;
}

function bandOfBin(lower: number): Band {
  return lower >= 80 ? 'critical' : lower >= 50 ? 'high' : lower >= 20 ? 'elevated' : 'low';
}

/** Histogram of scores in ten bins of ten points, as inline SVG. */
function histogram(reports: readonly Report[]): string {
  const bins = new Array<number>(10).fill(0);
  for (const r of reports) bins[Math.min(9, Math.floor(r.score / 10))]! += 1;
  const max = Math.max(1, ...bins);
  const w = 600;
  const h = 180;
  const left = 36;
  const bottom = 28;
  const top = 14;
  const barW = (w - left - 10) / 10;
  const plotH = h - bottom - top;
  const parts: string[] = [];
  parts.push(`<line x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}" stroke="#888"/>`);
  for (const tick of [0, Math.ceil(max / 2), max]) {
    const y = h - bottom - (tick / max) * plotH;
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${tick}</text>`);
    parts.push(`<line x1="${left}" y1="${y.toFixed(1)}" x2="${w - 10}" y2="${y.toFixed(1)}" stroke="#e3e3e6"/>`);
  }
  bins.forEach((count, i) => {
    const x = left + i * barW;
    const bh = (count / max) * plotH;
    const y = h - bottom - bh;
    parts.push(
      `<rect x="${(x + 2).toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${bh.toFixed(1)}" fill="${bandColour[bandOfBin(i * 10)]}"><title>${i * 10}-${i * 10 + 10}: ${count} subjects</title></rect>`,
    );
    if (count > 0) parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${count}</text>`);
    parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${h - bottom + 14}" text-anchor="middle">${i * 10}</text>`);
  });
  parts.push(`<text x="${(w + left) / 2}" y="${h - 2}" text-anchor="middle" fill="#5f6368">score</text>`);
  return `<svg role="img" aria-label="Score distribution histogram" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Horizontal bars diverging from zero: risk to the right in red, mitigation to the left in green. */
function contributionChart(label: string, rows: readonly { name: string; value: number }[]): string {
  if (rows.length === 0) return '';
  const w = 680;
  const rowH = 22;
  const labelW = 300;
  const h = rows.length * rowH + 24;
  const hasNegative = rows.some((r) => r.value < 0);
  const max = Math.max(0.01, ...rows.map((r) => Math.abs(r.value)));
  const plotW = w - labelW - 60;
  const zeroX = labelW + (hasNegative ? plotW / 2 : 0);
  const scale = (hasNegative ? plotW / 2 : plotW) / max;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = i * rowH + 4;
    const len = Math.abs(row.value) * scale;
    const x = row.value >= 0 ? zeroX : zeroX - len;
    parts.push(`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${esc(truncate(row.name, 46))}</text>`);
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${Math.max(1, len).toFixed(1)}" height="${rowH - 8}" fill="${row.value >= 0 ? '#b3261e' : '#2e7d5b'}"><title>${esc(row.name)}: ${formatContribution(row.value)}</title></rect>`,
    );
    const tx = row.value >= 0 ? x + len + 4 : x - 4;
    parts.push(`<text x="${tx.toFixed(1)}" y="${y + 14}" text-anchor="${row.value >= 0 ? 'start' : 'end'}">${formatContribution(row.value)}</text>`);
  });
  parts.push(`<line x1="${zeroX.toFixed(1)}" y1="0" x2="${zeroX.toFixed(1)}" y2="${h - 18}" stroke="#888"/>`);
  parts.push(`<text x="${zeroX.toFixed(1)}" y="${h - 4}" text-anchor="middle" fill="#5f6368">log-odds added</text>`);
  return `<svg role="img" aria-label="${esc(label)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Typology scores as bars on a 0-100 scale, with the band thresholds marked. */
function typologyChart(report: Report): string {
  if (report.typologies.length === 0) return '';
  const w = 680;
  const rowH = 22;
  const labelW = 300;
  const plotW = w - labelW - 60;
  const h = report.typologies.length * rowH + 24;
  const parts: string[] = [];
  for (const t of [20, 50, 80]) {
    const x = labelW + (t / 100) * plotW;
    parts.push(`<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${h - 18}" stroke="#ccc" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${h - 4}" text-anchor="middle" fill="#5f6368">${t}</text>`);
  }
  report.typologies.forEach((t, i) => {
    const y = i * rowH + 4;
    const len = (Math.max(0, Math.min(100, t.score)) / 100) * plotW;
    parts.push(`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${esc(truncate(typologyLabel(t.typology), 46))}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${Math.max(1, len).toFixed(1)}" height="${rowH - 8}" fill="${bandColour[bandOfBin(t.score)]}"><title>${esc(t.typology)}: ${formatScore(t.score)}</title></rect>`);
    parts.push(`<text x="${(labelW + len + 4).toFixed(1)}" y="${y + 14}">${formatScore(t.score)}</text>`);
  });
  return `<svg role="img" aria-label="Score by typology" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

function subjectSection(report: Report, anchor: string, notes: ReadonlyMap<string, IndicatorNotes>, maxEvidence: number): string {
  const out: string[] = [];
  out.push(`<section class="subject card" id="${anchor}">`);
  out.push(`<h2><code>${esc(report.subjectId)}</code> ${chip(report.band)}</h2>`);
  out.push(
    `<p>${meter(report.score, report.band)}<strong>${formatScore(report.score)}</strong> / 100 · log-odds ${report.logOdds.toFixed(2)} (prior ${report.priorLogOdds.toFixed(2)}) · ${report.coverage.evaluated} checks ran, ${report.coverage.notEvaluated.length} without data · ${report.meta.eventsConsidered} events considered</p>`,
  );
  if (report.bandCapped !== undefined) {
    out.push(`<p class="note">Band held down from <strong>${report.bandCapped.wouldBe}</strong>: ${esc(report.bandCapped.reason)}.</p>`);
  }

  out.push('<h3>Reasons, most important first</h3>');
  if (report.reasons.length === 0) out.push(`<p class="muted">${esc(noReasons(report))}</p>`);
  else {
    out.push('<ol class="reasons">');
    for (const reason of report.reasons) {
      const note = notes.get(reason.indicatorId);
      const cls = reason.kind === 'mitigating' ? ' class="mitigating"' : '';
      let li = `<li${cls}><strong>${esc(reason.message)}</strong> <code>${esc(reason.indicatorId)}</code> ${formatContribution(reason.contribution)}${reason.kind === 'mitigating' ? ' (mitigating)' : ''}`;
      if (note?.threatHypothesis !== undefined && reason.kind === 'risk') li += `<div class="hyp">Hypothesis to test: ${esc(note.threatHypothesis)}</div>`;
      if (note !== undefined && note.falsePositives.length > 0) li += `<div class="hyp">Rule out first: ${esc(note.falsePositives.join(' · '))}</div>`;
      out.push(`${li}</li>`);
    }
    out.push('</ol>');
  }

  const contributing = report.indicators
    .filter((i) => i.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.indicatorId < b.indicatorId ? -1 : 1));
  if (contributing.length > 0) {
    out.push('<h3>Contribution by indicator</h3><div class="charts">');
    out.push(contributionChart('Contribution by indicator', contributing.map((i) => ({ name: i.indicatorId, value: i.contribution }))));
    out.push('</div>');
  }
  if (report.typologies.length > 0) {
    out.push('<h3>Score by typology</h3><div class="charts">', typologyChart(report), '</div>');
  }

  if (report.findings.length > 0) {
    out.push('<h3>Evidence</h3><table><thead><tr><th>Indicator</th><th>Finding</th><th>Record</th><th>Field</th><th>At</th><th>Value</th><th>Note</th></tr></thead><tbody>');
    for (const finding of report.findings) {
      const rows = finding.evidence.slice(0, maxEvidence);
      rows.forEach((e, i) => {
        const first = i === 0;
        out.push(
          `<tr><td>${first ? `<code>${esc(finding.indicatorId)}</code>` : ''}</td><td>${first ? esc(finding.message) : ''}</td><td><code>${esc(e.recordId)}</code></td><td>${e.field !== undefined ? `<code>${esc(e.field)}</code>` : ''}</td><td>${esc(e.at ?? '')}</td><td>${esc(formatValue(e.value))}</td><td>${esc(e.note ?? '')}</td></tr>`,
        );
      });
      if (finding.evidence.length > rows.length) {
        out.push(`<tr><td></td><td></td><td colspan="5" class="muted">… ${finding.evidence.length - rows.length} more records</td></tr>`);
      }
    }
    out.push('</tbody></table>');
  }

  const mitigations = report.mitigations ?? [];
  if (mitigations.length > 0) {
    out.push('<h3>Mitigated</h3><table><thead><tr><th>Indicator</th><th>Signal</th><th>Effect</th><th>Mitigated by</th><th>Explains</th></tr></thead><tbody>');
    for (const m of mitigations) {
      for (const by of m.mitigatedBy) {
        out.push(
          `<tr><td><code>${esc(m.indicatorId)}</code></td><td>${esc(m.message)}</td><td>${esc(m.effect)}</td><td><code>${esc(by.recordId)}</code> <span class="muted">${esc(by.field)}</span></td><td>${esc(by.explains)}</td></tr>`,
        );
      }
    }
    out.push('</tbody></table>');
  }

  out.push('<h3>Checks with no data</h3>');
  if (report.coverage.notEvaluated.length === 0) out.push('<p class="muted">Every enabled check had the data it needs.</p>');
  else {
    out.push('<table><thead><tr><th>Indicator</th><th>Why it could not run</th><th>Missing</th></tr></thead><tbody>');
    for (const gap of report.coverage.notEvaluated) {
      out.push(`<tr><td><code>${esc(gap.indicatorId)}</code></td><td>${esc(gap.reason)}</td><td>${gap.missing.map((m) => `<code>${esc(m)}</code>`).join(' ')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  if (report.errors.length > 0) {
    out.push('<h3>Checks that failed</h3><ul>');
    for (const error of report.errors) out.push(`<li><code>${esc(error.indicatorId)}</code>: ${esc(error.message)}</li>`);
    out.push('</ul>');
  }

  out.push('<h3>Next steps</h3>');
  if (report.nextSteps.length === 0) out.push('<p class="muted">No verification step suggested; close or fill the data gaps above.</p>');
  else {
    out.push('<ul class="steps">');
    for (const step of report.nextSteps) out.push(`<li>${esc(step.action)} <code>${esc(step.indicatorId)}</code></li>`);
    out.push('</ul>');
  }
  out.push('<p><a href="#overview">Back to the overview</a></p></section>');
  return out.join('\n');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function candidatePage(result: RenderableResult, title: string): string {
  const out: string[] = [`<h1>${esc(title)}</h1>`];
  for (const report of result.reports) {
    const reasons = neutralReasonsOf(report.reasons);
    out.push(`<section class="subject card"><h2>${esc(report.subjectId)}</h2>`);
    if (reasons.length === 0) out.push('<p>No item needs follow-up.</p>');
    else {
      out.push('<p>A person will review the following points with you before any decision is made:</p><ul>');
      for (const reason of reasons) out.push(`<li>${esc(reason)}</li>`);
      out.push('</ul>');
    }
    out.push('</section>');
  }
  return page(title, out.join('\n'));
}

/**
 * Renders ONE self-contained HTML file: inline CSS and SVG, no scripts, no external requests (a
 * Content-Security-Policy forbids them). The investigator view has an overview (bands, a score
 * histogram, the ranked list) and a section per subject: reasons with hypotheses, contribution
 * bars by indicator and by typology, evidence tables, coverage gaps and next steps. The
 * `candidate` view shows each subject's neutral reasons only. All input data is escaped. Pure.
 */
export function renderHtml(result: RenderableResult, options: HtmlOptions = {}): string {
  const view = options.view ?? 'investigator';
  if (view === 'candidate') return candidatePage(result, options.title ?? 'Review summary');
  const title = options.title ?? 'redflags report';
  const notes = indexIndicatorNotes(options.indicators);
  const maxEvidence = options.maxEvidence ?? 10;
  const reports = result.reports;
  const anchors = new Map<Report, string>(reports.map((r, i) => [r, `s-${i + 1}`]));
  const detailed = options.detail === 'flagged' ? reports.filter((r) => r.band !== 'low') : reports;
  const detailedSet = new Set(detailed);
  const counts: Record<Band, number> = { low: 0, elevated: 0, high: 0, critical: 0 };
  for (const r of reports) counts[r.band] += 1;

  const out: string[] = [];
  out.push('<header id="overview">');
  out.push(`<h1>${esc(title)}</h1>`);
  const asOfNote = result.asOfSource === 'latest-event' ? ' (the latest event in the input)' : '';
  out.push(
    `<p class="lead">${reports.length} subjects scored as of <strong>${esc(result.asOf)}</strong>${esc(asOfNote)}. Scores are decision support for a human reviewer, never a verdict: verify before acting.</p>`,
  );
  out.push(`<div class="chips">${(['critical', 'high', 'elevated', 'low'] as const).map((b) => `${chip(b)} ${counts[b]}`).join(' &nbsp; ')}</div>`);
  out.push('</header>');
  out.push('<section class="card" id="distribution"><h2>Score distribution</h2>', histogram(reports), '</section>');
  out.push('<section class="card" id="ranking"><h2>Ranked subjects</h2>');
  out.push('<table><thead><tr><th class="num">#</th><th>Subject</th><th class="num">Score</th><th>Band</th><th>Top reason</th></tr></thead><tbody>');
  reports.forEach((r, i) => {
    const top = r.reasons.find((x) => x.kind === 'risk');
    const id = `<code>${esc(r.subjectId)}</code>`;
    const link = detailedSet.has(r) ? `<a href="#${anchors.get(r) as string}">${id}</a>` : id;
    out.push(
      `<tr><td class="num">${i + 1}</td><td>${link}</td><td class="num">${meter(r.score, r.band)}<span class="val">${formatScore(r.score)}</span></td><td>${chip(r.band)}</td><td>${top !== undefined ? esc(top.message) : '<span class="muted">none</span>'}</td></tr>`,
    );
  });
  out.push('</tbody></table></section>');
  if (result.rejected.length > 0) {
    out.push(`<section class="card" id="rejected"><h2>Rejected records (${result.rejected.length})</h2><p class="muted">These records failed validation and were not scored; fix them and score again.</p>`);
    out.push('<table><thead><tr><th>Kind</th><th>Record</th><th>Field</th><th>Problem</th></tr></thead><tbody>');
    for (const rec of result.rejected) {
      for (const issue of rec.issues) {
        out.push(`<tr><td>${esc(rec.kind)}</td><td>${rec.recordId !== undefined ? `<code>${esc(rec.recordId)}</code>` : `#${rec.index}`}</td><td><code>${esc(issue.path)}</code></td><td>${esc(issue.message)}</td></tr>`);
      }
    }
    out.push('</tbody></table></section>');
  }
  for (const r of detailed) out.push(subjectSection(r, anchors.get(r) as string, notes, maxEvidence));
  out.push(`<footer>Generated by redflags ${esc(reports[0]?.meta.library.version ?? '')}${reports[0] !== undefined ? ` · config ${esc(reports[0].meta.configHash)}` : ''}. Human review required.</footer>`);
  return page(title, out.join('\n'));
}
