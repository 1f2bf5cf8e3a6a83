import { normalizeAccount, normalizeEmail, normalizePhone, normalizeWallet } from '../linking/normalize';
import { buildCidrSet, normalizeIp, parseIp, type CidrSet } from '../records/ip';
import type { Watchlist, WatchlistEntry } from '../records/watchlist';
import { hostOf, isPublicSuffix, registrableDomain } from './domains';
import { nameSimilarity, nameTokens, phoneticKey } from './names';

/** How a value matched an entry. */
export type MatchQuality = 'exact-identifier' | 'domain' | 'ip-exact' | 'cidr-range' | 'exact-name' | 'fuzzy-name';

/** One entry of one list, as the index holds it. */
export interface ListedEntry {
  /** The list. */
  readonly list: Watchlist;
  /** The entry. */
  readonly entry: WatchlistEntry;
}

/** A match of a subject's value against a listed entry. */
export interface WatchlistMatch extends ListedEntry {
  /** How it matched. */
  readonly quality: MatchQuality;
  /** Name similarity in [0, 1] (1 for identifiers). */
  readonly similarity: number;
  /** The entry value or alias that matched. */
  readonly matchedValue: string;
}

/** What kind of subject value is being screened. */
export type ScreenedKind = 'name' | 'organisation' | 'email' | 'phone' | 'domain' | 'ip' | 'wallet' | 'bank-account';

/** Watchlists indexed for screening, without any all-pairs comparison. */
export interface WatchlistIndex {
  /** Every entry the value matches, best first. */
  match(kind: ScreenedKind, value: string): WatchlistMatch[];
  /**
   * How many listed names a name look-up compares the value with: the size of its blocks, the
   * work `match` does for it. For monitoring and for tests that show blocking keeps a look-up far
   * below the size of the list.
   */
  nameCandidates(kind: 'name' | 'organisation', value: string): number;
}

