import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { compareReports } from '../engine/order';
import type { Report } from '../engine/report';
import type { ReportSequence } from '../render/table';
import { CliUsageError, describeWriteError } from './io';
import { readRunLine, reportHead, runLine, type ReportHead, type RunEntry } from './runLine';

/** Reports held in memory before a sorted run is written to a temporary file (`--run-size`). */
export const defaultRunSize = 2000;
/** Characters of serialised reports held before a run is written, whatever their number: about 64 MB. */
const runChars = 64 * 1024 * 1024;
/** Runs read at once by a merge; more runs are first merged in groups of this many (open files stay few). */
export const mergeFanIn = 64;
/** Bytes read from a run file at a time. */
const readBytes = 64 * 1024;
/** Characters gathered before one write to a run file. */
const writeChars = 1024 * 1024;

/** Writes all of `text`: `writeSync` may take less than it is given. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Writes reports to a new run file, sorted in the batch order, one line each ({@link runLine}): a run a
 * {@link ReportSpill} adopts ({@link ReportSpill.adoptRun}), written in another thread. Returns
 * the reports JSON cannot serialise (over V8's string limit), which the caller must add to the
 * spill as they are.
 */
export function writeSortedRun(path: string, reports: readonly Report[]): Report[] {
  const sorted = reports.slice().sort(compareReports);
  const unserialisable: Report[] = [];
  const fd = openSync(path, 'wx');
  try {
    let block = '';
    for (const report of sorted) {
      let json: string;
      try {
        json = JSON.stringify(report);
      } catch {
        unserialisable.push(report);
        continue;
      }
      block += `${runLine(reportHead(report), json)}\n`;
      if (block.length >= writeChars) {
        writeAll(fd, block);
        block = '';
      }
    }
    if (block !== '') writeAll(fd, block);
  } finally {
    closeSync(fd);
  }
  return unserialisable;
}

/**
 * The head of a merge's source: the order keys, and the report as JSON text (from a run, or
 * waiting in memory) or, for a report JSON cannot serialise, as it is.
 */
type Entry = RunEntry | (ReportHead & { readonly json?: undefined; readonly report: Report });

