import type { PostalAddress } from '../records/common';
import type { LinkKeyHasher } from './keyHash';
import { addressPlace, addressWords, dotInsensitiveDomains, isAscii, plusTagDomains } from './normalize';

/** What a fold did: hashed the key, found no key (the normaliser gives undefined), or left it to the normaliser. */
export type FoldResult = 'hashed' | 'no-key' | 'not-folded';

/** ASCII white space as `String.prototype.trim` removes it (tab, line feed, vertical tab, form feed, carriage return, space). */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** `c` with an ASCII capital letter lowered. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/**
 * Hashes the key `normalizeEmail(address)` into `hasher.out` as `hasher.hash(kind, key)` would,
 * reading the address unit by unit without building the key's text: the first pass of a grouping
 * needs only the hash. ASCII addresses only; any other is `'not-folded'`, for the caller to
 * normalise as text. `'no-key'` where `normalizeEmail` gives undefined.
 */
export function foldEmail(address: string, hasher: LinkKeyHasher, kind: number): FoldResult {
  const n = address.length;
  for (let i = 0; i < n; i++) if (address.charCodeAt(i) > 0x7f) return 'not-folded';
  let s = 0;
  let e = n;
  while (s < e && isAsciiSpace(address.charCodeAt(s))) s++;
  while (e > s && isAsciiSpace(address.charCodeAt(e - 1))) e--;
  if (e === s) return 'no-key';
  const at = address.lastIndexOf('@', e - 1);
  if (at <= s || at === e - 1) return 'no-key';
  // One trailing dot of the domain is dropped; what is left must hold a dot.
  const domainEnd = address.charCodeAt(e - 1) === 0x2e ? e - 1 : e;
  const dot = address.indexOf('.', at + 1);
  if (dot < 0 || dot >= domainEnd) return 'no-key';
  let domain = address.slice(at + 1, domainEnd).toLowerCase();
  let localEnd = at;
  if (plusTagDomains.has(domain)) {
    const plus = address.indexOf('+', s);
    if (plus > s && plus < at) localEnd = plus;
  }
  const canonical = dotInsensitiveDomains[domain];
  const noDots = canonical !== undefined;
  if (noDots) domain = canonical;
  let local = 0;
  for (let i = s; i < localEnd; i++) if (!noDots || address.charCodeAt(i) !== 0x2e) local++;
  if (local === 0) return 'no-key';
  hasher.begin(kind);
  for (let i = s; i < localEnd; i++) {
    const c = address.charCodeAt(i);
    if (noDots && c === 0x2e) continue;
    hasher.unit(lower(c));
  }
  hasher.unit(0x40);
  for (let i = 0; i < domain.length; i++) hasher.unit(domain.charCodeAt(i));
  hasher.end();
  return 'hashed';
}

/**
 * Hashes the key `normalizePhone(number, { defaultCallingCode })` into `hasher.out` as
 * `hasher.hash(kind, key)` would, without building the key's text. Numbers written with digits,
 * spaces, `+`, `-` and `.` only (no extension, no bracketed trunk `(0)`); any other is
 * `'not-folded'`, for the caller to normalise as text. `'no-key'` where `normalizePhone` gives
 * undefined (fewer than 6 digits).
 */
export function foldPhone(number: string, defaultCallingCode: string | undefined, hasher: LinkKeyHasher, kind: number): FoldResult {
  const n = number.length;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = number.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (!(isAsciiSpace(c) || c === 0x2b || c === 0x2d || c === 0x2e)) return 'not-folded';
  }
  let s = 0;
  while (s < n && isAsciiSpace(number.charCodeAt(s))) s++;
  // `+` or `00` first: international; the `00` is not part of the number.
  const doubleZero = number.charCodeAt(s) === 0x30 && number.charCodeAt(s + 1) === 0x30;
  const international = number.charCodeAt(s) === 0x2b || doubleZero;
  let skip = international && doubleZero ? 2 : 0;
  if (digits - skip < 6) return 'no-key';
  hasher.begin(kind);
  if (international) hasher.unit(0x2b);
  else {
    const cc = defaultCallingCode?.replace(/\D/g, '') ?? '';
    if (cc.length === 0) {
      for (const c of 'local:') hasher.unit(c.charCodeAt(0));
    } else {
      hasher.unit(0x2b);
      if (!(digits > 10 && digitsStartWith(number, s, cc))) {
        for (let i = 0; i < cc.length; i++) hasher.unit(cc.charCodeAt(i));
        // The national trunk 0 is not dialled after a calling code.
        if (firstDigit(number, s) === 0x30) skip = 1;
      }
    }
  }
  for (let i = s; i < n; i++) {
    const c = number.charCodeAt(i);
    if (c < 0x30 || c > 0x39) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    hasher.unit(c);
  }
  hasher.end();
  return 'hashed';
}

