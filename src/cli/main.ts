import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { bandOrder, scorerConfigSchema, type Band, type ScorerConfig } from '../engine/config';
import type { BatchInput, BatchResult, Scorer } from '../engine/createScorer';
import { createScorer } from '../defaults';
import { createIndicatorTimer, formatTimingTable } from '../engine/timing';
import type { Issue } from '../errors/ScoringError';
import { isConfigError, isIndicatorOptionsError, isInvalidRecordError } from '../errors/guards';
import { builtinIndicators } from '../defaults';
import { dateTimeSchema } from '../records/common';
import { jsonSchema } from '../records/jsonSchema';
import { editDistance } from '../errors/didYouMean';
import { toIssues } from '../records/validate';
import { printable, terminalSafe, terminalSafeJson } from '../report/format';
import type { ReportView } from '../report/index';
import type { ReportSequence } from '../report/table';
import { redactResult, type RedactionOptions } from '../privacy/redact';
import { builtinTypologyNames, typologyShortName } from '../indicator/typologies';
import { VERSION } from '../version';
import { docsLink } from '../docsLink';
import { countOf } from '../text/plural';
import { configProblems } from './config';
import { auditCommand } from './commands/audit';
import { backtestCommand } from './commands/backtest';
import { redactionOption } from './commands/redaction';
import { calibrateCommand } from './commands/calibrate';
import { importCommand } from './commands/import';
import { timelineCommand } from './commands/timeline';
import { helpTexts } from './help';
import { loadInput, withLines, type CliRejected, type InputFormat, type LoadedInput } from './input';
import { CliUsageError, say, write, type CliIo } from './io';
import { writeOutput } from './output';
import { outputChunks, validationJsonChunks, type UnwritableReport } from './render';
import { createProgress, type Progress } from './progress';
import { defaultRunSize, ReportSpill } from './spill';
import { scoreStream } from './stream';
import { preparedOncePerRun, watchlistOnlyIndicators } from './streamIndicators';
import { scoreSharded } from './workers';

/** Output formats of `redflags score`. */
export const outputFormats = ['table', 'json', 'ndjson', 'markdown', 'html'] as const;
/** An output format of `redflags score`. */
export type OutputFormat = (typeof outputFormats)[number];

/** The JSON output of `redflags score`: the contract downstream tools rely on. */
export interface ScoreOutput {
  /** The point in time used. */
  readonly asOf: string;
  /** Where it came from: `input` (--as-of or the document) or `latest-event`. */
  readonly asOfSource: BatchResult['asOfSource'];
  /** Reports, highest score first: an array, or with `--stream` a sequence read back from temporary files. */
  readonly reports: ReportSequence;
  /** Records that failed validation, with NDJSON line numbers when read from NDJSON. */
  readonly rejected: readonly CliRejected[];
  /** Records accepted with warnings (with --lenient, the unknown keys dropped from them). */
  readonly warnings?: readonly CliRejected[];
}

const EXIT_OK = 0;
const EXIT_FAIL_ON = 1;
const EXIT_USAGE = 2;

function describeRejected(record: CliRejected): string {
  // A document-level problem (the reference section, a top-level key) has no position in a list.
  const where = record.line !== undefined ? `line ${record.line}` : record.kind === 'document' ? undefined : `${record.kind}s[${record.index}]`;
  const name = record.recordId !== undefined ? `${record.kind} "${printable(record.recordId)}"` : record.kind === 'document' ? (where === undefined ? 'input document' : 'input') : `${record.kind} without id`;
  const lines = [where === undefined ? `${name}:` : `${name} (${where}):`];
  for (const issue of record.issues) lines.push(`  - ${issue.path === '' ? '(record)' : printable(issue.path)}: ${printable(issue.message)}`);
  return lines.join('\n');
}

function formatIssueList(prefix: string, issues: readonly Issue[]): string {
  return issues.map((i) => `  - ${prefix === '' && i.path === '' ? '(config)' : `${prefix}${i.path}`}: ${i.message}`).join('\n');
}

