import { LANE_A_PRIME, LANE_B_PRIME, laneHash64Basis, laneHash64Continue, laneHash64Finish } from '../util/hash';

/**
 * Hashes link keys by `(kind, key)` to 64 bits (two 32-bit lanes over `kind + "\0" + key`,
 * without building that text: the lanes continue from their states after the kind) and numbers
 * the kinds. One hasher serves every table of a grouping, so kind numbers and hashes agree
 * between its passes. The hash lives only as long as the grouping (never stored nor sent), so it
 * is chosen for speed: equal keys collide on purpose, and the tables compare texts wherever a
 * collision could join two keys.
 */
export class LinkKeyHasher {
  /** High and low halves of the hash last computed by {@link LinkKeyHasher.hash}. */
  readonly out = new Uint32Array(2);
  /** Kinds in the order first seen. */
  readonly kinds: string[] = [];
  private readonly kindIndex = new Map<string, number>();
  // Lane states after `kind + "\0"`, per kind number.
  private readonly stateA: number[] = [];
  private readonly stateB: number[] = [];

  /** The number of a kind (a new one when unseen). */
  kindOf(kind: string): number {
    let index = this.kindIndex.get(kind);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push(kind);
      this.kindIndex.set(kind, index);
      laneHash64Continue(`${kind}\u0000`, laneHash64Basis[0], laneHash64Basis[1], this.out);
      this.stateA.push(this.out[0] as number);
      this.stateB.push(this.out[1] as number);
    }
    return index;
  }

  /** Hashes `(kind, key)` (`kind` from {@link LinkKeyHasher.kindOf}) into {@link LinkKeyHasher.out}. */
  hash(kind: number, key: string): void {
    laneHash64Continue(key, this.stateA[kind] as number, this.stateB[kind] as number, this.out);
    laneHash64Finish(this.out);
  }

  // Lane states of a key given unit by unit.
  private a = 0;
  private b = 0;

  /**
   * Starts hashing a key of `kind` given one UTF-16 unit at a time ({@link LinkKeyHasher.unit}),
   * for a caller that normalises a key as it reads it and never builds its text;
   * {@link LinkKeyHasher.end} then writes into `out` what {@link LinkKeyHasher.hash} gives for the
   * whole key.
   */
  begin(kind: number): void {
    this.a = this.stateA[kind] as number;
    this.b = this.stateB[kind] as number;
  }

  /** The next unit (a UTF-16 code unit) of the key begun. */
  unit(c: number): void {
    this.a = Math.imul(this.a ^ c, LANE_A_PRIME);
    this.b = Math.imul(this.b ^ c, LANE_B_PRIME);
  }

  /** Finishes the key begun: its hash in {@link LinkKeyHasher.out}. */
  end(): void {
    this.out[0] = this.a;
    this.out[1] = this.b;
    laneHash64Finish(this.out);
  }
}