/** The first ASCII digit of `text` from `from`, as a code unit (-1 when none). */
function firstDigit(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return c;
  }
  return -1;
}

/** Whether the ASCII digits of `text` from `from`, read in order, start with `prefix` (digits). */
function digitsStartWith(text: string, from: number, prefix: string): boolean {
  let k = 0;
  for (let i = from; i < text.length && k < prefix.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) continue;
    if (c !== prefix.charCodeAt(k)) return false;
    k++;
  }
  return k === prefix.length;
}

/** Digits of a number, least significant first (32 bits in base 10 take 10). */
const digits = new Int32Array(16);

/**
 * Hashes `value` (a whole number from 0 to 2^32 - 1) as `value.toString(radix)` writes it
 * (radix 10, 16 or 36: digits then lower-case letters), unit by unit into the key begun.
 */
function foldNumber(value: number, radix: number, hasher: LinkKeyHasher): void {
  let n = 0;
  let v = value;
  do {
    digits[n++] = v % radix;
    v = Math.floor(v / radix);
  } while (v > 0);
  while (n > 0) {
    const d = digits[--n] as number;
    hasher.unit(d < 10 ? 0x30 + d : 0x57 + d);
  }
}

/**
 * Hashes the key of band `band` of a 64-bit photo hash whose sampled bits are `value` (from
 * `photoBandValues`) into `hasher.out`, as `hasher.hash(kind, key)` would for the key
 * `photoHashBands` writes, `64b<band>:<value in base 36>`, without building its text.
 */
export function foldPhotoBand(band: number, value: number, hasher: LinkKeyHasher, kind: number): void {
  hasher.begin(kind);
  hasher.unit(0x36);
  hasher.unit(0x34);
  hasher.unit(0x62);
  foldNumber(band, 10, hasher);
  hasher.unit(0x3a);
  foldNumber(value, 36, hasher);
  hasher.end();
}

/**
 * Hashes the key of band `band` of a MinHash signature whose rows hash to `value` (from
 * `minHashBandValue`) into `hasher.out`, as `hasher.hash(kind, key)` would for the key
 * `minHashBands` writes, `b<band>:<value in hex>`, without building its text.
 */
export function foldTextBand(band: number, value: number, hasher: LinkKeyHasher, kind: number): void {
  hasher.begin(kind);
  hasher.unit(0x62);
  foldNumber(band, 10, hasher);
  hasher.unit(0x3a);
  foldNumber(value, 16, hasher);
  hasher.end();
}

/** Whether `c` (a code unit, ASCII capitals lowered) is part of an address word: a letter or a digit. */
function isAddressWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/**
 * The state of an address key being hashed token by token: tokens written so far, and whether
 * the last one of the current line was `unit` (a run of them is one).
 */
interface AddressFold {
  tokens: number;
  lastUnit: boolean;
}

/** Hashes `token` into the key begun, after a space unless it is the first; runs of `unit` in a line as one. */
function foldAddressToken(token: string, fold: AddressFold, hasher: LinkKeyHasher): void {
  const unit = token === 'unit';
  if (unit && fold.lastUnit) return;
  fold.lastUnit = unit;
  if (fold.tokens++ > 0) hasher.unit(0x20);
  for (let i = 0; i < token.length; i++) hasher.unit(token.charCodeAt(i));
}

/**
 * Hashes the tokens of an ASCII address line (the `addressLineKey` of `normalizeAddress`) into
 * the key begun. A word is looked up in the abbreviations only when it starts with a letter (none
 * of their keys starts with a digit), so house numbers and postal digits are hashed unit by unit
 * without a text. The table has no prototype (`lookupTable`), so a word naming an
 * `Object.prototype` member (`constructor`, `toString`) is a word like any other.
 */
