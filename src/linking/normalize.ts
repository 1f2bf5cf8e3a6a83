import { foldName, normalizeName } from '../kit/names';
import type { PostalAddress } from '../records/common';
import { asciiWordRuns, endsWithAsciiWordAt, isAsciiDigit, skipWhiteSpaceBackwards } from '../text/scan';
import { lookupTable } from '../util/lookupTable';

/**
 * Providers that ignore dots in the local part of an address (`j.doe@gmail.com` is
 * `jdoe@gmail.com`) and the domains they answer under, mapped to one canonical domain.
 */
export const dotInsensitiveDomains: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
});

/**
 * Providers that deliver `name+tag@domain` to `name@domain` (sub-addressing). Only these lose
 * their tag: on other domains `+` may be a real part of the mailbox name.
 */
export const plusTagDomains: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'fastmail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
]);

/**
 * Normalises an e-mail address for linkage: trims, lower-cases, and applies the dot and plus
 * rules of the providers that apply them (Gmail ignores dots and `+tag`; Outlook, iCloud,
 * Proton and others ignore `+tag`). Returns undefined for something that is not an address.
 *
 * @example normalizeEmail(' J.Doe+jobs@GoogleMail.com ') // 'jdoe@gmail.com'
 */
export function normalizeEmail(address: string): string | undefined {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return undefined;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1).replace(/\.$/, '');
  if (!domain.includes('.')) return undefined;
  if (plusTagDomains.has(domain)) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  const canonical = dotInsensitiveDomains[domain];
  if (canonical !== undefined) {
    local = local.replace(/\./g, '');
    domain = canonical;
  }
  return local.length > 0 ? `${local}@${domain}` : undefined;
}

/** Extension markers, lower case; each ends with a different character, so at most one fits. */
const extensionMarkers: readonly string[] = ['extension', 'ext.', 'ext', 'x', '#'];

/**
 * A phone number without a trailing extension ("x123", "ext. 4", "extension 12", "#5", any case)
 * and the white space before it. One backward pass: the regular expression it replaces,
 * `/\s*(?:x|ext\.?|extension|#)\s*\d+\s*$/i`, restarted at every space of `"1     ...1"` and
 * took quadratic time.
 */
export function withoutExtension(number: string): string {
  const digitsEnd = skipWhiteSpaceBackwards(number, number.length);
  let k = digitsEnd;
  while (k > 0 && isAsciiDigit(number[k - 1])) k--;
  if (k === digitsEnd) return number;
  k = skipWhiteSpaceBackwards(number, k);
  const marker = extensionMarkers.find((m) => endsWithAsciiWordAt(number, k, m));
  if (marker === undefined) return number;
  return number.slice(0, skipWhiteSpaceBackwards(number, k - marker.length));
}

/** Options of {@link normalizePhone}. */
export interface PhoneOptions {
  /**
   * Country calling code (digits, e.g. `1` or `44`) assumed for numbers written without one.
   * Without it such numbers keep a `local:` prefix, so they match only numbers written the same way.
   */
  readonly defaultCallingCode?: string;
}

/**
 * Normalises a phone number to an E.164-like `+<country code><digits>`: strips spaces,
 * punctuation, extensions and a bracketed trunk `(0)`, reads `00` as `+`, and drops the national trunk `0` after a
 * default calling code. Numbers with too few digits to be a phone number give undefined.
 *
 * @example normalizePhone('(615) 555-0100', { defaultCallingCode: '1' }) // '+16155550100'
 */
export function normalizePhone(number: string, options: PhoneOptions = {}): string | undefined {
  // An extension ("x123", "ext. 4") is not part of the line.
  // The "(0)" of "+44 (0)20 ..." is the national trunk prefix, not dialled from abroad.
  const main = withoutExtension(number.trim()).replace(/\(\s*0\s*\)/g, '');
  const international = /^\s*(\+|00)/.test(main);
  let digits = main.replace(/\D/g, '');
  if (international && main.trim().startsWith('00')) digits = digits.slice(2);
  if (digits.length < 6) return undefined;
  if (international) return `+${digits}`;
  const cc = options.defaultCallingCode?.replace(/\D/g, '');
  if (cc !== undefined && cc.length > 0) {
    if (digits.startsWith(cc) && digits.length > 10) return `+${digits}`;
    return `+${cc}${digits.replace(/^0/, '')}`;
  }
  return `local:${digits}`;
}