/** Reads a run file line by line, synchronously, a block at a time. */
class LineReader {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(readBytes);
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private at = 0;
  private ended = false;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next line without its line break, or undefined at the end of the file. */
  next(): string | undefined {
    for (;;) {
      const end = this.text.indexOf('\n', this.at);
      if (end >= 0) {
        const line = this.text.slice(this.at, end);
        this.at = end + 1;
        return line;
      }
      if (this.ended) return undefined;
      const read = readSync(this.fd, this.buffer, 0, readBytes, null);
      // Keep only the unread tail, so the text held is one line and one block at most.
      this.text = this.text.slice(this.at) + (read === 0 ? this.decoder.end() : this.decoder.write(this.buffer.subarray(0, read)));
      this.at = 0;
      if (read === 0) this.ended = true;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** One sorted source of a merge: a run file, or reports still in memory. */
interface Source {
  readonly head: Entry | undefined;
  advance(): void;
  close(): void;
}

/** A run file: only each line's prefix is parsed, to order it; the report's JSON stays text. */
function fileSource(path: string): Source {
  const reader = new LineReader(path);
  const source = {
    head: undefined as Entry | undefined,
    advance(): void {
      const line = reader.next();
      source.head = line === undefined ? undefined : readRunLine(line);
    },
    close: () => reader.close(),
  };
  return source;
}

function memorySource(entries: readonly Entry[]): Source {
  let next = 0;
  const source = {
    head: undefined as Entry | undefined,
    advance(): void {
      source.head = entries[next++];
    },
    close: () => undefined,
  };
  return source;
}

/**
 * Merges sorted sources into one sorted sequence: at each step the smallest head by
 * {@link compareReports} (on the order keys alone, no report is parsed), a scan over at most
 * {@link mergeFanIn} (+2) heads. Closes every source when done or abandoned.
 */
function* merge(sources: readonly Source[]): Generator<Entry> {
  try {
    for (const source of sources) source.advance();
    for (;;) {
      let best: Source | undefined;
      for (const source of sources) {
        if (source.head !== undefined && (best === undefined || compareReports(source.head, best.head as Entry) < 0)) best = source;
      }
      if (best === undefined) return;
      const entry = best.head as Entry;
      best.advance();
      yield entry;
    }
  } finally {
    for (const source of sources) source.close();
  }
}

/** Options of {@link ReportSpill}. */
export interface ReportSpillOptions {
  /** Directory the temporary directory is created in (`--temp-dir`, or the system's). */
  readonly tempDir: string;
  /** Reports per sorted run (default {@link defaultRunSize}). */
  readonly runSize?: number;
}

/**
 * Holds the reports of a `--stream` run with bounded memory: reports are gathered up to a run
 * size, sorted in the batch order ({@link compareReports}) and written, one line each (the
 * report's head, a tab, the report's JSON: {@link runLine}), to a run file in a private temporary
 * directory; reading the sequence merges the runs (k-way) by their order keys, so at most one
 * run and one report per run are in memory. Each iteration reads the files again, which lets the
 * HTML and table writers make several passes; {@link ReportSpill.lines} gives the reports' JSON
 * without parsing it, for outputs that write it as it is. {@link ReportSpill.dispose} removes
 * the directory: call it on success, failure and interruption.
 */
export class ReportSpill implements ReportSequence {
  private readonly dir: string;
  private readonly runSize: number;
  private pending: RunEntry[] = [];
  private pendingChars = 0;
  /** Reports JSON cannot serialise (over V8's string limit): kept as they are, written as a stand-in later. */
  private readonly unserialisable: Report[] = [];
  private runs: string[] = [];
  private runCount = 0;
  private parsed = 0;
  private count = 0;
  private finished = false;
  private disposed = false;

  /** @throws {CliUsageError} when the temporary directory cannot be created. */
  constructor(options: ReportSpillOptions) {
    this.runSize = Math.max(1, options.runSize ?? defaultRunSize);
    try {
      this.dir = mkdtempSync(join(options.tempDir, 'redflags-stream-'));
    } catch (error) {
      throw new CliUsageError(
        `cannot create a temporary directory in ${options.tempDir} for the sorted reports (${describeWriteError(error)}); pass --temp-dir with a writable directory.`,
      );
    }
  }

  /** Number of reports added. */
  get length(): number {
    return this.count;
  }

  /** Number of run files written so far: for tests, and for merges done in passes. */
  get runFiles(): number {
    return this.runCount;
  }

  /** Reports parsed back from their JSON so far (by iterating the spill; {@link lines} parses none): for tests. */
  get reportsParsed(): number {
    return this.parsed;
  }

  /** A path for a new run file in the spill's directory, for {@link writeSortedRun} in another thread. */
  nextRunPath(): string {
    return join(this.dir, `run-${this.runCount++}.ndjson`);
  }

  /** Takes a run file written by {@link writeSortedRun} at {@link nextRunPath}, holding `count` reports. */
  adoptRun(path: string, count: number): void {
    if (this.finished) throw new Error('ReportSpill.adoptRun after finish');
    this.runs.push(path);
    this.count += count;
  }

  /** Adds one report; writes a run when the run size (or about 64 MB of text) is reached. */
  add(report: Report): void {
    if (this.finished) throw new Error('ReportSpill.add after finish');
    this.count++;
    let json: string;
    try {
      json = JSON.stringify(report);
    } catch {
      this.unserialisable.push(report);
      return;
    }
    this.pending.push({ ...reportHead(report), json });
    this.pendingChars += json.length;
    if (this.pending.length >= this.runSize || this.pendingChars >= runChars) this.writeRun();
  }

  /** Ends the adding: the last run stays in memory; more runs than {@link mergeFanIn} are merged in passes. */
  finish(): void {
    this.finished = true;
    this.pending.sort(compareReports);
    this.unserialisable.sort(compareReports);
    while (this.runs.length > mergeFanIn) {
      const merged: string[] = [];
      for (let i = 0; i < this.runs.length; i += mergeFanIn) {
        const group = this.runs.slice(i, i + mergeFanIn);
        if (group.length === 1) merged.push(group[0] as string);
        else {
          merged.push(
            this.writeFile((write) => {
              // Lines are copied as they are: a merge pass parses no report.
              for (const entry of merge(group.map(fileSource))) write(`${runLine(entry, entry.json as string)}\n`);
            }),
          );
          for (const path of group) rmSync(path, { force: true });
        }
      }
      this.runs = merged;
    }
  }

  /** The reports in batch order, merged from the runs and parsed back; may be iterated more than once. */
  *[Symbol.iterator](): Iterator<Report> {
    for (const entry of this.entries()) {
      if (entry.json === undefined) yield entry.report;
      else {
        this.parsed++;
        yield JSON.parse(entry.json) as Report;
      }
    }
  }

  /**
   * The reports in batch order as their one-line JSON, exactly as `JSON.stringify(report)` gave
   * it, never parsed; a report JSON could not serialise comes as it is, for the writer's
   * stand-in. May be iterated more than once.
   */
  *lines(): Generator<string | Report> {
    for (const entry of this.entries()) yield entry.json ?? entry.report;
  }

  /** The reports' heads in batch order, read from the run lines' prefixes: no report is parsed. */
  *heads(): Generator<ReportHead> {
    yield* this.entries();
  }

  /** The merge of every run, the pending reports and the unserialisable ones, by order keys. */
  private entries(): Generator<Entry> {
    if (!this.finished) this.finish();
    if (this.disposed) throw new Error('ReportSpill read after dispose');
    const unserialisable = this.unserialisable.map((report): Entry => ({ ...reportHead(report), report }));
    return merge([...this.runs.map(fileSource), memorySource(this.pending), memorySource(unserialisable)]);
  }

  /** Removes the temporary directory and its files; safe to call more than once, and from a signal handler. */
  dispose(): void {
    this.disposed = true;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writeRun(): void {
    const pending = this.pending.sort(compareReports);
    this.pending = [];
    this.pendingChars = 0;
    this.runs.push(
      this.writeFile((write) => {
        for (const entry of pending) write(`${runLine(entry, entry.json)}\n`);
      }),
    );
  }

  /** Writes a new run file through `fill`, in blocks; returns its path. */
  private writeFile(fill: (write: (text: string) => void) => void): string {
    const path = join(this.dir, `run-${this.runCount++}.ndjson`);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
      const file = fd;
      let block = '';
      fill((text) => {
        block += text;
        if (block.length >= writeChars) {
          writeAll(file, block);
          block = '';
        }
      });
      if (block !== '') writeAll(file, block);
    } catch (error) {
      throw new CliUsageError(
        `cannot write the temporary file ${path} of sorted reports (${describeWriteError(error)}); free space there or pass --temp-dir with room for about the size of the NDJSON output.`,
      );
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return path;
  }
}
