import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { bandOrder, type Band, type ScorerConfig } from '../../engine/config';
import type { BatchResult, Scorer } from '../../engine/createScorer';
import { createScorer } from '../../defaults';
import { createIndicatorTimer, formatTimingTable } from '../../engine/timing';
import type { Issue } from '../../errors/ScoringError';
import { isConfigError, isIndicatorOptionsError, isInvalidRecordError } from '../../errors/guards';
import { builtinIndicators } from '../../defaults';
import { dateTimeSchema } from '../../records/common';
import { printable } from '../../render/format';
import type { ReportView } from '../../render/index';
import { redactResult, type RedactionOptions } from '../../privacy/redact';
import { countOf } from '../../text/plural';
import { redactionOption } from './redaction';
import { helpTexts } from '../help';
import { loadInput, withLines, type InputFormat, type LoadedInput } from '../readInput';
import { maxPartitions } from '../partition';
import { scorePartitioned } from '../partitioned';
import { startsWithRecord } from '../partitionInput';
import { CliUsageError, say, write, type CliIo } from '../io';
import { writeOutput } from '../output';
import { outputChunks, type UnwritableReport } from '../render';
import { createProgress, type Progress } from '../progress';
import { defaultRunSize, ReportSpill } from '../spill';
import { scoreStream } from '../stream';
import { preparedOncePerRun, watchlistOnlyIndicators } from '../streamIndicators';
import { scoreSharded } from '../workers';
import { pickFormat, reportHeads, terminalFilter, type OutputFormat, type ScoreOutput } from '../formats';
import {
  EXIT_FAIL_ON,
  EXIT_OK,
  EXIT_USAGE,
  checkOut,
  formatIssueList,
  loadConfig,
  pickInputFormat,
  reportRejected,
  reportWarnings,
  toBatchInput,
} from '../commandSupport';

// `redflags score`: read, validate and score records, then write the reports (whole, streamed or sharded).

/** An indicator that failed on a subject lowers nothing silently: say how many, and where to look. */
async function reportIndicatorErrors(io: CliIo, reports: ScoreOutput['reports']): Promise<void> {
  let count = 0;
  let first: { subjectId: string; indicatorId: string; message: string } | undefined;
  for (const head of reportHeads(reports)) {
    count += head.errors;
    const error = head.firstError;
    if (first === undefined && error !== undefined) first = { subjectId: head.subjectId, indicatorId: error.indicatorId, message: error.message };
  }
  if (first === undefined) return;
  await say(
    io.stderr,
    `redflags: ${countOf(count, 'indicator error')}; see the report's errors (first: ${printable(first.indicatorId)} on subject "${printable(first.subjectId)}": ${printable(first.message)}). Their indicators add nothing to those scores.\n`,
  );
}

