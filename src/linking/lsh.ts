import { foldText } from './normalize';

import { fmix32, fnv1a32 } from '../util/hash';
import { asciiWordRuns } from '../text/scan';

/** Parameters of MinHash signatures and their LSH banding. */
export interface MinHashOptions {
  /** Words per shingle. */
  readonly shingleSize: number;
  /** Bands; `bands × rows` is the signature length. */
  readonly bands: number;
  /** Rows per band. */
  readonly rows: number;
}

/**
 * Defaults: 3-word shingles, 16 bands of 4 rows (64 hashes). Two texts land in one bucket with
 * probability 1 − (1 − J⁴)¹⁶: about 0.99 at Jaccard 0.7, 0.89 at 0.6, 0.34 at 0.4, 0.06 at 0.25, so
 * near-duplicates meet and unrelated resumes rarely do; candidates are then verified.
 */
export const defaultMinHashOptions: MinHashOptions = { shingleSize: 3, bands: 16, rows: 4 };

/** The word shingles of a text, case, diacritics and punctuation folded, words of every script kept. */
export function shingles(text: string, size: number): Set<string> {
  // Words of every script: a resume in Cyrillic or Korean has shingles too, so it is compared
  // like an English one instead of never.
  const words = textWords(text);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/**
 * The MinHash signature of a text: for each of `bands × rows` hash functions, the minimum hash
 * over the text's shingles. The fraction of equal positions of two signatures estimates the
 * Jaccard similarity of their shingle sets. Empty text gives undefined.
 */
export function minHash(text: string, options: MinHashOptions = defaultMinHashOptions): Uint32Array | undefined {
  const size = options.shingleSize;
  // Other sizes (not a whole number of at least 1) keep the set of shingle texts.
  if (!Number.isInteger(size) || size < 1) return minHashOfShingles(shingles(text, size), options);
  const words = textWords(text);
  if (words.length === 0) return undefined;
  const { sig, seeds } = emptySignature(options);
  // Each shingle's hash is that of its text (the words joined by spaces), continued word by word
  // without building the text; a shingle met twice changes no minimum, so no set is needed.
  const width = Math.min(size, words.length);
  const count = words.length - width + 1;
  for (let w = 0; w < count; w++) {
    let base = fnv1a32(words[w] as string);
    for (let j = 1; j < width; j++) base = fnv1a32(words[w + j] as string, fnv1a32(' ', base));
    lowerSignature(sig, seeds, base);
  }
  return sig;
}

/** {@link minHash} over a set of shingle texts; undefined when there is none. Internal; exported for the test that holds the two to one another. */
export function minHashOfShingles(set: ReadonlySet<string>, options: MinHashOptions): Uint32Array | undefined {
  if (set.size === 0) return undefined;
  const { sig, seeds } = emptySignature(options);
  for (const s of set) lowerSignature(sig, seeds, fnv1a32(s));
  return sig;
}

/** A signature of `bands × rows` hashes before any shingle (all ones), and the seed of each hash function. */
function emptySignature(options: MinHashOptions): { sig: Uint32Array; seeds: Uint32Array } {
  const n = options.bands * options.rows;
  return { sig: new Uint32Array(n).fill(0xffffffff), seeds: seedsOf(n) };
}

/**
 * The seeds of `n` hash functions (seed i is `fmix32(i + 1)`), computed once per length: a pure
 * cache (the same seeds whoever asks first), read and never written by the callers.
 */
function seedsOf(n: number): Uint32Array {
  let seeds = seedsByLength.get(n);
  if (seeds === undefined) {
    seeds = new Uint32Array(n);
    for (let i = 0; i < n; i++) seeds[i] = fmix32(i + 1);
    seedsByLength.set(n, seeds);
  }
  return seeds;
}

const seedsByLength = new Map<number, Uint32Array>();

/** Lowers each position of `sig` to the shingle's hash under that position's function, where smaller. */
function lowerSignature(sig: Uint32Array, seeds: Uint32Array, base: number): void {
  for (let i = 0; i < sig.length; i++) {
    const h = fmix32(base ^ (seeds[i] as number));
    if (h < (sig[i] as number)) sig[i] = h;
  }
}

/**
 * The words of a text as {@link shingles} splits it (runs of letters of every script and digits,
 * case and diacritics folded). ASCII text is scanned once: runs of `a-z` and `0-9` after lower
 * case are exactly the regular expression's words there. Internal; exported for its test.
 */
export function textWords(text: string): string[] {
  const folded = foldText(text);
  let ascii = true;
  for (let i = 0; i < folded.length && ascii; i++) if (folded.charCodeAt(i) > 0x7f) ascii = false;
  if (!ascii) return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const words: string[] = [];
  asciiWordRuns(folded, (start, end) => words.push(folded.slice(start, end)));
  return words;
}

/** Estimated Jaccard similarity of two MinHash signatures of one length. */
export function minHashSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Text form of a signature (hex, 8 characters per hash), as carried in link keys. */
export function encodeSignature(sig: Uint32Array): string {
  let out = '';
  for (const h of sig) out += h.toString(16).padStart(8, '0');
  return out;
}

/** Inverse of {@link encodeSignature}. */
export function decodeSignature(text: string): Uint32Array {
  const out = new Uint32Array(Math.floor(text.length / 8));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 8, i * 8 + 8), 16);
  return out;
}

