import { compactReport, type ReportCatalogue } from '../engine/compact';
import type { Report } from '../engine/report';
import { htmlChunks, markdownChunks, tableChunks, type HtmlOptions, type ReportView } from '../render/index';
import type { CliRejected } from './readInput';
import type { OutputFormat, ScoreOutput } from './formats';

/** A report that could not be serialised (over V8's string length limit), and why. */
export interface UnwritableReport {
  /** Subject of the report. */
  readonly subjectId: string;
  /** The serialiser's message, e.g. "Invalid string length". */
  readonly message: string;
}

/** Options of {@link outputChunks}. */
export interface RenderOptions {
  readonly view: ReportView;
  readonly detail: 'all' | 'flagged';
  readonly detailLimit?: number;
  readonly title?: string;
  /** Band thresholds for the HTML charts: the scorer's. */
  readonly bands?: HtmlOptions['bands'];
  readonly columns?: number;
  /**
   * With `--compact`: JSON and NDJSON carry this catalogue once and compact reports (each report
   * without the indicator metadata; `expandReport` with the catalogue gives it back).
   */
  readonly catalogue?: ReportCatalogue;
  /** Called for each report that could not be serialised; a stand-in is written in its place. */
  readonly onUnwritable: (report: UnwritableReport) => void;
}

/**
 * Serialises one report. A report too large for one string (V8 caps strings at about 2^29
 * characters) or otherwise unserialisable is replaced by a stand-in naming the subject and the
 * error, so one subject never costs the others their output.
 */
function serialiseReport(
  report: Report,
  indent: number | undefined,
  extra: Readonly<Record<string, unknown>>,
  onUnwritable: RenderOptions['onUnwritable'],
  compact = false,
): string {
  try {
    return JSON.stringify({ ...extra, ...(compact ? compactReport(report) : report) }, null, indent);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const subjectId = String(report.subjectId);
    onUnwritable({ subjectId, message });
    return JSON.stringify(
      {
        ...extra,
        subjectId,
        score: report.score,
        band: report.band,
        outputError: `the report could not be written (${message}); score this subject alone, or use --format ndjson`,
      },
      null,
      indent,
    );
  }
}

/** A JSON array at depth 1 of a document indented by 2, element by element. */
function* arrayChunks<T>(items: Iterable<T> & { readonly length: number }, serialise: (item: T) => string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  let first = true;
  for (const item of items) {
    // JSON.stringify never leaves a raw line break inside a string, so re-indenting by line is exact.
    yield `${first ? '' : ',\n'}    ${serialise(item).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield '\n  ]';
}

/**
 * The JSON document `{ asOf, asOfSource, reports, rejected }` (with a catalogue, `{ asOf,
 * asOfSource, catalogue, reports, rejected }` and compact reports), report by report:
 * byte-identical to `JSON.stringify(output, null, 2)`, without ever holding it as one string.
 */
export function* jsonChunks(output: ScoreOutput, onUnwritable: RenderOptions['onUnwritable'], catalogue?: ReportCatalogue): Generator<string> {
  yield '{\n';
  if (output.asOf !== undefined) yield `  "asOf": ${JSON.stringify(output.asOf)},\n`;
  if (output.asOfSource !== undefined) yield `  "asOfSource": ${JSON.stringify(output.asOfSource)},\n`;
  if (catalogue !== undefined) yield `  "catalogue": ${JSON.stringify(catalogue, null, 2).replace(/\n/g, '\n  ')},\n`;
  yield '  "reports": ';
  yield* arrayChunks(output.reports, (report) => serialiseReport(report, 2, {}, onUnwritable, catalogue !== undefined));
  yield ',\n  "rejected": ';
  yield* arrayChunks(output.rejected, (record: CliRejected) => JSON.stringify(record, null, 2));
  yield '\n}\n';
}

/** NDJSON: a summary line, the catalogue line (with `--compact`), a line per report, a line per rejected record. */
export function* ndjsonChunks(output: ScoreOutput, onUnwritable: RenderOptions['onUnwritable'], catalogue?: ReportCatalogue): Generator<string> {
  yield `${JSON.stringify({ recordType: 'summary', asOf: output.asOf, asOfSource: output.asOfSource, reports: output.reports.length, rejected: output.rejected.length })}\n`;
  if (catalogue !== undefined) yield `${JSON.stringify({ recordType: 'catalogue', ...catalogue })}\n`;
  const lines = catalogue === undefined ? output.reports.lines?.() : undefined;
  if (lines !== undefined) {
    // The report's JSON as the spill holds it, unparsed: `{"recordType":"report",` then its members,
    // which is what serialising `{ recordType, ...report }` gives (a report is never empty).
    for (const line of lines)
      yield typeof line === 'string'
        ? `{"recordType":"report",${line.slice(1)}\n`
        : `${serialiseReport(line, undefined, { recordType: 'report' }, onUnwritable)}\n`;
  } else {
    for (const report of output.reports) yield `${serialiseReport(report, undefined, { recordType: 'report' }, onUnwritable, catalogue !== undefined)}\n`;
  }
  for (const record of output.rejected) yield `${JSON.stringify({ recordType: 'rejected', ...record })}\n`;
}

/** The output of `redflags score` in `format`, as chunks to write one after the other. */
export function outputChunks(output: ScoreOutput, format: OutputFormat, options: RenderOptions): Iterable<string> {
  const human = {
    view: options.view,
    detail: options.detail,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.detailLimit !== undefined ? { detailLimit: options.detailLimit } : {}),
  };
  switch (format) {
    case 'json':
      return jsonChunks(output, options.onUnwritable, options.catalogue);
    case 'ndjson':
      return ndjsonChunks(output, options.onUnwritable, options.catalogue);
    case 'markdown':
      return markdownTrimmed(markdownChunks(output, human));
    case 'html':
      return htmlChunks(output, human);
    case 'table':
      return tableChunks(output, { width: options.columns ?? 100 });
  }
}

/** Markdown chunks with the trailing blank lines cut to one line break, as `renderMarkdown` gives. */
function* markdownTrimmed(chunks: Iterable<string>): Generator<string> {
  let pending = '';
  for (const chunk of chunks) {
    const text = pending + chunk;
    const trimmed = text.trimEnd();
    // Hold back trailing whitespace until the next chunk shows whether it is the end.
    yield trimmed;
    pending = text.slice(trimmed.length);
  }
  yield '\n';
}

/** What `redflags validate --json` prints. */
export interface ValidationOutput {
  readonly valid: boolean;
  readonly counts: Readonly<Record<string, number>>;
  readonly rejected: readonly CliRejected[];
  readonly warnings: readonly CliRejected[];
}

/**
 * The JSON document of `redflags validate --json`, record by record: byte-identical to
 * `JSON.stringify(output, null, 2)` (with `warnings` left out when there are none), without
 * ever holding it as one string, so a million rejected records print in bounded memory.
 */
export function* validationJsonChunks(output: ValidationOutput): Generator<string> {
  yield `{\n  "valid": ${JSON.stringify(output.valid)},\n  "counts": ${JSON.stringify(output.counts, null, 2).replace(/\n/g, '\n  ')},\n  "rejected": `;
  yield* arrayChunks(output.rejected, (record) => JSON.stringify(record, null, 2));
  if (output.warnings.length > 0) {
    yield ',\n  "warnings": ';
    yield* arrayChunks(output.warnings, (record) => JSON.stringify(record, null, 2));
  }
  yield '\n}\n';
}
