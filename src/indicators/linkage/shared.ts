import { z } from 'zod';
import type { CombineContext, Evidence, MessageData, Mitigation, SubjectSummary, SubjectView, SummaryContext, WholeBatch } from '../../contract/types';
import type { Subject } from '../../records/subject';
import type { LinkKeyKind } from '../../linking/keys';
import type { Link, LinkIndex, LinkMember } from '../../linking/linkIndex';
import { linkIndexOfPopulation, linkIndexOfRows, subjectLinkKeyRows } from '../../linking/population';
import { ShardedMap } from '../../engine/shardedMap';
import { compareText, normalizePersonName } from '../../kit';
import {
  authenticatorUseRows,
  closestCrossSubjectUses,
  closestCrossSubjectUsesOfEvents,
  packAuthenticatorUses,
  type ClosestCrossSubjectUse,
} from './approvals';

/** A link's members by subject, worked out once per link and batch. */
interface LinkSummary {
  /** Each subject's records on the link, in member order. */
  readonly bySubject: ReadonlyMap<string, readonly LinkMember[]>;
  /** The first record of each subject, in member order. */
  readonly firsts: readonly LinkMember[];
  /** Every other record, in member order. */
  readonly rest: readonly LinkMember[];
}

/** What the linkage indicators' `combine` hooks return: the batch's link index and its size. */
export interface PreparedLinks {
  /** The link index, built once per batch. */
  readonly index: LinkIndex;
  /** Subjects in the batch. */
  readonly populationSize: number;
  /**
   * Per-link summaries, filled on first use. Every member of a large link (a shared egress IP)
   * would otherwise be walked again for each of its subjects, quadratic in the cluster size.
   * @internal
   */
  readonly summaries: ShardedMap<Link, LinkSummary>;
  /**
   * Link members and subject ids read so far for this batch, summed over every subject: the
   * work that would grow with the square of a cluster if a subject walked its whole link. A
   * counter, so tests prove linearity without a clock.
   * @internal
   */
  readonly work: { linkEntriesRead: number };
}

/**
 * What the linkage indicators that read the link index summarise per subject (one object per
 * subject, shared between them through the view's memo): plain data, so it can cross threads or
 * be written as JSON. Empty parts are left out.
 */
export interface LinkageSummary {
  /**
   * The subject's link keys, 7 entries a key: kind number, key, record id, field, at, until,
   * signature (`null` when absent), as the JSON text of that array: one string a subject instead
   * of an array of strings and boxed numbers, about half the memory for a population held until
   * `combine` (an array is read too).
   */
  readonly keys: string | readonly (string | number | null)[];
  /** The subject's recorded names, normalised and sorted (for `linkage/persona-multiplicity`). */
  readonly names?: readonly string[];
  /** The name as written, for messages: the legal name, else the first recorded one. */
  readonly shown?: string;
  /**
   * Authenticator uses (for `linkage/shared-infrastructure`), grouped by authenticator and field:
   * authenticator, field code, number of uses, then record id and time (milliseconds, or the text
   * when it is not in `toISOString` form) per use; as the JSON text of that array, like `keys` (an
   * array is read too).
   */
  readonly uses?: string | readonly (string | number)[];
}

/** Every name the subject was recorded under, normalised (case, diacritics, word order; letters of every script kept). */
function namesOf(subject: Subject): Set<string> {
  const out = new Set<string>();
  for (const n of subject.identity?.names ?? []) out.add(normalizePersonName(n.value));
  for (const d of subject.documents ?? []) if (d.holderName !== undefined) out.add(normalizePersonName(d.holderName));
  out.delete('');
  return out;
}

/** The name as written, for messages: the legal name, else the first recorded one, else the first document holder's. */
function shownNameOf(subject: Subject): string | undefined {
  const shown = [...(subject.identity?.names ?? [])].sort(
    (a, b) => (a.kind === 'legal' ? 0 : 1) - (b.kind === 'legal' ? 0 : 1) || compareText(a.value, b.value),
  )[0];
  const holder = (subject.documents ?? [])
    .map((d) => d.holderName)
    .filter((n): n is string => n !== undefined)
    .sort()[0];
  return shown?.value ?? holder;
}

