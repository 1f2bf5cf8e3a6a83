/**
 * A count with its noun in agreement: `countOf(1, 'subject')` is `1 subject`, `countOf(2,
 * 'subject')` is `2 subjects`. The one place messages and reports pluralise, so no message says
 * `1 subjects`.
 *
 * @param count - How many.
 * @param noun - The singular noun.
 * @param pluralNoun - The plural when it is not the noun plus "s" (`countOf(2, 'entry', 'entries')`).
 */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
