/**
 * A frozen lookup table keyed by text that comes from input, with no `Object.prototype` behind it:
 * `table['constructor']` or `table['toString']` is `undefined`, not an inherited function, so an
 * input word that happens to name an object member reads as an unknown key. Every table indexed
 * by input text is made with it.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
