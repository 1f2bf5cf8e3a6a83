import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import type { Writable } from 'node:stream';
import { CliUsageError, describeWriteError, readerGone, type CliIo } from './io';

/** Characters gathered before one write: large enough for few system calls, small enough to bound memory (UTF-16 units). */
const batchSize = 64 * 1024;

/** What writing the output gave. */
export interface WriteOutcome {
  /** True when the reader went away (a closed pipe) before everything was written. */
  readonly readerGone: boolean;
}

/** Writes one batch and resolves when the stream has taken it: one batch in flight at most, so memory stays bounded. */
function writeBatch(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Writes `chunks` to `stream` in batches, waiting for each batch to be taken before rendering
 * more (backpressure), so a report of any size needs memory for one batch, not the whole text.
 * Stops early, without error, when the reader has gone; rejects on any other write error.
 */
async function pump(stream: Writable, chunks: Iterable<string> | AsyncIterable<string>, filter: (text: string) => string): Promise<WriteOutcome> {
  let batch = '';
  try {
    // Reports come synchronously, an import's records as it reads its files: one loop for both.
    for await (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= batchSize) {
        await writeBatch(stream, filter(batch));
        batch = '';
      }
    }
    if (batch !== '') await writeBatch(stream, filter(batch));
  } catch (error) {
    if (readerGone(error)) return { readerGone: true };
    throw error;
  }
  return { readerGone: false };
}

/** The temporary file `--out` is written to: hidden, in the same directory (so the rename is atomic), named by process. */
export function tempPathFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}.${pid}.redflags-tmp`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never created: nothing to clean.
  }
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/**
 * Writes the output to standard output, or to `--out` through a temporary file in the same
 * directory that is renamed over the target only once complete: an interrupted or failed run
 * leaves the previous file as it was and no partial file under the final name. The chunks may
 * come synchronously (reports) or asynchronously (an import reading its files as it writes).
 *
 * @param filter applied to every batch (the terminal-safety filter on a terminal; identity otherwise).
 * @throws {CliUsageError} when the output cannot be written (a full disk, a missing directory).
 */
export async function writeOutput(
  io: CliIo,
  out: string | undefined,
  chunks: Iterable<string> | AsyncIterable<string>,
  filter: (text: string) => string = (t) => t,
): Promise<WriteOutcome> {
  if (out === undefined) {
    try {
      return await pump(io.stdout, chunks, filter);
    } catch (error) {
      // A usage error from the chunks themselves (an import's unreadable input) is passed on as it is.
      if (error instanceof CliUsageError) throw error;
      throw new CliUsageError(`cannot write the output: ${describeWriteError(error)}.`);
    }
  }
  await viaTempFile(io, out, (stream) => pump(stream, chunks, filter));
  return { readerGone: false };
}

/** Writes `--out` through a temporary file in the same directory, renamed over the target once complete; removed on failure or signal. */
async function viaTempFile(io: CliIo, out: string, fill: (stream: Writable) => Promise<unknown>): Promise<void> {
  const target = resolvePath(io.cwd, out);
  const temp = tempPathFor(target);
  const stream = createWriteStream(temp, { flags: 'wx' });
  let failure: unknown;
  // An open error (permissions) is emitted on the stream; the next write's callback reports it too.
  stream.on('error', (error) => {
    failure ??= error;
  });
  const release = io.trapSignals?.(() => removeQuietly(temp)) ?? (() => {});
  try {
    await fill(stream);
    await closeStream(stream);
    if (failure !== undefined) throw failure;
    await rename(temp, target);
  } catch (error) {
    stream.destroy();
    await unlink(temp).catch(() => undefined);
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`cannot write ${out} (${describeWriteError(error)}); the previous file, if any, is unchanged.`);
  } finally {
    release();
  }
}