interface NameRef extends ListedEntry {
  readonly tokens: readonly string[];
  readonly normalised: string;
  /** The tokens joined without spaces, in written order: "Kwang Jin" and "Kwangjin", "김 광진" and "김광진" agree. */
  readonly joined: string;
  readonly value: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Normalises an identifier of a watchlist or subject value by kind, so both sides agree. */
function identifierKey(kind: 'email' | 'phone' | 'wallet' | 'bank-account', value: string): string | undefined {
  switch (kind) {
    case 'email':
      return normalizeEmail(value);
    case 'phone':
      return normalizePhone(value)?.replace(/^local:/, '');
    case 'wallet':
      return normalizeWallet(value);
    case 'bank-account':
      return normalizeAccount(value);
  }
}

/**
 * Indexes watchlists for screening: identifiers (e-mail, phone, wallet, bank account, IP) in
 * hash maps after normalisation; CIDR ranges bucketed by prefix length; domains by host, looked
 * up for the subject's host and each parent up to its registrable domain (so a listed
 * `example.com` catches `mail.example.com` and `j@example.com`, and `example.co.uk` is
 * understood); person and organisation names blocked by the phonetic keys of their tokens and
 * by the name without spaces, so a name is compared only with entries sharing at least one key,
 * never with the whole list. Names that agree once spaces are removed are an exact name match.
 */
export function buildWatchlistIndex(watchlists: readonly Watchlist[], nameThreshold: number): WatchlistIndex {
  const exact = new Map<string, ListedEntry[]>();
  const domains = new Map<string, ListedEntry[]>();
  const blocks = { name: new Map<string, NameRef[]>(), organisation: new Map<string, NameRef[]>() };
  const ranges: { cidr: string; value: ListedEntry }[] = [];
  for (const list of watchlists) {
    for (const entry of list.entries) {
      const ref = { list, entry };
      const values = [entry.value, ...(entry.aliases ?? [])];
      switch (entry.type) {
        case 'name':
        case 'organisation':
          for (const v of values) {
            const tokens = nameTokens(v, entry.type === 'organisation');
            if (tokens.length === 0) continue;
            const nameRef: NameRef = { ...ref, tokens, normalised: [...tokens].sort().join(' '), joined: tokens.join(''), value: v };
            // Blocked by each token's phonetic key and by the spaceless name, so a name split or
            // joined differently ("Kwang Jin" / "Kwangjin") still meets its entry.
            for (const key of new Set([...tokens.map(phoneticKey), `joined:${nameRef.joined}`])) push(blocks[entry.type], key, nameRef);
          }
          break;
        case 'domain':
          for (const v of values) {
            const host = hostOf(v);
            // A public suffix (`co.uk`, `com.kp`) names a registry or a country, not a party:
            // such an entry would screen everyone under it, so it is never indexed.
            if (host !== undefined && !isPublicSuffix(host)) push(domains, host, ref);
          }
          break;
        case 'ip':
          for (const v of values) {
            const ip = normalizeIp(v);
            if (ip !== undefined) push(exact, `ip:${ip}`, ref);
          }
          break;
        case 'cidr':
          for (const v of values) ranges.push({ cidr: v, value: ref });
          break;
        default:
          for (const v of values) {
            const key = identifierKey(entry.type, v);
            if (key !== undefined) push(exact, `${entry.type}:${key}`, ref);
          }
      }
    }
  }
  const cidrs: CidrSet<ListedEntry> = buildCidrSet(ranges);
  /** The listed names sharing a block with the value's tokens: each is compared once. */
  const nameCandidatesOf = (kind: 'name' | 'organisation', tokens: readonly string[], joined: string): Set<NameRef> => {
    const seen = new Set<NameRef>();
    for (const key of new Set([...tokens.map(phoneticKey), `joined:${joined}`])) for (const ref of blocks[kind].get(key) ?? []) seen.add(ref);
    return seen;
  };
  const identifierMatches = (refs: readonly ListedEntry[] | undefined, quality: MatchQuality): WatchlistMatch[] =>
    (refs ?? []).map((r) => ({ ...r, quality, similarity: 1, matchedValue: r.entry.value }));

  return {
    match(kind, value) {
      switch (kind) {
        case 'email': {
          const out = identifierMatches(exact.get(`email:${identifierKey('email', value) ?? ''}`), 'exact-identifier');
          return [...out, ...this.match('domain', value)];
        }
        case 'phone':
        case 'wallet':
        case 'bank-account': {
          const key = identifierKey(kind, value);
          return key === undefined ? [] : identifierMatches(exact.get(`${kind}:${key}`), 'exact-identifier');
        }
        case 'ip': {
          const ip = parseIp(value);
          if (ip === undefined) return [];
          return [...identifierMatches(exact.get(`ip:${normalizeIp(value) ?? ''}`), 'ip-exact'), ...identifierMatches(cidrs.lookup(ip), 'cidr-range')];
        }
        case 'domain': {
          const host = hostOf(value);
          const registrable = registrableDomain(value);
          if (host === undefined || registrable === undefined) return [];
          const out: WatchlistMatch[] = [];
          // Walk from the host up to its registrable domain, never above it (never to "co.uk" or "com").
          let h = host;
          for (;;) {
            for (const m of identifierMatches(domains.get(h), 'domain')) out.push(m);
            if (h === registrable || !h.includes('.')) break;
            h = h.slice(h.indexOf('.') + 1);
          }
          return out;
        }
        case 'name':
        case 'organisation': {
          const tokens = nameTokens(value, kind === 'organisation');
          if (tokens.length === 0) return [];
          const normalised = [...tokens].sort().join(' ');
          const joined = tokens.join('');
          const best = new Map<WatchlistEntry, WatchlistMatch>();
          for (const ref of nameCandidatesOf(kind, tokens, joined)) {
            const exactName = ref.normalised === normalised || ref.joined === joined;
            const similarity = exactName ? 1 : Math.round(nameSimilarity(tokens, ref.tokens) * 1000) / 1000;
            if (!exactName && similarity < nameThreshold) continue;
            const prev = best.get(ref.entry);
            if (prev === undefined || similarity > prev.similarity) {
              best.set(ref.entry, { list: ref.list, entry: ref.entry, quality: exactName ? 'exact-name' : 'fuzzy-name', similarity, matchedValue: ref.value });
            }
          }
          return [...best.values()].sort((a, b) => b.similarity - a.similarity);
        }
      }
    },
    nameCandidates(kind, value) {
      const tokens = nameTokens(value, kind === 'organisation');
      return tokens.length === 0 ? 0 : nameCandidatesOf(kind, tokens, tokens.join('')).size;
    },
  };
}
