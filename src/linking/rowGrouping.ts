import { HashTable64 } from '../engine/hashTable64';
import { IntColumn } from './columns';
import { LinkKeyHasher } from './keyHash';
import { LinkKeyTable, type KeyTableWork } from './keyTable';
import { linkKeyKinds, linkKeyRowFields, LINK_KEY_ROW_STRIDE } from './keys';
import { decodeSignature, defaultMinHashOptions, minHashBands, photoHashBands } from './lsh';
import { unpackRows } from './packedRows';
import type { LinkGroup } from './linkIndex';
import { rowTimeText } from './rowTime';

/** One subject's key rows, as the linkage summaries carry them (`linkKeyRows`). */
export interface SubjectKeyRows {
  /** The subject. */
  readonly subjectId: string;
  /**
   * Its rows, {@link LINK_KEY_ROW_STRIDE} entries a key, as an array or as the JSON text of one
   * (`packRows`, as the summaries hold them; read once per pass). They may come from another process: checked.
   */
  readonly rows: readonly unknown[] | string;
}

/** Counts of the work of {@link groupLinkKeyRows}, for tests that show it is linear and keeps only shared keys. */
export interface RowGroupingWork {
  /** Rows read (each read twice: once per pass). */
  readonly rows: number;
  /** Keys hashed in the first pass: one per row, or one per LSH bucket of a photo or resume row. */
  readonly hashedKeys: number;
  /** Distinct 64-bit key hashes of the first pass. */
  readonly distinctHashes: number;
  /** Hash slots inspected in the first pass, growth included. */
  readonly hashProbes: number;
  /** Subjects whose rows the second pass read again: only those with a key whose hash another subject carries. */
  readonly subjectsReadAgain: number;
  /** Photo and resume rows whose LSH buckets were derived from the signature again in the second pass: only those with a shared bucket. */
  readonly bucketsDerivedAgain: number;
  /** Keys given to the key table in the second pass: those whose hash two or more subjects carry. */
  readonly keptKeys: number;
  /** The key table of the second pass (its distinct keys are the texts kept). */
  readonly table: KeyTableWork;
}

/**
 * Characters of a typical packed row (an e-mail row is about 45, an address or event row 60 to 70):
 * the hash table is sized from the texts' length without parsing them, and grows if they hold more rows.
 */
const TYPICAL_ROW_CHARS = 56;

/** `entryFirst` of a hash met on two or more subjects. */
const SHARED = -1;

/** A row's optional text: `null` (or anything but a string) is absent. */
function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks row `i` of a subject's rows and returns its kind name and field text.
 * @throws {TypeError} when the row is not `[kind, key, record, field, at, until, signature]`.
 */
function checkedRow(subjectId: string, rows: readonly unknown[], i: number): { kind: string; field: string } {
  const kind = typeof rows[i] === 'number' ? linkKeyKinds[rows[i] as number] : undefined;
  const key = rows[i + 1];
  const code = rows[i + 3];
  const field = typeof code === 'number' ? linkKeyRowFields[code] : code;
  const signature = rows[i + 6];
  if (kind === undefined || (typeof key !== 'string' && typeof signature !== 'string') || typeof rows[i + 2] !== 'string' || typeof field !== 'string') {
    throw new TypeError(`link key row ${i / LINK_KEY_ROW_STRIDE} of subject "${subjectId}" is not [kind, key, record, field, at, until, signature]`);
  }
  if (typeof key !== 'string' && kind === 'photo' && typeof rows[i + 5] !== 'number') {
    throw new TypeError(`link key row ${i / LINK_KEY_ROW_STRIDE} of subject "${subjectId}" has no photo distance`);
  }
  return { kind, field };
}

/** The LSH bucket keys of a row with key `null`: derived from its signature (a photo's cut for the distance in `until`). */
function bucketsOf(kind: string, rows: readonly unknown[], i: number): string[] {
  const signature = rows[i + 6] as string;
  return kind === 'photo' ? photoHashBands(signature, rows[i + 5] as number) : minHashBands(decodeSignature(signature), defaultMinHashOptions);
}

/**
 * Groups the subjects' key rows by `(kind, key)` in two passes over the rows, keeping the texts of
 * shared keys only: the first pass hashes every key to 64 bits (FNV-1a of `kind + "\0" + key`)
 * and notes, per hash, whether two or more subjects carry it (about 12 bytes a distinct key, no
 * text, no time formatted); the second gives the key table only the keys whose hash was shared,
 * where texts are compared exactly, so a hash collision never joins two keys. The groups are those
 * of `LinkKeyTable.addSubjectRows` over the same rows (what `GROUP BY kind, key HAVING
 * COUNT(DISTINCT subject_id) > 1` returns); members are in the order added. A subject id given
 * twice is one subject. Linear in the rows. `hasher` is for tests that make keys collide.
 * @throws {TypeError} when a subject's rows are not rows (summaries may come from another process).
 */
