import { foldText } from './normalize';

/** 32-bit FNV-1a hash of a string: fast, deterministic, good enough to spread shingles. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mixer (murmur3 finaliser), used to derive the MinHash permutations. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

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
 * probability 1 − (1 − J⁴)¹⁶: about 0.995 at Jaccard 0.7, 0.64 at 0.4, 0.15 at 0.25, so
 * near-duplicates meet and unrelated resumes rarely do; candidates are then verified.
 */
export const defaultMinHashOptions: MinHashOptions = { shingleSize: 3, bands: 16, rows: 4 };

/** The word shingles of a text, case, diacritics and punctuation folded. */
export function shingles(text: string, size: number): Set<string> {
  const words = foldText(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '');
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
  const set = shingles(text, options.shingleSize);
  if (set.size === 0) return undefined;
  const n = options.bands * options.rows;
  const sig = new Uint32Array(n).fill(0xffffffff);
  const seeds = new Uint32Array(n);
  for (let i = 0; i < n; i++) seeds[i] = mix32(i + 1);
  for (const s of set) {
    const base = fnv1a(s);
    for (let i = 0; i < n; i++) {
      const h = mix32(base ^ (seeds[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
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
  for (let b = 0; b < options.bands; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < options.rows; r++) h = mix32(h ^ (sig[b * options.rows + r] as number));
    out.push(`b${b}:${h.toString(16)}`);
  }
  return out;
}

const popcount4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Hamming distance of two hex strings of one length (bits that differ), or Infinity when lengths differ. */
export function hammingHex(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) d += popcount4[parseInt(a[i] as string, 16) ^ parseInt(b[i] as string, 16)] as number;
  return d;
}

/**
 * Band keys of a perceptual hash for matching within Hamming distance `maxDistance`: the bits are
 * cut into `maxDistance + 1` bands, and by the pigeonhole principle two hashes that differ in at
 * most `maxDistance` bits agree exactly on at least one band. So bucketing by band finds every
 * pair within the distance (no false negatives) without comparing all pairs; candidates that
 * share a bucket are then verified by their full Hamming distance.
 */
export function photoHashBands(hex: string, maxDistance: number): string[] {
  const h = hex.toLowerCase();
  let bits = '';
  for (const c of h) bits += parseInt(c, 16).toString(2).padStart(4, '0');
  const bands = Math.max(1, Math.min(bits.length, maxDistance + 1));
  const out: string[] = [];
  for (let b = 0; b < bands; b++) {
    const from = Math.floor((b * bits.length) / bands);
    const to = Math.floor(((b + 1) * bits.length) / bands);
    out.push(`${bits.length}b${b}:${bits.slice(from, to)}`);
  }
  return out;
}
