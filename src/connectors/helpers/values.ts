import { fnv1a64Hex } from '../../util/hash';
/**
 * Drops everything that is no data from a record draft, recursively: `undefined`, `null`, empty
 * or blank strings, non-finite numbers, and arrays or objects left empty. A connector builds
 * drafts with optional values as they come and calls this once, so no record ever carries a
 * `null` or an empty object (an all-null object is no data).
 */
export function compact(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const kept = compact(item);
      if (kept !== undefined) items.push(kept);
    }
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    let any = false;
    for (const key of Object.keys(value)) {
      const kept = compact((value as Record<string, unknown>)[key]);
      if (kept !== undefined) {
        out[key] = kept;
        any = true;
      }
    }
    return any ? out : undefined;
  }
  return value;
}

/** JSON with object keys sorted, so equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A record id from the content of a row: `prefix:h<hash>`, the same for the same row in any key order. */
export function contentId(prefix: string, value: unknown): string {
  return `${prefix}:h${fnv1a64Hex(canonicalJson(value))}`;
}

/** A boolean as exports write it: true/false, yes/no, y/n, 1/0, on/off (any case). Undefined otherwise. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toLowerCase()) {
    case 'true':
    case 'yes':
    case 'y':
    case '1':
    case 'on':
      return true;
    case 'false':
    case 'no':
    case 'n':
    case '0':
    case 'off':
      return false;
    default:
      return undefined;
  }
}

/** A number as exports write it (`145000`, `145,000`, `$1,250.50`, `7922`); undefined when it is not one. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const cleaned = value
    .trim()
    .replace(/^[$€£]/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}