export async function loadConfig(path: string, io: CliIo): Promise<ScorerConfig> {
  let text: string;
  try {
    text = await readFile(resolvePath(io.cwd, path), 'utf8');
  } catch {
    throw new CliUsageError(`cannot read the config file ${path}. Check the path; the config is a JSON file such as {"indicators": {"activity/excessive-hours": {"weight": 1}}}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`the config file ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const problems = configProblems(value);
  const result = scorerConfigSchema.safeParse(value);
  // The precise problems come first; the engine's own issues are kept unless one of them already covers that path.
  // Unknown keys are among the precise problems already, with the list of known keys.
  const engineIssues = result.success ? [] : result.error.issues.filter((i) => i.code !== 'unrecognized_keys');
  const vague = toIssues(engineIssues).filter((i) => !problems.some((p) => p.path === i.path || p.path.startsWith(`${i.path}.`)));
  if (problems.length > 0 || vague.length > 0) {
    throw new CliUsageError(`invalid config in ${path}:\n${formatIssueList('', [...problems, ...vague])}\nFix these fields; the config format: ${docsLink('docs/configuration.md')}`);
  }
  return value as ScorerConfig;
}

function pickFormat(requested: string | undefined, out: string | undefined, io: CliIo): OutputFormat {
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

export function pickInputFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  if (value !== 'json' && value !== 'ndjson') throw new CliUsageError(`unknown --input-format "${value}". Use json or ndjson, or leave it out to detect it.`);
  return value;
}

export function toBatchInput(input: LoadedInput, asOf: string | undefined): BatchInput {
  return {
    ...(asOf !== undefined ? { asOf } : {}),
    subjects: input.subjects,
    events: input.events,
    watchlists: input.watchlists,
    ...(input.suppressions.length > 0 ? { suppressions: input.suppressions } : {}),
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
    ...(input.inputs !== undefined ? { inputs: input.inputs } : {}),
  };
}

/** Lists rejected records on standard error (the first 50), each with its position and field paths. */
export async function reportRejected(io: CliIo, rejected: readonly CliRejected[]): Promise<void> {
  if (rejected.length === 0) return;
  const shown = rejected.slice(0, 50);
  const lines = [`redflags: ${rejected.length} invalid record${rejected.length === 1 ? ' was' : 's were'} not scored; every valid record was.`];
  for (const record of shown) lines.push(describeRejected(record));
  if (rejected.length > shown.length) lines.push(`… and ${rejected.length - shown.length} more. Run \`redflags validate <file> --json\` for the full list.`);
  lines.push('Fix the fields above and score again (see `redflags schema` for the record model).');
  await say(io.stderr, `${lines.join('\n')}\n`);
}

async function reportWarnings(io: CliIo, warnings: readonly CliRejected[] | undefined): Promise<void> {
  if (warnings === undefined || warnings.length === 0) return;
  const lines = [`redflags: ${warnings.length} record${warnings.length === 1 ? ' was' : 's were'} accepted with unknown keys dropped (--lenient):`, ...warnings.map(describeRejected)];
  await say(io.stderr, `${lines.join('\n')}\n`);
}

/** An indicator that failed on a subject lowers nothing silently: say how many, and where to look. */
async function reportIndicatorErrors(io: CliIo, reports: ScoreOutput['reports']): Promise<void> {
  let count = 0;
  let first: { subjectId: string; indicatorId: string; message: string } | undefined;
  for (const report of reports) {
    count += report.errors.length;
    const error = report.errors[0];
    if (first === undefined && error !== undefined) first = { subjectId: report.subjectId, indicatorId: error.indicatorId, message: error.message };
  }
  if (first === undefined) return;
  await say(
    io.stderr,
    `redflags: ${countOf(count, 'indicator error')}; see the report's errors (first: ${printable(first.indicatorId)} on subject "${printable(first.subjectId)}": ${printable(first.message)}). Their indicators add nothing to those scores.\n`,
  );
}

/** Writes one finished text to standard output or to `--out` (a temporary file renamed when complete), as `score` writes its reports. */
export async function emit(io: CliIo, out: string | undefined, text: string): Promise<void> {
  await writeOutput(io, out, [text]);
}

/**
 * Checks `--out` before any scoring, so a mistake costs seconds, not the whole run: its directory
 * must exist, and it must be neither a directory nor the input file itself (writing over the
 * input would destroy the data being scored).
 */
export async function checkOut(out: string, source: string, io: CliIo): Promise<void> {
  const target = resolvePath(io.cwd, out);
  const dir = dirname(target);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (dirInfo === undefined || !dirInfo.isDirectory()) {
    throw new CliUsageError(`cannot write ${out}: the directory ${dir} does not exist. Create it first (mkdir -p), or pick another --out.`);
  }
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory() === true) throw new CliUsageError(`--out ${out} is a directory. Give a file name, e.g. --out ${join(out, 'report.json')}.`);
  if (source === '-' || info === undefined) return;
  const input = await stat(resolvePath(io.cwd, source)).catch(() => undefined);
  if (resolvePath(io.cwd, source) === target || (input !== undefined && input.ino === info.ino && input.dev === info.dev)) {
    throw new CliUsageError(`--out ${out} is the input file: writing the report there would destroy the records. Pick another --out.`);
  }
}

async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      workers: { type: 'string' },
      'shard-timeout': { type: 'string' },
      view: { type: 'string' },
      title: { type: 'string' },
      detail: { type: 'string' },
      'detail-limit': { type: 'string' },
      'input-format': { type: 'string' },
      stream: { type: 'boolean' },
      'temp-dir': { type: 'string' },
      'run-size': { type: 'string' },
      lenient: { type: 'boolean' },
      timing: { type: 'boolean' },
      redact: { type: 'boolean' },
      'pseudonym-key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.score);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliUsageError(`score takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags score export.json`);
  }
  const source = positionals[0] as string;
  let asOf: string | undefined;
  if (values['as-of'] !== undefined) {
    if (!dateTimeSchema.safeParse(values['as-of']).success) {
      throw new CliUsageError(`--as-of "${values['as-of']}" is not an ISO 8601 date-time with an offset. Example: --as-of 2025-06-01T00:00:00Z`);
    }
    asOf = values['as-of'];
  }
  let failOn: Band | undefined;
  if (values['fail-on'] !== undefined) {
    if (!(bandOrder as readonly string[]).includes(values['fail-on']) || values['fail-on'] === 'low') {
      throw new CliUsageError(`unknown --fail-on band "${values['fail-on']}". Use elevated, high or critical.`);
    }
    failOn = values['fail-on'] as Band;
  }
  let workers = 1;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new CliUsageError(`--workers "${values.workers}" must be a whole number from 1 to 64.`);
    }
  }
  let shardTimeoutMs: number | undefined;
  if (values['shard-timeout'] !== undefined) {
    const seconds = Number(values['shard-timeout']);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
      throw new CliUsageError(`--shard-timeout "${values['shard-timeout']}" must be a number of seconds above 0, at most 86400.`);
    }
    if (workers < 2) throw new CliUsageError('--shard-timeout needs --workers 2 or more: only a worker thread can be stopped. Example: --workers 2 --shard-timeout 600');
    shardTimeoutMs = seconds * 1000;
  }
  const view = values.view ?? 'investigator';
  if (view !== 'investigator' && view !== 'candidate') throw new CliUsageError(`unknown --view "${view}". Use investigator or candidate.`);
  const detail = values.detail ?? 'all';
  if (detail !== 'all' && detail !== 'flagged') throw new CliUsageError(`unknown --detail "${detail}". Use all or flagged.`);
  let detailLimit: number | undefined;
  if (values['detail-limit'] !== undefined) {
    detailLimit = Number(values['detail-limit']);
    if (!Number.isSafeInteger(detailLimit) || detailLimit < 0) {
      throw new CliUsageError(`--detail-limit "${values['detail-limit']}" must be a whole number of subjects, 0 or more (default 1000).`);
    }
  }
  let runSize: number | undefined;
  if (values['run-size'] !== undefined) {
    runSize = Number(values['run-size']);
    if (!Number.isSafeInteger(runSize) || runSize < 1) {
      throw new CliUsageError(`--run-size "${values['run-size']}" must be a whole number of reports, 1 or more (default ${defaultRunSize}).`);
    }
  }
  if (values.stream !== true && (values['temp-dir'] !== undefined || runSize !== undefined)) {
    throw new CliUsageError('--temp-dir and --run-size apply to --stream only (where reports are sorted through temporary files): add --stream or drop them.');
  }
  const format = pickFormat(values.format, values.out, io);
  if (view === 'candidate' && format !== 'markdown' && format !== 'html') {
    // The other formats carry scores, bands and evidence: writing them under a "candidate" label would leak what the view withholds.
    throw new CliUsageError(`--view candidate needs --format markdown or html (got ${format}, which shows scores and evidence). Example: --view candidate --format html --out summary.html`);
  }
  if (values.out !== undefined) await checkOut(values.out, source, io);
  const inputFormat = pickInputFormat(values['input-format']);
  const config = values.config !== undefined ? await loadConfig(values.config, io) : undefined;

  if (values.timing === true && workers > 1) throw new CliUsageError('--timing measures the indicators in this thread; drop --workers (or use --workers 1) to time them.');
  const timing = values.timing === true ? createIndicatorTimer(io.clock ?? (() => performance.now())) : undefined;
  let scorer: ReturnType<typeof createScorer>;
  try {
    scorer = createScorer({ ...(config !== undefined ? { config } : {}), ...(timing !== undefined ? { timing } : {}) });
  } catch (error) {
    if (isConfigError(error) || isIndicatorOptionsError(error)) {
      const issues = (error as { issues?: readonly Issue[] }).issues ?? [];
      // Option issues are relative to the indicator's options; name them from the top of the config file.
      const prefix = isIndicatorOptionsError(error) ? `indicators.${error.indicatorId}.options.` : '';
      throw new CliUsageError(`invalid config in ${values.config ?? 'the config'}:\n${issues.length > 0 ? formatIssueList(prefix, issues) : error.message}\nFix these fields; \`redflags indicators\` lists the indicator ids.`);
    }
    throw error;
  }

  const redaction = await redactionOption(values.redact === true, values['pseudonym-key-file'], io);
  if (redaction !== undefined && values.stream === true) throw new CliUsageError('--redact and --pseudonym-key-file need the whole input to learn its personal values; drop --stream.');
  const progress = createProgress(io.stderr, io.stderrIsTTY === true);
  let output: ScoreOutput;
  if (values.stream === true) {
    if (asOf === undefined) throw new CliUsageError('--stream needs --as-of: the default, the latest event, is known only at the end of the input. Example: --as-of 2025-06-01T00:00:00Z');
    if (workers > 1) throw new CliUsageError('--stream and --workers cannot be combined: --stream scores one subject at a time in one thread.');
    if (inputFormat === 'json') throw new CliUsageError('--stream reads NDJSON only; drop --stream for a JSON document.');
    if (values.lenient === true) throw new CliUsageError('--lenient is not available with --stream: drop one of them.');
    // Screening against watchlists is per subject (the lists come first in the stream), so it stays.
    const population = scorer.indicators.filter((i) => i.enabled && i.readsPopulation && !watchlistOnlyIndicators.has(i.id)).map((i) => i.id);
    if (population.length > 0) {
      throw new CliUsageError(
        `--stream scores one subject at a time, but these enabled indicators compare subjects across the whole population: ${population.join(', ')}. Drop --stream (the records are then held in memory), or disable them in --config, e.g. {"indicators": {"${population[0] as string}": false}}, if you accept losing them.`,
      );
    }
    const spill = new ReportSpill({ tempDir: values['temp-dir'] !== undefined ? resolvePath(io.cwd, values['temp-dir']) : tmpdir(), runSize: runSize ?? defaultRunSize });
    // The temporary files go on success, on failure and on SIGINT/SIGTERM.
    const release = io.trapSignals?.(() => spill.dispose()) ?? (() => {});
    try {
      // The watchlist index is built once per run, not once per subject.
      const streamScorer = createScorer({ indicators: builtinIndicators.map(preparedOncePerRun), ...(config !== undefined ? { config } : {}), ...(timing !== undefined ? { timing } : {}) });
      const result = await scoreStream(source, io, progress, streamScorer, asOf, spill);
      output = { asOf: result.asOf, asOfSource: result.asOfSource, reports: result.reports, rejected: result.rejected };
      const code = await finish(output, io, { format, view, detail, detailLimit, failOn, out: values.out, title: values.title, bands: scorer.bands });
      if (timing !== undefined) await say(io.stderr, `${formatTimingTable(timing.rows())}\n`);
      return code;
    } finally {
      spill.dispose();
      release();
    }
  }
  output = await scoreLoaded(source, io, progress, inputFormat, asOf, workers, config, scorer, shardTimeoutMs, values.lenient === true, redaction);
  const code = await finish(output, io, { format, view, detail, detailLimit, failOn, out: values.out, title: values.title, bands: scorer.bands });
  if (timing !== undefined) await say(io.stderr, `${formatTimingTable(timing.rows())}\n`);
  return code;
}

