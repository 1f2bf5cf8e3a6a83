import type { IndicatorError, Report } from '../engine/report';

// The line format of a sorted run: a report's head (its order keys, band and errors), a tab, the
// report's JSON. The one owner of how a run line is written and read back.

/**
 * What the command reads of every report besides writing it: the order keys of
 * `compareReports` (`../engine/order`), the band (for `--fail-on`) and the indicator errors
 * (counted, the first one named). A run line carries it in its prefix, so none of these needs
 * the report parsed back.
 */
export interface ReportHead {
  readonly score: number;
  readonly logOdds: number;
  readonly subjectId: string;
  readonly band: Report['band'];
  /** Number of indicator errors in the report. */
  readonly errors: number;
  /** The report's first indicator error, if any. */
  readonly firstError: IndicatorError | undefined;
}

/** A run line read back: the head from the prefix, and the report's JSON as text, never parsed to order it. */
export interface RunEntry extends ReportHead {
  /** The report as one line of JSON, exactly as `JSON.stringify(report)` gave it. */
  readonly json: string;
}

/** The head of a report. */
export function reportHead(report: Report): ReportHead {
  const first = report.errors[0];
  return {
    score: report.score,
    logOdds: report.logOdds,
    subjectId: report.subjectId,
    band: report.band,
    errors: report.errors.length,
    firstError: first === undefined ? undefined : { indicatorId: first.indicatorId, message: first.message },
  };
}

/**
 * A run line, without its line break: the head as a JSON array (`[score, logOdds, subjectId,
 * band, errors]`, then the first error's indicator and message when there are errors), a tab,
 * then `json`, the report's JSON. A merge orders lines by the prefix's order keys exactly as it
 * would order the reports. JSON escapes a tab inside a string as `\t`, so the first tab of a line
 * always ends its prefix.
 */
export function runLine(head: ReportHead, json: string): string {
  const keys: unknown[] = [head.score, head.logOdds, head.subjectId, head.band, head.errors];
  if (head.firstError !== undefined) keys.push(head.firstError.indicatorId, head.firstError.message);
  return `${JSON.stringify(keys)}\t${json}`;
}

/** Reads a line written by {@link runLine}: the prefix is parsed, the report's JSON kept as text. */
export function readRunLine(line: string): RunEntry {
  const tab = line.indexOf('\t');
  const [score, logOdds, subjectId, band, errors, indicatorId, message] = JSON.parse(line.slice(0, tab)) as [
    number,
    number,
    string,
    Report['band'],
    number,
    string?,
    string?,
  ];
  const firstError = indicatorId === undefined ? undefined : { indicatorId, message: message as string };
  return { score, logOdds, subjectId, band, errors, firstError, json: line.slice(tab + 1) };
}
