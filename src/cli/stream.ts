import { createInterface } from 'node:readline';
import type { BatchResult, RejectedRecord, Scorer } from '../engine/createScorer';
import { readRecordId } from '../records/validate';
import { FormatDetector, parseLine, type ParsedLine } from './documentText';
import { findRepeatedKeys } from '../text/repeatedKeys';
import { duplicateKeysProblem, mergeReference, openSource, progressThreshold, recordTypeProblem, unreadableLine, type CliRejected } from './readInput';
import { CliUsageError, type CliIo } from './io';
import type { Progress } from './progress';
import type { ReportSpill } from './spill';
import { ShardedSet } from '../engine/shardedMap';
import { CompactStringSet } from '../engine/compactStringSet';
import { validateLists, type ListProblem, type ValidatedLists } from '../engine/lists';
import { compareRejected } from '../engine/order';

interface Group {
  readonly subject: Record<string, unknown>;
  readonly id: string | undefined;
  readonly index: number;
  readonly line: number;
  readonly events: unknown[];
  readonly eventIndexes: number[];
  readonly eventLines: number[];
  /** Ids of the group's events, so a repeat inside the group is told from one of an earlier group in constant time. */
  readonly eventIds: Set<string>;
  /** The subject's suppression lines, which come inside its group, with their positions and lines in the whole input. */
  readonly suppressions: unknown[];
  readonly suppressionIndexes: number[];
  readonly suppressionLines: number[];
  readonly suppressionIds: Set<string>;
}

function notGrouped(line: number, why: string): CliUsageError {
  return new CliUsageError(
    `--stream needs NDJSON grouped by subject, and line ${line} ${why}. Put watchlist and reference lines first, then each subject line followed by its events and suppressions; or drop --stream to read the whole input.`,
  );
}

/**
 * Scores NDJSON grouped by subject one subject at a time, holding only the current subject's
 * records: each subject line must be followed by its own events and suppressions, with
 * watchlists and reference tables first. The caller guarantees that no enabled indicator needs the population (a `prepare`
 * hook), so each report is exactly what a whole-batch run gives. Reports go to `spill`, which
 * keeps them in sorted runs on disk and gives them back in the whole-batch order; rejected
 * records are merged in that order too.
 *
 * @throws {CliUsageError} when the input is not grouped, is not NDJSON, or repeats an id across groups.
 */