async function scoreLoaded(
  source: string,
  io: CliIo,
  progress: Progress,
  inputFormat: InputFormat | undefined,
  asOf: string | undefined,
  workers: number,
  config: ScorerConfig | undefined,
  scorer: Scorer,
  shardTimeoutMs?: number,
  lenient = false,
  redaction?: RedactionOptions,
): Promise<ScoreOutput> {
  const input = await loadInput(source, io, progress, inputFormat);
  const docAsOf = asOf ?? (typeof input.asOf === 'string' ? input.asOf : undefined);
  if (asOf === undefined && input.asOf !== undefined && !dateTimeSchema.safeParse(input.asOf).success) {
    throw new CliUsageError(`the input's "asOf" is not an ISO 8601 date-time with an offset (e.g. 2025-06-01T00:00:00Z). Fix it, or pass --as-of.`);
  }
  const batch = toBatchInput(input, docAsOf);
  let result: BatchResult;
  try {
    if (workers > 1) {
      const large = input.bytes >= 5 * 1024 * 1024;
      result = await scoreSharded(
        batch,
        config,
        workers,
        io.workerScript,
        (done) => {
          if (large) progress.update(done / workers, `scored ${done} of ${workers} shards`);
        },
        { ...(shardTimeoutMs !== undefined ? { shardTimeoutMs } : {}), lenient },
      );
    } else {
      result = scorer.scoreBatch(batch, { lenient });
    }
  } catch (error) {
    if (isInvalidRecordError(error) || (error instanceof Error && error.name === 'InvalidRecordError')) {
      throw new CliUsageError(`${error.message.replace(/^Invalid document without a readable id:\n\s*-\s*/, 'the input: ')}\nPass --as-of <ISO time>, or include valid events.`);
    }
    throw error;
  }
  progress.done();
  // Warnings (only --lenient gives any) join the output only when there are some, so the JSON contract is unchanged otherwise.
  const warnings = withLines(result.warnings, { ...input, unreadable: [] });
  const output = { asOf: result.asOf, asOfSource: result.asOfSource, reports: result.reports, rejected: withLines(result.rejected, input), ...(warnings.length > 0 ? { warnings } : {}) };
  return redaction !== undefined ? redactResult(output, batch, redaction) : output;
}

