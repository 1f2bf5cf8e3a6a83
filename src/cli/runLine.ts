import type { Report } from '../engine/report';

// The line format of a sorted run: the order keys, a tab, the report's JSON. The one owner of
// how a run line is written and read back.

/**
 * A run line read back: the order keys of {@link compareReports} (`../engine/order`) from the
 * prefix, and the report's JSON text, which is never parsed to order it.
 */
export interface RunEntry {
  readonly score: number;
  readonly logOdds: number;
  readonly subjectId: string;
  /** The report as one line of JSON, exactly as `JSON.stringify(report)` gave it. */
  readonly json: string;
}

/**
 * A run line for `report`, without its line break: `[score, logOdds, subjectId]` as JSON, a tab,
 * then `json`, the report's JSON. The prefix holds exactly the keys `compareReports` orders by,
 * so a merge orders lines by their prefixes as it would order the reports themselves. JSON
 * escapes a tab inside a string as `\t`, so the first tab of a line always ends its prefix.
 */
export function runLine(report: Pick<Report, 'score' | 'logOdds' | 'subjectId'>, json: string): string {
  return `${JSON.stringify([report.score, report.logOdds, report.subjectId])}\t${json}`;
}

/** Reads a line written by {@link runLine}: the prefix is parsed, the report's JSON kept as text. */
export function readRunLine(line: string): RunEntry {
  const tab = line.indexOf('\t');
  const [score, logOdds, subjectId] = JSON.parse(line.slice(0, tab)) as [number, number, string];
  return { score, logOdds, subjectId, json: line.slice(tab + 1) };
}
