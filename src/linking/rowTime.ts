/**
 * A link key row's time (`at`, `until`): milliseconds written as ISO 8601 (as extraction formats
 * event times), a text as it is, anything else absent.
 *
 * @throws {TypeError} when it is a number no date can hold (NaN, an infinity, or beyond the
 * ±8.64e15 ms of ECMAScript dates): rows may come from another process, so they are checked, and
 * such a row is reported with its subject rather than as a `RangeError` from `toISOString`.
 */
export function rowTimeText(value: unknown, subjectId: string, row: number): string | undefined {
  if (typeof value === 'number') {
    const date = new Date(value);
    if (date.getTime() !== date.getTime()) throw new TypeError(`link key row ${row} of subject "${subjectId}" has a time that no date can hold: ${value}`);
    return date.toISOString();
  }
  return typeof value === 'string' ? value : undefined;
}