interface FinishOptions {
  readonly format: OutputFormat;
  readonly view: ReportView;
  readonly detail: 'all' | 'flagged';
  readonly detailLimit: number | undefined;
  readonly failOn: Band | undefined;
  readonly out: string | undefined;
  readonly title: string | undefined;
  /** The scorer's band thresholds, for the HTML charts. */
  readonly bands: Scorer['bands'];
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

/** Writes the report, lists rejected records, and picks the exit code. */
async function finish(output: ScoreOutput, io: CliIo, options: FinishOptions): Promise<number> {
  const { format, failOn } = options;
  const unwritable: UnwritableReport[] = [];
  const chunks = outputChunks(output, format, {
    view: options.view,
    detail: options.detail,
    ...(options.detailLimit !== undefined ? { detailLimit: options.detailLimit } : {}),
    ...(options.title !== undefined ? { title: options.title } : {}),
    bands: options.bands,
    ...(io.columns !== undefined ? { columns: io.columns } : {}),
    onUnwritable: (report) => unwritable.push(report),
  });
  await writeOutput(io, options.out, chunks, terminalFilter(format, io, options.out));
  await reportRejected(io, output.rejected);
  await reportIndicatorErrors(io, output.reports);
  for (const report of unwritable.slice(0, 50)) {
    await say(io.stderr, `redflags: the report of subject "${printable(report.subjectId)}" could not be written (${printable(report.message)}); a stand-in with its score and band is in its place.\n`);
  }
  await reportWarnings(io, output.warnings);
  if (options.out !== undefined) {
    await say(io.stderr, `redflags: wrote ${countOf(output.reports.length, 'report')} (${format}) to ${options.out}, as of ${output.asOf}.\n`);
  }
  // A report that could not be written is lost output, as a rejected record is lost input: exit 2.
  const invalid = output.rejected.length > 0 || unwritable.length > 0;
  if (failOn !== undefined) {
    const threshold = bandOrder.indexOf(failOn);
    let reached = 0;
    for (const r of output.reports) if (bandOrder.indexOf(r.band) >= threshold) reached++;
    if (reached > 0) {
      // Invalid input wins the exit code, but a pipeline reading stderr must still learn that the band was reached.
      const code = invalid ? `exit 2, since ${output.rejected.length > 0 ? 'records were rejected' : 'reports could not be written'}` : 'exit 1';
      await say(io.stderr, `redflags: ${countOf(reached, 'subject')} reached --fail-on ${failOn}; ${code}.\n`);
      return invalid ? EXIT_USAGE : EXIT_FAIL_ON;
    }
  }
  return invalid ? EXIT_USAGE : EXIT_OK;
}

/** The text `redflags validate` prints, one rejected record or warning at a time. */
function* validationTextChunks(rejected: readonly CliRejected[], warnings: readonly CliRejected[], counts: { subjects: number; events: number; watchlists: number }): Generator<string> {
  for (const record of rejected) yield `${describeRejected(record)}\n`;
  for (const warning of warnings) yield `warning: ${describeRejected(warning)}\n`;
  let problems = 0;
  for (const record of rejected) problems += record.issues.length;
  yield rejected.length === 0
    ? `ok: ${countOf(counts.subjects, 'subject')}, ${countOf(counts.events, 'event')} and ${countOf(counts.watchlists, 'watchlist')} ${counts.subjects + counts.events + counts.watchlists === 1 ? 'is' : 'are'} valid.\n`
    : `${countOf(rejected.length, 'invalid record')} (${countOf(problems, 'problem')}) among ${countOf(counts.subjects, 'subject')}, ${countOf(counts.events, 'event')} and ${countOf(counts.watchlists, 'watchlist')}. Fix the fields above; \`redflags schema\` prints the record model.\n`;
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
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
    else extra.push({ kind: 'document', index: 0, issues: [{ path: 'asOf', message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T00:00:00Z' }] });
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
  const counts = { subjects: input.subjects.length, events: input.events.length, watchlists: input.watchlists.length };
  // Streamed record by record: the list of rejected records can be as long as the input.
  const chunks = values.json === true ? validationJsonChunks({ valid: rejected.length === 0, counts, rejected, warnings }) : validationTextChunks(rejected, warnings, counts);
  await writeOutput(io, undefined, chunks, io.stdoutIsTTY !== true ? (text) => text : values.json === true ? terminalSafeJson : terminalSafe);
  return rejected.length === 0 ? EXIT_OK : EXIT_USAGE;
}

async function indicatorsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    await write(io.stdout, helpTexts.indicators);
    return EXIT_OK;
  }
  const catalogue = builtinIndicators.map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    category: meta.category,
    description: meta.docs.description,
    kind: meta.kind,
    family: meta.family,
    typologies: [...meta.typologies],
    defaultWeight: meta.defaultWeight,
    ...(meta.correlationGroup !== undefined ? { correlationGroup: meta.correlationGroup } : {}),
    sources: meta.docs.sources.map((s) => ({ title: s.title, url: s.url })),
  }));
  if (values.json === true) {
    await write(io.stdout, `${JSON.stringify(catalogue, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  for (const item of catalogue) {
    lines.push(`${item.id}  (weight ${item.defaultWeight}, ${item.category}, ${item.typologies.map(typologyShortName).join('+')})`);
    lines.push(`  ${item.title}`);
    if (item.sources.length > 0) lines.push(`  sources: ${item.sources.map((s) => s.title).join('; ')}`);
  }
  lines.push(`${catalogue.length} indicators. Typologies: ${Object.values(builtinTypologyNames).map((n) => `${n.short} = ${n.label.toLowerCase()}`).join(', ')}. Use --json for descriptions and URLs.`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    await write(io.stdout, helpTexts.schema);
    return EXIT_OK;
  }
  await write(io.stdout, `${JSON.stringify(jsonSchema('input'), null, 2)}\n`);
  return EXIT_OK;
}

// A Map, not an object: `redflags constructor` or `redflags __proto__` must not find Object.prototype's members.
const commands: ReadonlyMap<string, (args: string[], io: CliIo) => Promise<number>> = new Map([
  ['score', scoreCommand],
  ['validate', validateCommand],
  ['indicators', indicatorsCommand],
  ['schema', schemaCommand],
  ['backtest', backtestCommand],
  ['calibrate', calibrateCommand],
  ['audit', auditCommand],
  ['timeline', timelineCommand],
  ['import', importCommand],
]);

/**
 * Runs the `redflags` command with the arguments after the program name and returns the exit
 * code: 0 done, 1 `--fail-on` reached, 2 usage or input errors. Never calls `process.exit`, so
 * tests drive it with in-memory streams.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      await write(io.stdout, topic !== undefined && Object.hasOwn(helpTexts, topic) ? helpTexts[topic as keyof typeof helpTexts] : helpTexts.main);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '-v' || command === '--version') {
      await write(io.stdout, `${VERSION}\n`);
      return EXIT_OK;
    }
    const run = commands.get(command);
    if (run === undefined) {
      const close = [...commands.keys()].find((c) => editDistance(c, command, 2) <= 2 || c.startsWith(command));
      throw new CliUsageError(`unknown command "${command}".${close !== undefined ? ` Did you mean "${close}"?` : ''} Commands: ${[...commands.keys()].join(', ')}. Run \`redflags --help\`.`);
    }
    return await run([...rest], io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      await say(io.stderr, `redflags: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      await say(io.stderr, `redflags: ${(error as Error).message}. Run \`redflags ${command ?? ''} --help\` for the options.\n`);
      return EXIT_USAGE;
    }
    await say(io.stderr, `redflags: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report it with the command you ran.\n`);
    return EXIT_USAGE;
  }
}