export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
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
      partitions: { type: 'string' },
      'in-memory': { type: 'boolean' },
      lenient: { type: 'boolean' },
      timing: { type: 'boolean' },
      compact: { type: 'boolean' },
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
    if (workers < 2)
      throw new CliUsageError('--shard-timeout needs --workers 2 or more: only a worker thread can be stopped. Example: --workers 2 --shard-timeout 600');
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
  let partitions: number | undefined;
  if (values.partitions !== undefined) {
    partitions = Number(values.partitions);
    if (!Number.isSafeInteger(partitions) || partitions < 1 || partitions > maxPartitions) {
      throw new CliUsageError(`--partitions "${values.partitions}" must be a whole number from 1 to ${maxPartitions}.`);
    }
  }
  const format = pickFormat(values.format, values.out, io);
  if (view === 'candidate' && format !== 'markdown' && format !== 'html') {
    // The other formats carry scores, bands and evidence: writing them under a "candidate" label would leak what the view withholds.
    throw new CliUsageError(
      `--view candidate needs --format markdown or html (got ${format}, which shows scores and evidence). Example: --view candidate --format html --out summary.html`,
    );
  }
  if (values.out !== undefined) await checkOut(values.out, source, io, [values.config, values['pseudonym-key-file']]);
  const inputFormat = pickInputFormat(values['input-format']);
  const config = values.config !== undefined ? await loadConfig(values.config, io) : undefined;

  if (values.compact === true && format !== 'json' && format !== 'ndjson')
    throw new CliUsageError(`--compact writes compact JSON reports; use it with --format json or ndjson (got ${format}).`);
  if (values.timing === true && workers > 1)
    throw new CliUsageError('--timing measures the indicators in this thread; drop --workers (or use --workers 1) to time them.');
  const timing = values.timing === true ? createIndicatorTimer(io.clock ?? (() => performance.now())) : undefined;
  let scorer: ReturnType<typeof createScorer>;
  try {
    scorer = createScorer({ ...(config !== undefined ? { config } : {}), ...(timing !== undefined ? { timing } : {}) });
  } catch (error) {
    if (isConfigError(error) || isIndicatorOptionsError(error)) {
      const issues = (error as { issues?: readonly Issue[] }).issues ?? [];
      // Option issues are relative to the indicator's options; name them from the top of the config file.
      const prefix = isIndicatorOptionsError(error) ? `indicators.${error.indicatorId}.options.` : '';
      throw new CliUsageError(
        `invalid config in ${values.config ?? 'the config'}:\n${issues.length > 0 ? formatIssueList(prefix, issues) : error.message}\nFix these fields; \`redflags indicators\` lists the indicator ids.`,
      );
    }
    throw error;
  }

  const redaction = await redactionOption(values.redact === true, values['pseudonym-key-file'], io);
  if (redaction !== undefined && values.stream === true)
    throw new CliUsageError('--redact and --pseudonym-key-file need the whole input to learn its personal values; drop --stream.');
  const progress = createProgress(io.stderr, io.stderrIsTTY === true);
  const finishOptions: FinishOptions = {
    format,
    view,
    detail,
    detailLimit,
    failOn,
    out: values.out,
    title: values.title,
    bands: scorer.bands,
    catalogue: values.compact === true ? scorer.catalogue : undefined,
  };
  const finishRun = async (output: ScoreOutput): Promise<number> => {
    const code = await finish(output, io, finishOptions);
    if (timing !== undefined) await say(io.stderr, `${formatTimingTable(timing.rows())}\n`);
    return code;
  };
  const tempDir = values['temp-dir'] !== undefined ? resolvePath(io.cwd, values['temp-dir']) : tmpdir();
  if (values.stream === true) {
    if (values['in-memory'] === true || partitions !== undefined)
      throw new CliUsageError('--in-memory and --partitions choose how the whole input is scored; --stream scores one subject at a time: drop one of them.');
    if (asOf === undefined)
      throw new CliUsageError(
        '--stream needs --as-of: the default, the latest event, is known only at the end of the input. Example: --as-of 2025-06-01T00:00:00Z',
      );
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
    const spill = new ReportSpill({ tempDir, runSize: runSize ?? defaultRunSize });
    // The temporary files go on success, on failure and on SIGINT/SIGTERM.
    const release = io.trapSignals?.(() => spill.dispose()) ?? (() => {});
    try {
      // The watchlist index is built once per run, not once per subject.
      const streamScorer = createScorer({
        indicators: builtinIndicators.map(preparedOncePerRun),
        ...(config !== undefined ? { config } : {}),
        ...(timing !== undefined ? { timing } : {}),
      });
      const result = await scoreStream(source, io, progress, streamScorer, asOf, spill);
      return await finishRun({ asOf: result.asOf, asOfSource: result.asOfSource, reports: result.reports, rejected: result.rejected });
    } finally {
      spill.dispose();
      release();
    }
  }
  const size = source !== '-' ? await sizeOf(source, io) : undefined;
  const partitionsAsked = partitions !== undefined || values['temp-dir'] !== undefined || runSize !== undefined;
  // An NDJSON file that threads would score more slowly than one (see threadsFromBytes); a JSON
  // document, --in-memory and --shard-timeout keep the in-memory shards asked for.
  const oneThread =
    workers > 1 &&
    !partitionsAsked &&
    shardTimeoutMs === undefined &&
    values['in-memory'] !== true &&
    inputFormat !== 'json' &&
    size !== undefined &&
    size < threadsFromBytes &&
    (inputFormat === 'ndjson' || startsWithRecord(resolvePath(io.cwd, source), size));
  const threads = oneThread ? await inOneThread(workers, io) : workers;
  const whole = { io, progress, asOf, workers: threads, config, scorer, shardTimeoutMs, lenient: values.lenient === true, redaction };
  const inMemory = inMemoryReason({
    forced: values['in-memory'] === true,
    inputFormat,
    lenient: values.lenient === true,
    redact: redaction !== undefined,
    timing: timing !== undefined,
    shardTimeout: shardTimeoutMs !== undefined,
    // A small file is cheaper held whole in one thread; asking for partitions or their temporary
    // files partitions it anyway, as more threads do when they pay off (threadsFor).
    smallFile: source !== '-' && threads === 1 && !partitionsAsked && (size ?? 0) < partitionFromBytes,
    scorer,
  });
  if (inMemory !== undefined) {
    if (partitions !== undefined) throw new CliUsageError(`--partitions cannot be used here: ${inMemory.reason}.`);
    if (values['temp-dir'] !== undefined || runSize !== undefined) {
      throw new CliUsageError(
        `--temp-dir and --run-size apply to --stream and the partitioned mode only (where reports are sorted through temporary files), and this run is in memory: ${inMemory.reason}. Drop them.`,
      );
    }
    return finishRun(await scoreLoaded(await loadInput(source, io, progress, inputFormat), whole));
  }
  const spill = new ReportSpill({ tempDir, runSize: runSize ?? defaultRunSize });
  const release = io.trapSignals?.(() => spill.dispose()) ?? (() => {});
  try {
    const result = await scorePartitioned(
      {
        source,
        io,
        progress,
        inputFormat,
        asOf,
        config,
        workers: threads,
        partitions,
        tempDir,
        spill,
        ...(io.trapSignals !== undefined ? { onCleanup: io.trapSignals } : {}),
      },
      settleAsOf,
    );
    // A JSON document was read whole: it is scored in memory, as it must be.
    return await finishRun(result.kind === 'scored' ? result.output : await scoreLoaded(result.input, whole));
  } finally {
    spill.dispose();
    release();
  }
}

