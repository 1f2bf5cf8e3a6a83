import { Worker } from 'node:worker_threads';
import { createScorer, type BatchInput, type BatchResult, type RejectedRecord } from '../engine/createScorer';
import type { RecordKind } from '../errors/InvalidRecordError';
import { readRecordId } from '../records/validate';
import type { ScorerConfig } from '../engine/config';
import type { Report } from '../engine/report';

/** What one worker thread is given: the whole population, and which shard of subjects to score. */
export interface ShardJob {
  /** Marks the worker data as a redflags shard job. */
  readonly redflags: 'score-shard';
  /** The whole batch: population-level indicators must see every subject whatever the shard. */
  readonly input: BatchInput;
  /** The validated scorer config. */
  readonly config?: ScorerConfig;
  /** This shard, from 0. */
  readonly shard: number;
  /** Number of shards. */
  readonly shards: number;
}

/** What a worker posts back. */
export type ShardOutcome = { readonly ok: true; readonly result: BatchResult } | { readonly ok: false; readonly name: string; readonly message: string };

/**
 * The shard of a subject: a 32-bit FNV-1a hash of its id modulo the shard count. Stable across
 * runs, machines and input order, so a subject always lands in the same shard.
 */
export function shardOf(subjectId: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < subjectId.length; i++) h = Math.imul(h ^ subjectId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** Scores one shard: every subject is parsed (the population), only the shard's subjects are scored. */
export function scoreShard(job: ShardJob): ShardOutcome {
  try {
    const scorer = createScorer(job.config !== undefined ? { config: job.config } : {});
    const result = scorer.scoreBatch(job.input, { select: (id) => shardOf(id, job.shards) === job.shard });
    return { ok: true, result };
  } catch (error) {
    return { ok: false, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The order `scoreBatch` returns: score, then log-odds, highest first, then subject id. */
export function compareReports(a: Report, b: Report): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.logOdds !== b.logOdds) return b.logOdds - a.logOdds;
  return a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
}

/** An error a shard reported, re-thrown in the main thread with its original name. */
export class ShardError extends Error {
  /** @param name name of the error in the worker; @param message its message. */
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** What waiting for one worker gave: its outcome, or that it ran past the shard timeout and was stopped. */
type WorkerOutcome = ShardOutcome | { readonly ok: 'timed-out' };

function runInWorker(script: string | URL, job: ShardJob, timeoutMs: number | undefined): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    // Synchronous code cannot be interrupted inside its thread; terminating the thread is the only stop.
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (settled) return;
            settled = true;
            void worker.terminate();
            resolve({ ok: 'timed-out' });
          }, timeoutMs);
    const settle = (): boolean => {
      if (timer !== undefined) clearTimeout(timer);
      if (settled) return false;
      settled = true;
      return true;
    };
    worker.once('message', (outcome: ShardOutcome) => {
      if (settle()) resolve(outcome);
    });
    worker.once('error', (error) => {
      if (settle()) reject(error);
    });
    worker.once('exit', (code) => {
      if (settle()) reject(new Error(`a worker thread exited with code ${code} before returning its shard`));
    });
  });
}

/** Options of {@link scoreSharded}. */
export interface ShardOptions {
  /**
   * Wall-clock limit per shard, in milliseconds. A worker still running then (an indicator that
   * loops forever) is terminated and each subject of its shard is listed under `rejected` as not
   * scored; the other shards' reports are kept. Applies only to worker threads (with a script).
   */
  readonly shardTimeoutMs?: number;
}

const rejectedKindOrder: readonly RecordKind[] = ['document', 'subject', 'event', 'watchlist'];

/** The subjects of the shards that timed out, each named by index and id, not already rejected by validation. */
function timedOutSubjects(input: BatchInput, shards: number, timedOut: ReadonlySet<number>, alreadyRejected: readonly RejectedRecord[], timeoutMs: number): RejectedRecord[] {
  const rejectedIndexes = new Set(alreadyRejected.filter((r) => r.kind === 'subject').map((r) => r.index));
  const seconds = Math.round(timeoutMs / 100) / 10;
  const out: RejectedRecord[] = [];
  input.subjects.forEach((value, index) => {
    const id = readRecordId(value);
    if (id === undefined || rejectedIndexes.has(index)) return;
    const shard = shardOf(id, shards);
    if (!timedOut.has(shard)) return;
    out.push({
      kind: 'subject',
      index,
      recordId: id,
      issues: [
        {
          path: '',
          message: `not scored: its shard (${shard + 1} of ${shards}) ran longer than the shard timeout of ${seconds} s and was stopped; an indicator may loop forever on one of the shard's subjects`,
        },
      ],
    });
  });
  return out;
}

/**
 * Scores a batch in `shards` parts and merges them exactly as one `scoreBatch` call would order
 * them, so the JSON is byte-identical whatever the number of workers. With a worker script each
 * shard runs in its own thread; without one (e.g. when running from TypeScript sources) the
 * shards run one after the other in this thread.
 *
 * With `shardTimeoutMs`, a shard that runs longer is stopped and its subjects are listed under
 * `rejected` (see {@link ShardOptions}); when no shard finishes, a {@link ShardError} says so.
 */
export async function scoreSharded(
  input: BatchInput,
  config: ScorerConfig | undefined,
  shards: number,
  script: string | URL | undefined,
  onShardDone: (done: number) => void = () => {},
  options: ShardOptions = {},
): Promise<BatchResult> {
  const jobs: ShardJob[] = Array.from({ length: shards }, (_, shard) => ({
    redflags: 'score-shard',
    input,
    ...(config !== undefined ? { config } : {}),
    shard,
    shards,
  }));
  let done = 0;
  const outcomes = await Promise.all(
    jobs.map(async (job): Promise<WorkerOutcome> => {
      const outcome = script !== undefined ? await runInWorker(script, job, options.shardTimeoutMs) : scoreShard(job);
      onShardDone(++done);
      return outcome;
    }),
  );
  const results: BatchResult[] = [];
  const timedOut = new Set<number>();
  outcomes.forEach((outcome, shard) => {
    if (outcome.ok === 'timed-out') timedOut.add(shard);
    else if (!outcome.ok) throw new ShardError(outcome.name, outcome.message);
    else results.push(outcome.result);
  });
  const first = results[0];
  if (first === undefined) {
    const seconds = Math.round((options.shardTimeoutMs ?? 0) / 100) / 10;
    throw new ShardError('ShardTimeoutError', `every shard ran longer than the shard timeout of ${seconds} s and was stopped; nothing was scored. An indicator may loop forever.`);
  }
  const reports = results.flatMap((r) => r.reports).sort(compareReports);
  if (timedOut.size === 0) return { asOf: first.asOf, asOfSource: first.asOfSource, reports, rejected: first.rejected };
  const rejected = [...first.rejected, ...timedOutSubjects(input, shards, timedOut, first.rejected, options.shardTimeoutMs ?? 0)].sort(
    (a, b) => rejectedKindOrder.indexOf(a.kind) - rejectedKindOrder.indexOf(b.kind) || a.index - b.index,
  );
  return { asOf: first.asOf, asOfSource: first.asOfSource, reports, rejected };
}
