import { buildCidrSet, parseIp, type ParsedIp } from '../records/ip';
import { unionFind } from './unionFind';
import { decodeSignature, hammingHex, minHashSimilarity } from './lsh';
import { fuzzyLinkKeyKinds, type LinkKey, type LinkKeyKind } from './keys';
import { compareLinkGroupKeys, compareText } from '../engine/order';
import { parseIsoTime } from '../records/isoTime';
import { ShardedMap, ShardedSet } from '../engine/shardedMap';
import { LinkKeyTable } from './keyTable';
import { isWindowedKind, memberPeriodsOf, writeMemberPeriod } from './memberTimes';

/** One record that carries a link key: which subject, which record, which field, when. */
export interface LinkMember {
  /** The subject the record belongs to. */
  readonly subjectId: string;
  /** The record (subject, shipment, payment instruction, event, photo, document...). */
  readonly recordId: string;
  /** Field path in the record. */
  readonly field: string;
  /** First seen, ISO 8601. */
  readonly at?: string;
  /** Last seen, ISO 8601 (IP addresses, devices). */
  readonly until?: string;
  /** Photo hash or MinHash signature, for fuzzy kinds. */
  readonly signature?: string;
}

/**
 * All records that carry one `(kind, key)`: what a SQL `GROUP BY kind, key` over emitted key
 * rows returns. For photo and text the key is an LSH bucket, so a group is a set of candidates.
 */
export interface LinkGroup {
  /** Key kind. */
  readonly kind: LinkKeyKind;
  /** The (normalised or pseudonymised) key, or LSH bucket key. */
  readonly key: string;
  /** The records carrying it. */
  readonly members: readonly LinkMember[];
}

/** The link keys of one subject, as {@link groupLinkKeys} takes them. */
export interface SubjectLinkKeys {
  /** The subject. */
  readonly subjectId: string;
  /** Its keys, from {@link extractLinkKeys}. */
  readonly keys: readonly LinkKey[];
}

/** An expected shared key that must not count as a link (spouses at one address, a company VPN egress...). */
export interface AllowListedKey {
  /** Key kind. */
  readonly kind: LinkKeyKind;
  /** The normalised (or pseudonymised) key, as {@link extractLinkKeys} produces it. */
  readonly key?: string;
  /** For `ip`: a CIDR range (IPv4 or IPv6) whose addresses are all allow-listed. Needs raw, not pseudonymised, IPs. */
  readonly cidr?: string;
  /** Only when shared by no one but these subjects (e.g. the two spouses; a link among a subset of them is covered too); omit to allow any sharing. */
  readonly subjectIds?: readonly string[];
  /** Why it is expected; shown in the index. */
  readonly reason: string;
}

/** Options of {@link buildLinkIndex}. */
export interface LinkIndexOptions {
  /** Two subjects share an IP address only when their periods of use (first to last seen, widened by this) overlap. Default 1 day. */
  readonly ipWindowMs?: number;
  /**
   * Two subjects share a device or MFA device only when their periods of use, widened by this,
   * overlap: companies re-issue laptops and tokens after someone leaves. Default 30 days.
   */
  readonly deviceWindowMs?: number;
  /** Photo hashes within this Hamming distance are one photo. Default 6. */
  readonly photoMaxDistance?: number;
  /** Texts whose estimated Jaccard similarity (MinHash) reaches this are near-duplicates. Default 0.6. */
  readonly textMinSimilarity?: number;
  /** An LSH bucket with more records than this is degenerate (e.g. an all-zero hash or boilerplate) and is skipped. Default 1000. */
  readonly maxBucketSize?: number;
  /** Up to this many subjects who all claim an address as their residence are a household. Default 2. */
  readonly householdSize?: number;
  /** Expected shared keys. */
  readonly allowList?: readonly AllowListedKey[];
}

/** Defaults of {@link LinkIndexOptions}. */
export const defaultLinkIndexOptions = {
  ipWindowMs: 86_400_000,
  deviceWindowMs: 30 * 86_400_000,
  photoMaxDistance: 6,
  textMinSimilarity: 0.6,
  maxBucketSize: 1000,
  householdSize: 2,
} as const;

