import { readRecordId } from '../records/validate';
import { ownValue, setOwn } from '../records/ownKeys';
import type { CliRejected, LoadedInput } from './readInput';
import { findRepeatedKeys, formatPath, repeatedKeyMessage, type RepeatedKey } from '../text/repeatedKeys';
import { lookupTable } from '../util/lookupTable';

type RecordKind = 'subject' | 'event' | 'watchlist' | 'suppression';

// The document arrays whose elements are records, each rejected on its own.
const recordArrays: Readonly<Record<string, RecordKind>> = /* @__PURE__ */ lookupTable({
  subjects: 'subject',
  events: 'event',
  watchlists: 'watchlist',
  suppressions: 'suppression',
});

function recordKindOf(key: string | number | undefined): RecordKind | undefined {
  return typeof key === 'string' && Object.hasOwn(recordArrays, key) ? recordArrays[key] : undefined;
}

// The document objects whose entries are tables, each left out on its own.
const tableObjects = new Set(['reference', 'inputs']);

// Copies a table object without the named tables (own properties only: a "__proto__" table is data).
function withoutTables(tables: object, drop: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tables)) if (!drop.has(key)) setOwn(out, key, ownValue(tables, key));
  return out;
}

function tableProblem(repeat: RepeatedKey): CliRejected {
  const message = repeatedKeyMessage(repeat).replace('so the record is refused', 'so the table is left out');
  return { kind: 'document', index: 0, issues: [{ path: formatPath(repeat.segments, repeat.truncated), message }] };
}

/**
 * Rejects the records of a JSON document that repeat a key at any depth (JSON.parse kept only the
 * last value, so part of the record would be silently lost), and keeps the others, with the
 * original index of each kept record in `indexes` so rejections still name the right record. A
 * repeat in a reference table (or a named input) leaves that table out with a document-level
 * rejection; repeats under other top-level keys, which are not read, are ignored. `text` is the
 * document's text, already parsed into `input`.
 */
export function withoutRepeatedKeyRecords(text: string, input: LoadedInput): LoadedInput {
  const found = findRepeatedKeys(text, 2);
  if (found.length === 0) return input;
  const refused: Record<RecordKind, Map<number, CliRejected>> = { subject: new Map(), event: new Map(), watchlist: new Map(), suppression: new Map() };
  const source: Record<RecordKind, unknown[]> = { subject: input.subjects, event: input.events, watchlist: input.watchlists, suppression: input.suppressions };
  const tables: CliRejected[] = [];
  const dropped: Record<string, Set<string>> = { reference: new Set(), inputs: new Set() };
  for (const repeat of found) {
    const [top, index] = repeat.segments;
    if (typeof top === 'string' && tableObjects.has(top) && typeof index === 'string') {
      tables.push(tableProblem(repeat));
      dropped[top]?.add(index);
      continue;
    }
    const kind = recordKindOf(top);
    // A repeated top-level key is refused before this; keys the reader ignores do not matter.
    if (kind === undefined || typeof index !== 'number') continue;
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
  const reference =
    dropped.reference?.size === 0 || typeof input.reference !== 'object' || input.reference === null
      ? input.reference
      : withoutTables(input.reference, dropped.reference as Set<string>);
  const inputs = dropped.inputs?.size === 0 || input.inputs === undefined ? input.inputs : withoutTables(input.inputs, dropped.inputs as Set<string>);
  return {
    ...input,
    ...(reference !== undefined ? { reference } : {}),
    ...(inputs !== undefined ? { inputs } : {}),
    subjects: subjects.records,
    events: events.records,
    watchlists: watchlists.records,
    suppressions: suppressions.records,
    indexes: { subject: subjects.indexes, event: events.indexes, watchlist: watchlists.indexes, suppression: suppressions.indexes },
    unreadable: [...input.unreadable, ...tables, ...rejected],
  };
}