function foldAddressLine(line: string, fold: AddressFold, hasher: LinkKeyHasher): void {
  fold.lastUnit = false;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = lower(line.charCodeAt(i));
    if (c === 0x23) {
      // `#` is a word of its own (a unit designator).
      foldAddressToken(addressWords['#'] as string, fold, hasher);
      i++;
      continue;
    }
    if (!isAddressWordUnit(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && isAddressWordUnit(lower(line.charCodeAt(end)))) end++;
    if (c <= 0x39) {
      // A word starting with a digit maps to nothing: hashed as it is read, lowered.
      fold.lastUnit = false;
      if (fold.tokens++ > 0) hasher.unit(0x20);
      for (let k = i; k < end; k++) hasher.unit(lower(line.charCodeAt(k)));
    } else {
      const raw = line.slice(i, end).toLowerCase();
      const mapped = addressWords[raw];
      if (mapped === undefined) foldAddressToken(raw, fold, hasher);
      else if (mapped !== '') foldAddressToken(mapped, fold, hasher);
    }
    i = end;
  }
}

/**
 * Whether every field the address key reads is a text or absent. Trusted input is checked for its
 * structure only, so a number can stand where the schema says text; the normaliser then decides
 * (it writes a number into the key as text, and fails on a number it would trim).
 */
function textFieldsOnly(address: PostalAddress): boolean {
  return (
    isTextOrAbsent(address.line1) &&
    isTextOrAbsent(address.line2) &&
    isTextOrAbsent(address.postalCode) &&
    isTextOrAbsent(address.city) &&
    isTextOrAbsent(address.region) &&
    isTextOrAbsent(address.country)
  );
}

function isTextOrAbsent(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/**
 * Hashes the key `normalizeAddress(address)` into `hasher.out` as `hasher.hash(kind, key)` would,
 * without building the key's text: the street lines' tokens hashed as they are read (only words
 * starting with a letter are cut out, to look up their abbreviation), then the place and the
 * country. ASCII street lines only; any other address is `'not-folded'`, for the caller to
 * normalise as text. `'no-key'` where `normalizeAddress` gives undefined.
 */
export function foldAddress(address: PostalAddress, hasher: LinkKeyHasher, kind: number): FoldResult {
  const { line1, line2 } = address;
  if (line1 === undefined) return 'no-key';
  if (!textFieldsOnly(address)) return 'not-folded';
  if (!isAscii(line1) || (line2 !== undefined && !isAscii(line2))) return 'not-folded';
  let blank = true;
  for (let i = 0; i < line1.length && blank; i++) blank = isAsciiSpace(line1.charCodeAt(i));
  if (blank) return 'no-key';
  const fold: AddressFold = { tokens: 0, lastUnit: false };
  hasher.begin(kind);
  foldAddressLine(line1, fold, hasher);
  if (line2 !== undefined) foldAddressLine(line2, fold, hasher);
  if (fold.tokens === 0) return 'no-key';
  hasher.unit(0x7c);
  foldPlace(address, hasher);
  hasher.unit(0x7c);
  const country = address.country ?? '';
  for (let i = 0; i < country.length; i++) hasher.unit(country.charCodeAt(i));
  hasher.end();
  return 'hashed';
}

/**
 * Hashes the place of an address key (`addressPlace`) into the key begun: an ASCII postal code
 * unit by unit (letters raised, other than letters and digits dropped, nine digits cut to five),
 * any other place from its text.
 */
function foldPlace(address: PostalAddress, hasher: LinkKeyHasher): void {
  const code = address.postalCode;
  if (code === undefined || !isAscii(code)) {
    const place = addressPlace(address);
    for (let i = 0; i < place.length; i++) hasher.unit(place.charCodeAt(i));
    return;
  }
  let kept = 0;
  let digits = 0;
  for (let i = 0; i < code.length; i++) {
    const c = upper(code.charCodeAt(i));
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (!(c >= 0x41 && c <= 0x5a)) continue;
    kept++;
  }
  if (kept === 0) {
    // Blank or punctuation only: a blank code gives the city's place, punctuation an empty one.
    const place = addressPlace(address);
    for (let i = 0; i < place.length; i++) hasher.unit(place.charCodeAt(i));
    return;
  }
  // A ZIP+4 (nine digits) keeps the five-digit ZIP.
  let left = kept === 9 && digits === 9 ? 5 : kept;
  for (let i = 0; i < code.length && left > 0; i++) {
    const c = upper(code.charCodeAt(i));
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a))) continue;
    hasher.unit(c);
    left--;
  }
}

/** `c` with an ASCII small letter raised. */
function upper(c: number): number {
  return c >= 0x61 && c <= 0x7a ? c - 32 : c;
}
