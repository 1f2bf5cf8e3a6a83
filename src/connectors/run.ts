import { safeParseEvent, safeParseSubject } from '../records/validate';
import { commonWrappers, type Connector, type RecordDraft, type RowResult, type SessionEnd } from './contract';
import { expandWrappers } from './text/wrappers';
import { canonicalJson, compact } from './helpers/values';
import { CompactStringSet } from '../engine/compactStringSet';
import { HashTable64 } from '../engine/hashTable64';
import { SeenRecords } from './helpers/seen';
import { readRow } from './reader';
import { ReportBuilder, type MappingReport } from './report';
import { compareText } from '../engine/order';

/** A record ready for `redflags score`: one NDJSON line, with its `recordType`. */
export type ImportedRecord = Readonly<Record<string, unknown>> & { readonly recordType: 'subject' | 'event' };

/** A source row with where it starts in its file. */
export interface SourceRow {
  /** The parsed row: an object from JSON, or a CSV row keyed by the header. */
  readonly value: unknown;
  /** Line (1-based) where the row starts, when read from a file. */
  readonly line?: number;
  /** The file the row was read from, when there are several. */
  readonly file?: string;
  /** Set when the row could not even be parsed (broken JSON): the row is skipped with this reason. */
  readonly error?: string;
}

/** Options of an import. */
export interface ImportOptions {
  /**
   * Subject id for an account as the source names it; undefined skips the account's rows (named
   * in the report). Default: the account trimmed and lower-cased.
   */
  readonly subjectIdOf?: (accountId: string, source: string) => string | undefined;
  /**
   * Also write a minimal subject (`{ id, accounts: [{ system, accountId }] }`) for every subject
   * the events refer to, after the events; for scoring an identity-provider export on its own.
   * Leave off when the subjects come from an HR import. Default false.
   */
  readonly emitSubjects?: boolean;
  /**
   * Hold sessions whose end arrives in another row until the input ends, to set `end`
   * (memory grows with such sessions, not with bytes). False writes them at once without `end`.
   * Default true.
   */
  readonly pairSessionEnds?: boolean;
  /** Skipped rows listed one by one in the report (all are counted). Default 1000. */
  readonly maxListed?: number;
}

/** The stateful side of an import: push rows, then finish, then read the report. */
export interface Importer {
  /** Maps one row; returns the records it gives now (held sessions come out of {@link finish}). */
  push(row: SourceRow): ImportedRecord[];
  /** Ends the input: returns the records held until now (a connector's held records, sessions with their ends, subjects), in a fixed order. */
  finish(): ImportedRecord[];
  /**
   * Ends the input as {@link finish} does, the same records in the same order, made one at a
   * time as they are read, so the held records are never all objects at once (write each before
   * reading the next). The report is complete once they are all read.
   */
  finishEach(): Iterable<ImportedRecord>;
  /** The mapping report so far (complete after {@link finish}). */
  report(): MappingReport;
  /** What the import holds until it finishes, by count: see {@link RetainedCounts}. */
  retained(): RetainedCounts;
}

/**
 * What an import keeps between rows, by count, so memory can be checked without a clock or a
 * heap snapshot. Besides these, a connector's own session may hold state until the input ends:
 * GitHub merges waiting for their reviews' approvals are counted here (`connectorRecords`),
 * Checkr reports waiting for their candidates and CERT rosters (one entry per report or person)
 * are not; everything else is per row and dropped once the row's records are returned.
 */
export interface RetainedCounts {
  /** Record keys in the duplicate table (one per record written; 16 to 32 bytes each). */
  readonly recordKeys: number;
  /** Sessions held for an end from another row (one per such session, as its NDJSON text). */
  readonly heldSessions: number;
  /** Characters of the held sessions' text. */
  readonly heldChars: number;
  /** Session end times held, and the distinct session keys they are held under. */
  readonly sessionEnds: number;
  readonly sessionEndKeys: number;
  /** Records the connector's session holds as text until the input ends (GitHub merges waiting for their approvals), and the characters of that text. */
  readonly connectorRecords: number;
  readonly connectorChars: number;
  /** Subjects (and their account ids) collected for `emitSubjects`. */
  readonly subjects: number;
  /** Entries of the report's tallies: skip reasons, listed skipped rows, field paths, refused record fields. */
  readonly reportEntries: number;
}

/**
 * A session waiting for its end: the validated record as its JSON text (a third or less of the
 * object's size, and one string rather than an object graph per row), with what pairing reads.
 */
interface Held {
  readonly json: string;
  readonly id: string;
  readonly key: string;
  readonly at: number;
}

