import { lookupTable } from '../util/lookupTable';

/**
 * Person-name comparison for indicators that compare one person's own claims (document holder
 * vs application vs payout account holder). Names are compared only with other names of the same
 * person, never classified: nothing here guesses origin, language or ethnicity.
 *
 * Normalisation (see `normalizeName`): Unicode NFKD with combining marks stripped (so
 * "Müller" and "Muller", "José" and "Jose" agree), a few letters NFKD does not decompose mapped
 * by hand (ß, æ, ø, đ, ł...), lower case, hyphens and apostrophes removed so that "Jae-won",
 * "Jaewon" and "O'Brien"/"OBrien" agree, every other punctuation mark turned into a space.
 *
 * Similarity (see {@link compareNames}): token by token with Jaro-Winkler, order-free (so
 * "Kim Jaewon" and "Jaewon Kim" agree), a token may also match two adjacent tokens of the other
 * name joined ("Jaewon" and "Jae Won"), initials match any token with that first letter, and
 * extra tokens of the longer name are ignored (middle names). Jaro-Winkler scores common
 * transliteration variants high ("Aleksandr"/"Alexander", "Choi"/"Choe").
 *
 * Names written in different scripts ("Александр Иванов" / "Aleksandr Ivanov", "김재원" /
 * "Kim Jaewon") cannot be compared letter by letter: the comparison says `unknown` rather than
 * `different`, so writing one's own name in one's own script is never evidence of anything.
 *
 * @packageDocumentation
 */

const SPECIAL_LETTERS: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
});

/**
 * Letters of a name folded for comparison, punctuation untouched: NFKD without combining marks,
 * letters NFKD does not decompose spelt out (ß → ss, ł → l, ø → o...), lower case. Letters of
 * every script are kept, so a name in Cyrillic or Hangul is compared, not erased. Shared by
 * `normalizeName`, the linkage name keys and watchlist screening, so all fold alike.
 */
export function foldName(name: string): string {
  const lower = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of lower) out += SPECIAL_LETTERS[ch] ?? ch;
  return out;
}

/**
 * Canonical form of a name: NFKD without diacritics, special letters spelt out, lower case,
 * hyphens and apostrophes dropped, other punctuation turned into single spaces.
 */
export function normalizeName(name: string): string {
  return foldName(name)
    .replace(/[-‐‑‒–—'’ʼ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The tokens of a name in the form `compareNames` compares (hyphens and apostrophes dropped, so
 * "Jae-won" is one token). Not the watchlist `nameTokens`, which splits at hyphens as lists write names.
 */
function comparableNameTokens(name: string): string[] {
  const n = normalizeName(name);
  return n === '' ? [] : n.split(' ');
}

/**
 * A count of elementary steps, for tests that show an algorithm's work grows linearly with its
 * input (tests never read a clock). Internal: not part of the public API.
 */
export interface WorkCounter {
  steps: number;
}

/**
 * Jaro-Winkler similarity in [0, 1] (1 = identical), with the usual prefix scale 0.1 over at
 * most four leading characters. Chosen over edit distance because it rewards shared prefixes and
 * tolerates the vowel and consonant swaps of transliteration.
 *
 * Runs in time linear in the two lengths (on long strings a cursor per character value replaces
 * the window scan), so a hostile 50,000-character name costs milliseconds, not seconds.
 */
export function jaroWinkler(a: string, b: string): number {
  return jaroWinklerCounted(a, b);
}

/**
 * Longest string (in UTF-16 code units) whose Jaro matches are found by scanning the window
 * directly: its window is at most 63 positions, so the scan costs at most 63 steps per
 * character. Longer strings use the cursor method, linear whatever the window.
 */
const directScanMaxLength = 64;

/**
 * {@link jaroWinkler}, counting its steps into `work`. The textbook algorithm scans, for each
 * character of `a`, the matching window of `b` (half the longer length): quadratic on long
 * strings. Here short strings (names' words) are scanned directly, their window being bounded,
 * and longer ones use a cursor method with the same result in linear time: for each character
 * value, the ascending positions of that character in `b` and a cursor. Because the window only
 * moves right and each match takes the first free position in it, the positions before the
 * cursor are all matched or behind the window for good, so the cursor never moves back.
 */
export function jaroWinklerCounted(a: string, b: string, work?: WorkCounter): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  const counter = work ?? { steps: 0 };
  const matches =
    Math.max(a.length, b.length) <= directScanMaxLength
      ? scanMatches(a, b, range, aMatched, bMatched, counter)
      : cursorMatches(a, b, range, aMatched, bMatched, counter);
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    counter.steps++;
    if (aMatched[i] === 0) continue;
    while (bMatched[k] === 0) {
      counter.steps++;
      k++;
    }
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Jaro matches by scanning each window: at most `2 * range + 1` steps per character of `a`. */
function scanMatches(a: string, b: string, range: number, aMatched: Uint8Array, bMatched: Uint8Array, work: WorkCounter): number {
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(b.length - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      work.steps++;
      if (bMatched[j] === 1 || a[i] !== b[j]) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  return matches;
}

/** The same matches with a cursor per character value: `|a| + 2|b|` steps at most. */
function cursorMatches(a: string, b: string, range: number, aMatched: Uint8Array, bMatched: Uint8Array, work: WorkCounter): number {
  // Per UTF-16 code unit of b: its positions in b (ascending) and the first one not yet used.
  const inB = new Map<number, { positions: number[]; next: number }>();
  for (let j = 0; j < b.length; j++) {
    work.steps++;
    const unit = b.charCodeAt(j);
    const entry = inB.get(unit);
    if (entry === undefined) inB.set(unit, { positions: [j], next: 0 });
    else entry.positions.push(j);
  }
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    work.steps++;
    const entry = inB.get(a.charCodeAt(i));
    if (entry === undefined) continue;
    const { positions } = entry;
    // Positions left of the window are never matchable again: the window only moves right.
    while (entry.next < positions.length && (positions[entry.next] as number) < i - range) {
      work.steps++;
      entry.next++;
    }
    if (entry.next < positions.length && (positions[entry.next] as number) <= i + range) {
      aMatched[i] = 1;
      bMatched[positions[entry.next] as number] = 1;
      entry.next++;
      matches++;
    }
  }
  return matches;
}

// The scripts person names are commonly written in. A letter outside them counts as its own
// "other" script, which still compares with itself.
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['thai', /\p{Script=Thai}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  ['hangul', /\p{Script=Hangul}/u],
  // Kanji, kana and hanzi are mixed freely within one name: one group.
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u],
];

/**
 * The writing scripts of a name's letters (`latin`, `cyrillic`, `hangul`, `cjk`...; `other` for
 * scripts not listed). Names are compared letter by letter only when they share a script, so a
 * name written in one's own script is never a "different" name from its romanisation.
 */
export function nameScripts(name: string): Set<string> {
  return scriptsOf(comparableNameTokens(name));
}

function scriptsOf(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) {
    for (const ch of token) {
      if (!/\p{L}/u.test(ch)) continue;
      const hit = SCRIPTS.find(([, re]) => re.test(ch));
      out.add(hit === undefined ? 'other' : hit[0]);
    }
  }
  return out;
}

