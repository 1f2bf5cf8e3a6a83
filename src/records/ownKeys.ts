/**
 * Keys that name a prototype rather than data when used on a plain object: `obj['__proto__'] = x`
 * replaces the prototype, and `obj['constructor']` reads `Object`. JSON.parse creates them as own
 * data properties; merging or lookups by assignment and `[]` must not turn them into anything else.
 */
export const prototypeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads an own property only: `constructor`, `prototype` and `__proto__` in user data are data, never `Object.prototype`'s. */
export function ownValue(object: object | undefined, key: string): unknown {
  return object !== undefined && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** Sets an own data property, even for a key named `__proto__` (plain assignment would replace the prototype). */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Paths of every own `__proto__` key in a JSON-like value. zod drops such keys silently when it
 * copies an object, so callers report them instead. Iterative (no recursion, whatever the depth)
 * and linear in the number of values; visits each object once.
 */
export function protoKeyPaths(value: unknown, root: string): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(current)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (key === '__proto__') found.push(keyPath);
      else stack.push({ value: (current as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return found;
}
