import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters buffered per file before a write. */
const bufferChars = 256 * 1024;

/**
 * A set of files written line by line through one text buffer each: many small appends become
 * few large writes. The files are created new (`wx`); each write opens its file to append and
 * closes it, so the set holds no file descriptor between writes (a split of W ranges into P
 * partitions would otherwise hold W x (P + W) at once). A failure to write goes to `onError`,
 * which says what to do about it.
 */
export class BufferedFiles {
  private readonly buffers: string[];
  private closed = false;

  /** @throws what `onError` makes of a failure to create a file. */
  constructor(
    private readonly paths: readonly string[],
    private readonly onError: (error: unknown) => Error,
  ) {
    this.buffers = paths.map(() => '');
    try {
      for (const path of paths) closeSync(openSync(path, 'wx'));
    } catch (error) {
      this.closed = true;
      throw onError(error);
    }
  }

  /** Appends `text` to file `n`. */
  append(n: number, text: string): void {
    const buffer = (this.buffers[n] as string) + text;
    if (buffer.length >= bufferChars) {
      this.write(n, buffer);
      this.buffers[n] = '';
    } else this.buffers[n] = buffer;
  }

  /** Writes what is buffered (unless `flush` is false, after a failure); safe to call more than once. */
  close(flush = true): void {
    if (this.closed) return;
    this.closed = true;
    this.buffers.forEach((buffer, n) => {
      if (flush && buffer !== '') this.write(n, buffer);
      this.buffers[n] = '';
    });
  }

  private write(n: number, text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    let fd: number | undefined;
    try {
      fd = openSync(this.paths[n] as string, 'a');
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      throw this.onError(error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
