import { countOf } from './plural';

/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

/** A key repeated inside one object of a JSON text: JSON.parse keeps only its last value. */
export interface RepeatedKey {
  /** The path of the repeated key, from the root of the text (e.g. `["subjects", 3, "identity", "names"]`), at most {@link maxPathSegments} long. */
  readonly segments: readonly PathSegment[];
  /** True when the path was longer than {@link maxPathSegments} and `segments` is its start only. */
  readonly truncated: boolean;
  /** The repeated key, decoded (`"\u0061"` is `a`). */
  readonly key: string;
  /** How many times the key appears in its object (2 or more). */
  readonly occurrences: number;
  /** Other repeated keys found in the same group after this one (see {@link findRepeatedKeys}). */
  readonly more: number;
}

/** Work counter for tests: one unit per character looked at and per path segment copied. */
export interface ScanWork {
  units: number;
}

/** Reported paths are cut after this many segments: hostile input may nest 100,000 levels. */
export const maxPathSegments = 32;

// One open object or array. Objects hold their distinct keys (a short array: most objects have a
// few keys, and a Map each would cost more than the rest of the scan; a Set past `smallObject`
// keys, so a lookup stays constant time) and, once a key repeats, how often each repeated key
// appears. Arrays count their elements.
interface Frame {
  readonly isObject: boolean;
  readonly keys: string[];
  many: Set<string> | undefined;
  repeats: Map<string, number> | undefined;
  key: string | undefined;
  index: number;
  expectKey: boolean;
}

const smallObject = 8;

interface Found {
  segments: PathSegment[];
  truncated: boolean;
  key: string;
  repeats: Map<string, number>;
  more: number;
}

const quote = 0x22;
const backslash = 0x5c;

/**
 * Finds the keys repeated inside any object of a valid JSON text (the caller has parsed it), at any
 * depth. One linear pass, no recursion: an explicit stack of open objects and arrays, each object
 * with its keys. Keys are compared by their decoded value, so `"a"` and `"\u0061"` are the same
 * key. What it returns is bounded: at most one entry per group, where the group of a repeat is the
 * first `groupDepth` steps of its path (0: one entry for the whole text; 2 on a document: one a
 * record, `subjects[3]`), with the number of further repeats in the group.
 */
export function findRepeatedKeys(text: string, groupDepth = 0, work?: ScanWork): RepeatedKey[] {
  const stack: Frame[] = [];
  const groups = new Map<Frame | undefined, Map<PathSegment, Found>>();
  let units = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    units++;
    if (c === quote) {
      // The closing quote is the next one not escaped: found with indexOf, which is native and
      // several times faster than a loop over the characters (strings are most of a record's text).
      const start = i;
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escapedAt(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) end = n;
      units += end - start;
      const top = stack[stack.length - 1];
      if (top?.isObject === true && top.expectKey) {
        const raw = text.slice(start + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        top.key = key;
        top.expectKey = false;
        if (top.many !== undefined ? top.many.has(key) : top.keys.includes(key)) {
          const repeats = (top.repeats ??= new Map());
          const times = (repeats.get(key) ?? 1) + 1;
          repeats.set(key, times);
          if (times === 2) units += report(stack, groups, groupDepth, key, repeats);
        } else if (top.many !== undefined) top.many.add(key);
        else if (top.keys.length < smallObject) top.keys.push(key);
        else {
          top.many = new Set(top.keys);
          top.many.add(key);
        }
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const isObject = c === 0x7b;
      stack.push({ isObject, keys: [], many: undefined, repeats: undefined, key: undefined, index: 0, expectKey: isObject });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top !== undefined) {
        if (top.isObject) top.expectKey = true;
        else top.index++;
      }
    }
    i++;
  }
  if (work !== undefined) work.units += units;
  const out: RepeatedKey[] = [];
  for (const byFrame of groups.values()) {
    for (const f of byFrame.values())
      out.push({ segments: f.segments, truncated: f.truncated, key: f.key, occurrences: f.repeats.get(f.key) ?? 2, more: f.more });
  }
  return out;
}

// Records the first repeat of its group, or counts a further one. A group is the open frame at
// depth `groupDepth` (or the deepest, on a shorter path) with its current key or index: no string
// of the path is copied or hashed again, so many repeats under one long key stay linear.
// Returns the path segments copied (work).
function report(
  stack: readonly Frame[],
  groups: Map<Frame | undefined, Map<PathSegment, Found>>,
  groupDepth: number,
  key: string,
  repeats: Map<string, number>,
): number {
  const depth = Math.min(groupDepth, stack.length);
  const frame = depth === 0 ? undefined : (stack[depth - 1] as Frame);
  const segment = frame === undefined ? '' : segmentOf(frame);
  let byFrame = groups.get(frame);
  if (byFrame === undefined) groups.set(frame, (byFrame = new Map()));
  const found = byFrame.get(segment);
  if (found !== undefined) {
    found.more++;
    return 1;
  }
  const kept = Math.min(stack.length, maxPathSegments);
  const segments: PathSegment[] = [];
  for (let d = 0; d < kept; d++) segments.push(segmentOf(stack[d] as Frame));
  byFrame.set(segment, { segments, truncated: stack.length > maxPathSegments, key, repeats, more: 0 });
  return 1 + kept;
}

// True when the quote at `at` is escaped: an odd number of backslashes right before it.
function escapedAt(text: string, at: number): boolean {
  let j = at - 1;
  while (text.charCodeAt(j) === backslash) j--;
  return (at - 1 - j) % 2 === 1;
}

function segmentOf(frame: Frame): PathSegment {
  return frame.isObject ? (frame.key as string) : frame.index;
}

const plainKey = /^[A-Za-z_$][\w$]*$/;

/** Writes path segments the way rejection paths read: `subjects[3].identity.names`, odd keys quoted (`a["x y"]`). */
export function formatPath(segments: readonly PathSegment[], truncated = false): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (plainKey.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return truncated ? `${out}…` : out;
}

/** Says what is repeated: `key "id" appears twice`, with how many other keys of the group repeat too. */
export function describeRepeatedKey(found: RepeatedKey): string {
  const times = found.occurrences === 2 ? 'twice' : `${found.occurrences} times`;
  const more = found.more === 0 ? '' : ` (and ${countOf(found.more, 'more repeated key')})`;
  return `key ${JSON.stringify(found.key)} appears ${times}${more}`;
}

/**
 * The first key repeated anywhere in a valid JSON text, as `path: key "id" appears twice`, or
 * undefined when no key repeats: for files refused whole (a config, a mapping) or rows skipped
 * whole, which say where and then why.
 */
export function firstRepeatedKey(text: string): string | undefined {
  const [found] = findRepeatedKeys(text);
  return found === undefined ? undefined : `${formatPath(found.segments, found.truncated)}: ${describeRepeatedKey(found)}`;
}

/** The issue message of a record refused for a repeated key. */
export function repeatedKeyMessage(found: RepeatedKey): string {
  return `${describeRepeatedKey(found)}; JSON keeps only the last value, so the record is refused`;
}
