import type { Band } from '../engine/config';
import type { Timeline } from '../decisions/timeline';
import { fixed } from './format';
import { html, joinHtml, type Html } from './markup';

const bandColour: Readonly<Record<Band, string>> = { low: '#5b8a72', elevated: '#c9a227', high: '#d9782d', critical: '#b3261e' };

function colourOf(band: unknown): string {
  return typeof band === 'string' && Object.hasOwn(bandColour, band) ? bandColour[band as Band] : '#888888';
}

/**
 * A subject's score over time as a small inline SVG: the score (0-100) at each instant as a
 * line with a dot per instant in its band's colour, a marker at each instant where the band rose
 * whose tooltip names the evidence that made it rise, and below it the same rises as text (a
 * plot alone is not readable by everyone). Every value goes through the `html` tag.
 */
export function timelinePlot(timeline: Timeline): Html {
  const points = timeline.points;
  const w = 600;
  const h = 150;
  const left = 34;
  const right = 10;
  const top = 10;
  const bottom = 24;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const x = (i: number): number => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (score: number): number => top + (1 - Math.max(0, Math.min(100, score)) / 100) * plotH;
  const parts: Html[] = [];
  for (const tick of [0, 50, 100]) {
    parts.push(html`<line x1="${left}" y1="${fixed(y(tick), 1)}" x2="${w - right}" y2="${fixed(y(tick), 1)}" stroke="#e3e3e6"/>`);
    parts.push(html`<text x="${left - 6}" y="${fixed(y(tick) + 4, 1)}" text-anchor="end">${tick}</text>`);
  }
  const line = points.map((p, i) => `${fixed(x(i), 1)},${fixed(y(p.score), 1)}`).join(' ');
  if (points.length > 1) parts.push(html`<polyline class="score-line" fill="none" stroke="#1c1c1e" stroke-width="1.5" points="${line}"/>`);
  points.forEach((p, i) => {
    parts.push(
      html`<circle cx="${fixed(x(i), 1)}" cy="${fixed(y(p.score), 1)}" r="2.5" fill="${colourOf(p.band)}"><title>${p.at}: ${fixed(p.score, 1)} (${p.band})</title></circle>`,
    );
  });
  const indexOf = new Map(points.map((p, i) => [p.at, i]));
  for (const rise of timeline.rises) {
    const i = indexOf.get(rise.at);
    if (i === undefined) continue;
    parts.push(
      html`<line class="rise" x1="${fixed(x(i), 1)}" y1="${top}" x2="${fixed(x(i), 1)}" y2="${h - bottom}" stroke="${colourOf(rise.to)}" stroke-dasharray="3 2"><title>${rise.at}: ${rise.from} to ${rise.to}, because of ${rise.reasons.join(', ') || 'the prior'}</title></line>`,
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first !== undefined) parts.push(html`<text x="${left}" y="${h - 6}">${first.at.slice(0, 10)}</text>`);
  if (last !== undefined && points.length > 1) parts.push(html`<text x="${w - right}" y="${h - 6}" text-anchor="end">${last.at.slice(0, 10)}</text>`);
  const rises =
    timeline.rises.length === 0
      ? html`<p class="muted">The band did not rise between ${first?.at ?? ''} and ${last?.at ?? ''}.</p>`
      : html`<ul class="rises">${joinHtml(
          timeline.rises.map(
            (r) =>
              html`<li>${r.at}: ${r.from} → ${r.to}, because of ${joinHtml(
                r.reasons.map((id) => html`<code>${id}</code>`),
                ', ',
              )}</li>`,
          ),
        )}</ul>`;
  return html`<svg role="img" aria-label="Score timeline" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${parts}</svg>${rises}`;
}
