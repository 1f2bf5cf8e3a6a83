/**
 * Multi-part public suffixes under which names are registered one level deeper (`example.co.uk`,
 * not `co.uk`). A small table of the common ones, not the full Public Suffix List: callers who
 * need exactness for rarer suffixes can pass registrable domains themselves.
 */
export const multiPartSuffixes: ReadonlySet<string> = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'id.au',
  'co.nz', 'org.nz', 'net.nz', 'ac.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.kr', 'or.kr', 'ne.kr', 'ac.kr', 'go.kr',
  'com.cn', 'net.cn', 'org.cn', 'edu.cn', 'gov.cn',
  'com.hk', 'com.tw', 'com.sg', 'com.my', 'com.ph', 'com.vn', 'co.id', 'co.th', 'co.in', 'net.in', 'org.in',
  'com.br', 'net.br', 'org.br', 'com.mx', 'com.ar', 'com.co', 'com.pe', 'com.tr', 'com.ua', 'com.pl', 'co.za', 'co.il',
  'com.ru', 'org.ru', 'com.sa', 'com.eg', 'com.ng', 'co.ke',
]);

/** Host of a URL, e-mail address or bare domain, lower case, without `www.`, port or trailing dot. */
export function hostOf(value: string): string | undefined {
  let v = value.trim().toLowerCase();
  const at = v.lastIndexOf('@');
  if (at >= 0) v = v.slice(at + 1);
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v)) return undefined;
  return v;
}

/**
 * The registrable domain of a host: the label under its public suffix, using
 * {@link multiPartSuffixes} for two-label suffixes. `mail.dev.example.co.uk` → `example.co.uk`.
 */
export function registrableDomain(value: string): string | undefined {
  const host = hostOf(value);
  if (host === undefined) return undefined;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return multiPartSuffixes.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}
