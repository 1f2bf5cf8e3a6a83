import type { FieldReader } from './reader';

/** A public page that documents the source's export format; each connector cites the ones it was written from. */
export interface VendorDoc {
  /** What the page documents, e.g. "System Log API: LogEvent object". */
  readonly title: string;
  /** The page's address. */
  readonly url: string;
}

/** How the command line reads a source's files before handing rows to the connector. */
export type SourceFormat = 'json' | 'csv';

/** A record a connector drafts from a row. Optional values may be undefined or null: the runner drops them. */
export interface RecordDraft {
  /** `subject` or `event`, as the NDJSON `recordType` of `redflags score`. */
  readonly recordType: 'subject' | 'event';
  /** The record's fields. */
  readonly record: Readonly<Record<string, unknown>>;
  /**
   * For a session whose end the source records in another row: the key that end carries
   * (e.g. Okta `authenticationContext.externalSessionId`). The runner holds the record until
   * the input ends and sets `end` from the matching {@link SessionEnd}.
   */
  readonly endKey?: string;
}

/** A row that ends a session drafted from another row (Okta `user.session.end`, Google `logout`). */
export interface SessionEnd {
  /** The key the session was drafted with ({@link RecordDraft.endKey}). */
  readonly key: string;
  /** When the session ended, ISO 8601. */
  readonly at: string;
}

/** What a connector made of one row: records and session ends, or the reason the row cannot be a record. */
export type RowResult =
  | {
      readonly records?: readonly RecordDraft[];
      readonly sessionEnds?: readonly SessionEnd[];
      /** True when the row feeds records its {@link ConnectorSession} writes when the input ends (a roster month): counted as mapped. */
      readonly held?: boolean;
    }
  | { readonly skip: string };

/** What the runner tells a connector about the row it is mapping. */
export interface MapContext {
  /** The connector id, for `source` fields and record-id prefixes. */
  readonly source: string;
  /** Line (1-based) where the row starts in its file, when known. */
  readonly line?: number;
  /** The file the row was read from, when known (the command line names it when it reads several). */
  readonly file?: string;
  /**
   * The subject id for an account as the source names it (login, UPN, e-mail). By default the
   * account trimmed and lower-cased (logins are case-insensitive), so events line up with HR
   * records keyed by work e-mail; undefined when the caller's map has no subject for it (the
   * connector then skips the row, naming the account).
   */
  subjectIdFor(accountId: string): string | undefined;
}

/**
 * State of one import, for sources whose records need several rows (a roster read month by
 * month gives each person's start and end). Made fresh for each import, so the same rows still
 * give the same records; it should hold what the records need, not the rows.
 */
export interface ConnectorSession {
  /** Maps one row, as {@link Connector.mapRow}; may return `{ held: true }` for a row kept for {@link finish}. */
  mapRow(row: FieldReader, context: MapContext): RowResult;
  /**
   * Records drafted from the held rows when the input ends, in an order that does not depend on
   * the row order. An array, or a generator that makes them one at a time (the runner writes
   * each before asking for the next).
   */
  finish(): Iterable<RecordDraft>;
  /**
   * Records the session holds as text until the input ends, and the characters of that text, for memory accounting (GitHub merges waiting for their
   * approvals).
   */
  held?(): { readonly records: number; readonly chars: number };
}

/**
 * A connector: maps rows of one source system's export onto redflags records. It is a plain
 * object of pure functions, so it runs in any JavaScript runtime and the same rows always give
 * the same records. See {@link defineConnector}.
 */
export interface Connector {
  /** Id used on the command line and in record ids, e.g. `okta`, `entra`, `google-workspace`. */
  readonly id: string;
  /** Human-readable name, e.g. "Okta System Log". */
  readonly title: string;
  /** The vendor pages the mapping was written from. */
  readonly docs: readonly VendorDoc[];
  /** How files of this source are read: JSON (documents, arrays, NDJSON, wrappers) or CSV with a header row. */
  readonly format: SourceFormat;
  /**
   * Keys (dotted for nested ones) of arrays that wrap rows, e.g. `value` (Graph), `records`
   * (Azure Event Hub), `items` (Google Reports API), `data.events` (Okta event hook). A JSON
   * object holding one of them is a wrapper: its elements are the rows.
   */
  readonly wrappers?: readonly string[];
  /**
   * Source fields this connector leaves out on purpose, with why; documented and reported as
   * `ignored` rather than `unmapped`. Paths are case-insensitive and cover their subfields.
   */
  readonly ignored?: Readonly<Record<string, string>>;
  /** Optional check that a row looks like this source (used to refuse an obviously wrong source). */
  detect?(row: FieldReader): boolean;
  /** Maps one row. Read fields only through `row`, so unmapped fields are counted. Must not throw for any input. */
  mapRow(row: FieldReader, context: MapContext): RowResult;
  /** For sources whose records need several rows: a fresh state per import, which maps the rows instead of {@link mapRow}. */
  createSession?(): ConnectorSession;
}

/** Wrapper keys most exports use: Graph `value`, Event Hub `records`, Google `items`, Okta event hooks `data.events`. */
export const commonWrappers: readonly string[] = ['value', 'records', 'items', 'data.events'];

/**
 * Declares a connector. Returns it unchanged (frozen), typed; the runner ({@link importRows})
 * does the rest: row accounting, field accounting, validation, de-duplication, session ends.
 *
 * @example
 * ```ts
 * export const myIdp = defineConnector({
 *   id: 'my-idp',
 *   title: 'My IdP sign-in log',
 *   docs: [{ title: 'Sign-in log schema', url: 'https://example.com/docs/signins' }],
 *   format: 'json',
 *   mapRow(row, ctx) {
 *     const login = row.string('user.login');
 *     if (login === undefined) return { skip: 'no user login' };
 *     const subjectId = ctx.subjectIdFor(login);
 *     if (subjectId === undefined) return { skip: `no subject for account "${login}"` };
 *     const at = row.time('timestamp');
 *     if (at === undefined) return { skip: 'no readable timestamp' };
 *     const id = `${ctx.source}:${row.string('id')}`;
 *     return { records: [{ recordType: 'event', record: { id, subjectId, type: 'session', at, accountId: login, ip: row.string('ip') } }] };
 *   },
 * });
 * ```
 */
export function defineConnector(connector: Connector): Connector {
  return Object.freeze({ ...connector });
}

/** Skips a row: it cannot be a record at all (not a sign-in, no account, no time). */
export function skip(reason: string): RowResult {
  return { skip: reason };
}
