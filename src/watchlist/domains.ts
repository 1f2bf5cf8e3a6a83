import { cutAtFirst } from '../text/scan';

/**
 * Multi-part public suffixes under which names are registered one level deeper (`example.co.uk`,
 * not `co.uk`). A small table of the common ones, not the full Public Suffix List: callers who
 * need exactness for rarer suffixes can pass registrable domains themselves.
 */
export const multiPartSuffixes: ReadonlySet<string> = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'id.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'ac.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'ne.kr',
  'ac.kr',
  'go.kr',
  'com.cn',
  'net.cn',
  'org.cn',
  'edu.cn',
  'gov.cn',
  'com.hk',
  'com.tw',
  'com.sg',
  'com.my',
  'com.ph',
  'com.vn',
  'co.id',
  'co.th',
  'co.in',
  'net.in',
  'org.in',
  'com.br',
  'net.br',
  'org.br',
  'com.mx',
  'com.ar',
  'com.co',
  'com.pe',
  'com.tr',
  'com.ua',
  'com.pl',
  'co.za',
  'co.il',
  'com.ru',
  'org.ru',
  'com.sa',
  'com.eg',
  'com.ng',
  'co.ke',
]);

/**
 * Second-level labels that registries under country-code TLDs use as public suffixes
 * (`com.kp`, `edu.kp`, `gov.xx`): a name under `<label>.<cc>` is registered one level deeper,
 * even when the pair is not in {@link multiPartSuffixes}. Without this a listed `com.kp` would
 * match every commercial domain of a country, which is a country list by another name.
 */
const genericSecondLevel: ReadonlySet<string> = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'co', 'ac', 'or', 'ne', 'go', 'nic', 'rep']);

/** True when a host is itself a public suffix (a TLD or a known or generic two-label suffix), never a registrable name. */
export function isPublicSuffix(host: string): boolean {
  const labels = host.split('.');
  if (labels.length === 1) return true;
  if (labels.length !== 2) return false;
  return multiPartSuffixes.has(host) || (genericSecondLevel.has(labels[0] as string) && (labels[1] as string).length === 2);
}

/**
 * The longest domain name, in characters: 253 (RFC 1035 allows 255 octets on the wire, which
 * is 253 written out). A longer "host" is not a DNS name, so it can be neither listed nor matched,
 * and the walk from a host up to its registrable domain hashes at most this many characters per step.
 */
export const maxDomainLength = 253;

/**
 * Host of a URL, e-mail address or bare domain, lower case, without `www.`, port or trailing dot.
 * Undefined when the result is not a host name: characters other than letters, digits, hyphens
 * and dots, a single label, or more than 253 characters (`maxDomainLength`, the DNS limit).
 */
export function hostOf(value: string): string | undefined {
  let v = value.trim().toLowerCase();
  const at = v.lastIndexOf('@');
  if (at >= 0) v = v.slice(at + 1);
  // The path, query or fragment is cut at its first character by a scan: `/[/?#].*$/`
  // restarted at every "/" of "////...\n" and took quadratic time.
  v = cutAtFirst(v.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''), '/?#')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (v.length > maxDomainLength || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v)) return undefined;
  return v;
}

/**
 * The registrable domain of a host: the label under its public suffix, using
 * `isPublicSuffix` for two-label suffixes. `mail.dev.example.co.uk` → `example.co.uk`,
 * `www.example.com.kp` → `example.com.kp`. A public suffix itself has no registrable domain.
 */
export function registrableDomain(value: string): string | undefined {
  const host = hostOf(value);
  if (host === undefined) return undefined;
  if (isPublicSuffix(host)) return undefined;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return isPublicSuffix(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}