// The validator is asked again after each refused field is removed; a record that needs more passes is a connector bug.
const MAX_REPAIRS = 8;

function deletePath(target: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  let node: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<PropertyKey, unknown>)[path[i] as PropertyKey];
  }
  const last = path[path.length - 1];
  if (typeof node !== 'object' || node === null || last === undefined || !(last in node)) return false;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<PropertyKey, unknown>)[last];
  return true;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? '[]' : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Validates a draft with the record schemas. A refused optional field is removed and counted
 * (the rest of the record is worth keeping); a record still refused gives the reason to skip.
 */
function validate(
  recordType: 'subject' | 'event',
  draft: Record<string, unknown>,
  report: ReportBuilder,
): { record: Record<string, unknown> } | { reason: string } {
  let candidate = draft;
  for (let pass = 0; pass <= MAX_REPAIRS; pass++) {
    const result = recordType === 'subject' ? safeParseSubject(candidate) : safeParseEvent(candidate);
    if (result.success) return { record: result.data as Record<string, unknown> };
    const issues = result.error.issues;
    const repaired = JSON.parse(JSON.stringify(candidate)) as Record<string, unknown>;
    let removed = false;
    for (const issue of issues) {
      const path =
        issue.path === ''
          ? []
          : issue.path
              .split(/\.|\[(\d+)\]/)
              .filter((p) => p !== undefined && p !== '')
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const top = path[0];
      if (path.length === 0 || top === 'id' || top === 'subjectId' || top === 'type' || top === 'at') continue;
      if (deletePath(repaired, path)) {
        removed = true;
        report.droppedField(formatIssuePath(path), issue.message);
      } else if (path.length >= 2 && deletePath(repaired, path.slice(0, -1))) {
        // A required field is missing from a nested entry (an employment without organisation): the entry goes.
        removed = true;
        report.droppedField(formatIssuePath(path), issue.message);
      }
    }
    if (!removed) return { reason: `not a valid ${recordType}: ${issues.map((i) => `${i.path === '' ? '(record)' : i.path}: ${i.message}`).join('; ')}` };
    candidate = (compact(repaired) ?? {}) as Record<string, unknown>;
  }
  return { reason: `not a valid ${recordType} after removing refused fields` };
}

function typeName(recordType: 'subject' | 'event', record: Record<string, unknown>): string {
  return recordType === 'subject' ? 'subject' : `event:${String(record['type'])}`;
}

const compareStrings = compareText;

/**
 * Starts an import of one connector's rows. Pure: no I/O, no clock; the same rows give the same
 * records and report. The runner
 * - counts every row (mapped, session end, skipped with reason and line),
 * - counts every field of every mapped row (mapped, ignored with reason, invalid with reason, unmapped),
 * - drops absent values (`null`, blanks, empty objects) and validates each record with the record schemas,
 * - drops records whose id an earlier row gave (counted as identical or conflicting duplicates),
 * - sets session ends from other rows, whatever their order ({@link ImportOptions.pairSessionEnds}).
 */
