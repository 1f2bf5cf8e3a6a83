import type { BatchResult } from '../engine/createScorer';
import { formatScore, padEnd, padStart, printable, truncate } from './format';

/** The part of a batch result the human renderers read. */
export type RenderableResult = Pick<BatchResult, 'asOf' | 'reports' | 'rejected'> & { readonly asOfSource?: BatchResult['asOfSource'] };

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Line width in columns; clamped to 60..100 (default 100) so it fits a terminal and a ticket. */
  readonly width?: number;
  /** Show at most this many subjects (default: all). */
  readonly limit?: number;
}

/**
 * Renders a ranked plain-text table: one line per subject with its rank, id, score, band and the
 * codes of its top three reasons, then a line on rejected records. Pure: no colours, no I/O.
 *
 * @example
 * ```ts
 * process.stdout.write(renderTable(scorer.scoreBatch(input), { width: process.stdout.columns }));
 * ```
 */
export function renderTable(result: RenderableResult, options: TableOptions = {}): string {
  const width = Math.max(60, Math.min(100, Math.floor(options.width ?? 100)));
  const reports = options.limit !== undefined ? result.reports.slice(0, Math.max(0, options.limit)) : result.reports;
  const rankWidth = Math.max(2, String(reports.length).length);
  const ids = reports.map((r) => printable(r.subjectId));
  const idWidth = Math.min(24, Math.max(7, ...ids.map((id) => [...id].length)));
  const fixed = rankWidth + 1 + idWidth + 1 + 5 + 1 + 8 + 1;
  const reasonWidth = width - fixed;
  const lines: string[] = [];
  const asOfNote = result.asOfSource === 'latest-event' ? ' (latest event in the input)' : '';
  lines.push(truncate(`redflags: ${result.reports.length} subject${result.reports.length === 1 ? '' : 's'} scored as of ${result.asOf}${asOfNote}`, width));
  lines.push(
    `${padStart('#', rankWidth)} ${padEnd('subject', idWidth)} ${padStart('score', 5)} ${padEnd('band', 8)} ${truncate('top reasons (by contribution)', reasonWidth)}`,
  );
  lines.push('-'.repeat(width));
  reports.forEach((report, index) => {
    const risk = report.reasons.filter((r) => r.kind === 'risk').slice(0, 3);
    const reasons = risk.length === 0 ? '-' : risk.map((r) => r.indicatorId).join(', ');
    lines.push(
      `${padStart(String(index + 1), rankWidth)} ${padEnd(truncate(ids[index] as string, idWidth), idWidth)} ${padStart(formatScore(report.score), 5)} ${padEnd(report.band, 8)} ${truncate(reasons, reasonWidth)}`,
    );
  });
  if (reports.length < result.reports.length) lines.push(`… ${result.reports.length - reports.length} more subjects not shown`);
  if (result.rejected.length > 0) {
    lines.push(
      truncate(`${result.rejected.length} record${result.rejected.length === 1 ? ' was' : 's were'} rejected as invalid (run \`redflags validate\` for details)`, width),
    );
  }
  lines.push(truncate('Scores are decision support for a human reviewer, never a verdict.', width));
  return `${lines.join('\n')}\n`;
}
