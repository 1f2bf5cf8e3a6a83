import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createScorer } from '../defaults';
import type { ScorerConfig } from '../engine/config';
import { compareRejected } from '../engine/order';
import { mergeSummaries, type PopulationSummaries } from '../engine/summaries';
import { countDuplicates, partitionCount, PartitionWriter } from './partition';
import { partitionScorer, type PartitionAnswer, type PartitionMessage, type PartitionSetup, type PartitionTask } from './partitionScorer';
import { loadInput, progressThreshold, type CliRejected, type InputFormat, type LoadedInput } from './readInput';
import type { CliIo } from './io';
import type { Progress } from './progress';
import type { ReportSpill } from './spill';
import { ShardError } from './workers';
import type { ScoreOutput } from './formats';

// The partitioned whole-input mode of `redflags score`: an NDJSON input scored as one batch with
// bounded memory. Pass 1 writes the records to partition files by subject id; each partition is
// then validated and summarised, and scored with the merged summaries of all, in worker threads or
// here; the reports come back through sorted runs on disk.

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
}

/** The outcome: the scored output, or a JSON document read whole (partitions are for NDJSON only), to be scored in memory. */
export type PartitionedResult =
  { readonly kind: 'scored'; readonly output: ScoreOutput; readonly stats: PartitionStats } | { readonly kind: 'document'; readonly input: LoadedInput };

/** Runs tasks on partitions: in worker threads, or one after the other in this thread. */
interface TaskRunner {
  run(task: PartitionTask): Promise<PartitionAnswer>;
  /** Gives every thread the merged summaries, once, before the `score` steps. */
  share(summaries: PopulationSummaries): void;
  close(): void;
}

function runHere(setup: PartitionSetup): TaskRunner {
  const scorer = partitionScorer(setup);
  let summaries: PopulationSummaries | undefined;
  return {
    run: async (task) => scorer.run(task, summaries),
    share: (merged) => {
      summaries = merged;
    },
    close: () => {},
  };
}

/** A pool of worker threads: each takes the next task when it has answered its last, so at most `threads` partitions are held at once. */
function workerPool(script: string | URL, setup: PartitionSetup, threads: number): TaskRunner {
  interface Slot {
    readonly worker: Worker;
    pending?: { resolve(answer: PartitionAnswer): void; reject(error: Error): void } | undefined;
    failure?: Error | undefined;
  }
  const waiting: { task: PartitionTask; resolve(answer: PartitionAnswer): void; reject(error: Error): void }[] = [];
  const idle: Slot[] = [];
  const slots: Slot[] = [];
  let closed = false;
  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const slot = idle.pop() as Slot;
      const job = waiting.shift() as (typeof waiting)[number];
      if (slot.failure !== undefined) {
        job.reject(slot.failure);
        continue;
      }
      slot.pending = { resolve: job.resolve, reject: job.reject };
      const message: PartitionMessage = { redflags: 'partition-task', task: job.task };
      slot.worker.postMessage(message);
    }
  };
  const fail = (slot: Slot, error: Error): void => {
    slot.failure ??= error;
    const pending = slot.pending;
    slot.pending = undefined;
    pending?.reject(slot.failure);
  };
  for (let n = 0; n < threads; n++) {
    const slot: Slot = { worker: new Worker(script, { workerData: setup }) };
    slot.worker.on('message', (answer: PartitionAnswer) => {
      const pending = slot.pending;
      slot.pending = undefined;
      idle.push(slot);
      pending?.resolve(answer);
      dispatch();
    });
    slot.worker.once('error', (error) => fail(slot, error));
    slot.worker.once('exit', (code) => {
      if (!closed) fail(slot, new Error(`a worker thread exited with code ${code} before answering`));
    });
    slots.push(slot);
    idle.push(slot);
  }
  return {
    run: (task) =>
      new Promise((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        dispatch();
      }),
    share: (summaries) => {
      const message: PartitionMessage = { redflags: 'merged-summaries', summaries };
      for (const slot of slots) slot.worker.postMessage(message);
    },
    close: () => {
      closed = true;
      for (const slot of slots) void slot.worker.terminate();
    },
  };
}

