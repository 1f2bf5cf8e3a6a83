/** Serialises plain data with object keys sorted, so equal data always gives the same string. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return value === undefined ? 'null' : (JSON.stringify(value) ?? 'null');
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${stableStringify(item)}`);
  }
  return `{${parts.join(',')}}`;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units, as an unsigned integer: fast and deterministic, not cryptographic. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Two 32-bit FNV-1a lanes over a string (different offsets, the second with a mixed prime), as 16
 * hex digits. Not a 64-bit FNV-1a (see {@link fnv1a64Hex}) and not cryptographic: it identifies a
 * config in report metadata, so that a past report can be matched to the config that produced it.
 */
export function fnv1a32x2Hex(text: string): string {
  // Two 32-bit lanes avoid BigInt, which some edge runtimes make slow.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** FNV-1a 64's offset basis, high and low halves. */
export const fnv1a64Basis: readonly [number, number] = [0xcbf29ce4, 0x84222325];

/**
 * The 64-bit FNV-1a hash of a string's UTF-16 code units as two unsigned 32-bit halves
 * `[high, low]`, computed with 32-bit arithmetic (no BigInt: it runs for every record of an import).
 * Not cryptographic.
 */
export function fnv1a64Parts(text: string): [number, number] {
  fnv1a64Continue(text, fnv1a64Basis[0], fnv1a64Basis[1], scratch);
  return [scratch[0] as number, scratch[1] as number];
}

const scratch = new Uint32Array(2);

/**
 * FNV-1a 64 continued over `text` from the state `hi:lo` (the offset basis {@link fnv1a64Basis}
 * to start; the state after a prefix to hash `prefix + text` without building it), written to
 * `out[0]` (high) and `out[1]` (low): no array per call, for loops that hash millions of keys.
 */
export function fnv1a64Continue(text: string, hi: number, lo: number, out: Uint32Array): void {
  // Prime 2^40 + 0x1b3, so hash * prime = hash * 0x1b3 + (hash << 40).
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3; // below 2^41: exact in a double
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  out[0] = hi;
  out[1] = lo;
}

/** Multiplier of the first lane of {@link laneHash64Continue}: FNV-1a 32's prime. */
export const LANE_A_PRIME = 0x01000193;
/** Multiplier of the second lane of {@link laneHash64Continue}: MurmurHash2's. */
export const LANE_B_PRIME = 0x5bd1e995;

/** Starting states of the two lanes of {@link laneHash64Continue}. */
export const laneHash64Basis: readonly [number, number] = [0x811c9dc5, 0xcbf29ce4];

/**
 * Two 32-bit multiplicative lanes (FNV-1a 32, and the same step with the MurmurHash2
 * multiplier) continued over `text` from the lane states `a:b` (the basis
 * {@link laneHash64Basis} to start; the states after a prefix to hash `prefix + text` without
 * building it), written unfinished to `out[0]` and `out[1]`. Two integer multiplications a code
 * unit where 64-bit FNV-1a in 32-bit halves needs a float product, a division and a carry:
 * for in-process tables that hash millions of keys and never store the hash.
 */
export function laneHash64Continue(text: string, a: number, b: number, out: Uint32Array): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, LANE_A_PRIME);
    b = Math.imul(b ^ c, LANE_B_PRIME);
  }
  out[0] = a;
  out[1] = b;
}

/**
 * Finishes the lane states in `out` (from {@link laneHash64Continue}) into a 64-bit hash
 * `[high, low]`: each lane through the murmur3 finaliser, so every input bit reaches the low bits
 * that tables index by.
 */
export function laneHash64Finish(out: Uint32Array): void {
  out[0] = fmix32(out[0] as number);
  out[1] = fmix32((out[1] as number) ^ (out[0] as number));
}

/** The murmur3 32-bit finaliser: mixes every bit of `x` into every bit of the result. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 64-bit FNV-1a hash of a string's UTF-16 code units, as 16 hex digits. Not cryptographic. */
export function fnv1a64Hex(text: string): string {
  const [hi, lo] = fnv1a64Parts(text);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