/**
 * NDJSON files below this size are scored in memory: partitioning validates each record two or
 * three times to bound memory, and a file this small (some 5,000 subjects of 200 events, about
 * 1.3 GB of RSS held whole) fits anyway: at 5,000 subjects, idle, in memory took 13 s and
 * partitioned 26 s, at the same peak (docs/performance.md).
 */
const partitionFromBytes = 256 * 1024 * 1024;

/** The file's size in bytes; undefined when it cannot be read (loading it then says why). */
async function sizeOf(source: string, io: CliIo): Promise<number | undefined> {
  try {
    return (await stat(resolvePath(io.cwd, source))).size;
  } catch {
    return undefined;
  }
}

/**
 * Files below this size are scored in one thread even with `--workers` 2 or more: held whole in
 * one thread they took less wall time than split over threads, which then read and validate
 * their partitions on top of the reading (measured in docs/performance.md, CLI end to end).
 */
const threadsFromBytes = partitionFromBytes;

/** One thread for `--workers` on a small NDJSON file (see {@link threadsFromBytes}), said on standard error: the option is never ignored silently. */
async function inOneThread(workers: number, io: CliIo): Promise<1> {
  await say(
    io.stderr,
    `redflags: --workers ${workers}: scoring in one thread, which is faster than ${workers} on an NDJSON file under ${threadsFromBytes / (1024 * 1024)} MB; --partitions keeps the threads.\n`,
  );
  return 1;
}

/**
 * Why the whole input must be held in memory rather than partitioned, or undefined when it can be
 * partitioned: the options that need it whole, or an enabled indicator with a `prepare` hook over
 * the population (no built-in has one: the population-level ones read it through summaries; the
 * check keeps a future one from being scored a partition at a time).
 */
