import { createInterface } from 'node:readline';
import type { RejectedOutcome } from '../decisions/outcomes';
import { openSource } from './readInput';
import { CliUsageError, type CliIo } from './io';

/** Outcome records read from a file, unvalidated, and the lines that were not outcome records. */
export interface LoadedOutcomes {
  /** Outcome records, without their `recordType`. */
  readonly outcomes: unknown[];
  /** The NDJSON line of each outcome, by index (empty for a JSON document). */
  readonly lines: number[];
  /** Lines that could not be read as outcome records. */
  readonly unreadable: (RejectedOutcome & { readonly line: number })[];
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
  const unreadable: (RejectedOutcome & { line: number })[] = [];
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
      if (!parsed || !isObject(value)) bad('', parsed ? 'each NDJSON line must be a JSON object' : 'not valid JSON');
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
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.outcomes) ? doc.outcomes : undefined;
  if (list === undefined) throw new CliUsageError(`${name}: expected a JSON array of outcomes or { "outcomes": [...] }.`);
  return { outcomes: list, lines: [], unreadable: [] };
}
