/** A value checked by {@link plainData}: the value to keep, or why it is not plain data. */
export type PlainData = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

/**
 * Checks that `value` is plain data and gives the value to keep. Plain data is what survives
 * `structuredClone` and a JSON round trip, that is strings, finite numbers, booleans, `null`,
 * arrays of them (no holes, no `undefined`) and objects whose prototype is `Object.prototype` or
 * `null` (an `undefined` property is allowed: JSON leaves it out, which reads the same). No Map,
 * Set, Date, class instance, function, symbol, bigint or cycle. The problem names the path of the
 * first offending value, e.g. `summary.keys[3]: a Map`.
 *
 * The value to keep is `value` itself, or, when it holds a `-0`, a copy with `0` in its place:
 * `-0` is the one plain number JSON changes, so a value holding one would read differently in
 * one process (and after `structuredClone`, which keeps it) than after a JSON file (the CLI's
 * partitions), and `Object.is`, `1 / x` or `Math.sign` tell them apart. The copy is a JSON round
 * trip, made only then.
 *
 * One walk over the value, no copy otherwise: the cost is a type test per value. Objects shared
 * between places (a DAG) are walked once per place. `seen` holds top-level values already found
 * plain (without a `-0`), so a value given again (one summary shared by several indicators) is
 * not walked again.
 */
export function plainData(value: unknown, path = 'value', seen?: WeakSet<object>): PlainData {
  const isObject = typeof value === 'object' && value !== null;
  if (isObject && seen?.has(value) === true) return { ok: true, value };
  const found = { negativeZero: false };
  const problem = walk(value, path, [], found);
  if (problem !== undefined) return { ok: false, problem };
  if (!found.negativeZero) {
    if (isObject) seen?.add(value);
    return { ok: true, value };
  }
  return { ok: true, value: JSON.parse(JSON.stringify(value)) as unknown };
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object of a class';
}

function walk(value: unknown, path: string, ancestors: object[], found: { negativeZero: boolean }): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      if (Object.is(value, -0)) found.negativeZero = true;
      return Number.isFinite(value) ? undefined : `${path}: ${describe(value)} (numbers must be finite)`;
    case 'object':
      break;
    default:
      return `${path}: ${describe(value)}`;
  }
  if (value === null) return undefined;
  if (ancestors.includes(value)) return `${path}: a cycle (the value contains itself)`;
  ancestors.push(value);
  let problem: string | undefined;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) problem = `${path}: ${describe(value)}`;
    for (let i = 0; problem === undefined && i < value.length; i++) {
      const item: unknown = value[i];
      problem = item === undefined ? `${path}[${i}]: undefined or a hole in an array` : walk(item, `${path}[${i}]`, ancestors, found);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) problem = `${path}: ${describe(value)}`;
    else {
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        problem = walk(item, `${path}.${key}`, ancestors, found);
        if (problem !== undefined) break;
      }
    }
  }
  ancestors.pop();
  return problem;
}
