#!/usr/bin/env node
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './main';
import { serveShard, type ShardJob } from './workers';
import { servePartitions, type PartitionWorkerData } from './partitionScorer';

// The built file is both the command and its worker script: a thread started with a shard job
// scores its shard and posts the result back instead of parsing arguments.
/** Exit codes of a run ended by a signal: 128 plus the signal's number, as a shell reports it. */
const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** Cleanups to run on SIGINT or SIGTERM: a `--stream` run's temporary files and the `--out` temporary file may both be pending. */
const pendingCleanups = new Set<() => void>();
let signalsTrapped = false;

/** Runs `cleanup` (with every other pending one) and exits 130 or 143 on SIGINT or SIGTERM, until the returned function is called. */
function trapSignals(cleanup: () => void): () => void {
  pendingCleanups.add(cleanup);
  if (!signalsTrapped) {
    signalsTrapped = true;
    for (const [signal, code] of Object.entries(signalExitCodes)) {
      process.on(signal, () => {
        for (const pending of pendingCleanups) {
          try {
            pending();
          } catch {
            // One cleanup failing must not keep the others from running.
          }
        }
        process.exit(code);
      });
    }
  }
  return () => {
    pendingCleanups.delete(cleanup);
  };
}

const job = workerData as ShardJob | PartitionWorkerData | undefined;
if (!isMainThread && job?.redflags === 'score-shard') {
  if (parentPort !== null) serveShard(job, parentPort);
} else if (!isMainThread && job?.redflags === 'score-partitions') {
  if (parentPort !== null) servePartitions(job, parentPort);
} else {
  // Write errors reach the command through each write's callback: a closed pipe (`| head`) ends
  // the output but keeps the exit code the run earned, a full disk is exit 2. The listeners only
  // keep an 'error' event from crashing the process.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const exitCode = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.columns !== undefined ? { columns: process.stdout.columns } : {}),
    cwd: process.cwd(),
    workerScript: new URL(import.meta.url),
    trapSignals: trapSignals,
  });
  process.exitCode = exitCode;
}
