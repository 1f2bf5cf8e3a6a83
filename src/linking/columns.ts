/** Elements per chunk of a column: 2^16 (256 KiB of 32-bit integers). */
const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/**
 * Elements of a column's first chunk when it is created: it doubles (a copy) up to the chunk
 * size, so a small batch (one subject scored through `score()`) does not allocate and clear
 * 256 KiB per column.
 */
const FIRST_CHUNK_SIZE = 256;

/**
 * A growable column of 32-bit integers held in fixed-size typed-array chunks: 4 bytes per value,
 * no object per value, no copy when it grows past the first chunk (a doubling array would
 * briefly hold twice its size), and no 2^24 ceiling. The first chunk starts at 256 values and
 * doubles up to the chunk size, so small tables stay small.
 */
export class IntColumn {
  private readonly chunks: Int32Array[] = [];
  private tail: Int32Array = new Int32Array(0);
  /** Number of values. */
  length = 0;

  /** Appends `value` (a 32-bit integer). */
  push(value: number): void {
    const offset = this.length & CHUNK_MASK;
    if (offset === 0) {
      this.tail = new Int32Array(this.length === 0 ? FIRST_CHUNK_SIZE : CHUNK_SIZE);
      this.chunks.push(this.tail);
    } else if (offset === this.tail.length) {
      // Only the first chunk starts short: double it, up to the chunk size.
      const grown = new Int32Array(Math.min(CHUNK_SIZE, offset * 2));
      grown.set(this.tail);
      this.tail = grown;
      this.chunks[this.chunks.length - 1] = grown;
    }
    this.tail[offset] = value;
    this.length++;
  }

  /** The value at `index` (0 <= index < length). */
  get(index: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as Int32Array)[index & CHUNK_MASK] as number;
  }

  /** Replaces the value at `index` (0 <= index < length). */
  set(index: number, value: number): void {
    (this.chunks[index >>> CHUNK_BITS] as Int32Array)[index & CHUNK_MASK] = value;
  }
}

/**
 * A column of optional strings stored as 32-bit references into a pool: a value equal to the one
 * appended just before reuses its pool entry, so runs of one value (the record id of a subject's
 * keys, the time of an event that gave three keys, the signature of a photo's many LSH bands)
 * are held once. Undefined costs 4 bytes.
 */
export class StringColumn {
  private readonly refs = new IntColumn();
  private readonly pool: string[] = [];
  private last: string | undefined;

  /** Appends `value`. */
  push(value: string | undefined): void {
    if (value === undefined) this.refs.push(-1);
    else {
      if (value !== this.last || this.pool.length === 0) {
        this.pool.push(value);
        this.last = value;
      }
      this.refs.push(this.pool.length - 1);
    }
  }

  /** Replaces the value at `index` (pooled anew: replacements are rare). */
  set(index: number, value: string | undefined): void {
    if (value === undefined) this.refs.set(index, -1);
    else {
      this.pool.push(value);
      this.last = value;
      this.refs.set(index, this.pool.length - 1);
    }
  }

  /** The value at `index`. */
  get(index: number): string | undefined {
    const ref = this.refs.get(index);
    return ref < 0 ? undefined : this.pool[ref];
  }
}

/** A growable column of numbers (64-bit floats, e.g. times in ms) in fixed-size chunks, like {@link IntColumn}. */
export class NumberColumn {
  private readonly chunks: Float64Array[] = [];
  private tail: Float64Array = new Float64Array(0);
  /** Number of values. */
  length = 0;

  /** Appends `value`. */
  push(value: number): void {
    const offset = this.length & CHUNK_MASK;
    if (offset === 0) {
      this.tail = new Float64Array(this.length === 0 ? FIRST_CHUNK_SIZE : CHUNK_SIZE);
      this.chunks.push(this.tail);
    } else if (offset === this.tail.length) {
      // Only the first chunk starts short: double it, up to the chunk size.
      const grown = new Float64Array(Math.min(CHUNK_SIZE, offset * 2));
      grown.set(this.tail);
      this.tail = grown;
      this.chunks[this.chunks.length - 1] = grown;
    }
    this.tail[offset] = value;
    this.length++;
  }

  /** The value at `index` (0 <= index < length). */
  get(index: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as Float64Array)[index & CHUNK_MASK] as number;
  }

  /** Replaces the value at `index` (0 <= index < length). */
  set(index: number, value: number): void {
    (this.chunks[index >>> CHUNK_BITS] as Float64Array)[index & CHUNK_MASK] = value;
  }
}
