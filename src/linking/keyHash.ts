import { fnv1a64Basis, fnv1a64Continue } from '../util/hash';

/**
 * Hashes link keys by `(kind, key)` to 64 bits (FNV-1a over `kind + "\0" + key`, without building
 * that text: the hash continues from the state after the kind) and numbers the kinds. One hasher
 * serves every table of a grouping, so kind numbers and hashes agree between its passes.
 */
export class LinkKeyHasher {
  /** High and low halves of the hash last computed by {@link LinkKeyHasher.hash}. */
  readonly out = new Uint32Array(2);
  /** Kinds in the order first seen. */
  readonly kinds: string[] = [];
  private readonly kindIndex = new Map<string, number>();
  // FNV-1a 64 state after `kind + "\0"`, per kind number.
  private readonly stateHi: number[] = [];
  private readonly stateLo: number[] = [];

  /** The number of a kind (a new one when unseen). */
  kindOf(kind: string): number {
    let index = this.kindIndex.get(kind);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push(kind);
      this.kindIndex.set(kind, index);
      fnv1a64Continue(`${kind}\u0000`, fnv1a64Basis[0], fnv1a64Basis[1], this.out);
      this.stateHi.push(this.out[0] as number);
      this.stateLo.push(this.out[1] as number);
    }
    return index;
  }

  /** Hashes `(kind, key)` (`kind` from {@link LinkKeyHasher.kindOf}) into {@link LinkKeyHasher.out}. */
  hash(kind: number, key: string): void {
    fnv1a64Continue(key, this.stateHi[kind] as number, this.stateLo[kind] as number, this.out);
  }
}