/** True when two names share a writing script (or one has no letters): letter comparison means something. */
function sharesScript(ta: readonly string[], tb: readonly string[]): boolean {
  const sa = scriptsOf(ta);
  const sb = scriptsOf(tb);
  if (sa.size === 0 || sb.size === 0) return true;
  for (const s of sa) if (sb.has(s)) return true;
  return false;
}

/** How two names of one person compare. */
export interface NameComparison {
  /** Mean best similarity of the shorter name's tokens, in [0, 1]. */
  readonly similarity: number;
  /** Tokens of the shorter name that found a match at or above the threshold. */
  readonly matchedTokens: number;
  /** Tokens of the shorter name. */
  readonly tokens: number;
  /**
   * `match`: every token of the shorter name matched (or the names agree once spaces are
   * removed); `partial`: some did (e.g. same family name, another given name); `different`:
   * none did; `unknown`: one of the names has no letters, or the two are written in different
   * scripts (a transliteration cannot be judged letter by letter).
   */
  readonly verdict: 'match' | 'partial' | 'different' | 'unknown';
}

/**
 * The most tokens (words) of one name compared token by token with the tokens of another; words
 * beyond it are ignored by the token comparison (the comparison with all spaces removed still
 * reads the whole name). Real names have far fewer words; the cap keeps the all-against-all token
 * comparison linear in the length of a hostile name.
 */
export const maxComparedNameTokens = 32;

function tokenScore(token: string, candidates: readonly string[]): number {
  let best = 0;
  for (const c of candidates) {
    const s = token.length === 1 || c.length === 1 ? (token[0] === c[0] ? 1 : 0) : jaroWinkler(token, c);
    if (s > best) best = s;
  }
  return best;
}

/**
 * Compares two names of (supposedly) one person, tolerant of diacritics, hyphenation, spacing,
 * token order, middle names, initials and transliteration variants. Names in different scripts
 * come out `unknown`, never `different`.
 *
 * @param threshold - Jaro-Winkler score at or above which two tokens count as the same (0.85 is
 *   a common cut-off for person names).
 */
export function compareNames(a: string, b: string, threshold = 0.85): NameComparison {
  const ta = comparableNameTokens(a);
  const tb = comparableNameTokens(b);
  if (ta.length === 0 || tb.length === 0 || !sharesScript(ta, tb)) {
    return { similarity: 0, matchedTokens: 0, tokens: 0, verdict: 'unknown' };
  }
  // Token pairs are compared all against all: capped, so a hostile name of 25,000 words costs
  // linear, not quadratic, time. The joined comparison below still reads every letter.
  const [short, long] =
    ta.length <= tb.length
      ? [ta.slice(0, maxComparedNameTokens), tb.slice(0, maxComparedNameTokens)]
      : [tb.slice(0, maxComparedNameTokens), ta.slice(0, maxComparedNameTokens)];
  // Adjacent pairs of the longer name, joined, so "jaewon" meets "jae won".
  const candidates = [...long];
  for (let i = 0; i + 1 < long.length; i++) candidates.push(`${long[i]}${long[i + 1]}`);
  let sum = 0;
  let matched = 0;
  for (const t of short) {
    const s = tokenScore(t, candidates);
    sum += s;
    if (s >= threshold) matched++;
  }
  const similarity = sum / short.length;
  // Names that agree once all spaces go ("Mary Ann" / "Maryann") match whatever their tokens say.
  const joined = jaroWinkler(ta.join(''), tb.join(''));
  if (matched === short.length || joined >= Math.max(threshold, 0.95)) {
    return { similarity: Math.max(similarity, joined), matchedTokens: short.length, tokens: short.length, verdict: 'match' };
  }
  return {
    similarity,
    matchedTokens: matched,
    tokens: short.length,
    verdict: matched === 0 ? 'different' : 'partial',
  };
}
