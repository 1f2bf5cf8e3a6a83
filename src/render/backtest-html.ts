import type { BacktestResult, BacktestRun } from '../decisions/backtest';
import { html, joinHtml, trustedHtml, type Html } from './markup';
import { countOf } from '../text/plural';

/** Options of {@link renderBacktestHtml}. */
export interface BacktestHtmlOptions {
  /** Title of the page (default "redflags backtest"). */
  readonly title?: string;
}

// One colour per configuration, in the order given; the palette repeats after six.
const palette = ['#1f5fa8', '#b3261e', '#2e7d5b', '#8a5cc2', '#c9a227', '#5f6368'];
const colourOf = (index: number): string => palette[index % palette.length] as string;

const css = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1c1e; background: #fafafa; }
main { max-width: 1040px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 0 0 8px; } h3 { font-size: 15px; margin: 14px 0 6px; }
.lead, .muted { color: #5f6368; }
.card { background: #fff; border: 1px solid #d8d8dc; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.plots { display: flex; flex-wrap: wrap; gap: 16px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #d8d8dc; vertical-align: top; }
th { font-weight: 600; background: #f1f1f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg { max-width: 100%; height: auto; } svg text { font: 11px system-ui, sans-serif; fill: #1c1c1e; }
.key { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
@media print { .card { break-inside: avoid; } svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

const pct = (value: number | undefined | null): string => (value === undefined || value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const fixed = (value: number, digits = 3): string => value.toFixed(digits);

function svg(label: string, w: number, h: number, parts: readonly Html[]): Html {
  return html`<svg role="img" aria-label="${label}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts}</svg>`;
}

/** A unit-square plot frame: axes, ticks at 0, 0.5 and 1, the diagonal, and axis titles. */
function unitFrame(size: number, pad: number, xTitle: string, yTitle: string): { parts: Html[]; x: (v: number) => number; y: (v: number) => number } {
  const x = (v: number): number => pad + v * (size - 2 * pad);
  const y = (v: number): number => size - pad - v * (size - 2 * pad);
  const parts = [
    html`<rect x="${pad}" y="${pad}" width="${size - 2 * pad}" height="${size - 2 * pad}" fill="#fff" stroke="#d8d8dc"/>`,
    html`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#bbb" stroke-dasharray="4 3"/>`,
  ];
  for (const t of [0, 0.5, 1]) {
    parts.push(html`<text x="${x(t)}" y="${size - pad + 14}" text-anchor="middle">${t}</text>`);
    parts.push(html`<text x="${pad - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`);
  }
  parts.push(html`<text x="${size / 2}" y="${size - 6}" text-anchor="middle">${xTitle}</text>`);
  parts.push(html`<text x="12" y="${size / 2}" text-anchor="middle" transform="rotate(-90 12 ${size / 2})">${yTitle}</text>`);
  return { parts, x, y };
}

function rocPlot(runs: readonly BacktestRun[]): Html {
  const size = 300;
  const { parts, x, y } = unitFrame(size, 40, 'False positive rate', 'True positive rate');
  runs.forEach((run, i) => {
    if (run.roc.length === 0) return;
    const points = run.roc.map((p) => `${x(p.falsePositiveRate).toFixed(1)},${y(p.truePositiveRate).toFixed(1)}`).join(' ');
    parts.push(html`<polyline fill="none" stroke="${colourOf(i)}" stroke-width="2" points="${points}"><title>${run.name}</title></polyline>`);
  });
  return svg('ROC curve', size, size, parts);
}

function reliabilityPlot(runs: readonly BacktestRun[]): Html {
  const size = 300;
  const { parts, x, y } = unitFrame(size, 40, 'Predicted (score / 100)', 'Observed confirmed rate');
  runs.forEach((run, i) => {
    for (const bin of run.reliability) {
      if (bin.meanPredicted === undefined || bin.observedRate === undefined) continue;
      const r = Math.min(9, 2 + Math.sqrt(bin.count));
      parts.push(
        html`<circle cx="${x(bin.meanPredicted).toFixed(1)}" cy="${y(bin.observedRate).toFixed(1)}" r="${r.toFixed(1)}" fill="${colourOf(i)}" fill-opacity="0.6"><title>${run.name}: ${countOf(bin.count, 'subject')}, predicted ${pct(bin.meanPredicted)}, observed ${pct(bin.observedRate)}</title></circle>`,
      );
    }
  });
  return svg('Reliability diagram', size, size, parts);
}

function histogramPlot(run: BacktestRun): Html {
  const w = 360;
  const h = 200;
  const pad = 30;
  let max = 1;
  for (const count of run.distributions.confirmed) max = Math.max(max, count);
  for (const count of run.distributions.cleared) max = Math.max(max, count);
  const barW = (w - 2 * pad) / 10;
  const parts = [html`<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/>`];
  for (let b = 0; b < 10; b++) {
    const series = [
      { count: run.distributions.cleared[b] ?? 0, colour: '#5b8a72', name: 'cleared' },
      { count: run.distributions.confirmed[b] ?? 0, colour: '#b3261e', name: 'confirmed' },
    ];
    series.forEach((s, k) => {
      const bh = (s.count / max) * (h - 2 * pad);
      const bx = pad + b * barW + 2 + k * ((barW - 4) / 2);
      parts.push(
        html`<rect x="${bx.toFixed(1)}" y="${(h - pad - bh).toFixed(1)}" width="${((barW - 4) / 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${s.colour}"><title>${s.name}, score ${b * 10}-${b * 10 + 10}: ${s.count}</title></rect>`,
      );
    });
    parts.push(html`<text x="${(pad + b * barW).toFixed(1)}" y="${h - pad + 14}">${b * 10}</text>`);
  }
  parts.push(html`<text x="${pad}" y="14">score bins of 10 points; tallest bar ${countOf(max, 'subject')}</text>`);
  parts.push(html`<rect x="${w - pad - 150}" y="20" width="10" height="10" fill="#b3261e"/><text x="${w - pad - 136}" y="29">confirmed</text>`);
  parts.push(html`<rect x="${w - pad - 70}" y="20" width="10" height="10" fill="#5b8a72"/><text x="${w - pad - 56}" y="29">cleared</text>`);
  return svg(`Score histogram by outcome: ${run.name}`, w, h, parts);
}

function summaryTable(result: BacktestResult): Html {
  const rows = result.runs.map((run, i) => {
    const auc =
      run.auc === null
        ? html`<td class="num">–</td><td class="num">–</td>`
        : html`<td class="num">${fixed(run.auc.auc)}</td><td class="num">${fixed(run.auc.lower)}–${fixed(run.auc.upper)}</td>`;
    const at = (band: string): Html => {
      const t = run.thresholds.find((x) => x.band === band);
      return html`<td class="num">${pct(t?.precision)} / ${pct(t?.recall)}</td>`;
    };
    return html`<tr><td><span class="key" style="background:${colourOf(i)}"></span>${run.name}</td>${auc}${at('elevated')}${at('high')}${at('critical')}<td><code>${run.configHash}</code></td></tr>`;
  });
  return html`<table id="summary"><thead><tr><th>Configuration</th><th>AUC</th><th>95% CI (DeLong)</th><th>Elevated+ precision / recall</th><th>High+</th><th>Critical</th><th>Config hash</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function confusionTable(run: BacktestRun): Html {
  const rows = run.confusion.map(
    (c) => html`<tr><td>${c.band}</td><td class="num">${c.confirmed}</td><td class="num">${c.cleared}</td><td class="num">${c.inconclusive}</td></tr>`,
  );
  return html`<table class="confusion"><thead><tr><th>Band</th><th>Confirmed</th><th>Cleared</th><th>Inconclusive</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function changesTable(result: BacktestResult): Html {
  if (result.changes.length === 0) return html`<p class="muted">No subject changes band between the configurations.</p>`;
  const rows = result.changes.map((c) => {
    const moved = c.moved
      .slice(0, 4)
      .map((m) => `${m.indicatorId} ${m.delta > 0 ? '+' : ''}${m.delta.toFixed(2)}`)
      .join('; ');
    return html`<tr><td>${c.subjectId}</td><td>${c.outcome}</td><td>${c.config}</td><td>${c.from.band} (${c.from.score})</td><td>${c.to.band} (${c.to.score})</td><td>${moved}</td></tr>`;
  });
  return html`<table id="changes"><thead><tr><th>Subject</th><th>Outcome</th><th>Configuration</th><th>Baseline band</th><th>Band</th><th>What moved (log-odds)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Renders a backtest as one self-contained HTML page: a summary (AUC with its DeLong interval,
 * precision and recall per band), the ROC curves and the reliability diagram of every
 * configuration, score histograms of confirmed and cleared subjects and the band confusion table
 * per configuration, and the subjects whose band changes. Inline SVG and CSS, no script, and a
 * Content-Security-Policy that forbids every fetch. Every value is escaped by the `html`
 * tag, as in the main report. Pure: no I/O.
 */
export function renderBacktestHtml(result: BacktestResult, options: BacktestHtmlOptions = {}): string {
  const title = options.title ?? 'redflags backtest';
  const c = result.counts;
  const out: Html[] = [];
  out.push(html`<h1>${title}</h1>`);
  out.push(
    html`<p class="lead">${c.confirmed} confirmed, ${c.cleared} cleared and ${c.inconclusive} inconclusive subjects, each scored as of its decision time (${c.decisionTimes} distinct times); no fact recorded after a decision is used. Inconclusive outcomes are left out of the metrics.${result.rejectedOutcomes.length > 0 ? ` ${result.rejectedOutcomes.length} outcome records were rejected.` : ''}</p>`,
  );
  out.push(html`<section class="card"><h2>Summary</h2>${summaryTable(result)}</section>`);
  out.push(
    html`<section class="card"><h2>ROC and reliability</h2><div class="plots">${rocPlot(result.runs)}${reliabilityPlot(result.runs)}</div><p class="muted">Points on the reliability diagram are sized by the number of subjects; the dashed diagonal is perfect calibration.</p></section>`,
  );
  for (const run of result.runs) {
    out.push(html`<section class="card run"><h2>${run.name}</h2><div class="plots">${histogramPlot(run)}<div>${confusionTable(run)}</div></div></section>`);
  }
  out.push(html`<section class="card"><h2>Decision changes</h2>${changesTable(result)}</section>`);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${trustedHtml(css)}</style>
</head>
<body><main>
${joinHtml(out, '\n')}
</main></body>
</html>
`;
  return page.markup;
}
