/**
 * Entries one `Map` or `Set` holds before a sharded collection starts another: half of V8's
 * limit of 2^24 (16,777,216) entries per `Map`/`Set`, beyond which `set`/`add` throws
 * `RangeError: Map maximum size exceeded`. Half, because V8 grows a table by doubling and the
 * limit applies to the table's capacity, not only to the entries.
 */
export const defaultShardCapacity = 1 << 23;

let shardCapacity = defaultShardCapacity;

/**
 * Runs `body` with every sharded collection created inside it starting a new shard after
 * `capacity` entries: lets a test exercise the sharding with a handful of records instead of
 * millions. Restores the previous capacity afterwards, even when `body` throws.
 *
 * @throws {RangeError} when `capacity` is not a whole number of at least 1.
 */
export function withShardCapacity<T>(capacity: number, body: () => T): T {
  if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`shard capacity must be a whole number of at least 1, got ${capacity}`);
  const previous = shardCapacity;
  shardCapacity = capacity;
  try {
    return body();
  } finally {
    shardCapacity = previous;
  }
}

/**
 * A `Map` without V8's 2^24-entry ceiling, for collections sized by the population (ids of
 * subjects and events, link keys): entries fill one `Map` up to a capacity, then the next. A key
 * lives in exactly one shard, so a lookup tries at most `size / capacity + 1` maps (one below
 * 8,388,608 entries). Iterates in insertion order, as a `Map` does.
 */
export class ShardedMap<K, V> implements ReadonlyMap<K, V> {
  private readonly shards: Map<K, V>[] = [new Map<K, V>()];
  private readonly capacity: number;

  /** @param entries initial entries, added in order. */
  constructor(entries?: Iterable<readonly [K, V]>) {
    this.capacity = shardCapacity;
    if (entries !== undefined) for (const [key, value] of entries) this.set(key, value);
  }

  /** Number of maps in use (1 until the first is full): for tests of the sharding. */
  get shardCount(): number {
    return this.shards.length;
  }

  /** Number of entries. */
  get size(): number {
    let total = 0;
    for (const shard of this.shards) total += shard.size;
    return total;
  }

  private shardOf(key: K): Map<K, V> | undefined {
    for (const shard of this.shards) if (shard.has(key)) return shard;
    return undefined;
  }

  /** The value of `key`, or undefined. */
  get(key: K): V | undefined {
    const shards = this.shards;
    if (shards.length === 1) return (shards[0] as Map<K, V>).get(key);
    for (const shard of shards) {
      const value = shard.get(key);
      if (value !== undefined || shard.has(key)) return value;
    }
    return undefined;
  }

  /** Whether `key` has an entry. */
  has(key: K): boolean {
    return this.shardOf(key) !== undefined;
  }

  /** Sets `key` to `value`: in place when the key is present, else in the last shard (a new one when it is full). */
  set(key: K, value: V): this {
    const existing = this.shards.length === 1 ? undefined : this.shardOf(key);
    if (existing !== undefined) {
      existing.set(key, value);
      return this;
    }
    let last = this.shards[this.shards.length - 1] as Map<K, V>;
    if (last.size >= this.capacity && !last.has(key)) {
      last = new Map<K, V>();
      this.shards.push(last);
    }
    last.set(key, value);
    return this;
  }

  /** Removes `key`; true when it was present. */
  delete(key: K): boolean {
    return this.shardOf(key)?.delete(key) ?? false;
  }

  /** Calls `callback` for each entry in insertion order. */
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }

  /** Entries in insertion order. */
  *entries(): IterableIterator<[K, V]> {
    for (const shard of this.shards) yield* shard.entries();
  }

  /** Keys in insertion order. */
  *keys(): IterableIterator<K> {
    for (const shard of this.shards) yield* shard.keys();
  }

  /** Values in insertion order. */
  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  /** Entries in insertion order. */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}

/** A `Set` without V8's 2^24-entry ceiling: see {@link ShardedMap}. */
export class ShardedSet<T> implements ReadonlySet<T> {
  private readonly map: ShardedMap<T, true>;

  /** @param values initial values, added in order. */
  constructor(values?: Iterable<T>) {
    this.map = new ShardedMap<T, true>();
    if (values !== undefined) for (const value of values) this.map.set(value, true);
  }

  /** Number of sets in use: for tests of the sharding. */
  get shardCount(): number {
    return this.map.shardCount;
  }

  /** Number of values. */
  get size(): number {
    return this.map.size;
  }

  /** Whether `value` is present. */
  has(value: T): boolean {
    return this.map.get(value) === true;
  }

  /** Adds `value` (once). */
  add(value: T): this {
    this.map.set(value, true);
    return this;
  }

  /** Removes `value`; true when it was present. */
  delete(value: T): boolean {
    return this.map.delete(value);
  }

  /** Calls `callback` for each value in insertion order. */
  forEach(callback: (value: T, same: T, set: ReadonlySet<T>) => void): void {
    for (const value of this) callback(value, value, this);
  }

  /** Values in insertion order. */
  values(): IterableIterator<T> {
    return this.map.keys();
  }

  /** Values in insertion order (as `Set#keys`). */
  keys(): IterableIterator<T> {
    return this.map.keys();
  }

  /** `[value, value]` pairs in insertion order (as `Set#entries`). */
  *entries(): IterableIterator<[T, T]> {
    for (const value of this.map.keys()) yield [value, value];
  }

  /** Values in insertion order. */
  [Symbol.iterator](): IterableIterator<T> {
    return this.map.keys();
  }
}