/**
 * Common postal abbreviations, so "123 North Main Street, Apartment 4" and "123 N Main St #4"
 * give one key. Unit designators (apartment, suite, unit, flat, #) all become `unit`. Internal;
 * exported for the fold that hashes an address key without building it.
 */
export const addressWords: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  street: 'st',
  str: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter',
  circle: 'cir',
  highway: 'hwy',
  parkway: 'pkwy',
  square: 'sq',
  trail: 'trl',
  way: 'way',
  route: 'rte',
  crescent: 'cres',
  close: 'cl',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  apartment: 'unit',
  apt: 'unit',
  suite: 'unit',
  ste: 'unit',
  unit: 'unit',
  flat: 'unit',
  room: 'unit',
  rm: 'unit',
  no: '',
  number: '',
  '#': 'unit',
  floor: 'fl',
  fl: 'fl',
  building: 'bldg',
  bldg: 'bldg',
  post: 'po',
  office: 'box',
});

/**
 * Lower case, diacritics stripped, letters such as ß, ł or ø spelt out; letters of every script
 * kept. The one folding of names (`foldName`), used for addresses and text too.
 */
export function foldText(value: string): string {
  // ASCII needs no Unicode folding (NFKD leaves it as is, it has no combining marks and none of
  // the spelt-out letters): lower case is the whole fold, and linkage folds millions of lines.
  return isAscii(value) ? value.toLowerCase() : foldName(value);
}

/** Whether every code unit of `value` is ASCII. Internal; exported for the folds of link keys. */
export function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The folded words of an address line: runs of letters (of every script) and digits, and each `#`.
 * Internal; exported for the test that holds the ASCII scan to the Unicode path.
 */
