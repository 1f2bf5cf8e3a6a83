import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import {
  defaultPhotoMaxDistance,
  emitLinkKeys,
  eventFieldPath,
  fuzzyLinkKeyKinds,
  linkKeyKinds,
  linkKeyRowFields,
  replacesLinkTime,
  type EventKeyField,
  type ExtractOptions,
  type LinkKeyKind,
  type LinkKeySink,
} from './keys';
import { compareText } from '../engine/order';
import { linkEventTime } from './eventTime';

/** No next row in a chain. */
const NONE = -1;

const kindNumber: Readonly<Record<string, number>> = Object.fromEntries(linkKeyKinds.map((kind, i) => [kind, i]));
const fieldCodes = new Map(linkKeyRowFields.map((f, i) => [f, i]));

/** The emissions of one photo or resume record (kind, record id, field), kept until the subject ends. */
interface FuzzyRecord {
  readonly kind: LinkKeyKind;
  readonly recordId: string;
  readonly field: string;
  /** The signature of the first emission; `mixed` when another one differs. */
  readonly signature: string;
  mixed: boolean;
  /** Earliest `at` of the emissions (as `extractLinkKeys` keeps per bucket key). */
  at: string | undefined;
  /** Every emission: bucket key, `at`, signature. */
  readonly bands: { key: string; at: string | undefined; signature: string }[];
}

/**
 * Writes a subject's keys as {@link linkKeyRows} rows while {@link emitLinkKeys} derives them: no
 * {@link LinkKey} object, no sort, no id text per key. Deduplicates and summarises as
 * `extractLinkKeys` does: a record key once per `(kind, key, record, field)` with its earliest
 * time; an event key once per `(kind, key, field)` with its first event and its first and last
 * time, held as milliseconds. Keys are found through a `Map` by their text, with a chain of the
 * rows or summaries that share it (compared on kind, record and field), so no id text is built.
 */
class LinkKeyRowWriter implements LinkKeySink {
  // Record keys: rows by key text, chained.
  private readonly recordByKey = new Map<string, number>();
  private readonly recordKind: number[] = [];
  private readonly recordKeyText: string[] = [];
  private readonly recordId: string[] = [];
  private readonly recordField: string[] = [];
  private readonly recordAt: (string | undefined)[] = [];
  private readonly recordNext: number[] = [];
  // Event keys: summaries by key text, chained.
  private readonly eventByKey = new Map<string, number>();
  private readonly eventKind: number[] = [];
  private readonly eventKeyText: string[] = [];
  private readonly eventField: EventKeyField[] = [];
  private readonly eventFirst: ActivityEvent[] = [];
  private readonly eventFirstMs: number[] = [];
  private readonly eventLastMs: number[] = [];
  private readonly eventNext: number[] = [];
  private readonly fuzzy = new Map<string, FuzzyRecord>();
  // One event gives up to four keys: its time is parsed once.
  private lastEvent: ActivityEvent | undefined;
  private lastEventMs = NaN;

  /** Photo and resume records become one row each only when their buckets are the signature's own (no pseudonymisation, default MinHash). */
  constructor(
    private readonly collapse: boolean,
    private readonly photoMaxDistance: number,
  ) {}

  recordKey(kind: LinkKeyKind, key: string, recordId: string, field: string, at: string | undefined, signature: string | undefined): void {
    if (signature !== undefined && fuzzyLinkKeyKinds.has(kind)) {
      this.fuzzyKey(kind, key, recordId, field, at, signature);
      return;
    }
    const k = kindNumber[kind] as number;
    const head = this.recordByKey.get(key);
    for (let r = head ?? NONE; r !== NONE; r = this.recordNext[r] as number) {
      if (this.recordKind[r] !== k || this.recordId[r] !== recordId || this.recordField[r] !== field) continue;
      if (replacesLinkTime(this.recordAt[r], at)) this.recordAt[r] = at;
      return;
    }
    const row = this.recordKind.length;
    this.recordKind.push(k);
    this.recordKeyText.push(key);
    this.recordId.push(recordId);
    this.recordField.push(field);
    this.recordAt.push(at);
    this.recordNext.push(head ?? NONE);
    this.recordByKey.set(key, row);
  }

  eventKey(kind: LinkKeyKind, key: string, event: ActivityEvent, field: EventKeyField): void {
    if (event !== this.lastEvent) {
      this.lastEvent = event;
      this.lastEventMs = linkEventTime(event);
    }
    const t = this.lastEventMs;
    const k = kindNumber[kind] as number;
    const head = this.eventByKey.get(key);
    for (let s = head ?? NONE; s !== NONE; s = this.eventNext[s] as number) {
      if (this.eventKind[s] !== k || this.eventField[s] !== field) continue;
      const firstMs = this.eventFirstMs[s] as number;
      if (t < firstMs || (t === firstMs && event.id < (this.eventFirst[s] as ActivityEvent).id)) {
        this.eventFirst[s] = event;
        this.eventFirstMs[s] = t;
      }
      if (t > (this.eventLastMs[s] as number)) this.eventLastMs[s] = t;
      return;
    }
    const s = this.eventKind.length;
    this.eventKind.push(k);
    this.eventKeyText.push(key);
    this.eventField.push(field);
    this.eventFirst.push(event);
    this.eventFirstMs.push(t);
    this.eventLastMs.push(t);
    this.eventNext.push(head ?? NONE);
    this.eventByKey.set(key, s);
  }

