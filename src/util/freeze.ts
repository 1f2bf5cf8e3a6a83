/**
 * Freezes a value and everything reachable from it, so an indicator cannot change what other
 * indicators or the report see (a write throws in strict mode and is ignored otherwise).
 *
 * Iterative, so a deeply nested value cannot overflow the stack; an object that is already frozen
 * is taken as done (that also ends cycles). Cost: one `Object.freeze` per object or array.
 * Typed arrays, and the contents of maps, sets and dates, cannot be frozen and stay mutable.
 *
 * @throws whatever a proxy's traps throw; callers that freeze untrusted values catch it.
 */
export function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    // A typed array with elements cannot be frozen; it stays as it is.
    if (typeof item !== 'object' || item === null || Object.isFrozen(item) || ArrayBuffer.isView(item)) continue;
    Object.freeze(item);
    // Own enumerable fields, as `Object.values` gives them, without a new array per object: every
    // validated event is frozen this way, so that array was garbage per record.
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      const child: unknown = (item as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return value;
}
