import type { ActivityEvent } from '../records/events';
import type { PostalAddress } from '../records/common';
import type { Subject } from '../records/subject';
import { normalizeIp } from '../records/ip';
import { parseIsoTime } from '../records/isoTime';
import { linkEventTime } from './eventTime';
import { linkKeyKinds, type LinkKeyKind } from '../records/linkage';
import { defaultMinHashOptions, encodeSignature, minHash, minHashBands, photoHashBands, type MinHashOptions } from './lsh';
import {
  normalizeAccount,
  normalizeAddress,
  normalizeEmail,
  normalizeIdentifier,
  normalizePhone,
  normalizeSiteAddress,
  normalizeWallet,
  sameAddressFields,
} from './normalize';
import { compareText } from '../engine/order';

export { linkKeyKinds, type LinkKeyKind } from '../records/linkage';

/**
 * Kinds matched approximately: their keys are LSH bucket keys (candidate generators), and two
 * records in one bucket are linked only when their `signature`s pass verification.
 */
export const fuzzyLinkKeyKinds: ReadonlySet<LinkKeyKind> = new Set(['photo', 'text']);

/**
 * One normalised identifier of a subject, and the record it came from. Grouping keys by
 * `(kind, key)` across subjects yields the links.
 */
export interface LinkKey {
  /** What the key identifies. */
  readonly kind: LinkKeyKind;
  /** The normalised (or pseudonymised) value; for photo and text, an LSH bucket key. */
  readonly key: string;
  /** The record it came from: the subject id, or a shipment, payment instruction, event, photo or document id. */
  readonly recordId: string;
  /** Field path inside the record, without array positions, e.g. `shipments[].address`. */
  readonly field: string;
  /** When the key was first seen on this record, ISO 8601, when known. */
  readonly at?: string;
  /** When it was last seen (IP addresses and devices seen over many events). */
  readonly until?: string;
  /** For photo and text: the full perceptual hash or MinHash signature, used to verify bucket candidates. */
  readonly signature?: string;
}

/** Options of {@link extractLinkKeys}. */
export interface ExtractOptions {
  /**
   * Keyed hash applied to every key (never to photo or text signatures, which are already
   * one-way digests), so raw identifiers need not leave the system that extracts them, e.g.
   * `(kind, value) => createHmac('sha256', secret).update(kind + ':' + value).digest('hex')`.
   * Must be deterministic; use the same secret wherever keys are compared.
   */
  readonly pseudonymize?: (kind: LinkKeyKind, value: string) => string;
  /** Country calling code assumed for phone numbers written without one, e.g. `1`. */
  readonly defaultCallingCode?: string;
  /** Maximum Hamming distance at which two photo hashes count as one photo. Default 6 (of 64 bits). */
  readonly photoMaxDistance?: number;
  /** MinHash parameters for resume and bid text. */
  readonly minHash?: MinHashOptions;
  /**
   * Addresses of the organisation's own offices (`reference.organisation.offices`). Equipment
   * shipped to an office, whatever its unit or "attn" line, is a pick-up, not a shared drop
   * address, so such ship-to addresses give no key.
   */
  readonly officeAddresses?: readonly PostalAddress[];
}

/** Default maximum Hamming distance between two perceptual hashes of one photo. */
export const defaultPhotoMaxDistance = 6;

function timeOf(value: string | undefined): number {
  return value === undefined ? Infinity : parseIsoTime(value);
}

/**
 * Whether a key met again at `at` takes the place of the time kept so far, `kept`: the earliest
 * time wins, no time counts as latest, and a time that does not parse (trusted input) never
 * compares as earlier or equal, so it replaces and is replaced. Every path that derives link keys
 * (the batch collector, the key table, the summaries' key rows) decides with this one predicate,
 * so they keep the same time whatever the input.
 */
export function replacesLinkTime(kept: string | undefined, at: string | undefined): boolean {
  return !(timeOf(kept) <= timeOf(at));
}

/** Bit of each kind in a kind set (bit i: `linkKeyKinds[i]`), as {@link emitLinkKeys} takes it. */
export const linkKeyKindBit: Readonly<Record<LinkKeyKind, number>> = Object.fromEntries(linkKeyKinds.map((kind, i) => [kind, 1 << i])) as Record<
  LinkKeyKind,
  number
>;

/** The set of every kind. */
export const allLinkKeyKinds = (1 << linkKeyKinds.length) - 1;

/** The event fields a key is taken from; an event key is summarised per `(kind, key, field)`. */
export type EventKeyField =
  'ip' | 'deviceId' | 'mfaDeviceId' | 'mfa.authenticatorId' | 'authenticatorId' | 'serial' | 'iban' | 'accountNumber' | 'walletAddress';

