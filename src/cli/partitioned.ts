import { stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { createScorer } from '../defaults';
import type { ScorerConfig } from '../engine/config';
import { compareRejected } from '../engine/order';
import { maxPartitions, partitionCount } from './partition';
import { disposePartitions, partitionInput, type PartitionedInput } from './partitionInput';
import { answered, runHere, settleAll, workerPool, type TaskRunner } from './partitionPool';
import type { PartitionAnswer, PartitionTask } from './partitionScorer';
import { progressThreshold, type CliRejected, type InputFormat, type LoadedInput } from './readInput';
import type { CliIo } from './io';
import type { Progress } from './progress';
import type { ReportSpill } from './spill';
import type { ScoreOutput } from './formats';

// The partitioned whole-input mode of `redflags score`: an NDJSON input scored as one batch with
// bounded memory. Pass 1 writes the records to partition files by subject id (a file split by
// byte range over the threads, see partitionInput.ts), or, with a thread per partition, keeps
// each partition in its thread's memory (heldPartitions.ts); each partition is then validated and
// summarised, and scored with the merged summaries of all, in worker threads or here; the
// reports come back through sorted runs on disk.

/** Options of {@link scorePartitioned}. */
export interface PartitionedOptions {
  readonly source: string;
  readonly io: CliIo;
  readonly progress: Progress;
  readonly inputFormat: InputFormat | undefined;
  /** `--as-of`; without it, the latest valid event, as in one batch. */
  readonly asOf: string | undefined;
  readonly config: ScorerConfig | undefined;
  /** Threads scoring partitions; 1 scores them in this thread. */
  readonly workers: number;
  /** `--partitions`; without it, {@link partitionCount} of the input's size. */
  readonly partitions: number | undefined;
  /** Where the partition files go (`--temp-dir`, or the system's). */
  readonly tempDir: string;
  /** Receives the reports' runs; the caller disposes of it. */
  readonly spill: ReportSpill;
  /** Called with cleanups to run on SIGINT/SIGTERM; returns the function that withdraws them. */
  readonly onCleanup?: (cleanup: () => void) => () => void;
}

/** What a partitioned run held, for tests and the docs: counts, not times. */
export interface PartitionStats {
  /** Number of partitions. */
  readonly partitions: number;
  /** Subject, event and suppression records of each partition. */
  readonly records: readonly number[];
  /** The most records one step held at once (one partition's), whatever thread it ran in. */
  readonly maxRecordsHeld: number;
  /** Steps run: partitions times the steps (check without --as-of, summarise with summarising indicators, score). */
  readonly steps: number;
  /**
   * Times each partition was read from its files and validated: once when every partition has a
   * thread of its own (kept there between its steps), once per step otherwise.
   */
  readonly loads: readonly number[];
  /** How the input was read: each byte range's lines, lines parsed and thread (0: the main thread); empty when this thread read it alone. */
  readonly ranges: PartitionedInput['ranges'];
  /** True when the partitions were held in memory by their threads, with no partition files. */
  readonly held: boolean;
  /**
   * Records parsed again after the input was read: the other ranges' lines of each partition held
   * in memory (each line is parsed by its range, and once more by its partition's thread), or
   * every record read back from the partition files, at each load.
   */
  readonly reparsed: number;
  /** How ids repeated across the input were found: id files written, or id hashes exchanged (see `PartitionedInput.idCheck`). */
  readonly idCheck: PartitionedInput['idCheck'];
}

/** The outcome: the scored output, or a JSON document read whole (partitions are for NDJSON only), to be scored in memory. */
export type PartitionedResult =
  { readonly kind: 'scored'; readonly output: ScoreOutput; readonly stats: PartitionStats } | { readonly kind: 'document'; readonly input: LoadedInput };

/**
 * Scores an NDJSON input as one batch, holding one partition per thread at a time (see the file
 * comment). The output is the one the in-memory whole-input path gives, byte for byte: the same
 * reports in the same order, the same rejected records with their lines, the same `asOf`.
 *
 * @throws {CliUsageError} as `loadInput` does, and for an `asOf` that cannot be settled.
 */
export async function scorePartitioned(options: PartitionedOptions, settleAsOf: (latest: string | undefined) => string): Promise<PartitionedResult> {
  const { source, io, progress } = options;
  let size: number | undefined;
  if (source !== '-') {
    try {
      size = (await stat(resolvePath(io.cwd, source))).size;
    } catch {
      // loadInput says what is wrong with the path.
    }
  }
  const register = options.onCleanup ?? (() => () => {});
  const runner = options.workers > 1 && io.workerScript !== undefined ? workerPool(io.workerScript, options.config, options.workers) : runHere(options.config);
  try {
    const partitions = options.partitions ?? balancedPartitions(partitionCount(size), options.workers);
    const read = await partitionInput({
      source,
      io,
      progress,
      inputFormat: options.inputFormat,
      size,
      partitions,
      ranges: options.workers,
      tempDir: options.tempDir,
      // A thread per partition: each keeps its partition in memory from the split on (the steps keep it resident anyway).
      hold: partitions <= runner.threads && options.workers <= runner.threads && size !== undefined && size / options.workers < holdRangeBytes,
      onCleanup: register,
      runner,
    });
    if (read.kind === 'document') return read;
    const withdraw = register(() => disposePartitions(read));
    try {
      return await scoreParts(read, runner, options, size, settleAsOf);
    } finally {
      disposePartitions(read);
      withdraw();
    }
  } finally {
    runner.close();
  }
}

/**
 * Ranges below this many bytes are held in memory: each range thread keeps its records parsed,
 * with their lines, until they are routed, and sends the lines of other partitions as text in
 * chunks under V8's string limit (see heldPartitions.ts). Larger ranges write partition files,
 * which bound what a range thread holds.
 */
const holdRangeBytes = 512 * 1024 * 1024;

/** At least one partition per thread, and a multiple of the threads, so that no thread waits for another's last partition. */
function balancedPartitions(partitions: number, threads: number): number {
  return Math.min(maxPartitions, Math.ceil(partitions / threads) * threads);
}

/** Passes 2 and 3: each partition checked (without --as-of), summarised (with summarising indicators) and scored. */
async function scoreParts(
  input: PartitionedInput,
  runner: TaskRunner,
  options: PartitionedOptions,
  size: number | undefined,
  settleAsOf: (latest: string | undefined) => string,
): Promise<Extract<PartitionedResult, { kind: 'scored' }>> {
  const { progress, spill } = options;
  const { files, watchlistLines } = input;
  runner.setup({
    watchlists: input.watchlists,
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
    duplicates: input.duplicates,
  });
  const rejected: CliRejected[] = [];
  const summarising = createScorer(options.config !== undefined ? { config: options.config } : {}).indicators.some((i) => i.enabled && i.summarises);
  let maxRecordsHeld = 0;
  let steps = 0;
  let reparsed = input.gathered.reduce((sum, n) => sum + n, 0);
  const loads = files.map(() => 0);
  let rejectedTaken = false;
  // A thread per partition (small inputs get that): each is read and validated once, in its thread,
  // and kept there for its later steps. With more partitions than threads, one at a time per thread.
  const resident = files.length <= runner.threads;
  const stepCount = (options.asOf === undefined ? 1 : 0) + (summarising ? 1 : 0) + 1;
  let stepsDone = 0;
  // Every partition through one step; the first step of a run also gives the rejected records.
  const step = async (make: (p: number) => Omit<PartitionTask, 'files' | 'rejected'>): Promise<Extract<PartitionAnswer, { ok: true }>[]> => {
    const takeRejected = !rejectedTaken;
    rejectedTaken = true;
    const last = ++stepsDone === stepCount;
    let done = 0;
    // Settled, not raced: on a failure the other threads still read partitions and write summaries in the directory.
    return settleAll(files, async (list, p) => {
      // Every partition validates the lists alike: the first gives their problems.
      const task: PartitionTask = {
        ...make(p),
        files: list,
        rejected: takeRejected,
        lists: takeRejected && p === 0,
        ...(resident ? { resident: { partition: p, last } } : {}),
      };
      steps++;
      const answer = answered<Extract<PartitionAnswer, { ok: true }>>(await runner.run(task, resident ? p : undefined));
      maxRecordsHeld = Math.max(maxRecordsHeld, answer.records);
      if (answer.loaded) loads[p] = (loads[p] as number) + 1;
      reparsed += answer.parsed;
      if (size !== undefined && size >= progressThreshold) progress.update(++done / files.length, `${task.step}: ${done} of ${files.length} partitions`);
      for (const r of answer.rejected ?? []) {
        const line = r.kind === 'watchlist' ? watchlistLines[r.index] : undefined;
        rejected.push(line !== undefined ? { ...r, line } : r);
      }
      return answer;
    });
  };
  let latest: string | undefined;
  if (options.asOf === undefined) {
    for (const answer of await step(() => ({ step: 'check' }))) {
      if (answer.latest !== undefined && (latest === undefined || Date.parse(answer.latest) > Date.parse(latest))) latest = answer.latest;
    }
  }
  const asOf = settleAsOf(options.asOf ?? latest);
  // Each partition's summaries go to a file that every thread reads and merges once: this thread holds none of them.
  const summaryPaths = summarising ? files.map((_, p) => join(input.dir, `summaries-${p}.v8`)) : undefined;
  if (summaryPaths !== undefined) await step((p) => ({ step: 'summarise', asOf, summaryPath: summaryPaths[p] as string }));
  const runPaths = files.map(() => spill.nextRunPath());
  const scored = await step((p) => ({ step: 'score', asOf, runPath: runPaths[p] as string, ...(summaryPaths !== undefined ? { summaryPaths } : {}) }));
  scored.forEach((answer, p) => {
    spill.adoptRun(runPaths[p] as string, answer.reports ?? 0);
    for (const report of answer.unserialisable ?? []) spill.add(report);
  });
  progress.done();
  rejected.sort(compareRejected);
  spill.finish();
  return {
    kind: 'scored',
    output: { asOf, asOfSource: options.asOf !== undefined ? 'input' : 'latest-event', reports: spill, rejected: [...input.unreadable, ...rejected] },
    stats: {
      partitions: files.length,
      records: input.records.slice(),
      maxRecordsHeld,
      steps,
      loads,
      ranges: input.ranges,
      held: input.held,
      reparsed,
      idCheck: input.idCheck,
    },
  };
}
