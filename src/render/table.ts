import type { BatchResult } from '../engine/createScorer';
import { expandReport, type CompactReport, type ReportCatalogue } from '../engine/compact';
import type { Report } from '../engine/report';
import { formatScore, joinChunks, padEnd, padStart, printable, truncate } from './format';
import { countOf } from '../text/plural';

/**
 * Reports in their batch order, that can be read more than once: an array, or (in the CLI) a
 * sequence read back from temporary files, so a population's reports need not all be in memory.
 */
export interface ReportSequence extends Iterable<Report> {
  /** Number of reports. */
  readonly length: number;
}

/** The part of a full batch result the human renderers read. They only iterate the reports, never index them. */
export type FullRenderableResult = Pick<BatchResult, 'asOf' | 'rejected'> & {
  readonly reports: ReportSequence;
  readonly asOfSource?: BatchResult['asOfSource'];
};

/** The part of a compact batch result (`reportDetail: 'compact'`) the human renderers read: the catalogue and compact reports. */
export type CompactRenderableResult = Pick<BatchResult, 'asOf' | 'rejected'> & {
  readonly catalogue: ReportCatalogue;
  readonly reports: Iterable<CompactReport> & { readonly length: number };
  readonly asOfSource?: BatchResult['asOfSource'];
};

/** What the human renderers take: a batch result with full or compact reports. */
export type RenderableResult = FullRenderableResult | CompactRenderableResult;

/**
 * A renderable result with full reports: compact ones are expanded with the catalogue one at a
 * time as they are iterated, so a renderer never holds more expanded reports than it did before.
 */
export function withFullReports(result: RenderableResult): FullRenderableResult {
  if (!('catalogue' in result)) return result;
  const { catalogue, reports } = result;
  const expanded: ReportSequence = {
    length: reports.length,
    *[Symbol.iterator]() {
      for (const report of reports) yield expandReport(report, catalogue);
    },
  };
  return { asOf: result.asOf, rejected: result.rejected, reports: expanded, ...(result.asOfSource !== undefined ? { asOfSource: result.asOfSource } : {}) };
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Line width in columns; clamped to 60..100 (default 100) so it fits a terminal and a ticket. */
  readonly width?: number;
  /** Show at most this many subjects (default: all). */
  readonly limit?: number;
}

/**
 * Renders a ranked plain-text table: one line per subject with its rank, id, score, band and the
 * codes of its top three reasons, then a line on rejected records. Every character that could
 * restyle a terminal or reorder text (controls, bidi overrides) is replaced. Pure: no colours, no I/O.
 *
 * @example
 * ```ts
 * process.stdout.write(renderTable(scorer.scoreBatch(input), { width: process.stdout.columns }));
 * ```
 */
export function renderTable(result: RenderableResult, options: TableOptions = {}): string {
  return joinChunks(tableChunks(result, options));
}

/** {@link renderTable} line by line, so a caller can write a table of any size as a stream. */
export function* tableChunks(given: RenderableResult, options: TableOptions = {}): Generator<string> {
  const result = withFullReports(given);
  const width = Math.max(60, Math.min(100, Math.floor(options.width ?? 100)));
  const shown = options.limit !== undefined ? Math.min(result.reports.length, Math.max(0, options.limit)) : result.reports.length;
  const rankWidth = Math.max(2, String(shown).length);
  // A loop, not Math.max(...ids): a population-sized argument list overflows the stack.
  let longestId = 7;
  let measured = 0;
  for (const report of result.reports) {
    if (measured++ >= shown) break;
    longestId = Math.max(longestId, [...printable(report.subjectId)].length);
  }
  const idWidth = Math.min(24, longestId);
  // The band column fits "elevated*": a star marks a band the corroboration rule held down.
  const bandWidth = 9;
  const fixed = rankWidth + 1 + idWidth + 1 + 5 + 1 + bandWidth + 1;
  const reasonWidth = width - fixed;
  const line = (text: string): string => `${printable(text)}\n`;
  const asOfNote = result.asOfSource === 'latest-event' ? ' (latest event in the input)' : '';
  yield line(truncate(`redflags: ${countOf(result.reports.length, 'subject')} scored as of ${result.asOf}${asOfNote}`, width));
  yield line(
    `${padStart('#', rankWidth)} ${padEnd('subject', idWidth)} ${padStart('score', 5)} ${padEnd('band', bandWidth)} ${truncate('top reasons (by contribution)', reasonWidth)}`,
  );
  yield line('-'.repeat(width));
  let index = 0;
  let heldDown = 0;
  for (const report of result.reports) {
    if (index >= shown) break;
    if (report.bandCapped !== undefined) heldDown++;
    const risk = report.reasons.filter((r) => r.kind === 'risk').slice(0, 3);
    const listed = risk.length === 0 ? '-' : risk.map((r) => r.indicatorId).join(', ');
    const suppressed = report.suppressed?.length ?? 0;
    // Suppressed findings add nothing, but the reviewer should know they exist.
    const reasons = suppressed > 0 ? `${listed} (${suppressed} suppressed)` : listed;
    yield line(
      `${padStart(String(index + 1), rankWidth)} ${padEnd(truncate(printable(report.subjectId), idWidth), idWidth)} ${padStart(formatScore(report.score), 5)} ${padEnd(`${report.band}${report.bandCapped !== undefined ? '*' : ''}`, bandWidth)} ${truncate(reasons, reasonWidth)}`,
    );
    index++;
  }
  if (heldDown > 0) {
    yield line(truncate('* band held down by the corroboration rule: the score alone gives a higher band', width));
  }
  if (shown < result.reports.length) yield line(`… ${countOf(result.reports.length - shown, 'more subject')} not shown`);
  if (result.rejected.length > 0) {
    yield line(
      truncate(
        `${result.rejected.length} record${result.rejected.length === 1 ? ' was' : 's were'} rejected as invalid (run \`redflags validate\` for details)`,
        width,
      ),
    );
  }
  yield line(truncate('Scores are decision support for a human reviewer, never a verdict.', width));
}