export async function scoreStream(
  source: string,
  io: CliIo,
  progress: Progress,
  scorer: Scorer,
  asOf: string,
  spill: ReportSpill,
): Promise<Pick<BatchResult, 'asOf' | 'asOfSource'> & { reports: ReportSpill; rejected: CliRejected[] }> {
  const { stream, size, name } = await openSource(source, io);
  let bytes = 0;
  stream.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (size !== undefined && size >= progressThreshold)
      progress.update(bytes / size, `scoring ${(bytes / 1048576).toFixed(1)} of ${(size / 1048576).toFixed(1)} MB`);
  });
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (error) => reject(new CliUsageError(`cannot read ${name}: ${error.message}`)));
  });

  const watchlists: unknown[] = [];
  const watchlistLines: number[] = [];
  let reference: Record<string, unknown> | undefined;
  const unreadable: CliRejected[] = [];
  const rejected: CliRejected[] = [];
  // Population-sized: 100,000 subjects of 200 events are 20,000,000 event ids, above one Set's
  // limit; the event ids are held compactly (about 30 bytes each instead of about 90), and exactly.
  const seenSubjects = new ShardedSet<string>();
  const seenEvents = new CompactStringSet();
  const orphanOf = new ShardedSet<string>();
  let subjectCount = 0;
  let eventCount = 0;
  // Suppressions come inside their subject's group, so only their ids (to refuse a repeat across groups) outlive it.
  const seenSuppressions = new ShardedSet<string>();
  const orphanSuppressionsOf = new ShardedSet<string>();
  let suppressionCount = 0;
  let group: Group | undefined;
  let flushed = 0;
  let lineNo = 0;

  // The watchlists and reference tables come before the first subject and cannot change after
  // it: validated once for the run, when the first group is scored, and passed validated (the
  // engine then takes them as they are) with every subject.
  let lists: ValidatedLists | undefined;
  const validatedLists = (): ValidatedLists => {
    if (lists === undefined) {
      lists = validateLists(watchlists, reference);
      for (const record of lists.rejected) {
        const mapped = remap(record, undefined, watchlistLines);
        if (mapped !== undefined) rejected.push(mapped);
      }
    }
    return lists;
  };

  const flush = (): void => {
    const subjects = group !== undefined ? [group.subject] : [];
    const valid = validatedLists();
    const result = scorer.scoreBatch({
      asOf,
      subjects,
      events: group?.events ?? [],
      watchlists: valid.watchlists,
      ...(valid.reference !== undefined ? { reference: valid.reference } : {}),
      ...(group !== undefined && group.suppressions.length > 0 ? { suppressions: group.suppressions } : {}),
    });
    for (const report of result.reports) spill.add(report);
    for (const record of result.rejected) {
      const mapped = remap(record, group, watchlistLines);
      if (mapped !== undefined) rejected.push(mapped);
    }
    flushed++;
    group = undefined;
  };

  // One NDJSON line, once the input is known to be NDJSON.
  const handle = (line: ParsedLine, trimmed: string): void => {
    lineNo = line.lineNo;
    const value = line.value;
    if (!line.parsed) {
      unreadable.push(unreadableLine(lineNo, '', 'not valid JSON'));
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      unreadable.push(unreadableLine(lineNo, '', 'each NDJSON line must be a JSON object'));
      return;
    }
    const repeated = findRepeatedKeys(trimmed);
    if (repeated.length > 0) {
      unreadable.push(duplicateKeysProblem(lineNo, repeated, readRecordId(value)));
      return;
    }
    const { recordType, ...record } = value as Record<string, unknown>;
    const id = typeof record.id === 'string' && record.id !== '' ? record.id : undefined;
    if (recordType === 'subject') {
      if (group !== undefined) flush();
      if (id !== undefined && seenSubjects.has(id)) throw notGrouped(lineNo, `repeats subject "${id}"`);
      if (id !== undefined && orphanOf.has(id)) throw notGrouped(lineNo, `is subject "${id}", but events of it came earlier, outside its group`);
      if (id !== undefined && orphanSuppressionsOf.has(id))
        throw notGrouped(lineNo, `is subject "${id}", but suppressions of it came earlier, outside its group`);
      if (id !== undefined) seenSubjects.add(id);
      group = {
        subject: record,
        id,
        index: subjectCount++,
        line: lineNo,
        events: [],
        eventIndexes: [],
        eventLines: [],
        eventIds: new Set(),
        ...noSuppressions(),
      };
    } else if (recordType === 'event') {
      const index = eventCount++;
      if (group === undefined || record.subjectId !== group.id) {
        if (typeof record.subjectId === 'string' && seenSubjects.has(record.subjectId)) {
          throw notGrouped(lineNo, `holds an event of subject "${record.subjectId}" outside that subject's group`);
        }
        // No subject line so far: if one comes later the input is not grouped (refused there);
        // if none ever does, the event is an orphan, rejected exactly as a whole-input run rejects it.
        if (id !== undefined && seenEvents.has(id)) throw notGrouped(lineNo, `repeats event "${id}" of an earlier group`);
        if (id !== undefined) seenEvents.add(id);
        if (typeof record.subjectId === 'string') orphanOf.add(record.subjectId);
        for (const r of scorer.scoreBatch({ asOf, subjects: [], events: [record], watchlists: [] }).rejected) {
          if (r.kind === 'event') rejected.push({ ...r, index, line: lineNo });
        }
        return;
      }
      if (id !== undefined && seenEvents.has(id) && !group.eventIds.has(id)) {
        throw notGrouped(lineNo, `repeats event "${id}" of an earlier group`);
      }
      if (id !== undefined) {
        seenEvents.add(id);
        group.eventIds.add(id);
      }
      group.events.push(record);
      group.eventIndexes.push(index);
      group.eventLines.push(lineNo);
    } else if (recordType === 'watchlist' || recordType === 'reference') {
      if (subjectCount > 0) throw notGrouped(lineNo, `holds a ${recordType} after the first subject`);
      if (recordType === 'watchlist') {
        watchlists.push(record);
        watchlistLines.push(lineNo);
      } else {
        reference = mergeReference(reference, record);
      }
    } else if (recordType === 'suppression') {
      const index = suppressionCount++;
      if (id !== undefined && seenSuppressions.has(id) && group?.suppressionIds.has(id) !== true)
        throw notGrouped(lineNo, `repeats suppression "${id}" of an earlier group`);
      if (id !== undefined) seenSuppressions.add(id);
      if (group !== undefined && record.subjectId === group.id) {
        if (id !== undefined) group.suppressionIds.add(id);
        group.suppressions.push(record);
        group.suppressionIndexes.push(index);
        group.suppressionLines.push(lineNo);
        return;
      }
      if (typeof record.subjectId === 'string' && seenSubjects.has(record.subjectId)) {
        throw notGrouped(lineNo, `holds a suppression of subject "${record.subjectId}" outside that subject's group`);
      }
      // As with events: a suppression whose subject never appears is rejected exactly as a whole-input run rejects it.
      if (typeof record.subjectId === 'string') orphanSuppressionsOf.add(record.subjectId);
      for (const r of scorer.scoreBatch({ asOf, subjects: [], events: [], watchlists: [], suppressions: [record] }).rejected) {
        if (r.kind === 'suppression') rejected.push({ ...r, index, line: lineNo });
      }
    } else {
      unreadable.push(recordTypeProblem(lineNo, recordType, id));
    }
  };
  // The lines read until the layout is known: bad first lines must not turn NDJSON into a "document".
  const held: { line: ParsedLine; trimmed: string }[] = [];
  const detector = new FormatDetector();
  let isNdjson = false;
  const decide = (line: ParsedLine | undefined): void => {
    const format = line !== undefined ? detector.push(line) : detector.end();
    if (format === 'json')
      throw new CliUsageError(`${name} does not start with NDJSON records; --stream reads NDJSON only (drop --stream for a JSON document).`);
    if (format === 'ndjson') {
      isNdjson = true;
      for (const h of held) handle(h.line, h.trimmed);
      held.length = 0;
    }
  };

  const readLines = async (): Promise<void> => {
    let at = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      at++;
      const trimmed = text.trim();
      if (trimmed === '') continue;
      const line = parseLine(at, trimmed);
      if (isNdjson) handle(line, trimmed);
      else {
        held.push({ line, trimmed });
        decide(line);
      }
    }
    if (!isNdjson && held.length > 0) decide(undefined);
  };
  await Promise.race([readLines(), failed]);
  if (group !== undefined || flushed === 0) flush();
  progress.done();

  rejected.sort(compareRejected);
  spill.finish();
  return { asOf, asOfSource: 'input', reports: spill, rejected: [...unreadable, ...rejected] };
}

/** Maps a rejection inside one group to its position and line in the whole input. */
function remap(record: RejectedRecord | ListProblem, group: Group | undefined, watchlistLines: readonly number[]): CliRejected | undefined {
  if (record.kind === 'subject' && group !== undefined) return { ...record, index: group.index, line: group.line };
  if (record.kind === 'event' && group !== undefined) {
    const index = group.eventIndexes[record.index];
    const line = group.eventLines[record.index];
    return index === undefined || line === undefined ? undefined : { ...record, index, line };
  }
  if (record.kind === 'suppression' && group !== undefined) {
    const index = group.suppressionIndexes[record.index];
    const line = group.suppressionLines[record.index];
    return index === undefined || line === undefined ? undefined : { ...record, index, line };
  }
  if (record.kind === 'watchlist') {
    const line = watchlistLines[record.index];
    return line !== undefined ? { ...record, line } : record;
  }
  return record;
}

function noSuppressions(): Pick<Group, 'suppressions' | 'suppressionIndexes' | 'suppressionLines' | 'suppressionIds'> {
  return { suppressions: [], suppressionIndexes: [], suppressionLines: [], suppressionIds: new Set() };
}