/**
 * Where {@link emitLinkKeys} writes the keys of one subject, one call per key as it is derived
 * (duplicates included): the public {@link extractLinkKeys} collects them into sorted
 * {@link LinkKey} objects, linkage writes them straight into its key table.
 */
export interface LinkKeySink {
  /** A key read from a record of the subject (not an event); `at` as the record gives it. */
  recordKey(kind: LinkKeyKind, key: string, recordId: string, field: string, at: string | undefined, signature: string | undefined): void;
  /** A key read from an event; its time is the event's `at`. */
  eventKey(kind: LinkKeyKind, key: string, event: ActivityEvent, field: EventKeyField): void;
  /**
   * Optional, for a sink that needs each key's hash only (the first pass of a grouping): takes an
   * e-mail address or a phone number as the record writes it, in place of `recordKey` with its
   * normalised text, so the sink can hash it as it normalises it without building the text.
   * Called only when keys are not pseudonymised.
   */
  writtenKey?(kind: 'email' | 'phone', written: string, defaultCallingCode: string | undefined): void;
  /**
   * Optional, for a sink that needs each key's hash only (the first pass of a grouping): takes a
   * postal address in place of `recordKey` with its normalised text, so the sink can hash it as it
   * normalises it without building the text. Called only when keys are not pseudonymised, for
   * addresses that are not an office's.
   */
  writtenAddress?(address: PostalAddress): void;
  /**
   * Optional, for a sink that needs each key's hash only: takes a photo's lower-case perceptual
   * hash in place of its band keys, so the sink can hash the bands without their texts. Returns
   * false when it did not take them (a hash that is not 16 hex digits): the bands then come as
   * `recordKey` calls. Called only when keys are not pseudonymised.
   */
  photoBands?(hash: string, maxDistance: number): boolean;
  /**
   * Optional, for a sink that needs each key's hash only: takes a resume's MinHash signature in
   * place of its band keys and encoded signature, so the sink can hash the bands without their
   * texts. Called only when keys are not pseudonymised.
   */
  textBands?(signature: Uint32Array, options: MinHashOptions): void;
}

/**
 * Derives every link key of one subject from its record and its events: e-mail addresses, phone
 * numbers, postal addresses (residence, contact, document, shipment and change-request
 * addresses), bank accounts and IBANs, wallets, payout accounts, device and MFA device ids (session
 * `mfaDeviceId` and `mfa.authenticatorId`, registered authenticators), IP
 * addresses (one key per address with the first and last time it was used), document numbers,
 * photo hashes and resume text (as LSH bucket keys with their signatures).
 *
 * Pure and linear in the subject's records. Keys are deduplicated per record, and events are
 * summarised per key (first event, first and last time), so the output does not grow with the
 * number of sessions. The output is sorted, so it does not depend on record order.
 */
export function extractLinkKeys(subject: Subject, events: readonly ActivityEvent[], options: ExtractOptions = {}): LinkKey[] {
  const collector = new LinkKeyCollector();
  emitLinkKeys(subject, events, options, collector);
  return collector.keys();
}

/** Entries per key in the rows `linkKeyRows` writes: kind number, key, record id, field, at, until, signature. */
export const LINK_KEY_ROW_STRIDE = 7;

/**
 * Field paths that `linkKeyRows` writes as their position in this list (a small number
 * instead of a 30-byte text per key). Append only: summaries made by one version are read by
 * another within a run only, but the order is the encoding.
 */
export const linkKeyRowFields: readonly string[] = Object.freeze([
  'contacts.emails[].address',
  'contacts.phones[].number',
  'identity.residence.address',
  'documents[].address',
  'documents[].number',
  'shipments[].address',
  'shipments[].changeRequests[].address',
  'shipments[].deviceId',
  'shipments[].serial',
  'paymentInstructions[].iban',
  'paymentInstructions[].accountNumber',
  'paymentInstructions[].walletAddress',
  'paymentInstructions[].platformAccount',
  'photos[].perceptualHash',
  'resumeText',
  'events[type=session].ip',
  'events[type=session].deviceId',
  'events[type=session].mfaDeviceId',
  'events[type=session].mfa.authenticatorId',
  'events[type=authenticator-registration].authenticatorId',
  'events[type=device-checkin].ip',
  'events[type=device-checkin].deviceId',
  'events[type=device-checkin].serial',
  'events[type=payment].iban',
  'events[type=payment].accountNumber',
  'events[type=payment].walletAddress',
]);

