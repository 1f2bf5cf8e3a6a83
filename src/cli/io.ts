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
  /**
   * Installs handlers for SIGINT and SIGTERM that run `cleanup` (synchronous: it removes the
   * temporary `--out` file) and end the process with 130 or 143; returns a function that removes
   * them. Used only while an `--out` file is being written; without it (tests), no handler is installed.
   */
  readonly trapSignals?: (cleanup: () => void) => () => void;
  /** Clock `--timing` reads, in milliseconds; `performance.now` when absent (tests pass a fake one). */
  readonly clock?: () => number;
}

/**
 * True for a write error that means the reader has gone (`redflags score x | head`): a closed
 * pipe, or a stream destroyed by an earlier such error. Not a failure of the command.
 */
export function readerGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/** Says why output could not be written (a full disk, an I/O error), for a usage error (exit 2). */
export function describeWriteError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC') return `no space left on the device (${message})`;
  if (code === 'EDQUOT') return `disk quota exceeded (${message})`;
  return message;
}

/**
 * Writes text to a stream and resolves once it is flushed, so exit codes never cut output short.
 * A reader that has gone (a closed pipe) is not an error: the text is dropped and the command
 * goes on to its exit code. Any other write error (a full disk) is a usage error, exit 2.
 */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => {
      if (!error || readerGone(error)) resolve();
      else reject(new CliUsageError(`cannot write the output: ${describeWriteError(error)}.`));
    });
  });
}

/**
 * Writes a message to standard error, never failing: if even standard error cannot be written
 * (closed, full), there is nobody left to tell, and the exit code still says what happened.
 */
export function say(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      stream.write(text, () => resolve());
    } catch {
      resolve();
    }
  });
}

/** An error the command reports as is, with exit code 2 (usage or input). */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