/** A subject's persona for `linkage/persona-multiplicity`: its normalised names, sorted, and the name shown for it. */
function personaOf(subject: Subject): { readonly names: readonly string[]; readonly shown: string | undefined } {
  return { names: [...namesOf(subject)].sort(), shown: shownNameOf(subject) };
}

/**
 * Every view of a whole batch, in its order; an error thrown for one (malformed trusted input)
 * names the subject, as a summary's failure does.
 */
function forEachViewNamed(whole: WholeBatch, visit: (view: SubjectView) => void): void {
  whole.forEachView((view) => {
    try {
      visit(view);
    } catch (cause) {
      throw new Error(`subject "${view.subject.id}": ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  });
}

/**
 * `summarise` of the linkage indicators that read the link index: the subject's keys (events up
 * to `asOf`), names and authenticator uses, made once per subject and shared between them.
 */
export function summariseLinkage(view: SubjectView, context: SummaryContext<unknown>): LinkageSummary | undefined {
  // A whole batch scored at once: `combine` reads the views themselves, so no summary is held per subject.
  if (context.wholeBatch !== undefined) return undefined;
  // The context's inputs and reference are the batch's, the same for every indicator: the memo may hold the summary.
  return view.memo('linkage/summary', () => {
    const { names, shown } = personaOf(view.subject);
    const uses = authenticatorUseRows(view.events);
    return {
      keys: subjectLinkKeyRows(view.subject, view.events, context),
      ...(names.length > 0 ? { names } : {}),
      ...(shown !== undefined ? { shown } : {}),
      ...(uses.length > 0 ? { uses: packAuthenticatorUses(uses) } : {}),
    };
  });
}

/** A subject's summary, checked to be a {@link LinkageSummary} (summaries may come from another process). */
export function linkageSummaryOf(s: SubjectSummary<LinkageSummary>): LinkageSummary {
  const summary = s.summary as unknown;
  const keys = typeof summary === 'object' && summary !== null ? (summary as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys) && typeof keys !== 'string') {
    throw new TypeError(`the linkage summary of subject "${s.subjectId}" has no keys array or text`);
  }
  return summary as LinkageSummary;
}

/**
 * `combine` of every linkage indicator that reads the link index: one index per batch, built from
 * every subject's key rows and shared between the indicators through the combine memo, with the
 * per-link caches and the work counter.
 */
export function combineLinks(summaries: readonly SubjectSummary<LinkageSummary>[], context: CombineContext<unknown>): PreparedLinks {
  return context.memo('linkage/links', () => {
    const whole = context.wholeBatch;
    // A whole batch: keys derived from the views in two passes, only shared keys' texts kept.
    const index =
      whole !== undefined
        ? linkIndexOfPopulation({ forEachSubject: (visit) => forEachViewNamed(whole, (v) => visit(v.subject, v.events)), size: whole.size }, context)
        : linkIndexOfRows(
            summaries.map((s) => ({ subjectId: s.subjectId, rows: linkageSummaryOf(s).keys })),
            context,
          );
    const populationSize = whole !== undefined ? whole.size : summaries.length;
    return { index, populationSize, summaries: new ShardedMap(), work: { linkEntriesRead: 0 } };
  });
}

/**
 * Every subject's normalised names (sorted; empty when none) and the name shown for it, from the
 * summaries or, for a whole batch, from the subjects themselves.
 */
export function personaNames(
  summaries: readonly SubjectSummary<LinkageSummary>[],
  context: CombineContext<unknown>,
): { readonly names: Map<string, readonly string[]>; readonly display: Map<string, string> } {
  const names = new Map<string, readonly string[]>();
  const display = new Map<string, string>();
  const whole = context.wholeBatch;
  if (whole !== undefined) {
    forEachViewNamed(whole, ({ subject }) => {
      const persona = personaOf(subject);
      names.set(subject.id, persona.names);
      if (persona.shown !== undefined) display.set(subject.id, persona.shown);
    });
    return { names, display };
  }
  for (const entry of summaries) {
    const summary = linkageSummaryOf(entry);
    names.set(entry.subjectId, summary.names ?? []);
    if (summary.shown !== undefined) display.set(entry.subjectId, summary.shown);
  }
  return { names, display };
}

/**
 * For every authenticator two subjects use, the closest pair of uses by different subjects
 * (`closestCrossSubjectUses`), from the summaries or, for a whole batch, from the views' events.
 */
export function closestUses(
  summaries: readonly SubjectSummary<LinkageSummary>[],
  context: CombineContext<unknown>,
): ReadonlyMap<string, ClosestCrossSubjectUse> {
  const whole = context.wholeBatch;
  if (whole !== undefined) return closestCrossSubjectUsesOfEvents((visit) => forEachViewNamed(whole, (v) => visit(v.subject.id, v.events)));
  return closestCrossSubjectUses(summaries.map((s) => ({ subjectId: s.subjectId, rows: linkageSummaryOf(s).uses ?? [] })));
}

function summaryOf(prepared: PreparedLinks, link: Link): LinkSummary {
  const cached = prepared.summaries.get(link);
  if (cached !== undefined) return cached;
  const bySubject = new Map<string, LinkMember[]>();
  const firsts: LinkMember[] = [];
  const rest: LinkMember[] = [];
  for (const m of link.members) {
    const list = bySubject.get(m.subjectId);
    if (list === undefined) {
      bySubject.set(m.subjectId, [m]);
      firsts.push(m);
    } else {
      list.push(m);
      rest.push(m);
    }
  }
  const summary = { bySubject, firsts, rest };
  prepared.summaries.set(link, summary);
  prepared.work.linkEntriesRead += link.members.length;
  return summary;
}

/** Options every shared-key indicator takes. */
export const clusterOptions = {
  saturation: z
    .number()
    .int()
    .min(3)
    .default(20)
    .describe(
      "Subjects on one key at which strength reaches 1. Strength grows with the logarithm of the cluster size from the kind's " +
        'floor at 2 subjects: an address shared by 40 hires (DOJ-CHAPMAN: 90+ laptops at one home) is not one shared by 2.',
    ),
  maxEvidence: z
    .number()
    .int()
    .min(2)
    .default(12)
    .describe("Records listed as evidence per link: the subject's own, then the others', so large farms stay readable."),
};

/**
 * Strength of a link of `n` subjects: `floor` at two subjects, rising with ln(n/2) to 1 at
 * `saturation` subjects.
 */
export function clusterStrength(n: number, floor: number, saturation: number): number {
  if (n < 2) return 0;
  const grow = Math.min(1, Math.log(n / 2) / Math.log(saturation / 2));
  return Math.round(Math.min(1, floor + (1 - floor) * grow) * 1000) / 1000;
}

/** The links of a subject that count: of the given kinds, not allow-listed, not a household's. */
export function activeLinks(index: LinkIndex, subjectId: string, kinds: ReadonlySet<LinkKeyKind>): Link[] {
  return index.linksOf(subjectId).filter((l) => kinds.has(l.kind) && l.allowListed === undefined && !l.household);
}

/**
 * The subject's own records on a link, in member order, from the per-link summary: a look-up, not
 * a scan of the link's members, so a subject on a 10,000-subject link costs its own records.
 */
export function ownMembers(prepared: PreparedLinks, link: Link, subjectId: string): readonly LinkMember[] {
  return summaryOf(prepared, link).bySubject.get(subjectId) ?? [];
}

/**
 * The subject's own records first, then the others', capped: one record per other subject before
 * any second record, so the evidence names as many subjects as it can. Bounded by the cap and the
 * subject's own records, not by the size of the link.
 */
export function linkEvidence(prepared: PreparedLinks, link: Link, subjectId: string, max: number): Evidence[] {
  const { bySubject, firsts, rest } = summaryOf(prepared, link);
  const own = bySubject.get(subjectId) ?? [];
  const limit = Math.max(max, own.length + 1);
  const chosen: LinkMember[] = [...own];
  let read = own.length;
  for (const list of [firsts, rest]) {
    for (const m of list) {
      if (chosen.length >= limit) break;
      read++;
      if (m.subjectId !== subjectId) chosen.push(m);
    }
  }
  prepared.work.linkEntriesRead += read;
  return chosen.map((m) => ({
    recordId: m.recordId,
    field: m.field,
    ...(m.at !== undefined ? { at: m.at } : {}),
    value: link.kind === 'photo' || link.kind === 'text' ? (m.signature ?? link.key).slice(0, 16) : link.key,
    note: m.subjectId === subjectId ? 'this subject' : `subject ${m.subjectId}`,
  }));
}

/** Other subjects of a link the subject is on, for messages: up to five ids, then "and N more". */
export function othersText(link: Link, subjectId: string): string {
  const shown: string[] = [];
  for (const s of link.subjectIds) {
    if (shown.length === 5) break;
    if (s !== subjectId) shown.push(s);
  }
  const others = link.subjectIds.length - 1;
  return others > 5 ? `${shown.join(', ')} and ${others - 5} more` : shown.join(', ');
}

/** Day of the link's first record, or "an unknown date". */
export function sinceText(link: Link): string {
  return link.since !== undefined ? link.since.slice(0, 10) : 'an unknown date';
}

/** A key as readers see it: addresses with commas, long hashes cut. */
export function displayKey(link: Link): string {
  if (link.kind === 'address')
    return link.key
      .split('|')
      .filter((p) => p !== '')
      .join(', ');
  return link.key.length > 48 ? `${link.key.slice(0, 16)}…` : link.key;
}

/** Plain names of key kinds, for messages. */
export const kindLabels: Readonly<Record<LinkKeyKind, string>> = {
  email: 'e-mail address',
  phone: 'phone number',
  address: 'postal address',
  'bank-account': 'bank account',
  wallet: 'crypto wallet',
  'payout-account': 'payout account',
  device: 'device',
  'mfa-device': 'MFA device',
  ip: 'IP address',
  photo: 'photo',
  document: 'identity document',
  text: 'resume text',
};

/** What every shared-key finding carries: strength by cluster size, the key, the cluster and the evidence. */
export interface ClusterFinding {
  /** {@link clusterStrength} of the link's subjects from `floor`. */
  readonly strength: number;
  /** `kindLabel` (capitalised), `value` (the key as shown), `count`, `since` and `others`. */
  readonly data: MessageData & { readonly kindLabel: string; readonly value: string; readonly count: number; readonly since: string; readonly others: string };
  /** {@link linkEvidence}, capped at `maxEvidence`. */
  readonly evidence: Evidence[];
}

/**
 * The parts of a finding every shared-key indicator builds the same way for one link, so the
 * indicators differ only in which links they take and what they add. Bounded by the evidence
 * cap, not by the size of the link.
 */
export function clusterFinding(
  prepared: PreparedLinks,
  link: Link,
  subjectId: string,
  floor: number,
  options: { readonly saturation: number; readonly maxEvidence: number },
): ClusterFinding {
  return {
    strength: clusterStrength(link.subjectIds.length, floor, options.saturation),
    data: {
      kindLabel: kindLabels[link.kind].replace(/^./, (c) => c.toUpperCase()),
      value: displayKey(link),
      count: link.subjectIds.length,
      since: sinceText(link),
      others: othersText(link, subjectId),
    },
    evidence: linkEvidence(prepared, link, subjectId, options.maxEvidence),
  };
}

/**
 * The subject's declared household relationships that explain a shared key: every other subject
 * on the link is one the subject declared (`relationships[].subjectId`) as sharing its address
 * (for addresses) or its home connection (for IP addresses). Empty when anyone else is on the
 * link, or for other kinds of key: a household explains its home and line, nothing more.
 */
export function householdExplains(subject: Subject, link: Link): Mitigation[] {
  if (link.kind !== 'address' && link.kind !== 'ip') return [];
  const declared = new Map<string, { id: string; kind: string }>();
  for (const r of subject.relationships ?? []) {
    if (r.subjectId === undefined || r.kind !== 'household') continue;
    if (link.kind === 'address' ? r.sharesAddress !== true : r.sharesNetwork !== true) continue;
    declared.set(r.subjectId, { id: r.id, kind: r.kind });
  }
  if (declared.size === 0) return [];
  const out: Mitigation[] = [];
  for (const other of link.subjectIds) {
    if (other === subject.id) continue;
    const r = declared.get(other);
    if (r === undefined) return [];
    out.push({
      recordId: r.id,
      field: 'relationships',
      explains: `declared household member ${other} sharing the ${link.kind === 'address' ? 'home address' : 'home connection'}`,
    });
  }
  return out;
}
