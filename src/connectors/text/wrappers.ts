function wrapped(value: Record<string, unknown>, path: string): unknown[] | undefined {
  let node: unknown = value;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    const key = Object.keys(node).find((k) => k.toLowerCase() === segment.toLowerCase());
    if (key === undefined) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return Array.isArray(node) ? node : undefined;
}

/**
 * The rows inside a parsed JSON value: the elements of an array, the elements of a wrapper's
 * array (`{ "value": [...] }`, `{ "records": [...] }`, `{ "data": { "events": [...] } }`), each
 * elements of an array expanded again; anything else is a row itself. The same rule as the streaming splitter.
 */
export function* expandWrappers(value: unknown, wrappers: readonly string[]): Generator<unknown> {
  if (Array.isArray(value)) {
    for (const item of value) yield* expandWrappers(item, wrappers);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const path of wrappers) {
      const list = wrapped(value as Record<string, unknown>, path);
      if (list !== undefined) {
        // A wrapper's elements are rows, never wrappers again (a row may well have a `value` array).
        for (const item of list) yield* Array.isArray(item) ? item : [item];
        return;
      }
    }
  }
  yield value;
}