/** LSH band keys of a signature: one bucket key per band, `b<band>:<hash of its rows>`. */
export function minHashBands(sig: Uint32Array, options: MinHashOptions = defaultMinHashOptions): string[] {
  const out: string[] = [];
  for (let b = 0; b < options.bands; b++) out.push(`b${b}:${minHashBandValue(sig, b, options.rows).toString(16)}`);
  return out;
}

/** The hash of band `b`'s `rows` rows of a signature (unsigned 32 bits): its key is `b<b>:` then this in hex. */
export function minHashBandValue(sig: Uint32Array, b: number, rows: number): number {
  let h = 0x811c9dc5;
  for (let r = 0; r < rows; r++) h = fmix32(h ^ (sig[b * rows + r] as number));
  return h;
}

const popcount4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];
const hexValue: Readonly<Record<string, number>> = Object.fromEntries([...'0123456789abcdef'].map((c, i) => [c, i]));

/** Hamming distance of two hex strings of one length (bits that differ), or Infinity when lengths differ. */
export function hammingHex(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = hexValue[a[i] as string];
    const y = hexValue[b[i] as string];
    if (x === undefined || y === undefined) return Infinity;
    d += popcount4[x ^ y] as number;
  }
  return d;
}

/** Target probability that two hashes within the distance share at least one band. */
const PHOTO_RECALL = 0.95;

/** The LSH plan for hashes of `bits` bits matched within `maxDistance`: bits per band, bands, and which bits each band samples. */
function photoPlan(bits: number, maxDistance: number): { readonly perBand: number; readonly positions: readonly (readonly number[])[] } {
  // About 31% of the bits per band (20 of 64): 2^20 buckets per band, so unrelated hashes rarely
  // meet even among hundreds of thousands of photos, while close hashes agree on a band often enough.
  const perBand = Math.max(1, Math.min(bits, Math.round(bits * 0.3125)));
  const d = Math.min(maxDistance, bits - perBand);
  // Probability that a band avoids all d differing bits when sampling perBand of bits positions.
  let p = 1;
  for (let i = 0; i < d; i++) p *= (bits - perBand - i) / (bits - i);
  const bands = p >= 1 ? 1 : p <= 0 ? 64 : Math.min(64, Math.max(1, Math.ceil(Math.log(1 - PHOTO_RECALL) / Math.log(1 - p))));
  // A fixed, seeded choice of positions per band, so every caller and every worker agrees.
  const positions: number[][] = [];
  let state = 0x9e3779b9 ^ bits;
  for (let b = 0; b < bands; b++) {
    const all = Array.from({ length: bits }, (_, i) => i);
    for (let i = 0; i < perBand; i++) {
      state = fmix32(state + 0x6d2b79f5);
      const j = i + (state % (bits - i));
      const t = all[i] as number;
      all[i] = all[j] as number;
      all[j] = t;
    }
    positions.push(all.slice(0, perBand).sort((x, y) => x - y));
  }
  return { perBand, positions };
}

type PhotoPlan = ReturnType<typeof photoPlan>;

/** The plan for the common case (64-bit hashes, distance 6), computed once: a constant, never mutated. */
const defaultPhotoPlan: PhotoPlan = photoPlan(64, 6);

// Other plans by hash length and distance. A plan is a pure function of the two and costs 10 to
// 300 µs to work out (more bands for a larger distance), against about 1 µs for a photo's bands,
// so it is remembered: a config has one distance and a population few hash lengths.
const otherPlans = new Map<string, PhotoPlan>();
const MAX_OTHER_PLANS = 64;

/** The plan for hashes of `bits` bits matched within `maxDistance`, worked out once per pair. */
function planFor(bits: number, maxDistance: number): PhotoPlan {
  if (bits === 64 && maxDistance === 6) return defaultPhotoPlan;
  const key = `${bits}:${maxDistance}`;
  let plan = otherPlans.get(key);
  if (plan === undefined) {
    plan = photoPlan(bits, maxDistance);
    if (otherPlans.size >= MAX_OTHER_PLANS) otherPlans.clear();
    otherPlans.set(key, plan);
  }
  return plan;
}

