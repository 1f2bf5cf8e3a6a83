import { normalizeSiteAddress } from '../linking/normalize';
import type { PostalAddress } from '../records/common';
import type { Reference } from '../records/batchInput';
import type { Subject } from '../records/subject';

/** A documented exception or accommodation of a subject. */
export type DeclaredException = NonNullable<Subject['exceptions']>[number];
/** A booked journey leg of a subject. */
export type TravelLeg = NonNullable<Subject['travel']>[number];
/** One office of the organisation. */
export type Office = NonNullable<NonNullable<Reference['organisation']>['offices']>[number];

/**
 * The subject's exceptions of one kind whose validity window holds `atMs`: from `validFrom` (else
 * the approval time, else always) to `validUntil` (else open-ended). An exception explains only
 * what happens inside its window.
 */
export function exceptionsActiveAt(subject: Subject, kind: DeclaredException['kind'], atMs: number): DeclaredException[] {
  const out: DeclaredException[] = [];
  for (const x of subject.exceptions ?? []) {
    if (x.kind !== kind) continue;
    const from = x.validFrom ?? x.approvedAt;
    if (from !== undefined && atMs < Date.parse(from)) continue;
    if (x.validUntil !== undefined && atMs > Date.parse(x.validUntil)) continue;
    out.push(x);
  }
  return out;
}

/** Office address keys (street, postal code or city, country; line 2 left out) of the organisation. */
export function officeAddressKeys(reference: Reference): Map<string, Office> {
  const keys = new Map<string, Office>();
  for (const o of reference.organisation?.offices ?? []) {
    if (o.address === undefined) continue;
    const key = normalizeSiteAddress(o.address);
    if (key !== undefined && !keys.has(key)) keys.set(key, o);
  }
  return keys;
}

/** The office an address is at, whatever its unit, floor or "attn" line says; undefined otherwise. */
export function officeAt(address: PostalAddress, offices: ReadonlyMap<string, Office>): Office | undefined {
  if (offices.size === 0) return undefined;
  const key = normalizeSiteAddress(address);
  return key === undefined ? undefined : offices.get(key);
}

/**
 * The subject's exceptions of one kind whose validity window overlaps the span from `fromMs` to
 * `toMs`: an exception valid for part of a window explains what happens in that window.
 */
export function exceptionsOverlapping(subject: Subject, kind: DeclaredException['kind'], fromMs: number, toMs: number): DeclaredException[] {
  const out: DeclaredException[] = [];
  for (const x of subject.exceptions ?? []) {
    if (x.kind !== kind) continue;
    const from = x.validFrom ?? x.approvedAt;
    if (from !== undefined && toMs < Date.parse(from)) continue;
    if (x.validUntil !== undefined && fromMs > Date.parse(x.validUntil)) continue;
    out.push(x);
  }
  return out;
}

/** How a report names an exception that explains a signal: kind, approver and window. */
export function describeException(x: DeclaredException): string {
  const window =
    x.validFrom !== undefined || x.validUntil !== undefined
      ? `, valid ${x.validFrom?.slice(0, 10) ?? 'from approval'} to ${x.validUntil?.slice(0, 10) ?? 'open-ended'}`
      : '';
  const approver = x.approvedBy !== undefined ? `, approved by ${x.approvedBy}` : '';
  const doc = x.documentation?.reference !== undefined ? ` (${x.documentation.reference})` : '';
  return `documented ${x.kind} ${x.type ?? 'exception'}${approver}${window}${doc}`;
}