/**
 * The keys of one subject as {@link extractLinkKeys} returns them: deduplicated per record (the
 * earliest time kept), event keys summarised per `(kind, key, field)` (first event, first and
 * last time), sorted.
 */
class LinkKeyCollector implements LinkKeySink {
  private readonly out = new Map<string, LinkKey>();
  private readonly eventKeys = new Map<string, { kind: LinkKeyKind; key: string; field: string; first: ActivityEvent; firstMs: number; lastMs: number }>();
  // One event gives up to four keys: its time is parsed once.
  private lastEvent: ActivityEvent | undefined;
  private lastEventMs = NaN;

  recordKey(kind: LinkKeyKind, key: string, recordId: string, field: string, at: string | undefined, signature: string | undefined): void {
    const id = `${kind}\u0000${key}\u0000${recordId}\u0000${field}`;
    const prev = this.out.get(id);
    if (prev !== undefined && !replacesLinkTime(prev.at, at)) return;
    const linkKey: { kind: LinkKeyKind; key: string; recordId: string; field: string; at?: string; signature?: string } = { kind, key, recordId, field };
    if (at !== undefined) linkKey.at = at;
    if (signature !== undefined) linkKey.signature = signature;
    this.out.set(id, linkKey);
  }

  eventKey(kind: LinkKeyKind, key: string, event: ActivityEvent, field: EventKeyField): void {
    const id = `${kind}\u0000${key}\u0000${field}`;
    if (event !== this.lastEvent) {
      this.lastEvent = event;
      this.lastEventMs = linkEventTime(event);
    }
    const t = this.lastEventMs;
    const prev = this.eventKeys.get(id);
    if (prev === undefined) this.eventKeys.set(id, { kind, key, field, first: event, firstMs: t, lastMs: t });
    else {
      if (t < prev.firstMs || (t === prev.firstMs && event.id < prev.first.id)) {
        prev.first = event;
        prev.firstMs = t;
      }
      if (t > prev.lastMs) prev.lastMs = t;
    }
  }

  keys(): LinkKey[] {
    const keys = Array.from(this.out.values());
    for (const e of this.eventKeys.values()) {
      keys.push({
        kind: e.kind,
        key: e.key,
        recordId: e.first.id,
        field: eventFieldPath(e.first.type, e.field),
        at: new Date(e.firstMs).toISOString(),
        until: new Date(e.lastMs).toISOString(),
      });
    }
    return keys.sort(compareLinkKeys);
  }
}

/**
 * Derives the link keys of one subject (see {@link extractLinkKeys}) and hands each to `sink` as
 * it is found, duplicates included, without building an object per key: linkage writes them
 * straight into its key table. Keys are pseudonymised here when the options say so. `kinds` (a
 * set of {@link linkKeyKindBit}s) limits the work to those kinds: the others are not derived.
 */
