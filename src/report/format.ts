import type { AnyIndicator, EvidenceValue } from '../indicator/types';
import { builtinIndicators } from '../indicators/index';

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
 * Replaces control characters (C0, DEL, C1) with `?`: an id holding a line break or a terminal
 * escape sequence must not split a one-line row or restyle the reader's terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
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
    map.set(meta.id, {
      title: meta.title,
      ...(meta.threatHypothesis !== undefined ? { threatHypothesis: meta.threatHypothesis } : {}),
      falsePositives: meta.falsePositives ?? [],
    });
  }
  return map;
}

/** Human label of a typology id. */
export function typologyLabel(typology: string): string {
  if (typology === 'remote-hire-identity-fraud') return 'Remote-hire identity fraud';
  if (typology === 'insider-technology-collection') return 'Insider technology collection';
  return typology;
}

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
