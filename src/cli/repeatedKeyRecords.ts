import { readRecordId } from '../records/validate';
import { CliUsageError } from './io';
import type { CliRejected, LoadedInput } from './readInput';
import { describeRepeatedKey, findRepeatedKeys, formatPath, repeatedKeyMessage } from './repeatedKeys';

type RecordKind = 'subject' | 'event' | 'watchlist' | 'suppression';

// The document arrays whose elements are records, each rejected on its own.
const recordArrays: Readonly<Record<string, RecordKind>> = { subjects: 'subject', events: 'event', watchlists: 'watchlist', suppressions: 'suppression' };

function recordKindOf(key: string | number | undefined): RecordKind | undefined {
  return typeof key === 'string' && Object.hasOwn(recordArrays, key) ? recordArrays[key] : undefined;
}

/**
 * Rejects the records of a JSON document that repeat a key at any depth (JSON.parse kept only the
 * last value, so part of the record would be silently lost), and keeps the others, with the
 * original index of each kept record in `indexes` so rejections still name the right record. A
 * repeat outside a record (in `reference` or `inputs`) refuses the document, as a repeated
 * top-level key does. `text` is the document's text, already parsed into `input`.
 */
export function withoutRepeatedKeyRecords(text: string, name: string, input: LoadedInput): LoadedInput {
  const found = findRepeatedKeys(text, 2);
  if (found.length === 0) return input;
  const refused: Record<RecordKind, Map<number, CliRejected>> = { subject: new Map(), event: new Map(), watchlist: new Map(), suppression: new Map() };
  const source: Record<RecordKind, unknown[]> = { subject: input.subjects, event: input.events, watchlist: input.watchlists, suppression: input.suppressions };
  for (const repeat of found) {
    const [top, index] = repeat.segments;
    const kind = recordKindOf(top);
    if (kind === undefined || typeof index !== 'number' || repeat.segments.length < 3) {
      throw new CliUsageError(
        `${name}: ${describeRepeatedKey(repeat)} at ${formatPath(repeat.segments, repeat.truncated)}. JSON keeps only the last value of a repeated key, so the others would be lost; merge them into one.`,
      );
    }
    const recordId = readRecordId(source[kind][index]);
    refused[kind].set(index, {
      kind,
      index,
      ...(recordId !== undefined ? { recordId } : {}),
      issues: [{ path: formatPath(repeat.segments.slice(2), repeat.truncated), message: repeatedKeyMessage(repeat) }],
    });
  }
  const kept = (kind: RecordKind): { records: unknown[]; indexes: number[] } => {
    const records: unknown[] = [];
    const indexes: number[] = [];
    source[kind].forEach((record, index) => {
      if (refused[kind].has(index)) return;
      records.push(record);
      indexes.push(index);
    });
    return { records, indexes };
  };
  const subjects = kept('subject');
  const events = kept('event');
  const watchlists = kept('watchlist');
  const suppressions = kept('suppression');
  const rejected = (['subject', 'event', 'watchlist', 'suppression'] as const).flatMap((kind) => [...refused[kind].values()]);
  return {
    ...input,
    subjects: subjects.records,
    events: events.records,
    watchlists: watchlists.records,
    suppressions: suppressions.records,
    indexes: { subject: subjects.indexes, event: events.indexes, watchlist: watchlists.indexes, suppression: suppressions.indexes },
    unreadable: [...input.unreadable, ...rejected],
  };
}
