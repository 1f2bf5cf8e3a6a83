/**
 * Character tests and single-pass scans that replace regular expressions which backtrack or
 * restart on long inputs (`/\s*x\s*\d+\s*$/`, `/%.*$/`). Each function reads its input at most a
 * constant number of times, so its cost is linear in the length of the input whatever it holds.
 *
 * @packageDocumentation
 */

/**
 * True for one UTF-16 code unit that a regular expression's `\s` matches (white space and line
 * terminators; the same set `String.prototype.trim` removes).
 */
export function isWhiteSpace(unit: string | undefined): boolean {
  return unit !== undefined && unit.length === 1 && unit.trim() === '';
}

/** True for one of the ASCII digits 0-9 (a regular expression's `\d`). */
export function isAsciiDigit(unit: string | undefined): boolean {
  return unit !== undefined && unit.length === 1 && unit >= '0' && unit <= '9';
}

/** True for a character of a regular expression's `\w` (ASCII letters, digits, underscore). */
export function isAsciiWordCharacter(unit: string | undefined): boolean {
  if (unit === undefined || unit.length !== 1) return false;
  return isAsciiDigit(unit) || unit === '_' || (unit >= 'a' && unit <= 'z') || (unit >= 'A' && unit <= 'Z');
}

/** `unit` with an ASCII capital letter lowered; every other code unit unchanged (the `i` flag without `u`, for ASCII). */
function asciiLower(unit: string): string {
  return unit >= 'A' && unit <= 'Z' ? String.fromCharCode(unit.charCodeAt(0) + 32) : unit;
}

/**
 * True when `text` ends, at position `end` (exclusive), with `word` (lower-case ASCII), ignoring
 * the case of ASCII letters.
 */
export function endsWithAsciiWordAt(text: string, end: number, word: string): boolean {
  if (end < word.length || end > text.length) return false;
  const start = end - word.length;
  for (let i = 0; i < word.length; i++) {
    if (asciiLower(text[start + i] as string) !== word[i]) return false;
  }
  return true;
}

/** Position just after the last non-white-space unit before `end` (white space skipped backwards). */
export function skipWhiteSpaceBackwards(text: string, end: number): number {
  let k = end;
  while (k > 0 && isWhiteSpace(text[k - 1])) k--;
  return k;
}

/**
 * `text` up to (not including) the first of the `stops` characters, or all of it. The linear
 * form of `text.replace(/[stops].*$/, '')` without its quadratic restarts on `"////...\n"`, and
 * without its quirk of keeping text when a line break follows.
 */
export function cutAtFirst(text: string, stops: string): string {
  // One native search per stop character: a few linear passes.
  let cut = text.length;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && at < cut) cut = at;
  }
  return cut === text.length ? text : text.slice(0, cut);
}

/**
 * Calls `visit(start, end)` for each run of ASCII lower-case letters and digits (`[a-z0-9]+`) in
 * `text`, in order, and, when `hashIsWord`, for each `#` as a run of its own; every other unit
 * separates runs. One scan, no regular expression and no array: the words of an ASCII line after
 * lower case, as linkage splits address lines and resume text (the callers slice what they keep).
 */
export function asciiWordRuns(text: string, visit: (start: number, end: number) => void, hashIsWord = false): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) visit(start, i);
    start = -1;
    if (c === 0x23 && hashIsWord) visit(i, i + 1);
  }
}