export function groupLinkKeyRows(subjects: readonly SubjectKeyRows[], work?: (w: RowGroupingWork) => void, hasher = new LinkKeyHasher()): LinkGroup[] {
  const kindOf = linkKeyKinds.map((kind) => hasher.kindOf(kind));
  // Sized for one distinct key a row (most keys are a subject's own): no growth on the way when
  // the rows are arrays; packed rows are counted from their length.
  let rowsHint = 0;
  for (const { rows } of subjects) rowsHint += Array.isArray(rows) ? rows.length / LINK_KEY_ROW_STRIDE : rows.length / TYPICAL_ROW_CHARS;
  const entries = new HashTable64(rowsHint);
  const entryFirst = new IntColumn();
  // Per key hashed, in the order of the rows: its entry, so the second pass hashes only shared keys.
  const rowEntry = new IntColumn();
  // Per photo or resume row, in the order of the rows: its number of buckets, so the second pass derives them only when one is shared.
  const rowBuckets = new IntColumn();
  // Per subject: the end of its keys in `rowEntry` and of its photo and resume rows in `rowBuckets`,
  // so the second pass skips (and does not unpack) a subject with no shared key.
  const subjectEnd = new IntColumn();
  const subjectFuzzyEnd = new IntColumn();
  let rowCount = 0;
  let sharedHashes = 0;
  const count = (kind: number, key: string, subject: number): void => {
    hasher.hash(kind, key);
    const entry = entryFirst.length;
    const held = entries.setIfAbsent(hasher.out[0] as number, hasher.out[1] as number, entry);
    if (held === undefined) {
      entryFirst.push(subject);
      rowEntry.push(entry);
      return;
    }
    const first = entryFirst.get(held);
    if (first !== subject && first !== SHARED) {
      entryFirst.set(held, SHARED);
      sharedHashes++;
    }
    rowEntry.push(held);
  };
  for (let subject = 0; subject < subjects.length; subject++) {
    const { subjectId, rows: given } = subjects[subject] as SubjectKeyRows;
    const rows = unpackRows(given, 'link key rows', subjectId);
    if (rows.length % LINK_KEY_ROW_STRIDE !== 0) throw new TypeError(`link key rows of subject "${subjectId}" are not in groups of ${LINK_KEY_ROW_STRIDE}`);
    for (let i = 0; i < rows.length; i += LINK_KEY_ROW_STRIDE) {
      const { kind } = checkedRow(subjectId, rows, i);
      rowCount++;
      const k = kindOf[rows[i] as number] as number;
      const key = rows[i + 1];
      if (typeof key === 'string') {
        count(k, key, subject);
        continue;
      }
      const buckets = bucketsOf(kind, rows, i);
      rowBuckets.push(buckets.length);
      for (const bucket of buckets) count(k, bucket, subject);
    }
    subjectEnd.push(rowEntry.length);
    subjectFuzzyEnd.push(rowBuckets.length);
  }

  // Sized for the shared hashes (one key each, more only where 64-bit hashes collide): it never grows.
  const table = new LinkKeyTable(hasher, sharedHashes);
  let next = 0;
  let nextFuzzy = 0;
  let kept = 0;
  let derivedAgain = 0;
  let readAgain = 0;
  const shared = (): boolean => entryFirst.get(rowEntry.get(next++)) === SHARED;
  const anyShared = (from: number, to: number): boolean => {
    for (let e = from; e < to; e++) if (entryFirst.get(rowEntry.get(e)) === SHARED) return true;
    return false;
  };
  for (let subject = 0; subject < subjects.length; subject++) {
    const { subjectId, rows: given } = subjects[subject] as SubjectKeyRows;
    const end = subjectEnd.get(subject);
    if (!anyShared(next, end)) {
      // No key of this subject is shared: its rows are not read again.
      next = end;
      nextFuzzy = subjectFuzzyEnd.get(subject);
      continue;
    }
    readAgain++;
    const rows = unpackRows(given, 'link key rows', subjectId);
    for (let i = 0; i < rows.length; i += LINK_KEY_ROW_STRIDE) {
      const key = rows[i + 1];
      if (typeof key === 'string' && !shared()) continue;
      const { kind, field } = checkedRow(subjectId, rows, i);
      const recordId = rows[i + 2] as string;
      const at = rowTimeText(rows[i + 4], subjectId, i / LINK_KEY_ROW_STRIDE);
      const signature = optionalText(rows[i + 6]);
      if (typeof key === 'string') {
        kept++;
        table.addKeyRow(subjectId, kind, key, recordId, field, at, rowTimeText(rows[i + 5], subjectId, i / LINK_KEY_ROW_STRIDE), signature);
        continue;
      }
      // A photo or resume row: its buckets were hashed in order; only shared ones are kept, and
      // the buckets are derived again only when one is (most photos and resumes share none).
      const buckets = rowBuckets.get(nextFuzzy++);
      if (!anyShared(next, next + buckets)) {
        next += buckets;
        continue;
      }
      derivedAgain++;
      for (const bucket of bucketsOf(kind, rows, i)) {
        if (!shared()) continue;
        kept++;
        table.addKeyRow(subjectId, kind, bucket, recordId, field, at, undefined, signature);
      }
    }
  }
  const groups = table.groups();
  work?.({
    rows: rowCount,
    hashedKeys: rowEntry.length,
    distinctHashes: entries.size,
    hashProbes: entries.probes,
    subjectsReadAgain: readAgain,
    bucketsDerivedAgain: derivedAgain,
    keptKeys: kept,
    table: table.work,
  });
  return groups;
}