/** Subjects tied by one shared key, with the records that prove it. */
export interface Link {
  /** Stable id: `kind:key`, with `#n` for the n-th period of use of an IP address or device. */
  readonly id: string;
  /** Key kind. */
  readonly kind: LinkKeyKind;
  /** The shared key (for photo and text: the lowest signature in the cluster). */
  readonly key: string;
  /** The distinct subjects, sorted. */
  readonly subjectIds: readonly string[];
  /** The records, sorted by subject, record, field. */
  readonly members: readonly LinkMember[];
  /** Earliest time any member carried the key, when known. */
  readonly since?: string;
  /** When the key is allow-listed, the caller's reason. Indicators skip such links. */
  readonly allowListed?: string;
  /** True when the subjects form a household (≤ `householdSize` subjects who all claim this or a shared address as residence). */
  readonly household: boolean;
  /** For photo and text: the lowest verified similarity (text: Jaccard estimate; photo: 1 − distance/bits). */
  readonly similarity?: number;
}

/** Links between subjects, built in time linear in the number of keys. */
export interface LinkIndex {
  /** Every link, sorted by id. */
  readonly links: readonly Link[];
  /** The links of one subject, sorted by id (empty when none). */
  linksOf(subjectId: string): readonly Link[];
  /** Counts, for monitoring. */
  readonly stats: {
    readonly groups: number;
    readonly links: number;
    /** LSH buckets skipped as degenerate (larger than `maxBucketSize`). */
    readonly skippedBuckets: number;
    /** Group members read: the linear part of the work. */
    readonly members: number;
    /** Pairs of distinct signatures compared inside LSH buckets: the only part that is not linear, bounded by `maxBucketSize`. */
    readonly comparisons: number;
  };
}

const SEP = '\u0000';

/** A total order of members (equal only when every field is), so no sort depends on input order. */
function compareMembers(a: LinkMember, b: LinkMember): number {
  return (
    compareText(a.subjectId, b.subjectId) ||
    compareText(a.recordId, b.recordId) ||
    compareText(a.field, b.field) ||
    compareText(a.at ?? '', b.at ?? '') ||
    compareText(a.until ?? '', b.until ?? '') ||
    compareText(a.signature ?? '', b.signature ?? '')
  );
}

/** Lists this long or shorter are sorted by insertion (most groups have two to five members): no call into the engine's sort. */
const SHORT_LIST = 16;

/**
 * Sorts `list` in place by `compare`, a total order (so any stable sort gives one result):
 * short lists by insertion, longer ones by `Array.prototype.sort`.
 */