export function emitLinkKeys(subject: Subject, events: readonly ActivityEvent[], options: ExtractOptions, sink: LinkKeySink, kinds = allLinkKeyKinds): void {
  const pseudo = options.pseudonymize;
  const add = (kind: LinkKeyKind, value: string | undefined, recordId: string, field: string, at?: string, signature?: string): void => {
    if (value === undefined) return;
    sink.recordKey(kind, pseudo === undefined ? value : pseudo(kind, value), recordId, field, at, signature);
  };
  const addEvent = (kind: LinkKeyKind, value: string | undefined, event: ActivityEvent, field: EventKeyField): void => {
    if (value === undefined) return;
    sink.eventKey(kind, pseudo === undefined ? value : pseudo(kind, value), event, field);
  };
  const sid = subject.id;
  // A subject's ship-to address is often its home again: normalised once, reused while the fields
  // normalizeAddress reads are equal.
  let lastAddress: PostalAddress | undefined;
  let lastAddressKey: string | undefined;
  // A sink that hashes addresses as written gets them so (no text built).
  const writtenAddresses = pseudo === undefined && sink.writtenAddress !== undefined;
  const address = (a: PostalAddress | undefined, recordId: string, field: string, at?: string): void => {
    if (a === undefined) return;
    if (writtenAddresses) {
      sink.writtenAddress?.(a);
      return;
    }
    if (lastAddress === undefined || !sameAddressFields(a, lastAddress)) {
      lastAddress = a;
      lastAddressKey = normalizeAddress(a);
    }
    add('address', lastAddressKey, recordId, field, at);
  };
  const phoneOpts = options.defaultCallingCode !== undefined ? { defaultCallingCode: options.defaultCallingCode } : {};
  const offices = officeKeys(options.officeAddresses);
  const shipTo = (a: PostalAddress, recordId: string, field: string, at?: string): void => {
    if (offices.size > 0 && offices.has(normalizeSiteAddress(a) ?? '')) return;
    address(a, recordId, field, at);
  };

  const wAddress = (kinds & linkKeyKindBit.address) !== 0;
  const wDevice = (kinds & linkKeyKindBit.device) !== 0;
  const wMfa = (kinds & linkKeyKindBit['mfa-device']) !== 0;
  const wIp = (kinds & linkKeyKindBit.ip) !== 0;
  const wBank = (kinds & linkKeyKindBit['bank-account']) !== 0;
  const wWallet = (kinds & linkKeyKindBit.wallet) !== 0;
  // A sink that hashes e-mail addresses and phone numbers as written gets them so (no text built).
  const written = pseudo === undefined && sink.writtenKey !== undefined;
  if ((kinds & linkKeyKindBit.email) !== 0)
    for (const e of subject.contacts?.emails ?? []) {
      if (written) sink.writtenKey?.('email', e.address, undefined);
      else add('email', normalizeEmail(e.address), sid, 'contacts.emails[].address', e.createdAt);
    }
  if ((kinds & linkKeyKindBit.phone) !== 0)
    for (const p of subject.contacts?.phones ?? []) {
      if (written) sink.writtenKey?.('phone', p.number, options.defaultCallingCode);
      else add('phone', normalizePhone(p.number, phoneOpts), sid, 'contacts.phones[].number', p.createdAt);
    }
  if (wAddress) {
    address(subject.identity?.residence?.address, sid, 'identity.residence.address');
    for (const a of subject.contacts?.addresses ?? []) address(a, sid, `contacts.addresses[${a.kind ?? 'other'}]`);
  }
  const wDocument = (kinds & linkKeyKindBit.document) !== 0;
  for (const d of subject.documents ?? []) {
    if (wAddress) address(d.address, d.id, 'documents[].address', d.verification?.checkedAt);
    if (wDocument && d.number !== undefined) {
      const n = normalizeAccount(d.number);
      if (n !== undefined) add('document', `${d.type}:${d.issuingCountry ?? ''}:${n}`, d.id, 'documents[].number', d.verification?.checkedAt);
    }
  }
  for (const s of subject.shipments ?? []) {
    if (wAddress) {
      shipTo(s.address, s.id, 'shipments[].address', s.shippedAt ?? s.deliveredAt);
      for (const c of s.changeRequests ?? []) shipTo(c.address, s.id, 'shipments[].changeRequests[].address', c.at);
    }
    if (!wDevice) continue;
    if (s.deviceId !== undefined) add('device', normalizeIdentifier(s.deviceId), s.id, 'shipments[].deviceId', s.shippedAt);
    if (s.serial !== undefined) add('device', prefixed('serial', normalizeIdentifier(s.serial)), s.id, 'shipments[].serial', s.shippedAt);
  }
  const wPayout = (kinds & linkKeyKindBit['payout-account']) !== 0;
  for (const p of subject.paymentInstructions ?? []) {
    if (wBank && p.iban !== undefined) add('bank-account', prefixed('iban', normalizeAccount(p.iban)), p.id, 'paymentInstructions[].iban', p.at);
    if (wBank && p.accountNumber !== undefined) {
      const acct = normalizeAccount(p.accountNumber);
      const routing = p.routingNumber !== undefined ? normalizeAccount(p.routingNumber) : undefined;
      add(
        'bank-account',
        prefixed('acct', acct === undefined ? undefined : routing !== undefined ? `${routing}/${acct}` : acct),
        p.id,
        'paymentInstructions[].accountNumber',
        p.at,
      );
    }
    if (wWallet && p.walletAddress !== undefined) add('wallet', normalizeWallet(p.walletAddress), p.id, 'paymentInstructions[].walletAddress', p.at);
    if (wPayout && p.platformAccount !== undefined) {
      const acct = normalizeIdentifier(p.platformAccount);
      add(
        'payout-account',
        acct === undefined ? undefined : `${normalizeIdentifier(p.platform ?? '') ?? ''}:${acct}`,
        p.id,
        'paymentInstructions[].platformAccount',
        p.at,
      );
    }
  }
  const maxDistance = options.photoMaxDistance ?? defaultPhotoMaxDistance;
  if ((kinds & linkKeyKindBit.photo) !== 0)
    for (const photo of subject.photos ?? []) {
      if (photo.perceptualHash === undefined) continue;
      const hash = photo.perceptualHash.toLowerCase();
      if (pseudo === undefined && sink.photoBands?.(hash, maxDistance) === true) continue;
      for (const band of photoHashBands(hash, maxDistance)) add('photo', band, photo.id, 'photos[].perceptualHash', photo.capturedAt, hash);
    }
  if ((kinds & linkKeyKindBit.text) !== 0 && subject.resumeText !== undefined) {
    const mh = options.minHash ?? defaultMinHashOptions;
    const sig = minHash(subject.resumeText, mh);
    if (sig !== undefined && pseudo === undefined && sink.textBands !== undefined) sink.textBands(sig, mh);
    else if (sig !== undefined) {
      const signature = encodeSignature(sig);
      for (const band of minHashBands(sig, mh)) add('text', band, sid, 'resumeText', subject.appliedAt, signature);
    }
  }

  if (!(wIp || wDevice || wMfa || wBank || wWallet)) return;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    switch (event.type) {
      case 'session':
        if (event.result === 'failure') break;
        if (wIp && event.ip !== undefined) addEvent('ip', normalizeIp(event.ip), event, 'ip');
        if (wDevice && event.deviceId !== undefined) addEvent('device', normalizeIdentifier(event.deviceId), event, 'deviceId');
        if (wMfa && event.mfaDeviceId !== undefined) addEvent('mfa-device', normalizeIdentifier(event.mfaDeviceId), event, 'mfaDeviceId');
        if (wMfa && event.mfa?.authenticatorId !== undefined)
          addEvent('mfa-device', normalizeIdentifier(event.mfa.authenticatorId), event, 'mfa.authenticatorId');
        break;
      case 'authenticator-registration':
        if (wMfa && event.action === 'registered' && event.authenticatorId !== undefined) {
          addEvent('mfa-device', normalizeIdentifier(event.authenticatorId), event, 'authenticatorId');
        }
        break;
      case 'device-checkin':
        if (wIp && event.ip !== undefined) addEvent('ip', normalizeIp(event.ip), event, 'ip');
        if (wDevice) addEvent('device', normalizeIdentifier(event.deviceId), event, 'deviceId');
        if (wDevice && event.serial !== undefined) addEvent('device', prefixed('serial', normalizeIdentifier(event.serial)), event, 'serial');
        break;
      case 'payment':
        if (wBank && event.iban !== undefined) addEvent('bank-account', prefixed('iban', normalizeAccount(event.iban)), event, 'iban');
        if (wBank && event.accountNumber !== undefined)
          addEvent('bank-account', prefixed('acct', normalizeAccount(event.accountNumber)), event, 'accountNumber');
        if (wWallet && event.walletAddress !== undefined) addEvent('wallet', normalizeWallet(event.walletAddress), event, 'walletAddress');
        break;
      default:
        break;
    }
  }
}

