/**
 * Levenshtein distance between `a` and `b`, computed only up to `max`: any distance above `max`
 * is reported as `max + 1`. Only a band of width `2 * max + 1` around the diagonal is filled, so
 * the cost is O(max × length) rather than O(length²), whatever the input's length.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // Only the band is written; the cells just outside it are reset to "over" so stale values from
    // two rows back are never read.
    row[from - 1] = from - 1 === 0 ? (i <= max ? i : over) : over;
    if (to + 1 <= b.length) row[to + 1] = over;
    let best = row[from - 1] as number;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost, over);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return over;
    [prev, row] = [row, prev];
  }
  return Math.min(prev[b.length] as number, over);
}

/**
 * The known names closest to `word` (at most three, nearest first, ties by name), within an edit
 * distance that grows with the word's length; empty when nothing is close.
 */
export function closestNames(word: string, known: Iterable<string>): string[] {
  const max = Math.max(2, Math.floor(word.length / 4));
  const close: { name: string; distance: number }[] = [];
  for (const name of known) {
    const distance = editDistance(word, name, max);
    if (distance <= max) close.push({ name, distance });
  }
  close.sort((x, y) => x.distance - y.distance || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return close.slice(0, 3).map((c) => c.name);
}
