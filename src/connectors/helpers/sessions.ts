import type { RecordDraft, SessionEnd } from '../contract';

/**
 * A session draft that the runner holds for an end recorded in another row, when the source
 * gives the key that end will carry (Okta `externalSessionId`, Google account and IP); without a
 * key the session is written at once. The one place connectors pair sessions with their ends.
 */
export function sessionDraft(record: Readonly<Record<string, unknown>>, endKey: string | undefined): RecordDraft {
  return endKey !== undefined && endKey !== '' ? { recordType: 'event', record, endKey } : { recordType: 'event', record };
}

/** The end of a session drafted with {@link sessionDraft} under the same key. */
export function sessionEnd(key: string, at: string): SessionEnd {
  return { key, at };
}

/**
 * The key for sources that record no session id (Google `logout`): the account, lower-cased,
 * and the IP address, so a logout ends that account's latest login from the same address.
 */
export function accountIpSessionKey(account: string, ip: string | undefined): string {
  return `${account.toLowerCase()}|${ip ?? ''}`;
}
