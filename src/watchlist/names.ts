import { foldText } from '../linkage/normalize';

/** Default similarity at or above which two names match (see {@link nameSimilarity}). */
export const defaultNameThreshold = 0.88;

/** Words ignored in organisation names: legal forms and fillers. */
const orgStopWords: ReadonlySet<string> = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'ltd', 'limited', 'plc', 'gmbh', 'sa', 'ag', 'bv',
  'the', 'and', 'of', 'group', 'holdings',
]);

/** Name tokens: case, diacritics and punctuation folded; legal forms dropped for organisations. */
export function nameTokens(value: string, organisation = false): string[] {
  const tokens = foldText(value).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((t) => t !== '');
  return organisation ? tokens.filter((t) => !orgStopWords.has(t)) : tokens;
}

/**
 * A phonetic key of one name token that merges common romanisation variants, so
 * Jong/Jeong/Chong, Kwang/Gwang, Pak/Park/Bak, Ri/Li/Lee/Rhee or Mohammed/Muhammad get one key:
 * voiced and unvoiced pairs merge (b/p, d/t, g/k/c/q, j/ch/zh/z), f/v/w/ph merge, l/r merge, an
 * r before a consonant is dropped, h is dropped, vowels after the first letter are dropped and
 * doubled letters collapse. Used for blocking (candidate buckets) and as a token match.
 */
export function phoneticKey(token: string): string {
  let t = token.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (t === '' || /^\d+$/.test(t)) return t;
  t = t.replace(/ph/g, 'f').replace(/ch|zh|tch/g, 'j').replace(/sh/g, 's').replace(/ck/g, 'k').replace(/x/g, 'ks');
  const map: Record<string, string> = { b: 'p', d: 't', g: 'k', c: 'k', q: 'k', z: 'j', v: 'f', w: 'f', l: 'r', y: 'i' };
  const vowels = 'aeiou';
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    if (ch === 'h') continue;
    const isVowel = vowels.includes(ch) || ch === 'y';
    if (isVowel) {
      if (out === '') out = 'a';
      continue;
    }
    const next = t[i + 1];
    // Non-rhotic romanisation: "Park" and "Pak".
    if (ch === 'r' && next !== undefined && !vowels.includes(next) && next !== 'y' && out !== '') continue;
    const m = map[ch] ?? ch;
    if (out[out.length - 1] !== m) out += m;
  }
  return out;
}

/** Jaro-Winkler similarity of two strings, in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = true;
      bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
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
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
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
