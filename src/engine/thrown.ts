/** Longest description of a thrown value kept in a report, in characters. */
const maxDescriptionLength = 500;

function clip(text: string): string {
  return text.length > maxDescriptionLength ? `${text.slice(0, maxDescriptionLength)}…` : text;
}

function shapeOf(value: object): string {
  if (Array.isArray(value)) return 'an array';
  if (Object.getPrototypeOf(value) === null) return 'an object without a prototype';
  return 'an object';
}

/**
 * Describes a value an indicator threw (or a thenable rejected with) for a report's error entry,
 * without running anything it controls that could throw again: no `String()` of an object (a
 * null-prototype object, a hostile `toString` or `Symbol.toPrimitive`), no template of a symbol.
 * An `Error`, also from another realm, gives its `message` when that is a string; any other value
 * is described by its type. Never throws; long texts are cut at 500 characters.
 */
export function describeThrown(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return clip(value);
      case 'number':
      case 'boolean':
      case 'bigint':
      case 'undefined':
        return `a non-Error value (${String(value)})`;
      case 'symbol':
        return 'a non-Error value (a symbol)';
      case 'function':
        return 'a non-Error value (a function)';
    }
    if (value === null) return 'a non-Error value (null)';
    const object = value as object;
    if (object instanceof Error || Object.prototype.toString.call(object) === '[object Error]') {
      const message: unknown = (object as { message?: unknown }).message;
      if (typeof message === 'string') return clip(message);
      return 'an Error without a message';
    }
    return `a non-Error value (${shapeOf(object)})`;
  } catch {
    // A proxy or getter that throws while being described.
    return 'a value that could not be read (its getters or proxy traps threw)';
  }
}