/**
 * Scores an NDJSON input as one batch, holding one partition per thread at a time (see the file
 * comment). The output is the one the in-memory whole-input path gives, byte for byte: the same
 * reports in the same order, the same rejected records with their lines, the same `asOf`.
 *
 * @throws {CliUsageError} as `loadInput` does, and for an `asOf` that cannot be settled.
 */
export async function scorePartitioned(options: PartitionedOptions, settleAsOf: (latest: string | undefined) => string): Promise<PartitionedResult> {
  const { source, io, progress, spill } = options;
  let size: number | undefined;
  if (source !== '-') {
    try {
      size = (await stat(resolvePath(io.cwd, source))).size;
    } catch {
      // loadInput says what is wrong with the path.
    }
  }
  const writer = new PartitionWriter(options.tempDir, options.partitions ?? partitionCount(size));
  const withdraw = options.onCleanup?.(() => writer.dispose()) ?? (() => {});
  try {
    const watchlists: unknown[] = [];
    const watchlistLines: number[] = [];
    const input = await loadInput(source, io, progress, options.inputFormat, (kind, record, _index, line, text) => {
      if (kind === 'watchlist') {
        watchlists.push(record);
        watchlistLines.push(line);
      } else writer.add(kind, record, _index, line, text);
    });
    writer.close();
    if (input.format === 'json') return { kind: 'document', input };
    const paths = Array.from({ length: writer.partitions }, (_, p) => writer.path(p));
    const setup: PartitionSetup = {
      redflags: 'score-partitions',
      ...(options.config !== undefined ? { config: options.config } : {}),
      watchlists,
      ...(input.reference !== undefined ? { reference: input.reference } : {}),
      duplicates: countDuplicates(paths, writer.repeated),
    };
    const rejected: CliRejected[] = [];
    const summarising = createScorer(options.config !== undefined ? { config: options.config } : {}).indicators.some((i) => i.enabled && i.summarises);
    const runner =
      options.workers > 1 && io.workerScript !== undefined ? workerPool(io.workerScript, setup, Math.min(options.workers, writer.partitions)) : runHere(setup);
    let maxRecordsHeld = 0;
    let steps = 0;
    let rejectedTaken = false;
    // Every partition through one step; the first step of a run also gives the rejected records.
    const step = async (make: (p: number) => Omit<PartitionTask, 'path' | 'rejected'>): Promise<Extract<PartitionAnswer, { ok: true }>[]> => {
      const takeRejected = !rejectedTaken;
      rejectedTaken = true;
      let done = 0;
      return Promise.all(
        paths.map(async (path, p) => {
          // Every partition validates the lists alike: the first gives their problems.
          const task: PartitionTask = { ...make(p), path, rejected: takeRejected, lists: takeRejected && p === 0 };
          const answer = await runner.run(task);
          steps++;
          if (!answer.ok) throw new ShardError(answer);
          maxRecordsHeld = Math.max(maxRecordsHeld, answer.records);
          if (size !== undefined && size >= progressThreshold) progress.update(++done / paths.length, `${task.step}: ${done} of ${paths.length} partitions`);
          for (const r of answer.rejected ?? []) {
            const line = r.kind === 'watchlist' ? watchlistLines[r.index] : undefined;
            rejected.push(line !== undefined ? { ...r, line } : r);
          }
          return answer;
        }),
      );
    };
    try {
      let latest: string | undefined;
      if (options.asOf === undefined) {
        for (const answer of await step(() => ({ step: 'check' }))) {
          if (answer.latest !== undefined && (latest === undefined || Date.parse(answer.latest) > Date.parse(latest))) latest = answer.latest;
        }
      }
      const asOf = settleAsOf(options.asOf ?? latest);
      if (summarising) {
        const parts = (await step(() => ({ step: 'summarise', asOf }))).map((answer) => answer.summaries as PopulationSummaries);
        runner.share(mergeSummaries(parts));
      }
      const runPaths = paths.map(() => spill.nextRunPath());
      const scored = await step((p) => ({ step: 'score', asOf, runPath: runPaths[p] as string }));
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
        stats: { partitions: writer.partitions, records: writer.records.slice(), maxRecordsHeld, steps },
      };
    } finally {
      runner.close();
    }
  } finally {
    writer.dispose();
    withdraw();
  }
}
