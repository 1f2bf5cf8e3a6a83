import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createScorer } from '../../defaults';
import { scoreTimelines, timelineInstants, type TimelineBatch } from '../../decisions/timeline';
import { isConfigError, isIndicatorOptionsError, isInvalidRecordError } from '../../errors/guards';
import { dateTimeSchema } from '../../records/common';
import { formatScore, padEnd, printable } from '../../render/format';
import { renderHtml } from '../../render/html';
import { countOf } from '../../text/plural';
import { helpTexts } from '../help';
import { loadInput, withLines } from '../readInput';
import { CliUsageError, write, type CliIo } from '../io';
import { checkOut, loadConfig, pickInputFormat, reportRejected, toBatchInput } from '../commandSupport';
import { terminalFilter } from '../formats';
import { writeOutput } from '../output';
import { createProgress } from '../progress';

/** Output formats of `redflags timeline`. */
const timelineFormats = ['json', 'ndjson', 'table', 'html'] as const;
type TimelineFormat = (typeof timelineFormats)[number];

function pickTimelineFormat(requested: string | undefined, out: string | undefined, io: CliIo): TimelineFormat {
  if (requested !== undefined) {
    if (!(timelineFormats as readonly string[]).includes(requested))
      throw new CliUsageError(`unknown --format "${requested}". Use one of: ${timelineFormats.join(', ')}.`);
    return requested as TimelineFormat;
  }
  const ext = out !== undefined ? extname(out).toLowerCase() : '';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.txt') return 'table';
  return out === undefined && io.stdoutIsTTY === true ? 'table' : 'json';
}

function instantOption(name: string, value: string | undefined): string {
  if (value === undefined)
    throw new CliUsageError(`timeline needs --${name} <ISO 8601 date-time>. Example: --from 2025-02-01T00:00:00Z --to 2025-06-01T00:00:00Z`);
  if (!dateTimeSchema.safeParse(value).success)
    throw new CliUsageError(`--${name} "${value}" is not an ISO 8601 date-time with an offset. Example: --${name} 2025-06-01T00:00:00Z`);
  return value;
}

/** A text table per subject: the score, band and top reasons at each instant, then the rises. */
function timelineTable(batch: TimelineBatch): string {
  const lines: string[] = [];
  for (const timeline of batch.timelines) {
    lines.push(`subject ${printable(timeline.subjectId)}`);
    lines.push(`  ${padEnd('at', 24)}  ${padEnd('score', 5)}  ${padEnd('band', 8)}  top reasons`);
    for (const p of timeline.points) {
      const reasons = p.topReasons.map((r) => `${r.indicatorId} ${r.contribution >= 0 ? '+' : ''}${r.contribution.toFixed(2)}`).join(', ');
      lines.push(`  ${padEnd(p.at, 24)}  ${padEnd(formatScore(p.score), 5)}  ${padEnd(p.band, 8)}  ${reasons === '' ? '-' : printable(reasons)}`);
    }
    if (timeline.rises.length === 0) lines.push('  the band did not rise');
    for (const rise of timeline.rises)
      lines.push(`  rose ${rise.at}: ${rise.from} -> ${rise.to}, because of ${rise.reasons.length === 0 ? 'the prior' : printable(rise.reasons.join(', '))}`);
    lines.push('');
  }
  lines.push(`${countOf(batch.timelines.length, 'timeline')}, last instant ${batch.asOf ?? '-'}.`);
  return `${lines.join('\n')}\n`;
}

/** `redflags timeline`: each subject's score, band and top reasons at each instant of a range. */
export async function timelineCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      subject: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      every: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      'input-format': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.timeline);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliUsageError(
      `timeline takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags timeline export.json --from 2025-02-01T00:00:00Z --to 2025-06-01T00:00:00Z`,
    );
  const source = positionals[0] as string;
  const from = instantOption('from', values.from);
  const to = instantOption('to', values.to);
  if (Date.parse(to) < Date.parse(from)) throw new CliUsageError(`--to ${to} is before --from ${from}: the range holds no instant. Swap them.`);
  const every = values.every ?? '1d';
  const options = { from, to, every };
  try {
    // The arguments are checked before the input is read: a mistake costs seconds.
    timelineInstants(options);
  } catch (error) {
    if (isInvalidRecordError(error)) throw new CliUsageError(`--${error.issues[0]?.path ?? 'every'}: ${error.issues[0]?.message ?? error.message}.`);
    throw error;
  }
  for (const id of values.subject ?? []) if (id === '') throw new CliUsageError('--subject needs a subject id, e.g. --subject cand-17.');
  const format = pickTimelineFormat(values.format, values.out, io);
  if (values.out !== undefined) await checkOut(values.out, source, io, [values.config]);
  const config = values.config !== undefined ? await loadConfig(values.config, io) : undefined;
  const input = await loadInput(source, io, createProgress(io.stderr, io.stderrIsTTY === true), pickInputFormat(values['input-format']));
  let batch: TimelineBatch;
  let bands: ReturnType<typeof createScorer>['bands'];
  try {
    const scorer = createScorer(config !== undefined ? { config } : {});
    bands = scorer.bands;
    batch = scoreTimelines(scorer, toBatchInput(input, undefined), { ...options, ...(values.subject !== undefined ? { subjectIds: values.subject } : {}) });
  } catch (error) {
    if (isInvalidRecordError(error) && error.issues[0]?.path === 'subjectIds') {
      throw new CliUsageError(`--subject: ${error.issues[0].message}. Check the id; \`redflags validate\` lists the records that were rejected.`);
    }
    if (isConfigError(error) || isIndicatorOptionsError(error) || isInvalidRecordError(error)) throw new CliUsageError(error.message);
    throw error;
  }
  const rejected = withLines(batch.rejected, input);
  const output = { from, to, every, asOf: batch.asOf, timelines: batch.timelines, rejected };
  let text: string;
  if (format === 'html') {
    text = renderHtml(
      { asOf: batch.asOf ?? to, reports: batch.reports, rejected },
      { timelines: batch.timelines, bands, title: values.title ?? `redflags timeline, ${from} to ${to}` },
    );
  } else if (format === 'table') text = timelineTable(batch);
  else if (format === 'ndjson') text = batch.timelines.map((t) => `${JSON.stringify(t)}\n`).join('');
  else text = `${JSON.stringify(output, null, 2)}\n`;
  await writeOutput(io, values.out, [text], terminalFilter(format, io, values.out));
  await reportRejected(io, rejected);
  if (values.out !== undefined) await write(io.stderr, `redflags: wrote ${countOf(batch.timelines.length, 'timeline')} (${format}) to ${values.out}.\n`);
  return rejected.length > 0 ? 2 : 0;
}