function sortByTotalOrder<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  const n = list.length;
  if (n > SHORT_LIST) return list.sort(compare);
  for (let i = 1; i < n; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/**
 * The groups with those of one `(kind, key)` merged (a `GROUP BY` gives each once; a caller's
 * list may not) and their members sorted: what follows then depends on the groups' contents only,
 * not on their order or their members' order. Photo and text buckets come sorted by kind and key
 * (their members are joined across buckets into clusters); a group of an exact kind becomes links
 * of its own, whose list is sorted by id at the end, so those are merged through a map of their
 * keys, in the order first met, without a sort of every group.
 */
function canonicalGroups(groups: Iterable<LinkGroup>): { groups: CanonicalGroup[]; count: number } {
  const fuzzy: LinkGroup[] = [];
  // Exact kinds: per distinct (kind, key) its first group, and the others of that key (rare).
  const firsts: LinkGroup[] = [];
  const others = new Map<number, LinkGroup[]>();
  const indexByKind = new Map<LinkKeyKind, Map<string, number>>();
  let count = 0;
  for (const g of groups) {
    count++;
    if (fuzzyLinkKeyKinds.has(g.kind)) {
      fuzzy.push(g);
      continue;
    }
    let byKey = indexByKind.get(g.kind);
    if (byKey === undefined) {
      byKey = new Map();
      indexByKind.set(g.kind, byKey);
    }
    const first = byKey.get(g.key);
    if (first === undefined) {
      byKey.set(g.key, firsts.length);
      firsts.push(g);
      continue;
    }
    const list = others.get(first);
    if (list === undefined) others.set(first, [g]);
    else list.push(g);
  }
  fuzzy.sort(compareLinkGroupKeys);
  const out: CanonicalGroup[] = [];
  for (let i = 0; i < fuzzy.length;) {
    const g = fuzzy[i] as LinkGroup;
    let j = i + 1;
    while (j < fuzzy.length && compareLinkGroupKeys(g, fuzzy[j] as LinkGroup) === 0) j++;
    out.push(mergedGroup(fuzzy.slice(i, j)));
    i = j;
  }
  for (let i = 0; i < firsts.length; i++) {
    const g = firsts[i] as LinkGroup;
    const more = others.get(i);
    out.push(mergedGroup(more === undefined ? [g] : [g, ...more]));
  }
  return { groups: out, count };
}

/** Groups of one `(kind, key)` as one, members sorted; the caller's list kept beside it when there was one group. */
function mergedGroup(same: readonly LinkGroup[]): CanonicalGroup {
  const g = same[0] as LinkGroup;
  const members: LinkMember[] = [];
  for (const s of same) for (const m of s.members) members.push(m);
  return { kind: g.kind, key: g.key, members: sortByTotalOrder(members, compareMembers), given: same.length === 1 ? g.members : undefined };
}

/** A group in canonical form, with the members list the caller gave when it was the only one of its key (its periods may be held beside it). */
interface CanonicalGroup extends LinkGroup {
  readonly members: LinkMember[];
  readonly given: readonly LinkMember[] | undefined;
}

/**
 * Groups the keys of many subjects by `(kind, key)`, keeping only groups that span at least two
 * subjects: the in-memory equivalent of
 * `SELECT kind, key, … FROM link_keys GROUP BY kind, key HAVING COUNT(DISTINCT subject_id) > 1`.
 * One pass over the keys into a key table (`LinkKeyTable`, internal) (integer ids, typed-array columns, no object
 * per key), then one pass over its rows for the shared keys: linear in the number of keys. The
 * member lists of IP, device and MFA device groups, and their members, are frozen: the periods of
 * use the index reads are held beside them.
 */
export function groupLinkKeys(entries: Iterable<SubjectLinkKeys>): LinkGroup[] {
  return keyTableOf(entries).groups();
}

function keyTableOf(entries: Iterable<SubjectLinkKeys>): LinkKeyTable {
  const table = new LinkKeyTable();
  for (const { subjectId, keys } of entries) table.addSubject(subjectId, keys);
  return table;
}

function memberId(m: LinkMember): string {
  return m.subjectId + SEP + m.recordId + SEP + m.field;
}

function distinctSubjects(members: readonly LinkMember[]): string[] {
  if (members.length > SHORT_LIST) return [...new Set(members.map((m) => m.subjectId))].sort(compareText);
  // A few members: their distinct subjects found by scanning, then sorted by insertion.
  const ids: string[] = [];
  for (const m of members) if (!ids.includes(m.subjectId)) ids.push(m.subjectId);
  return sortByTotalOrder(ids, compareText);
}

function earliest(members: readonly LinkMember[]): string | undefined {
  let best: string | undefined;
  let bestMs = Infinity;
  for (const m of members) {
    if (m.at === undefined) continue;
    const t = parseIsoTime(m.at);
    if (t < bestMs) {
      bestMs = t;
      best = m.at;
    }
  }
  return best;
}

/** Fields whose address is one the subject claims as home. */
function isResidenceField(field: string): boolean {
  return field === 'identity.residence.address' || field === 'contacts.addresses[residence]' || field === 'documents[].address';
}

/** Kinds a household legitimately shares: a home, its phone line, its internet connection, a joint account. */
const householdKinds: ReadonlySet<LinkKeyKind> = new Set(['address', 'phone', 'ip', 'bank-account']);

interface DraftLink {
  id: string;
  kind: LinkKeyKind;
  key: string;
  members: LinkMember[];
  subjectIds: string[];
  similarity?: number;
}

/** Whether any of `values` is NaN (a time that did not parse). */
function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * Splits an IP or device group into clusters whose periods of use overlap (widened by
 * `windowMs`): a sweep over the members sorted by start (then by the total order of members, so
 * the clusters do not depend on the members' order). The periods are read from the members'
 * texts, or taken as the key table held them for the list it made (`given`), when none is NaN.
 */
function ipWindows(group: CanonicalGroup, windowMs: number): LinkMember[][] {
  let members: readonly LinkMember[] = group.members;
  let times = group.given === undefined ? undefined : memberPeriodsOf(group.given);
  if (times !== undefined && times.length === 2 * group.members.length && !hasNaN(times)) members = group.given as readonly LinkMember[];
  else {
    times = new Float64Array(2 * members.length);
    for (let i = 0; i < members.length; i++) writeMemberPeriod((members[i] as LinkMember).at, (members[i] as LinkMember).until, times, i);
  }
  const n = members.length;
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    from[i] = (times[2 * i] as number) - windowMs / 2;
    to[i] = (times[2 * i + 1] as number) + windowMs / 2;
    order.push(i);
  }
  order.sort((a, b) => (from[a] as number) - (from[b] as number) || compareMembers(members[a] as LinkMember, members[b] as LinkMember));
  const out: LinkMember[][] = [];
  let current: LinkMember[] = [];
  let end = -Infinity;
  for (const i of order) {
    if (current.length > 0 && (from[i] as number) > end) {
      out.push(current);
      current = [];
      end = -Infinity;
    }
    current.push(members[i] as LinkMember);
    end = Math.max(end, to[i] as number);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Builds the link index from groups, whether {@link groupLinkKeys} made them in memory or the
 * caller's SQL, Spark or Flink job did: the result depends only on the groups' contents, not on
 * their order or on where they were grouped. Exact kinds link every group spanning two or more
 * subjects; IP groups are split into overlapping periods of use; photo and text groups are LSH
 * candidate buckets whose members are verified (Hamming distance, MinHash similarity) and joined
 * into clusters. Cost is linear in the number of group members, plus the verification inside
 * buckets, which are small by construction and capped by `maxBucketSize`.
 */
export function buildLinkIndexFromGroups(groups: Iterable<LinkGroup>, options: LinkIndexOptions = {}): LinkIndex {
  const o = { ...defaultLinkIndexOptions, ...options };
  const drafts: DraftLink[] = [];
  let groupCount = 0;
  let skippedBuckets = 0;
  let memberCount = 0;
  let comparisons = 0;
  const fuzzy = new Map<LinkKeyKind, { uf: ReturnType<typeof unionFind>; members: ShardedMap<string, LinkMember>; minSim: ShardedMap<string, number> }>();

  const canonical = canonicalGroups(groups);
  groupCount = canonical.count;
  for (const group of canonical.groups) {
    memberCount += group.members.length;
    if (fuzzyLinkKeyKinds.has(group.kind)) {
      if (group.members.length > o.maxBucketSize) {
        skippedBuckets++;
        continue;
      }
      let state = fuzzy.get(group.kind);
      if (state === undefined) {
        state = { uf: unionFind(), members: new ShardedMap(), minSim: new ShardedMap() };
        fuzzy.set(group.kind, state);
      }
      // Members with one signature are one item; only distinct signatures need comparing.
      const bySig = new Map<string, LinkMember[]>();
      for (const m of group.members) {
        if (m.signature === undefined) continue;
        state.members.set(memberId(m), m);
        const list = bySig.get(m.signature);
        if (list === undefined) bySig.set(m.signature, [m]);
        else list.push(m);
      }
      const sigs = [...bySig.keys()].sort(compareText);
      for (const sig of sigs) {
        const list = bySig.get(sig) as LinkMember[];
        for (let i = 1; i < list.length; i++) state.uf.union(memberId(list[0] as LinkMember), memberId(list[i] as LinkMember));
      }
      const decoded = group.kind === 'text' ? sigs.map(decodeSignature) : [];
      comparisons += (sigs.length * (sigs.length - 1)) / 2;
      for (let i = 0; i < sigs.length; i++) {
        for (let j = i + 1; j < sigs.length; j++) {
          let sim: number;
          if (group.kind === 'photo') {
            const a = sigs[i] as string;
            const d = hammingHex(a, sigs[j] as string);
            if (d > o.photoMaxDistance) continue;
            sim = 1 - d / (a.length * 4);
          } else {
            sim = minHashSimilarity(decoded[i] as Uint32Array, decoded[j] as Uint32Array);
            if (sim < o.textMinSimilarity) continue;
          }
          const a = memberId((bySig.get(sigs[i] as string) as LinkMember[])[0] as LinkMember);
          const b = memberId((bySig.get(sigs[j] as string) as LinkMember[])[0] as LinkMember);
          state.uf.union(a, b);
          for (const x of [a, b]) state.minSim.set(x, Math.min(state.minSim.get(x) ?? 1, sim));
        }
      }
      continue;
    }
    const members = group.members;
    if (isWindowedKind(group.kind)) {
      const windows = ipWindows(group, group.kind === 'ip' ? o.ipWindowMs : o.deviceWindowMs);
      windows.forEach((w, n) => {
        // One record is one subject: no link.
        if (w.length < 2) return;
        const subjectIds = distinctSubjects(w);
        if (subjectIds.length < 2) return;
        drafts.push({ id: `${group.kind}:${group.key}#${n}`, kind: group.kind, key: group.key, members: sortByTotalOrder(w, compareMembers), subjectIds });
      });
      continue;
    }
    const subjectIds = distinctSubjects(members);
    if (subjectIds.length < 2) continue;
    drafts.push({ id: `${group.kind}:${group.key}`, kind: group.kind, key: group.key, members, subjectIds });
  }

  for (const [kind, state] of fuzzy) {
    const clusters = new ShardedMap<string, LinkMember[]>();
    for (const [id, m] of state.members) {
      const root = state.uf.find(id);
      const list = clusters.get(root);
      if (list === undefined) clusters.set(root, [m]);
      else list.push(m);
    }
    for (const list of clusters.values()) {
      const subjectIds = distinctSubjects(list);
      if (subjectIds.length < 2) continue;
      sortByTotalOrder(list, compareMembers);
      let key = list[0]?.signature as string;
      let similarity = 1;
      for (const m of list) {
        if ((m.signature as string) < key) key = m.signature as string;
        similarity = Math.min(similarity, state.minSim.get(memberId(m)) ?? 1);
      }
      drafts.push({ id: `${kind}:${key}`, kind, key, members: list, subjectIds, similarity: Math.round(similarity * 100) / 100 });
    }
  }

  // Households: at most householdSize subjects who all claim the address as home.
  const households = new ShardedMap<string, Set<string>>();
  const householdLinks = new ShardedSet<string>();
  for (const d of drafts) {
    if (d.kind !== 'address' || d.subjectIds.length > o.householdSize) continue;
    const claiming = new Set(d.members.filter((m) => isResidenceField(m.field)).map((m) => m.subjectId));
    if (claiming.size !== d.subjectIds.length) continue;
    householdLinks.add(d.id);
    for (const s of d.subjectIds) {
      const set = households.get(s);
      if (set === undefined) households.set(s, new Set([d.id]));
      else set.add(d.id);
    }
  }
  const isHousehold = (d: DraftLink): boolean => {
    if (!householdKinds.has(d.kind) || d.subjectIds.length > o.householdSize) return false;
    if (householdLinks.has(d.id)) return true;
    const [first, ...rest] = d.subjectIds.map((s) => households.get(s));
    if (first === undefined) return false;
    for (const h of first) if (rest.every((r) => r?.has(h) === true)) return true;
    return false;
  };

  // Allow-list: exact keys in a map, IP ranges in a CIDR set.
  const allowExact = new Map<string, AllowListedKey[]>();
  const allowRanges = buildCidrSet(
    (o.allowList ?? []).filter((a) => a.kind === 'ip' && a.cidr !== undefined).map((a) => ({ cidr: a.cidr as string, value: a })),
  );
  for (const a of o.allowList ?? []) {
    if (a.key === undefined) continue;
    const id = a.kind + SEP + a.key;
    const list = allowExact.get(id);
    if (list === undefined) allowExact.set(id, [a]);
    else list.push(a);
  }
  const allowReason = (d: DraftLink): string | undefined => {
    const candidates = [...(allowExact.get(d.kind + SEP + d.key) ?? [])];
    if (d.kind === 'ip') {
      const ip: ParsedIp | undefined = parseIp(d.key);
      if (ip !== undefined) for (const a of allowRanges.lookup(ip)) candidates.push(a);
    }
    for (const a of candidates) {
      if (a.subjectIds === undefined) return a.reason;
      const allowed = new Set(a.subjectIds);
      if (d.subjectIds.every((s) => allowed.has(s))) return a.reason;
    }
    return undefined;
  };

  const links: Link[] = drafts.map((d) => {
    const since = earliest(d.members);
    const reason = allowReason(d);
    return {
      id: d.id,
      kind: d.kind,
      key: d.key,
      subjectIds: d.subjectIds,
      members: d.members,
      ...(since !== undefined ? { since } : {}),
      ...(reason !== undefined ? { allowListed: reason } : {}),
      household: isHousehold(d),
      ...(d.similarity !== undefined ? { similarity: d.similarity } : {}),
    };
  });
  links.sort((a, b) => compareText(a.id, b.id));
  const bySubject = new ShardedMap<string, Link[]>();
  for (const link of links) {
    for (const s of link.subjectIds) {
      const list = bySubject.get(s);
      if (list === undefined) bySubject.set(s, [link]);
      else list.push(link);
    }
  }
  const none: readonly Link[] = Object.freeze([]);
  return {
    links,
    linksOf: (subjectId) => bySubject.get(subjectId) ?? none,
    stats: { groups: groupCount, links: links.length, skippedBuckets, members: memberCount, comparisons },
  };
}

/**
 * Groups the subjects' link keys and builds the index in one step: `groupLinkKeys` then
 * {@link buildLinkIndexFromGroups}. Linear in the number of keys.
 *
 * @example
 * ```ts
 * const index = buildLinkIndex(subjects.map((s) => ({ subjectId: s.id, keys: extractLinkKeys(s, eventsOf(s.id)) })));
 * for (const link of index.linksOf('cand-7')) console.log(link.kind, link.subjectIds, link.since);
 * ```
 */
export function buildLinkIndex(entries: Iterable<SubjectLinkKeys>, options: LinkIndexOptions = {}): LinkIndex {
  return buildLinkIndexFromGroups(groupLinkKeys(entries), options);
}