function inMemoryReason(run: {
  forced: boolean;
  inputFormat: InputFormat | undefined;
  lenient: boolean;
  redact: boolean;
  timing: boolean;
  shardTimeout: boolean;
  smallFile: boolean;
  scorer: Scorer;
}): { reason: string } | undefined {
  const because = (reason: string): { reason: string } => ({ reason });
  if (run.forced) return because('--in-memory holds the whole input');
  if (run.inputFormat === 'json') return because('a JSON document is read whole');
  if (run.lenient) return because('--lenient lists warnings in input order, which only the whole input gives');
  if (run.redact) return because('--redact learns the personal values of the whole input');
  if (run.timing) return because('--timing measures the indicators in one scorer');
  if (run.shardTimeout) return because('--shard-timeout stops the shards of an in-memory run');
  if (run.smallFile) return because('the file is under 256 MB, which one thread scores faster held whole than partitioned');
  const prepare = run.scorer.indicators.filter((i) => i.enabled && i.readsPopulation && !i.summarises && !watchlistOnlyIndicators.has(i.id)).map((i) => i.id);
  if (prepare.length > 0) {
    return because(
      `these enabled indicators need the whole population at once: ${prepare.join(', ')}; to partition, disable them in --config, e.g. {"indicators": {"${prepare[0] as string}": false}}`,
    );
  }
  return undefined;
}

/** The `asOf` of a run, checked as `scoreBatch` checks it: the given one, or the latest valid event. */
function settleAsOf(asOf: string | undefined): string {
  try {
    return createScorer({ indicators: [] }).scoreBatch({ subjects: [], ...(asOf !== undefined ? { asOf } : {}) }).asOf;
  } catch (error) {
    throw usageErrorOf(error);
  }
}

/** An input-level error of the engine as the command reports it; other errors as they are. */
function usageErrorOf(error: unknown): unknown {
  if (isInvalidRecordError(error) || (error instanceof Error && error.name === 'InvalidRecordError')) {
    return new CliUsageError(
      `${error.message.replace(/^Invalid document without a readable id:\n\s*-\s*/, 'the input: ')}\nPass --as-of <ISO time>, or include valid events.`,
    );
  }
  return error;
}

/** What scoring a loaded input needs. */
interface WholeRun {
  readonly io: CliIo;
  readonly progress: Progress;
  readonly asOf: string | undefined;
  readonly workers: number;
  readonly config: ScorerConfig | undefined;
  readonly scorer: Scorer;
  readonly shardTimeoutMs: number | undefined;
  readonly lenient: boolean;
  readonly redaction: RedactionOptions | undefined;
}

/** Scores an input held in memory, in this thread or in `--workers` shards. */
async function scoreLoaded(input: LoadedInput, run: WholeRun): Promise<ScoreOutput> {
  const { io, progress, asOf, workers, config, scorer, shardTimeoutMs, lenient, redaction } = run;
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
    throw usageErrorOf(error);
  }
  progress.done();
  // Warnings (only --lenient gives any) join the output only when there are some, so the JSON contract is unchanged otherwise.
  const warnings = withLines(result.warnings, { ...input, unreadable: [] });
  const output = {
    asOf: result.asOf,
    asOfSource: result.asOfSource,
    reports: result.reports,
    rejected: withLines(result.rejected, input),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
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
  /** With --compact, the scorer's catalogue: JSON and NDJSON then carry it once and compact reports. */
  readonly catalogue: Scorer['catalogue'] | undefined;
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
    ...(options.catalogue !== undefined ? { catalogue: options.catalogue } : {}),
    ...(io.columns !== undefined ? { columns: io.columns } : {}),
    onUnwritable: (report) => unwritable.push(report),
  });
  await writeOutput(io, options.out, chunks, terminalFilter(format, io, options.out));
  await reportRejected(io, output.rejected);
  await reportIndicatorErrors(io, output.reports);
  for (const report of unwritable.slice(0, 50)) {
    await say(
      io.stderr,
      `redflags: the report of subject "${printable(report.subjectId)}" could not be written (${printable(report.message)}); a stand-in with its score and band is in its place.\n`,
    );
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
    for (const head of reportHeads(output.reports)) if (bandOrder.indexOf(head.band) >= threshold) reached++;
    if (reached > 0) {
      // Invalid input wins the exit code, but a pipeline reading stderr must still learn that the band was reached.
      const code = invalid ? `exit 2, since ${output.rejected.length > 0 ? 'records were rejected' : 'reports could not be written'}` : 'exit 1';
      await say(io.stderr, `redflags: ${countOf(reached, 'subject')} reached --fail-on ${failOn}; ${code}.\n`);
      return invalid ? EXIT_USAGE : EXIT_FAIL_ON;
    }
  }
  return invalid ? EXIT_USAGE : EXIT_OK;
}
