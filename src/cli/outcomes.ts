import { createInterface } from 'node:readline';
import type { RejectedOutcome } from '../decisions/outcomes';
import { findRepeatedKeys, formatPath, repeatedKeyMessage, type RepeatedKey } from '../text/repeatedKeys';
import { openSource } from './readInput';
import { CliUsageError, type CliIo } from './io';

/** An outcome that was not used, with its NDJSON line when it came from one. */
export type PlacedRejectedOutcome = RejectedOutcome & { readonly line?: number };

/** Outcome records read from a file, unvalidated, and the lines that were not outcome records. */
export interface LoadedOutcomes {
  /** Outcome records, without their `recordType`. */
  readonly outcomes: unknown[];
  /** The NDJSON line of each outcome, by index (empty for a JSON document). */
  readonly lines: number[];
  /** The position of each outcome in a JSON document's list, by index, when some were refused (absent otherwise). */
  readonly indexes?: number[];
  /** Lines (or outcomes of a JSON document) that could not be read as outcome records. */
  readonly unreadable: PlacedRejectedOutcome[];
}

/**
 * Every outcome not used, in the file's terms: the unreadable ones first, then those the
 * backtest or calibration rejected, each with its NDJSON line or its position in the document.
 */
export function placeRejectedOutcomes(loaded: LoadedOutcomes, rejected: readonly RejectedOutcome[]): PlacedRejectedOutcome[] {
  return [
    ...loaded.unreadable,
    ...rejected.map((r) => {
      const line = loaded.lines[r.index];
      const index = loaded.indexes?.[r.index] ?? r.index;
      return { ...r, index, ...(line !== undefined ? { line } : {}) };
    }),
  ];
}

function repeatProblem(repeat: RepeatedKey, index: number, path: readonly (string | number)[], line?: number): PlacedRejectedOutcome {
  return {
    kind: 'outcome',
    index,
    ...(line !== undefined ? { line } : {}),
    issues: [{ path: formatPath(path, repeat.truncated), message: repeatedKeyMessage(repeat) }],
  };
}

/**
 * Leaves out the outcomes of a JSON document that repeat a key at any depth (JSON.parse kept only
 * the last value: a decision time or an outcome given twice would be used unseen), each refused
 * with its position and path. A repeated key at the top level of the document is refused whole.
 */
function withoutRepeatedKeys(text: string, list: unknown[], wrapped: boolean, name: string): LoadedOutcomes {
  const depth = wrapped ? 2 : 1;
  const refused = new Map<number, PlacedRejectedOutcome>();
  for (const repeat of findRepeatedKeys(text, depth)) {
    if (repeat.segments.length < depth) {
      throw new CliUsageError(
        `${name}: ${JSON.stringify(repeat.key)} appears more than once at the top level of the document. JSON keeps only the last value of a repeated key, so the outcomes under the others would be lost; merge them into one.`,
      );
    }
    // Under another top-level key than `outcomes`: not read.
    if (wrapped && repeat.segments[0] !== 'outcomes') continue;
    const index = repeat.segments[depth - 1];
    if (typeof index === 'number') refused.set(index, repeatProblem(repeat, index, repeat.segments.slice(depth)));
  }
  if (refused.size === 0) return { outcomes: list, lines: [], unreadable: [] };
  const outcomes: unknown[] = [];
  const indexes: number[] = [];
  list.forEach((outcome, index) => {
    if (refused.has(index)) return;
    outcomes.push(outcome);
    indexes.push(index);
  });
  return { outcomes, lines: [], indexes, unreadable: [...refused.values()].sort((a, b) => a.index - b.index) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads outcome records: NDJSON with `"recordType": "outcome"` on every line, a JSON array of
 * outcomes, or a JSON document `{ "outcomes": [...] }`. Detected from the first line.
 */
export async function loadOutcomes(source: string, io: CliIo): Promise<LoadedOutcomes> {
  const { stream, name } = await openSource(source, io);
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (error) => reject(new CliUsageError(`cannot read ${name}: ${error.message}`)));
  });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  const outcomes: unknown[] = [];
  const lines: number[] = [];
  const unreadable: PlacedRejectedOutcome[] = [];
  const text: string[] = [];
  let mode: 'json' | 'ndjson' | undefined;
  let lineNo = 0;
  const read = async (): Promise<void> => {
    for await (const raw of reader) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (mode === 'json') {
        text.push(line);
        continue;
      }
      if (line.trim() === '') continue;
      let value: unknown;
      let parsed = true;
      try {
        value = JSON.parse(line);
      } catch {
        parsed = false;
      }
      if (mode === undefined) {
        if (parsed && isObject(value) && typeof value.recordType === 'string') mode = 'ndjson';
        else {
          mode = 'json';
          text.push(line);
          continue;
        }
      }
      const bad = (path: string, message: string): void => {
        unreadable.push({ kind: 'outcome', index: lineNo - 1, line: lineNo, issues: [{ path, message }] });
      };
      const repeated = parsed && isObject(value) ? findRepeatedKeys(line) : [];
      if (!parsed || !isObject(value)) bad('', parsed ? 'each NDJSON line must be a JSON object' : 'not valid JSON');
      else if (repeated[0] !== undefined) unreadable.push(repeatProblem(repeated[0], lineNo - 1, repeated[0].segments, lineNo));
      else if (value.recordType !== 'outcome')
        bad(
          'recordType',
          `${value.recordType === undefined ? 'is required' : `"${String(value.recordType)}" is not outcome`}; every line of the outcomes file must be {"recordType":"outcome",...}`,
        );
      else {
        const { recordType: _recordType, ...record } = value;
        outcomes.push(record);
        lines.push(lineNo);
      }
    }
  };
  await Promise.race([read(), failed]);
  if (mode === 'ndjson') return { outcomes, lines, unreadable };
  const joined = text.join('\n');
  if (joined.trim() === '')
    throw new CliUsageError(`${name} is empty. Pass outcome records as NDJSON ({"recordType":"outcome",...} per line) or a JSON array.`);
  let doc: unknown;
  try {
    doc = JSON.parse(joined);
  } catch (error) {
    throw new CliUsageError(
      `${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}). For NDJSON, give every line "recordType": "outcome".`,
    );
  }
  const list: unknown[] | undefined = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.outcomes) ? doc.outcomes : undefined;
  if (list === undefined) throw new CliUsageError(`${name}: expected a JSON array of outcomes or { "outcomes": [...] }.`);
  return withoutRepeatedKeys(joined, list, !Array.isArray(doc), name);
}
