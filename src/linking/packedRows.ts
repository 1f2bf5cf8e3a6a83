/**
 * Rows of plain values (strings, finite numbers, `null`) as one JSON text: the form the linkage
 * summaries hold them in. A population's summaries live until its `combine`; as arrays each
 * subject held an array, a string per key and a boxed number per time (about 1.9 KB a subject on
 * the linkage bench, dozens of objects for the garbage collector to trace on every major
 * collection), as one text about half the bytes and one object, which the collector does not
 * trace into. The text is read back ({@link unpackRows}) once per pass that needs the rows, and
 * the arrays it gives are garbage straight away.
 */
export function packRows(rows: readonly (string | number | null)[]): string {
  // V8 keeps the two-byte form of any two-byte part when it concatenates (some normalised keys
  // are two-byte though ASCII); `JSON.parse` of the quoted text builds a flat one-byte string
  // when every character fits one byte: half the memory of the text `JSON.stringify` returns.
  return JSON.parse(JSON.stringify(JSON.stringify(rows))) as string;
}

/**
 * The rows of a text {@link packRows} wrote; an array is returned as it is (rows given unpacked).
 * @throws {TypeError} when the value is neither an array nor the JSON text of one (summaries may
 * come from another process); the message names `what` and the subject.
 */
export function unpackRows(value: unknown, what: string, subjectId: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  let rows: unknown;
  if (typeof value === 'string') {
    try {
      rows = JSON.parse(value);
    } catch {
      rows = undefined;
    }
  }
  if (!Array.isArray(rows)) throw new TypeError(`${what} of subject "${subjectId}" are neither an array nor the JSON text of one`);
  return rows;
}
