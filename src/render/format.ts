import type { AnyIndicator, EvidenceValue, IndicatorDocs } from '../contract/types';
import { builtinIndicators } from '../defaults';

/** Subjects given a full detail section by default in the HTML and Markdown reports. */
export const defaultDetailLimit = 1000;

/** Who reads a human report: the investigator sees hypotheses and evidence, the candidate only neutral wording. */
export type ReportView = 'investigator' | 'candidate';

/** Formats a score (0-100) with one decimal, as every renderer shows it; a score short of 100 never shows as 100.0. */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return (rounded >= 100 && score < 100 ? 99.9 : rounded).toFixed(1);
}

/** Formats a log-odds contribution with an explicit sign, e.g. `+2.50` or `-0.40`. */
export function formatContribution(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded >= 0 ? '+' : '-'}${Math.abs(rounded).toFixed(2)}`;
}

/** Renders an evidence value compactly: strings as they are, anything else as JSON, cut to `max` characters. */
export function formatValue(value: EvidenceValue | undefined, max = 120): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return truncate(text, max);
}

/** Cuts text to `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return chars.slice(0, max).join('');
  return `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Characters a terminal or a text viewer acts on instead of showing: C0 controls except tab and
 * line feed, DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) that can make text read differently from
 * what it holds. Single code units, so a text may be cleaned in chunks cut anywhere.
 */
const unsafeForTerminal = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces every character that could restyle a terminal or reorder what a reader sees (see
 * above) with `?`, keeping line feeds and tabs. The one helper every renderer and the CLI use
 * for text shown to a person.
 */
export function terminalSafe(text: string): string {
  return text.replace(unsafeForTerminal, '?');
}

/**
 * {@link terminalSafe} for one-line text: line feeds and tabs become `?` too, so an id holding a
 * line break or a terminal escape sequence cannot split a one-line row or restyle the terminal.
 */
export function printable(text: string): string {
  return terminalSafe(text).replace(/[\n\t]/g, '?');
}

/**
 * Escapes, as `\uXXXX`, what {@link terminalSafe} would replace but `JSON.stringify` leaves as is
 * (DEL, C1 controls, bidirectional controls). Those characters can only occur inside JSON strings,
 * so the text stays the same JSON value; used on JSON written to a terminal.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(unsafeForTerminal, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Joins rendered chunks into one string (for the renderers that return a whole document). */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}

/** Pads text with spaces on the right to `width` code points (never cuts). */
export function padEnd(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** Pads text with spaces on the left to `width` code points (never cuts). */
export function padStart(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : ' '.repeat(width - length) + text;
}

/** Investigator-only facts an indicator's meta holds but a report does not: threat hypothesis, title, false positives. */
export interface IndicatorNotes {
  /** Short title. */
  readonly title: string;
  /** Investigator-facing hypothesis. */
  readonly threatHypothesis?: string;
  /** Honest explanations a reviewer must rule out. */
  readonly falsePositives: readonly string[];
}

/**
 * Indexes indicator meta by id, so renderers can add the threat hypothesis and the false positives
 * to the investigator view. Reports carry neither, since they may be shown to candidates.
 */
export function indexIndicatorNotes(indicators: readonly AnyIndicator[] = builtinIndicators): ReadonlyMap<string, IndicatorNotes> {
  const map = new Map<string, IndicatorNotes>();
  for (const indicator of indicators) {
    const meta = indicator.meta;
    // A custom indicator written without defineIndicator may have no docs.
    const docs: Partial<IndicatorDocs> = meta.docs ?? {};
    map.set(meta.id, {
      title: meta.title,
      ...(docs.threatHypothesis !== undefined ? { threatHypothesis: docs.threatHypothesis } : {}),
      falsePositives: docs.falsePositives ?? [],
    });
  }
  return map;
}

export { typologyLabel } from '../contract/typologies';

/** Neutral reasons of a report, without duplicates, in rank order: what a candidate may be told. */
export function neutralReasonsOf(reasons: readonly { readonly kind: string; readonly neutralReason: string }[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const reason of reasons) {
    if (reason.kind !== 'risk' || seen.has(reason.neutralReason)) continue;
    seen.add(reason.neutralReason);
    out.push(reason.neutralReason);
  }
  return out;
}

/**
 * A number with `digits` decimals; anything else (a report from an untrusted source may hold a
 * string where a number belongs) as text, for the caller to escape like any other value.
 */
export function fixed(value: unknown, digits: number): string {
  return typeof value === 'number' ? value.toFixed(digits) : String(value);
}
