/**
 * Edit distance between `a` and `b` (optimal string alignment: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost 1, so `edn` is 1 from `end`),
 * computed only up to `max`: any distance above `max` is reported as `max + 1`. Only a band of
 * width `2 * max + 1` around the diagonal is filled, so the cost is O(max × length) rather than
 * O(length²), whatever the input's length.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let before = new Array<number>(b.length + 1).fill(over);
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // Only the band is written; the cells just outside it are reset to "over" so stale values from
    // earlier rows are never read.
    row[from - 1] = from - 1 === 0 ? (i <= max ? i : over) : over;
    if (to + 1 <= b.length) row[to + 1] = over;
    let best = row[from - 1] as number;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost, over);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return over;
    [before, prev, row] = [prev, row, before];
  }
  return Math.min(prev[b.length] as number, over);
}

/**
 * The known names nearest to `word` (all at the smallest distance found, at most three, by name),
 * within an edit distance that grows with the word's length; empty when nothing is close.
 */
export function closestNames(word: string, known: Iterable<string>): string[] {
  const max = Math.max(2, Math.floor(word.length / 4));
  let best = max + 1;
  let close: string[] = [];
  for (const name of known) {
    const distance = editDistance(word, name, max);
    if (distance < best) {
      best = distance;
      close = [name];
    } else if (distance === best && distance <= max) {
      close.push(name);
    }
  }
  return close.sort().slice(0, 3);
}