  private fuzzyKey(kind: LinkKeyKind, key: string, recordId: string, field: string, at: string | undefined, signature: string): void {
    // Photos and resumes are few (one record each, 16 to 30 buckets): an id text per record is cheap.
    const id = `${kind}\u0000${recordId}\u0000${field}`;
    const record = this.fuzzy.get(id);
    if (record === undefined) {
      this.fuzzy.set(id, { kind, recordId, field, signature, mixed: false, at, bands: [{ key, at, signature }] });
      return;
    }
    if (signature !== record.signature) record.mixed = true;
    if (replacesLinkTime(record.at, at)) record.at = at;
    record.bands.push({ key, at, signature });
  }

  /** The rows, 7 entries a key: record keys, then event keys, then photos and resumes (each in the order first met). */
  rows(): (string | number | null)[] {
    const out: (string | number | null)[] = [];
    for (let r = 0; r < this.recordKind.length; r++) {
      const field = this.recordField[r] as string;
      out.push(
        this.recordKind[r] as number,
        this.recordKeyText[r] as string,
        this.recordId[r] as string,
        fieldCodes.get(field) ?? field,
        this.recordAt[r] ?? null,
        null,
        null,
      );
    }
    for (let s = 0; s < this.eventKind.length; s++) {
      const first = this.eventFirst[s] as ActivityEvent;
      const field = eventFieldPath(first.type, this.eventField[s] as string);
      out.push(
        this.eventKind[s] as number,
        this.eventKeyText[s] as string,
        first.id,
        fieldCodes.get(field) ?? field,
        this.eventFirstMs[s] as number,
        this.eventLastMs[s] as number,
        null,
      );
    }
    for (const record of this.fuzzy.values()) this.fuzzyRows(record, out);
    return out;
  }

  /**
   * One row for a photo or resume whose every emission carried one signature (key `null`: its
   * buckets are derived again from the signature, and a photo's row carries the Hamming distance
   * they were cut for in place of `until`); otherwise one row per bucket key, the earliest emission
   * of each kept, as `extractLinkKeys` keeps them.
   */
  private fuzzyRows(record: FuzzyRecord, out: (string | number | null)[]): void {
    const k = kindNumber[record.kind] as number;
    const field = fieldCodes.get(record.field) ?? record.field;
    if (this.collapse && !record.mixed) {
      out.push(k, null, record.recordId, field, record.at ?? null, record.kind === 'photo' ? this.photoMaxDistance : null, record.signature);
      return;
    }
    const earliest = new Map<string, { at: string | undefined; signature: string }>();
    for (const b of record.bands) {
      const prev = earliest.get(b.key);
      if (prev === undefined || replacesLinkTime(prev.at, b.at)) earliest.set(b.key, { at: b.at, signature: b.signature });
    }
    for (const key of [...earliest.keys()].sort(compareText)) {
      const b = earliest.get(key) as { at: string | undefined; signature: string };
      out.push(k, key, record.recordId, field, b.at ?? null, null, b.signature);
    }
  }
}

/**
 * The keys of one subject ({@link extractLinkKeys}) as one flat array of plain data, 7 entries a
 * key: the kind's position in `linkKeyKinds`, the key, the record id, the field (its position in
 * {@link linkKeyRowFields}, or the text), `at` and `until` (an event key's first and last time as
 * milliseconds, a record's time as it gives it, or `null`), and the signature or `null`. One array
 * per subject instead of an object per key, fit to cross threads (`structuredClone`) or be written
 * as JSON; `groupLinkKeyRows` and `LinkKeyTable.addSubjectRows` read it. A photo or resume's LSH
 * bucket keys, which its signature determines, are one row with key `null` (and, for a photo, the
 * Hamming distance the bands were cut for in place of `until`): a resume's 16 bucket keys would
 * otherwise repeat its 512-character signature 16 times. The rows are written as the keys are
 * derived (no key object, no sort): their order follows the subject's records and its events
 * (which the view sorts), and grouping does not depend on it.
 */
export function linkKeyRows(subject: Subject, events: readonly ActivityEvent[], options: ExtractOptions = {}): (string | number | null)[] {
  const writer = new LinkKeyRowWriter(options.pseudonymize === undefined && options.minHash === undefined, options.photoMaxDistance ?? defaultPhotoMaxDistance);
  emitLinkKeys(subject, events, options, writer);
  return writer.rows();
}