export function createImporter(connector: Connector, options: ImportOptions = {}): Importer {
  const report = new ReportBuilder(connector.id, connector.title, options.maxListed ?? 1000);
  const pairing = options.pairSessionEnds ?? true;
  // Keys of the records written, to drop duplicates: 16 to 32 bytes a record, not the record.
  const seen = new SeenRecords();
  const held: Held[] = [];
  // Ids of the held sessions, exactly (a hash accident must not drop a session), in the compact set --stream uses.
  const heldIds = new CompactStringSet();
  // Where each held session's id was first held, by the id's hash (a hash two ids share is caught by comparing the id): a repeat is told identical or
  // conflicting by its content.
  const heldAt = new HashTable64();
  let heldChars = 0;
  let endTimes = 0;
  const ends = new Map<string, number[]>();
  const accounts = new Map<string, Set<string>>();
  const subjectIdOf = options.subjectIdOf ?? ((account: string) => account.trim().toLowerCase() || undefined);
  let position = 0;
  let finished = false;
  const session = connector.createSession?.();
  const mapRow = session !== undefined ? session.mapRow.bind(session) : connector.mapRow.bind(connector);

  const output = (recordType: 'subject' | 'event', record: Record<string, unknown>): ImportedRecord | 'duplicate' => {
    const found = seen.check(`${recordType}\u0000${String(record['id'])}`, canonicalJson(record));
    if (found !== 'new') {
      if (found === 'identical') report.duplicates.identical++;
      else report.duplicates.conflicting++;
      return 'duplicate';
    }
    report.written1(typeName(recordType, record));
    if (recordType === 'event' && options.emitSubjects === true) {
      const subjectId = String(record['subjectId']);
      const accountId = typeof record['accountId'] === 'string' ? record['accountId'] : undefined;
      const set = accounts.get(subjectId) ?? new Set<string>();
      if (accountId !== undefined) set.add(accountId);
      accounts.set(subjectId, set);
    }
    return { recordType, ...record };
  };

  const push = (row: SourceRow): ImportedRecord[] => {
    if (finished) throw new Error('importer already finished');
    position++;
    report.rows.read++;
    if (row.error !== undefined) {
      report.skip(position, row, row.error);
      return [];
    }
    const reader = readRow(row.value);
    let result: RowResult;
    try {
      result = mapRow(reader, {
        source: connector.id,
        ...(row.line !== undefined ? { line: row.line } : {}),
        ...(row.file !== undefined ? { file: row.file } : {}),
        subjectIdFor: (account) => subjectIdOf(account, connector.id),
      });
    } catch (error) {
      // A connector must not throw; if one does, the row is still accounted for.
      result = { skip: `connector error: ${error instanceof Error ? error.message : String(error)}` };
    }
    if ('skip' in result) {
      report.skip(position, row, result.skip);
      return [];
    }
    for (const [path, reason] of Object.entries(connector.ignored ?? {})) reader.ignore(path, reason);
    const out: ImportedRecord[] = [];
    let accepted = 0;
    let duplicates = 0;
    const reasons: string[] = [];
    for (const draft of result.records ?? []) {
      const validated = validateDraft(draft);
      if ('reason' in validated) {
        reasons.push(validated.reason);
        continue;
      }
      if (draft.endKey !== undefined && pairing) {
        const id = String(validated.record['id']);
        if (!heldIds.add(id)) {
          duplicates++;
          if (sameAsHeld(id, validated.record)) report.duplicates.identical++;
          else report.duplicates.conflicting++;
          continue;
        }
        const json = JSON.stringify(validated.record);
        heldChars += json.length;
        const [hi, lo] = HashTable64.hash(id);
        heldAt.setIfAbsent(hi, lo, held.length);
        held.push({ json, id, key: draft.endKey, at: Date.parse(String(validated.record['at'])) });
        accepted++;
        continue;
      }
      const written = output(draft.recordType, validated.record);
      if (written === 'duplicate') duplicates++;
      else {
        out.push(written);
        accepted++;
      }
    }
    const sessionEnds: readonly SessionEnd[] = result.sessionEnds ?? [];
    if (pairing) {
      for (const end of sessionEnds) {
        const list = ends.get(end.key) ?? [];
        list.push(Date.parse(end.at));
        ends.set(end.key, list);
        endTimes++;
      }
    }
    if (accepted > 0 || (result.held === true && reasons.length === 0)) report.rows.mapped++;
    else if (sessionEnds.length > 0 && reasons.length === 0 && duplicates === 0) report.rows.sessionEnds++;
    else {
      const reason =
        reasons.length > 0
          ? reasons.join(' | ')
          : duplicates > 0
            ? 'duplicate: every record of the row was given by an earlier row'
            : 'no record and no session end';
      report.skip(position, row, reason);
      return out;
    }
    report.fieldUses(reader.fieldUses());
    return out;
  };

  /** Whether a held session with this id has the same content (the first held is kept either way). */
  const sameAsHeld = (id: string, record: Record<string, unknown>): boolean => {
    const [hi, lo] = HashTable64.hash(id);
    const at = heldAt.get(hi, lo);
    const byHash = at === undefined ? undefined : held[at];
    // Another id holds this hash (about n² / 2^65 for n sessions): the scan is that rare.
    const first = byHash?.id === id ? byHash : held.find((h) => h.id === id);
    return first !== undefined && canonicalJson(JSON.parse(first.json)) === canonicalJson(record);
  };

  const validateDraft = (draft: RecordDraft): { record: Record<string, unknown> } | { reason: string } => {
    const cleaned = compact(draft.record);
    if (cleaned === undefined || typeof cleaned !== 'object') return { reason: `empty ${draft.recordType}` };
    return validate(draft.recordType, cleaned as Record<string, unknown>, report);
  };

  const finishEach = (): Iterable<ImportedRecord> => {
    if (finished) return [];
    finished = true;
    return finishing();
  };

  function* finishing(): Generator<ImportedRecord> {
    yield* sessionRecords();
    yield* heldSessionRecords();
    if (options.emitSubjects === true) yield* subjectRecords();
  }

  /** The records the connector's session held, validated and written one at a time. */
  function* sessionRecords(): Generator<ImportedRecord> {
    let drafts: Iterator<RecordDraft> | undefined;
    for (;;) {
      let next: IteratorResult<RecordDraft>;
      try {
        drafts ??= (session?.finish() ?? [])[Symbol.iterator]();
        next = drafts.next();
      } catch (error) {
        // A session must not throw; if one does, the loss is reported rather than silent.
        report.droppedField('(session)', `connector error at the end of the input: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (next.done === true) return;
      const validated = validateDraft(next.value);
      if ('reason' in validated) {
        report.droppedField('(record)', validated.reason);
        continue;
      }
      const written = output(next.value.recordType, validated.record);
      if (written !== 'duplicate') yield written;
    }
  }

  /** Sessions held for their ends, with the ends the input gave them. */
  function* heldSessionRecords(): Generator<ImportedRecord> {
    // Each end closes the latest session with its key that started at or before it and has no end yet,
    // taking starts and ends in time order: the pairing is the same in any row order.
    const byKey = new Map<string, Held[]>();
    for (const h of held) {
      const list = byKey.get(h.key) ?? [];
      list.push(h);
      byKey.set(h.key, list);
    }
    const endOf = new Map<Held, number>();
    for (const [key, times] of ends) {
      const starts = (byKey.get(key) ?? []).slice().sort((a, b) => a.at - b.at || compareStrings(a.id, b.id));
      for (const time of [...new Set(times)].sort((a, b) => a - b)) {
        let match: Held | undefined;
        for (const start of starts) if (start.at <= time && !endOf.has(start)) match = start;
        if (match === undefined) report.sessionEnds.unmatched++;
        else {
          endOf.set(match, time);
          report.sessionEnds.matched++;
        }
      }
    }
    const sorted = held.slice().sort((a, b) => a.at - b.at || compareStrings(a.id, b.id));
    for (const h of sorted) {
      const end = endOf.get(h);
      const parsed = JSON.parse(h.json) as Record<string, unknown>;
      const record = end !== undefined ? { ...parsed, end: new Date(end).toISOString() } : parsed;
      const written = output('event', record);
      if (written !== 'duplicate') yield written;
    }
  }

  /** A minimal subject for every subject the events referred to ({@link ImportOptions.emitSubjects}). */
  function* subjectRecords(): Generator<ImportedRecord> {
    for (const subjectId of [...accounts.keys()].sort(compareStrings)) {
      const list = [...(accounts.get(subjectId) as Set<string>)].sort(compareStrings).map((accountId) => ({ system: connector.id, accountId }));
      const validated = validate('subject', { id: subjectId, ...(list.length > 0 ? { accounts: list } : {}) }, report);
      if ('record' in validated) {
        const written = output('subject', validated.record);
        if (written !== 'duplicate') yield written;
      }
    }
  }

  const finish = (): ImportedRecord[] => Array.from(finishEach());

  const retained = (): RetainedCounts => ({
    recordKeys: seen.size,
    heldSessions: held.length,
    heldChars,
    sessionEnds: endTimes,
    sessionEndKeys: ends.size,
    connectorRecords: session?.held?.().records ?? 0,
    connectorChars: session?.held?.().chars ?? 0,
    subjects: accounts.size,
    reportEntries: report.entries(),
  });

  return { push, finish, finishEach, report: () => report.build(), retained };
}

/** Imports rows from any iterable or async iterable, yielding records; the report is the generator's return value. */
export async function* importRows(
  connector: Connector,
  rows: Iterable<SourceRow> | AsyncIterable<SourceRow>,
  options: ImportOptions = {},
): AsyncGenerator<ImportedRecord, MappingReport> {
  const importer = createImporter(connector, options);
  for await (const row of rows) yield* importer.push(row);
  yield* importer.finishEach();
  return importer.report();
}

/**
 * Imports in-memory values (parsed JSON: rows, arrays of rows, or wrappers such as a Graph
 * `{ value: [...] }` page): records and report at once.
 */
export function importAll(connector: Connector, values: Iterable<unknown>, options: ImportOptions = {}): { records: ImportedRecord[]; report: MappingReport } {
  const importer = createImporter(connector, options);
  const records: ImportedRecord[] = [];
  const keep = (batch: Iterable<ImportedRecord>): void => {
    for (const record of batch) records.push(record);
  };
  for (const value of values) for (const row of expandWrappers(value, connector.wrappers ?? commonWrappers)) keep(importer.push({ value: row }));
  keep(importer.finish());
  return { records, report: importer.report() };
}