export function addressLineWords(line: string): string[] {
  // Letters of every script are kept: folding a Cyrillic or Arabic street name away would leave
  // only the house number, and unrelated addresses in one postal code would collide.
  if (isAscii(line)) {
    // Runs of letters and digits, each `#` a word of its own: the Unicode path's words on ASCII.
    const folded = line.toLowerCase();
    const out: string[] = [];
    asciiWordRuns(folded, (start, end) => out.push(folded.slice(start, end)), true);
    return out;
  }
  return foldText(line)
    .replace(/#/g, ' # ')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '');
}

/**
 * The address tokens of a line: its words with the common abbreviations folded (`addressWords`),
 * and a run of `unit`s one `unit`. Internal; exported for the test that holds
 * {@link addressLineKey} to it.
 */
export function addressTokens(line: string): string[] {
  const out: string[] = [];
  for (const raw of addressLineWords(line)) {
    const mapped = addressWords[raw];
    if (mapped === undefined) out.push(raw);
    else if (mapped !== '') out.push(mapped);
  }
  // "unit unit 4" (from "Apt #4") is one unit.
  return out.filter((t, i) => !(t === 'unit' && out[i - 1] === 'unit'));
}

/**
 * {@link addressTokens} of a line joined by spaces. An ASCII line is scanned once into the text,
 * with no array of words nor of tokens: linkage normalises two addresses for most subjects.
 */
export function addressLineKey(line: string): string {
  if (!isAscii(line)) return addressTokens(line).join(' ');
  const folded = line.toLowerCase();
  let out = '';
  let lastUnit = false;
  const token = (raw: string): void => {
    const mapped = addressWords[raw];
    if (mapped === '') return;
    const t = mapped === undefined ? raw : mapped;
    // "unit unit 4" (from "Apt #4") is one unit.
    if (t === 'unit' && lastUnit) return;
    lastUnit = t === 'unit';
    out = out === '' ? `${t}` : `${out} ${t}`;
  };
  asciiWordRuns(folded, (start, end) => token(folded.slice(start, end)), true);
  return out;
}

/**
 * Normalises a postal address to a linkage key: case, diacritics, punctuation and common
 * abbreviations (Street/St, Avenue/Ave, Apartment/Apt/Unit/Suite/# ...) folded, ZIP+4 cut to
 * the five-digit ZIP, other postal codes without spaces. The key is
 * `street and unit|postal code or city|country`. Returns undefined without a street line.
 *
 * @example normalizeAddress({ line1: '12 North Main Street', line2: 'Apt. 4', postalCode: '37201-1234', country: 'US' })
 * // '12 n main st unit 4|37201|US'
 */
export function normalizeAddress(address: PostalAddress): string | undefined {
  if (address.line1 === undefined || address.line1.trim() === '') return undefined;
  const first = addressLineKey(address.line1);
  const second = address.line2 === undefined ? '' : addressLineKey(address.line2);
  const street = first === '' ? second : second === '' ? first : `${first} ${second}`;
  if (street === '') return undefined;
  return `${street}|${addressPlace(address)}|${address.country ?? ''}`;
}

/**
 * The place part of an address key ({@link normalizeAddress}): the postal code without spaces or
 * punctuation (ZIP+4 cut to five digits), else the city and region tokens, else empty. Internal;
 * exported for the fold that hashes an address key without building it.
 */
export function addressPlace(address: PostalAddress): string {
  if (address.postalCode !== undefined && address.postalCode.trim() !== '') {
    const code = address.postalCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return /^\d{9}$/.test(code) ? code.slice(0, 5) : code;
  }
  if (address.city !== undefined) return [address.city, address.region ?? ''].map((p) => addressTokens(p).join(' ')).join(',');
  return '';
}

/**
 * Whether two addresses agree on every field {@link normalizeAddress} reads (so they give one
 * key without normalising the second). Internal: kept next to the function whose fields it lists.
 */
export function sameAddressFields(a: PostalAddress, b: PostalAddress): boolean {
  return (
    a === b ||
    (a.line1 === b.line1 && a.line2 === b.line2 && a.postalCode === b.postalCode && a.city === b.city && a.region === b.region && a.country === b.country)
  );
}

/**
 * Normalises the street address of a site (an office), leaving out line 2, so one office matches
 * whatever unit, floor or "attn" line a shipment or contact address adds. Undefined without a
 * street line.
 */
export function normalizeSiteAddress(address: PostalAddress): string | undefined {
  const { line2: _unit, ...street } = address;
  return normalizeAddress(street);
}

/** Normalises an IBAN or account number: upper case, letters and digits only. */
export function normalizeAccount(value: string): string | undefined {
  const v = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return v.length >= 4 ? v : undefined;
}

/**
 * Normalises a crypto wallet address. EVM-style `0x` addresses are case-insensitive (the mixed
 * case is only a checksum), so they are lower-cased; other formats (base58, bech32 with its own
 * rules) keep their case, trimmed.
 */
export function normalizeWallet(value: string): string | undefined {
  const v = value.trim();
  if (v.length < 8) return undefined;
  if (/^0x[0-9a-fA-F]{40}$/.test(v)) return v.toLowerCase();
  if (/^(bc1|tb1|ltc1)/i.test(v)) return v.toLowerCase();
  return v;
}

/** Normalises an opaque identifier (device id, MFA device id, serial number): trimmed, lower case. */
export function normalizeIdentifier(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  return v.length > 0 ? v : undefined;
}

/**
 * Normalises a person's name for comparison between subjects: the folding of
 * `normalizeName` (case, diacritics, letters such as ß or ł spelt out, punctuation; letters
 * of every script kept) with the words sorted, so "DOE, John" and "John Doe" agree and a name in
 * Cyrillic or Hangul is kept rather than folded away.
 */
export function normalizePersonName(value: string): string {
  return normalizeName(value)
    .split(' ')
    .filter((t) => t !== '')
    .sort()
    .join(' ');
}
