import { z } from 'zod';
import type { Evidence, Population } from '../../indicator/types';
import type { LinkKeyKind } from '../../linkage/keys';
import type { Link, LinkIndex } from '../../linkage/linkIndex';
import { linkIndexOf } from '../../linkage/population';

/** What the linkage indicators' `prepare` hooks return: the batch's link index and its size. */
export interface PreparedLinks {
  /** The link index, built once per batch. */
  readonly index: LinkIndex;
  /** Subjects in the batch. */
  readonly populationSize: number;
}

/** `prepare` of every linkage indicator: one shared index per batch. */
export function prepareLinks(population: Population): PreparedLinks {
  return { index: linkIndexOf(population), populationSize: population.subjects.length };
}

/** Options every shared-key indicator takes. */
export const clusterOptions = {
  saturation: z
    .number()
    .int()
    .min(3)
    .default(20)
    .describe(
      'Subjects on one key at which strength reaches 1. Strength grows with the logarithm of the cluster size from the kind\'s floor at 2 subjects: an address shared by 40 hires (DOJ-CHAPMAN: 90+ laptops at one home) is not one shared by 2.',
    ),
  maxEvidence: z
    .number()
    .int()
    .min(2)
    .default(12)
    .describe('Records listed as evidence per link: the subject\'s own, then the others\', so large farms stay readable.'),
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

/** The subject's own records first, then the others', capped. */
export function linkEvidence(link: Link, subjectId: string, max: number): Evidence[] {
  const own = link.members.filter((m) => m.subjectId === subjectId);
  const others = link.members.filter((m) => m.subjectId !== subjectId);
  // One record per other subject before any second record, so the evidence names as many subjects as it can.
  const seen = new Set<string>();
  const firstPerSubject = others.filter((m) => (seen.has(m.subjectId) ? false : (seen.add(m.subjectId), true)));
  const rest = others.filter((m) => !firstPerSubject.includes(m));
  return [...own, ...firstPerSubject, ...rest].slice(0, Math.max(max, own.length + 1)).map((m) => ({
    recordId: m.recordId,
    field: m.field,
    ...(m.at !== undefined ? { at: m.at } : {}),
    value: link.kind === 'photo' || link.kind === 'text' ? (m.signature ?? link.key).slice(0, 16) : link.key,
    note: m.subjectId === subjectId ? 'this subject' : `subject ${m.subjectId}`,
  }));
}

/** Other subjects of a link, for messages: up to five ids, then "and N more". */
export function othersText(link: Link, subjectId: string): string {
  const others = link.subjectIds.filter((s) => s !== subjectId);
  const shown = others.slice(0, 5).join(', ');
  return others.length > 5 ? `${shown} and ${others.length - 5} more` : shown;
}

/** Day of the link's first record, or "an unknown date". */
export function sinceText(link: Link): string {
  return link.since !== undefined ? link.since.slice(0, 10) : 'an unknown date';
}

/** A key as readers see it: addresses with commas, long hashes cut. */
export function displayKey(link: Link): string {
  if (link.kind === 'address') return link.key.split('|').filter((p) => p !== '').join(', ');
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
