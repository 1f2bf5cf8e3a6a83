import { foldName, jaroWinkler, maxComparedNameTokens } from '../kit/names';

export { jaroWinkler };

/** Default similarity at or above which two names match (see {@link nameSimilarity}). */
export const defaultNameThreshold = 0.88;

/** Words ignored in organisation names: legal forms and fillers. */
const orgStopWords: ReadonlySet<string> = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'sa',
  'ag',
  'bv',
  'the',
  'and',
  'of',
  'group',
  'holdings',
]);

/**
 * Name tokens: case and diacritics folded as everywhere else (`foldName`: ß, ł, ø spelt
 * out, letters of every script kept), split at anything that is not a letter or digit (so
 * "Kwang-Jin" is two tokens, as lists usually write it), legal forms dropped for organisations.
 */
export function nameTokens(value: string, organisation = false): string[] {
  const tokens = foldName(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  return organisation ? tokens.filter((t) => !orgStopWords.has(t)) : tokens;
}

/**
 * A phonetic key of one name token that merges common romanisation variants, so
 * Jong/Jeong/Chong, Kwang/Gwang, Pak/Park/Bak, Ri/Li/Lee/Rhee or Mohammed/Muhammad get one key:
 * voiced and unvoiced pairs merge (b/p, d/t, g/k/c/q, j/ch/zh/z), f/v/w/ph merge, l/r merge, an
 * r before a consonant is dropped, h is dropped, vowels after the first letter are dropped and
 * doubled letters collapse. Tokens with letters outside a-z are their own key. Used for blocking (candidate buckets) and as a token match.
 */
export function phoneticKey(token: string): string {
  let t = token.toLowerCase();
  // Romanisation rules mean nothing outside the Latin letters: a token in another script is its
  // own key, so it blocks with the same token and never with every other non-Latin name.
  if (/[^a-z0-9]/.test(t)) return t;
  if (t === '' || /^\d+$/.test(t)) return t;
  t = t
    .replace(/ph/g, 'f')
    .replace(/ch|zh|tch/g, 'j')
    .replace(/sh/g, 's')
    .replace(/ck/g, 'k')
    .replace(/x/g, 'ks');
  const map: Record<string, string> = { b: 'p', d: 't', g: 'k', c: 'k', q: 'k', z: 'j', v: 'f', w: 'f', l: 'r', y: 'i' };
  const vowels = 'aeiou';
  // Letters collected in an array and the last one kept aside: reading the last character of a
  // string being built by `+=` flattens it every time, which made a 50,000-letter token quadratic.
  const out: string[] = [];
  let last = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    if (ch === 'h') continue;
    const isVowel = vowels.includes(ch) || ch === 'y';
    if (isVowel) {
      if (out.length === 0) out.push((last = 'a'));
      continue;
    }
    const next = t[i + 1];
    // Non-rhotic romanisation: "Park" and "Pak".
    if (ch === 'r' && next !== undefined && !vowels.includes(next) && next !== 'y' && out.length > 0) continue;
    const m = map[ch] ?? ch;
    if (last !== m) out.push((last = m));
  }
  return out.join('');
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const jw = jaroWinkler(a, b);
  // A shared phonetic key (a transliteration variant) counts as a near-exact token.
  return phoneticKey(a) === phoneticKey(b) ? Math.max(jw, 0.95) : jw;
}

/**
 * Similarity of two names, independent of word order: each token of the shorter name is paired
 * greedily with its best unused token of the longer one (Jaro-Winkler, with transliteration
 * variants scored 0.95), and the average is scaled by the share of tokens paired, so "Kim Kwang
 * Jin" against "Jin Kim Kwang" is 1 and against "Kim Jin" is lower. Names with no tokens score 0.
 * Only the first `maxComparedNameTokens` (32) tokens of each name are compared, so the
 * all-against-all pairing stays linear in the length of a hostile name.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // All against all, so capped: words past `maxComparedNameTokens` are not compared.
  const ca = a.slice(0, maxComparedNameTokens);
  const cb = b.slice(0, maxComparedNameTokens);
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  const used = new Array<boolean>(long.length).fill(false);
  let total = 0;
  for (const t of [...short].sort()) {
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const s = tokenSimilarity(t, long[j] as string);
      if (s > best) {
        best = s;
        bestJ = j;
      }
    }
    if (bestJ >= 0) used[bestJ] = true;
    total += best;
  }
  return (total / short.length) * Math.sqrt(short.length / long.length);
}