/**
 * LSH band keys of a perceptual hash for matching within Hamming distance `maxDistance`
 * (bit-sampling LSH). Each band samples a fixed, seeded subset of about 31% of the bits (20 of
 * 64); there are as many bands as needed for two hashes exactly `maxDistance` bits apart to agree
 * on at least one band with probability ≥ 0.95 (31 bands for 6 bits of 64). Closer hashes, the
 * usual case for a re-encoded or resized photo, meet almost surely: the miss probability is
 * about 6e-4 at 4 bits and 3e-9 at 2 bits. Unrelated hashes agree on 20 sampled bits with
 * probability 2^-20, so buckets stay tiny and only candidates are compared, then verified by
 * their full distance; nothing is compared all-pairs.
 */
export function photoHashBands(hex: string, maxDistance: number): string[] {
  const h = hex.toLowerCase();
  // The common 64-bit hash (16 hex digits): bands gathered as integers, no bit string per hash
  // nor per band; the same keys as the general path below, which reads the bits as text.
  const bands = photoBandValues(h, maxDistance, photoBandScratch);
  if (bands < 0) return photoHashBandsOfText(h, maxDistance);
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) keys.push(`${photoBandPrefix(b)}${(photoBandScratch[b] as number).toString(36)}`);
  return keys;
}

/**
 * The bands of a 64-bit perceptual hash (16 lower-case hex digits) as integers: band `b`'s
 * sampled bits, most significant first, in `out[b]` (at most 64 bands of 20 bits). The key of
 * band `b` is `64b<b>:` then that integer in base 36: {@link photoHashBands} writes it, a first
 * pass that needs only its hash folds it without the text. Returns the number of bands, or -1
 * when `h` is not 16 lower-case hex digits (the text path's case).
 */
export function photoBandValues(h: string, maxDistance: number, out: Int32Array): number {
  if (h.length !== 16) return -1;
  const bits = hexBits(h);
  if (bits === undefined) return -1;
  const positions = planFor(64, maxDistance).positions;
  for (let b = 0; b < positions.length; b++) {
    const pos = positions[b] as readonly number[];
    let band = 0;
    // 20 bits of 64 a band.
    for (let k = 0; k < pos.length; k++) band = band * 2 + (bits[pos[k] as number] as number);
    out[b] = band;
  }
  return positions.length;
}

/** Room for the most bands a plan has (64). */
export const MAX_PHOTO_BANDS = 64;

/** Reused by {@link photoHashBands}: read at once, never kept. */
const photoBandScratch = new Int32Array(MAX_PHOTO_BANDS);

/**
 * {@link photoHashBands} of a lower-case hash of any length, its bits read as text: the
 * definition the integer path for 16 hex digits follows. Internal; exported for the test that
 * holds the two paths to one another.
 */
export function photoHashBandsOfText(h: string, maxDistance: number): string[] {
  let bits = '';
  for (const c of h) bits += (hexValue[c] ?? 0).toString(2).padStart(4, '0');
  const plan = planFor(bits.length, maxDistance);
  return plan.positions.map((pos, b) => {
    let band = '';
    for (const i of pos) band += bits[i];
    // Short bands print compactly; long ones (large hashes) stay exact as bit strings.
    return `${bits.length}b${b}:${band.length <= 48 ? parseInt(band, 2).toString(36) : band}`;
  });
}

/** The 64 bits (0 or 1, most significant first) of 16 lower-case hex digits, or undefined when one is not a hex digit. */
function hexBits(h: string): Uint8Array | undefined {
  const bits = hexBitsScratch;
  for (let d = 0; d < 16; d++) {
    const c = h.charCodeAt(d);
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) return undefined;
    bits[4 * d] = v >> 3;
    bits[4 * d + 1] = (v >> 2) & 1;
    bits[4 * d + 2] = (v >> 1) & 1;
    bits[4 * d + 3] = v & 1;
  }
  return bits;
}

/** Reused by {@link hexBits}: read at once, never kept. */
const hexBitsScratch = new Uint8Array(64);

/** `64b<band>:`, the prefix of a 64-bit hash's band keys, built once per band. */
function photoBandPrefix(band: number): string {
  let prefix = photoBandPrefixes[band];
  if (prefix === undefined) {
    prefix = `64b${band}:`;
    photoBandPrefixes[band] = prefix;
  }
  return prefix;
}

const photoBandPrefixes: string[] = [];
