import { parseArgs } from 'node:util';
import type { BatchResult } from '../../engine/createScorer';
import { createScorer } from '../../defaults';
import { isInvalidRecordError } from '../../errors/guards';
import { dateTimeSchema } from '../../records/common';
import { terminalSafe, terminalSafeJson } from '../../render/format';
import { countOf } from '../../text/plural';
import { helpTexts } from '../help';
import { loadInput, withLines, type CliRejected } from '../readInput';
import { CliUsageError, write, type CliIo } from '../io';
import { writeOutput } from '../output';
import { validationJsonChunks } from '../render';
import { createProgress } from '../progress';
import { EXIT_OK, EXIT_USAGE, describeRejected, pickInputFormat, toBatchInput } from '../commandSupport';

// `redflags validate`: check records against the model without scoring them.

/** The text `redflags validate` prints, one rejected record or warning at a time. */
function* validationTextChunks(
  rejected: readonly CliRejected[],
  warnings: readonly CliRejected[],
  counts: { subjects: number; events: number; watchlists: number },
): Generator<string> {
  for (const record of rejected) yield `${describeRejected(record)}\n`;
  for (const warning of warnings) yield `warning: ${describeRejected(warning)}\n`;
  let problems = 0;
  for (const record of rejected) problems += record.issues.length;
  yield rejected.length === 0
    ? `ok: ${countOf(counts.subjects, 'subject')}, ${countOf(counts.events, 'event')} and ${countOf(counts.watchlists, 'watchlist')} ${counts.subjects + counts.events + counts.watchlists === 1 ? 'is' : 'are'} valid.\n`
    : `${countOf(rejected.length, 'invalid record')} (${countOf(problems, 'problem')}) among ${countOf(counts.subjects, 'subject')}, ${countOf(counts.events, 'event')} and ${countOf(counts.watchlists, 'watchlist')}. Fix the fields above; \`redflags schema\` prints the record model.\n`;
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'input-format': { type: 'string' }, lenient: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.validate);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliUsageError(`validate takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags validate export.json`);
  }
  const input = await loadInput(positionals[0] as string, io, createProgress(io.stderr, io.stderrIsTTY === true), pickInputFormat(values['input-format']));
  const extra: CliRejected[] = [];
  let asOf = '1970-01-01T00:00:00Z';
  if (input.asOf !== undefined) {
    const parsed = dateTimeSchema.safeParse(input.asOf);
    if (parsed.success) asOf = parsed.data;
    else
      extra.push({
        kind: 'document',
        index: 0,
        issues: [{ path: 'asOf', message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T00:00:00Z' }],
      });
  }
  // Scoring with no indicators runs exactly the engine's validation (schemas, duplicate ids, orphan events) and nothing else.
  const validator = createScorer({ indicators: [] });
  const batchOptions = { lenient: values.lenient === true };
  let result: BatchResult;
  try {
    // Without asOf, score takes the latest valid event and refuses input without one: validate gives the same verdict.
    result = validator.scoreBatch({ ...toBatchInput(input, undefined), ...(input.asOf !== undefined ? { asOf } : {}) }, batchOptions);
  } catch (error) {
    if (!isInvalidRecordError(error) || input.asOf !== undefined) throw error;
    extra.push({ kind: 'document', index: 0, issues: error.issues.map((i) => ({ ...i, message: `${i.message} (or pass --as-of to score)` })) });
    result = validator.scoreBatch({ ...toBatchInput(input, undefined), asOf }, batchOptions);
  }
  const rejected = [...extra, ...withLines(result.rejected, input)];
  const warnings = withLines(result.warnings, { ...input, unreadable: [] });
  // Records of a document refused while reading (a repeated key) still count as read.
  const refused = (kind: string): number => input.unreadable.filter((r) => r.kind === kind).length;
  const counts = {
    subjects: input.subjects.length + refused('subject'),
    events: input.events.length + refused('event'),
    watchlists: input.watchlists.length + refused('watchlist'),
  };
  // Streamed record by record: the list of rejected records can be as long as the input.
  const chunks =
    values.json === true
      ? validationJsonChunks({ valid: rejected.length === 0, counts, rejected, warnings })
      : validationTextChunks(rejected, warnings, counts);
  await writeOutput(io, undefined, chunks, io.stdoutIsTTY !== true ? (text) => text : values.json === true ? terminalSafeJson : terminalSafe);
  return rejected.length === 0 ? EXIT_OK : EXIT_USAGE;
}
