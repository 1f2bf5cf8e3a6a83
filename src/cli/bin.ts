#!/usr/bin/env node
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './main';
import { scoreShard, type ShardJob } from './workers';

// The built file is both the command and its worker script: a thread started with a shard job
// scores its shard and posts the result back instead of parsing arguments.
const job = workerData as ShardJob | undefined;
if (!isMainThread && job?.redflags === 'score-shard') {
  parentPort?.postMessage(scoreShard(job));
} else {
  // A closed pipe (e.g. `redflags score x | head`) is not an error of the command.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
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
  });
  process.exitCode = exitCode;
}
