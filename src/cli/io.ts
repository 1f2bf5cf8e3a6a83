import type { Readable, Writable } from 'node:stream';

/**
 * The outside world of the command: streams, terminal facts and the working directory. `main`
 * takes it as an argument so tests can drive the command without spawning a process.
 */
export interface CliIo {
  /** Standard input, read by `-`. */
  readonly stdin: Readable;
  /** Standard output: results. */
  readonly stdout: Writable;
  /** Standard error: problems, hints and the progress bar. */
  readonly stderr: Writable;
  /** True when standard output is a terminal (the default format is then `table`). */
  readonly stdoutIsTTY?: boolean;
  /** True when standard input is a terminal (reading `-` then prints a hint). */
  readonly stdinIsTTY?: boolean;
  /** True when standard error is a terminal (a progress bar may then be drawn). */
  readonly stderrIsTTY?: boolean;
  /** Terminal width in columns, when known. */
  readonly columns?: number;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Script each worker thread runs (the built `dist/cli.js`); without it, shards are scored in-process. */
  readonly workerScript?: string | URL;
}

/** Writes text to a stream and resolves once it is flushed, so exit codes never cut output short. */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** An error the command reports as is, with exit code 2 (usage or input). */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
