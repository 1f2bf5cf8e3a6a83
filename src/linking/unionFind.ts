import { ShardedMap } from '../engine/shardedMap';

/** A disjoint-set forest over string ids. */
export interface UnionFind {
  /** The representative of `x`'s set (`x` itself when never joined). */
  find(x: string): string;
  /** Joins the sets of `a` and `b`. */
  union(a: string, b: string): void;
}

/**
 * A union-find over string ids, for clusters of photos, texts and personas. Path compression
 * keeps finds near O(1) amortised, so building clusters stays linear in the unions. The smaller
 * id becomes the root, so representatives do not depend on the order of unions.
 */
export function unionFind(): UnionFind {
  const parent = new ShardedMap<string, string>();
  const find = (x: string): string => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    for (let y = x, p = parent.get(y); p !== undefined && p !== r; y = p, p = parent.get(y)) parent.set(y, r);
    if (!parent.has(r)) parent.set(r, r);
    return r;
  };
  return {
    find,
    union(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) {
        if (ra < rb) parent.set(rb, ra);
        else parent.set(ra, rb);
      }
    },
  };
}
