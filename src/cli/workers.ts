import { Worker } from 'node:worker_threads';
import { createScorer, type BatchInput, type BatchResult } from '../engine/createScorer';
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
  /** Accept records whose only problems are unknown keys, listed as warnings. */
  readonly lenient?: boolean;
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
    const result = scorer.scoreBatch(job.input, { select: (id) => shardOf(id, job.shards) === job.shard, lenient: job.lenient === true });
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

function runInWorker(script: string | URL, job: ShardJob): Promise<ShardOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    worker.once('message', (outcome: ShardOutcome) => {
      settled = true;
      resolve(outcome);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`a worker thread exited with code ${code} before returning its shard`));
    });
  });
}

/**
 * Scores a batch in `shards` parts and merges them exactly as one `scoreBatch` call would order
 * them, so the JSON is byte-identical whatever the number of workers. With a worker script each
 * shard runs in its own thread; without one (e.g. when running from TypeScript sources) the
 * shards run one after the other in this thread.
 */
export async function scoreSharded(
  input: BatchInput,
  config: ScorerConfig | undefined,
  shards: number,
  script: string | URL | undefined,
  onShardDone: (done: number) => void = () => {},
  lenient = false,
): Promise<BatchResult> {
  const jobs: ShardJob[] = Array.from({ length: shards }, (_, shard) => ({
    redflags: 'score-shard',
    input,
    ...(config !== undefined ? { config } : {}),
    shard,
    shards,
    lenient,
  }));
  let done = 0;
  const outcomes = await Promise.all(
    jobs.map(async (job) => {
      const outcome = script !== undefined ? await runInWorker(script, job) : scoreShard(job);
      onShardDone(++done);
      return outcome;
    }),
  );
  const results: BatchResult[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) throw new ShardError(outcome.name, outcome.message);
    results.push(outcome.result);
  }
  const first = results[0] as BatchResult;
  const reports = results.flatMap((r) => r.reports).sort(compareReports);
  // Every shard parses the whole population, so each lists the same rejected records and warnings.
  return { asOf: first.asOf, asOfSource: first.asOfSource, reports, rejected: first.rejected, warnings: first.warnings };
}
