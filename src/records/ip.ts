import { cutAtFirst } from '../text/scan';

/** A parsed IP address: its version and its value as a 32- or 128-bit integer. */
export interface ParsedIp {
  /** 4 or 6. */
  readonly version: 4 | 6;
  /** The address as an unsigned integer. */
  readonly value: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  // One scan of the characters (no split, no regex, one BigInt): four dot-separated parts of one
  // to three ASCII digits (leading zeros allowed, as before), each at most 255.
  let parts = 0;
  let digits = 0;
  let part = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || part > 255 || parts === 4) return undefined;
      // Below 2^32, so exact in a double.
      value = value * 256 + part;
      parts++;
      digits = 0;
      part = 0;
      continue;
    }
    if (c < 0x30 || c > 0x39 || digits === 3) return undefined;
    part = part * 10 + (c - 0x30);
    digits++;
  }
  return parts === 4 ? BigInt(value) : undefined;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text.toLowerCase();
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two hextets.
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (v4 === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] as string).split(':');
  const rest = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] as string).split(':')) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return value;
}

/**
 * Parses an IPv4 or IPv6 address (zone ids and brackets removed). IPv4-mapped IPv6 addresses
 * (`::ffff:192.0.2.1`) are read as the IPv4 address they carry.
 */
export function parseIp(text: string): ParsedIp | undefined {
  // The zone id ("%eth0") is cut at the first "%" by a scan: `/%.*$/` restarted at every "%" of
  // "%%%%...\n" and took quadratic time.
  const t = cutAtFirst(text.trim().replace(/^\[|\]$/g, ''), '%');
  if (t.includes(':')) {
    const v6 = parseIpv6(t);
    if (v6 === undefined) return undefined;
    if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 & 0xffffffffn };
    return { version: 6, value: v6 };
  }
  const v4 = parseIpv4(t);
  return v4 === undefined ? undefined : { version: 4, value: v4 };
}

/** Canonical text of a parsed address: dotted quad, or lower-case IPv6 with the longest zero run compressed. */
export function formatIp(ip: ParsedIp): string {
  if (ip.version === 4) {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Canonical text of an IP address, or undefined when it is not one. */
export function normalizeIp(text: string): string | undefined {
  // Most addresses arrive as canonical dotted quads, which parse and format back to themselves.
  if (isCanonicalIpv4(text)) return text;
  const ip = parseIp(text);
  return ip === undefined ? undefined : formatIp(ip);
}

/** True for `a.b.c.d` with four decimal parts of 0-255 without leading zeros: the canonical text of an IPv4 address. */
export function isCanonicalIpv4(text: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  let leadingZero = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || value > 255 || (leadingZero && digits > 1)) return false;
      parts++;
      digits = 0;
      value = 0;
      continue;
    }
    if (c < 0x30 || c > 0x39 || digits === 3) return false;
    if (digits === 0) leadingZero = c === 0x30;
    value = value * 10 + (c - 0x30);
    digits++;
  }
  return parts === 4;
}

/** A parsed CIDR range. */
export interface ParsedCidr {
  /** 4 or 6. */
  readonly version: 4 | 6;
  /** Prefix length in bits. */
  readonly prefix: number;
  /** The network address (host bits cleared). */
  readonly network: bigint;
}

/** Parses `address/prefix` (a bare address is a /32 or /128). */
export function parseCidr(text: string): ParsedCidr | undefined {
  const [addr, len, extra] = text.trim().split('/');
  if (addr === undefined || extra !== undefined) return undefined;
  const ip = parseIp(addr);
  if (ip === undefined) return undefined;
  const bits = ip.version === 4 ? 32 : 128;
  // A mapped IPv6 range such as ::ffff:10.0.0.0/104 is the IPv4 range /8.
  const mappedOffset = ip.version === 4 && addr.includes(':') ? 96 : 0;
  let prefix = len === undefined ? bits : Number(len) - mappedOffset;
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return undefined;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return undefined;
  if (len === undefined) prefix = bits;
  return { version: ip.version, prefix, network: maskIp(ip.value, prefix, bits) };
}

function maskIp(value: bigint, prefix: number, bits: number): bigint {
  const hostBits = BigInt(bits - prefix);
  return (value >> hostBits) << hostBits;
}

/** True when the address lies in the range. */
export function cidrContains(range: ParsedCidr, ip: ParsedIp): boolean {
  if (range.version !== ip.version) return false;
  return maskIp(ip.value, range.prefix, ip.version === 4 ? 32 : 128) === range.network;
}

/**
 * A set of CIDR ranges answering "which ranges contain this address" without scanning them all:
 * ranges are bucketed by version and prefix length, so a look-up masks the address once per
 * distinct prefix length (at most 33 + 129) and does one hash look-up each.
 */
export interface CidrSet<T> {
  /** Every value whose range contains the address. */
  lookup(ip: ParsedIp): T[];
}

/** Builds a {@link CidrSet} from ranges and their values; invalid ranges are skipped. */
export function buildCidrSet<T>(ranges: Iterable<{ readonly cidr: string; readonly value: T }>): CidrSet<T> {
  const byPrefix = new Map<string, { version: 4 | 6; prefix: number; nets: Map<bigint, T[]> }>();
  for (const { cidr, value } of ranges) {
    const range = parseCidr(cidr);
    if (range === undefined) continue;
    const k = `${range.version}/${range.prefix}`;
    let bucket = byPrefix.get(k);
    if (bucket === undefined) {
      bucket = { version: range.version, prefix: range.prefix, nets: new Map() };
      byPrefix.set(k, bucket);
    }
    const list = bucket.nets.get(range.network);
    if (list === undefined) bucket.nets.set(range.network, [value]);
    else list.push(value);
  }
  const buckets = [...byPrefix.values()].sort((a, b) => a.version - b.version || b.prefix - a.prefix);
  return {
    lookup(ip) {
      const out: T[] = [];
      for (const b of buckets) {
        if (b.version !== ip.version) continue;
        const hit = b.nets.get(maskIp(ip.value, b.prefix, ip.version === 4 ? 32 : 128));
        if (hit !== undefined) for (const item of hit) out.push(item);
      }
      return out;
    },
  };
}