/**
 * `events[type=<type>].<field>`, one string per pair for the whole process: a link key's field
 * path is built for every event key of every subject, and linkage interns it by value, so a
 * fresh concatenation each time would be flattened and hashed again for nothing. Event types
 * and key fields are fixed sets, so the cache stays small.
 */
export function eventFieldPath(type: string, field: string): string {
  let byField = eventFieldPaths.get(type);
  if (byField === undefined) {
    byField = new Map();
    eventFieldPaths.set(type, byField);
  }
  let path = byField.get(field);
  if (path === undefined) {
    path = `events[type=${type}].${field}`;
    byField.set(field, path);
  }
  return path;
}

const eventFieldPaths = new Map<string, Map<string, string>>();

/** The normalised office addresses of a reference list, built once per list (a batch extracts every subject with the same one). */
function officeKeys(addresses: readonly PostalAddress[] | undefined): ReadonlySet<string> {
  if (addresses === undefined || addresses.length === 0) return noOffices;
  let keys = officeKeysByList.get(addresses);
  if (keys === undefined) {
    const set = new Set<string>();
    for (const o of addresses) {
      const key = normalizeSiteAddress(o);
      if (key !== undefined) set.add(key);
    }
    keys = set;
    officeKeysByList.set(addresses, keys);
  }
  return keys;
}

const noOffices: ReadonlySet<string> = new Set();
const officeKeysByList = new WeakMap<readonly PostalAddress[], ReadonlySet<string>>();

function prefixed(prefix: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `${prefix}:${value}`;
}

/** Total order on link keys: kind, key, record, field, time. */
export function compareLinkKeys(a: LinkKey, b: LinkKey): number {
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.key, b.key) ||
    compareText(a.recordId, b.recordId) ||
    compareText(a.field, b.field) ||
    compareText(a.at ?? '', b.at ?? '')
  );
}
