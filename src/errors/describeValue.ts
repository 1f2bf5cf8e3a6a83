/** Characters of a value quoted in a message; longer values are cut and marked with an ellipsis. */
const quotedLength = 60;

function cut(text: string): string {
  return text.length > quotedLength ? `${text.slice(0, quotedLength)}…` : text;
}

/**
 * Describes any value for a message, without ever throwing or calling the value's own code:
 * strings are quoted and cut, numbers and booleans printed, and objects only named by kind, so a
 * hostile `toString`, `valueOf`, `Symbol.toPrimitive`, getter or proxy in the input cannot turn a
 * rejected record into a crash.
 *
 * @example
 * ```ts
 * describeValue('passport'); // '"passport"'
 * describeValue({ toString: 1 }); // 'an object'
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(cut(value));
    case 'number':
    case 'boolean':
    case 'bigint':
      return cut(`${value}`);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        // Array.isArray throws on a revoked proxy.
        return 'an object';
      }
  }
}

/** Describes a thrown value (an error or anything else) for a message, without ever throwing. */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) {
      const message: unknown = thrown.message;
      return typeof message === 'string' ? cut(message) : describeValue(thrown);
    }
  } catch {
    // A getter on `message` threw, or `instanceof` met a hostile proxy: fall through.
  }
  return describeValue(thrown);
}
