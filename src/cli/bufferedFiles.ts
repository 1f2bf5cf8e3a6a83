import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters buffered per file before a write. */
const bufferChars = 256 * 1024;

/**
 * A set of files written line by line through one text buffer each: many small appends become
 * few large writes. The files are created new (`wx`); a failure to write goes to `onError`,
 * which says what to do about it.
 */
export class BufferedFiles {
  private readonly fds: number[] = [];
  private readonly buffers: string[];
  private closed = false;

  /** @throws what `onError` makes of a failure to create a file (the ones created are closed). */
  constructor(
    paths: readonly string[],
    private readonly onError: (error: unknown) => Error,
  ) {
    this.buffers = paths.map(() => '');
    try {
      for (const path of paths) this.fds.push(openSync(path, 'wx'));
    } catch (error) {
      this.close(false);
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

  /** Writes what is buffered (unless `flush` is false, after a failure) and closes the files; safe to call more than once. */
  close(flush = true): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (flush) {
        this.buffers.forEach((buffer, n) => {
          if (buffer !== '') this.write(n, buffer);
          this.buffers[n] = '';
        });
      }
    } finally {
      for (const fd of this.fds) closeSync(fd);
      this.fds.length = 0;
    }
  }

  private write(n: number, text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(this.fds[n] as number, bytes, done, bytes.length - done);
    } catch (error) {
      throw this.onError(error);
    }
  }
}
