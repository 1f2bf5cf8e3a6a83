import { extname } from 'node:path';
import type { BatchResult } from '../engine/createScorer';
import type { Report } from '../engine/report';
import { terminalSafe, terminalSafeJson } from '../render/format';
import type { ReportSequence } from '../render/table';
import type { CliRejected } from './readInput';
import { CliUsageError, type CliIo } from './io';
import { reportHead, type ReportHead } from './runLine';

// The output formats of `redflags score`, how one is picked, and what the score command's JSON holds.

/** Output formats of `redflags score`. */
export const outputFormats = ['table', 'json', 'ndjson', 'markdown', 'html'] as const;
/** An output format of `redflags score`. */
export type OutputFormat = (typeof outputFormats)[number];

/**
 * Reports that can be read without parsing them back: the spill's of `--stream` and the
 * partitioned mode.
 */
export interface ReportLines {
  /** Each report's `JSON.stringify` text in batch order; a report that JSON could not serialise, as it is. */
  lines(): Iterable<string | Report>;
  /** Each report's head (order keys, band, indicator errors) in batch order. */
  heads(): Iterable<ReportHead>;
}

/** The reports' heads in batch order: from the spill's run lines when it has them, else from the reports. */
export function* reportHeads(reports: ScoreOutput['reports']): Generator<ReportHead> {
  if (reports.heads !== undefined) yield* reports.heads();
  else for (const report of reports) yield reportHead(report);
}

/** The JSON output of `redflags score`: the contract downstream tools rely on. */
export interface ScoreOutput {
  /** The point in time used. */
  readonly asOf: string;
  /** Where it came from: `input` (--as-of or the document) or `latest-event`. */
  readonly asOfSource: BatchResult['asOfSource'];
  /**
   * Reports, highest score first: an array, or with `--stream` and the partitioned mode a
   * sequence read back from temporary files, which can also give each report's JSON unparsed.
   */
  readonly reports: ReportSequence & Partial<ReportLines>;
  /** Records that failed validation, with NDJSON line numbers when read from NDJSON. */
  readonly rejected: readonly CliRejected[];
  /** Records accepted with warnings (with --lenient, the unknown keys dropped from them). */
  readonly warnings?: readonly CliRejected[];
}

export function pickFormat(requested: string | undefined, out: string | undefined, io: CliIo): OutputFormat {
  if (requested !== undefined) {
    if (!(outputFormats as readonly string[]).includes(requested)) {
      throw new CliUsageError(`unknown --format "${requested}". Use one of: ${outputFormats.join(', ')}.`);
    }
    return requested as OutputFormat;
  }
  if (out !== undefined) {
    const ext = extname(out).toLowerCase();
    if (ext === '.html' || ext === '.htm') return 'html';
    if (ext === '.md' || ext === '.markdown') return 'markdown';
    if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
    if (ext === '.txt') return 'table';
    return 'json';
  }
  return io.stdoutIsTTY === true ? 'table' : 'json';
}

/**
 * What is printed to a terminal is made safe there: JSON keeps its value with the remaining
 * control and bidi characters escaped as \uXXXX; every other format has them replaced (the
 * table and Markdown renderers do it always; this also covers HTML shown raw).
 */
export function terminalFilter(format: OutputFormat, io: CliIo, out: string | undefined): (text: string) => string {
  if (out !== undefined || io.stdoutIsTTY !== true) return (text) => text;
  return format === 'json' || format === 'ndjson' ? terminalSafeJson : terminalSafe;
}
