import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, SubjectView } from '../../contract/types';
import { cite, compareText } from '../../kit';

const options = z.object({
  perFact: z.number().min(0).max(1).default(0.25).describe('Strength each further strong fact about the related subject adds to the first (0.5), up to 1.'),
});

/** A strong fact about a subject that comes from its own records, never from links to others. */
export interface StrongFact {
  /** The record. */
  readonly recordId: string;
  /** Its field. */
  readonly field: string;
  /** What it says. */
  readonly fact: string;
  /** When, if known. */
  readonly at?: string;
}

/**
 * The strong, non-linkage evidence about one subject, read from its own records only: identity
 * checks saying the identity belongs to someone else (or is synthetic or deceased), documents a
 * vendor found tampered, AI-altered or synthetic, selfie or face-match mismatches, a different
 * person at interview, failed in-person or location verification, photos that belong to someone
 * else, and IP-KVM, remote-access-tool, malware or credential-theft detections. It never reads
 * links, shared keys, referrals or any indicator's output, which is what rules out circular
 * amplification between linked subjects.
 */
export function strongNonLinkageFacts(view: SubjectView): StrongFact[] {
  const s = view.subject;
  const out: StrongFact[] = [];
  for (const c of s.identityChecks ?? []) {
    if (c.outcome === 'belongs-to-other' || c.outcome === 'deceased' || c.outcome === 'synthetic') {
      out.push({ recordId: c.id, field: 'identityChecks[].outcome', fact: `identity check: ${c.outcome}`, ...(c.at !== undefined ? { at: c.at } : {}) });
    }
  }
  for (const d of s.documents ?? []) {
    const v = d.verification;
    if (v === undefined) continue;
    const at = v.checkedAt !== undefined ? { at: v.checkedAt } : {};
    if (v.outcome === 'tampered' || v.outcome === 'ai-altered' || v.outcome === 'synthetic') {
      out.push({ recordId: d.id, field: 'documents[].verification.outcome', fact: `document ${v.outcome}`, ...at });
    } else if (v.selfieMatch === 'mismatch') {
      out.push({ recordId: d.id, field: 'documents[].verification.selfieMatch', fact: 'selfie does not match the document', ...at });
    }
  }
  for (const i of s.interviews ?? []) {
    if ((i.flags ?? []).includes('person-differs') || i.faceMatch?.result === 'mismatch') {
      out.push({ recordId: i.id, field: 'interviews[].flags', fact: 'a different person at interview', at: i.at });
    }
  }
  for (const v of s.verifications ?? []) {
    if (v.outcome === 'failed' && (v.kind === 'in-person-id-check' || v.kind === 'location-check' || v.kind === 'notarized-id')) {
      out.push({ recordId: v.id, field: 'verifications[].outcome', fact: `${v.kind} failed`, ...(v.at !== undefined ? { at: v.at } : {}) });
    }
  }
  for (const p of s.photos ?? []) {
    if (p.assessment === 'belongs-to-other' || p.assessment === 'synthetic') {
      out.push({ recordId: p.id, field: 'photos[].assessment', fact: `photo ${p.assessment}` });
    }
  }
  const security = view.eventsOf('security');
  for (let i = 0; i < security.length; i++) {
    const e = security[i]!;
    if (
      e.category === 'ip-kvm' ||
      e.category === 'remote-access-tool' ||
      e.category === 'malware' ||
      e.category === 'credential-harvest' ||
      e.category === 'cookie-theft'
    ) {
      out.push({ recordId: e.id, field: 'category', fact: `security detection: ${e.category}`, at: e.at });
    }
  }
  return out.sort((a, b) => compareText(a.recordId, b.recordId) || compareText(a.field, b.field));
}

/** What `linkage/referral-risk` summarises per subject: plain data, empty parts left out. */
export interface ReferralSummary {
  /** The subject's referrer, as recorded. */
  readonly referredBy?: string;
  /** {@link strongNonLinkageFacts} of the subject, when it has any. */
  readonly facts?: readonly StrongFact[];
}

/** What `linkage/referral-risk` combines once per batch. */
export interface PreparedReferrals {
  /** Strong non-linkage facts of every subject, from its own records. */
  readonly facts: ReadonlyMap<string, readonly StrongFact[]>;
  /** Subjects each subject referred, sorted. */
  readonly referredBy: ReadonlyMap<string, readonly string[]>;
  /** Every subject id of the batch. */
  readonly ids: ReadonlySet<string>;
}

/** `linkage/referral-risk`: the subject was referred by, or referred, a subject with strong evidence of its own. */
export const referralRisk = defineIndicator({
  meta: {
    id: 'linkage/referral-risk',
    title: 'Referred by, or referring, a subject with strong evidence',
    category: 'linkage',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1,
    options,
    messages: {
      referredBy: 'Referred by {{related}}, whose own records show: {{facts}}',
      referred: 'Referred {{related}}, whose own records show: {{facts}}',
    },
    neutralReason: 'The referral could not be confirmed as independent.',
    recommendedAction:
      "Review the referral chain: verify this subject's identity with the same care as the related subject's, and ask the " +
      'team who knows the referrer personally.',
    docs: {
      description:
        "Fires when the subject's referrer (`referredBy`), or a subject this one referred, carries strong evidence from its own " +
        'records: an identity that belongs to someone else, a tampered or synthetic document, a different person at interview, ' +
        'failed in-person verification, a photo of someone else, or IP-KVM, remote-access-tool or malware detections. That ' +
        "evidence is computed from the related subject's records only, never from linkage or referral findings, so two linked " +
        'subjects cannot raise each other in a loop. Strength 0.5 for one fact, plus `perFact` for each further one.',
      requires: ['referredBy'],
      threatHypothesis: 'Several workers of one scheme recommend each other into the organisation.',
      sources: cite('SEAL', 'DOJ-ATL', 'DOJ-JUN25-OPA', 'SW'),
      falsePositives: ['An honest employee who referred, or was referred by, someone later found to be fraudulent without knowing it.'],
    },
  },
  summarise(view): ReferralSummary {
    const facts = strongNonLinkageFacts(view);
    const referredBy = view.subject.referredBy;
    // Every subject gets a summary, even an empty one: the referrer must be in the batch.
    return { ...(referredBy !== undefined ? { referredBy } : {}), ...(facts.length > 0 ? { facts } : {}) };
  },
  combine(summaries): PreparedReferrals {
    const facts = new Map<string, readonly StrongFact[]>();
    const referredBy = new Map<string, string[]>();
    const ids = new Set<string>();
    for (const { subjectId, summary } of summaries) {
      ids.add(subjectId);
      if (typeof summary !== 'object' || summary === null) throw new TypeError(`the referral summary of subject "${subjectId}" is not an object`);
      if (summary.facts !== undefined) facts.set(subjectId, summary.facts);
      if (summary.referredBy !== undefined) {
        const list = referredBy.get(summary.referredBy);
        if (list === undefined) referredBy.set(summary.referredBy, [subjectId]);
        else list.push(subjectId);
      }
    }
    for (const list of referredBy.values()) list.sort(compareText);
    return { facts, referredBy, ids };
  },
  evaluate(view, { options, prepared, notEvaluated }) {
    const s = view.subject;
    const referrer = s.referredBy !== undefined && prepared.ids.has(s.referredBy) ? s.referredBy : undefined;
    const referred = prepared.referredBy.get(s.id) ?? [];
    if (referrer === undefined && referred.length === 0) {
      return notEvaluated(s.referredBy !== undefined ? 'the referrer is not in the batch' : 'no referral relations recorded', ['referredBy']);
    }
    const findings: FindingDraft<'referredBy' | 'referred'>[] = [];
    const related: { id: string; messageId: 'referredBy' | 'referred' }[] = [
      ...(referrer !== undefined && referrer !== s.id ? [{ id: referrer, messageId: 'referredBy' as const }] : []),
      ...referred.filter((r) => r !== s.id).map((id) => ({ id, messageId: 'referred' as const })),
    ];
    for (const r of related) {
      const facts = prepared.facts.get(r.id) ?? [];
      if (facts.length === 0) continue;
      const evidence: Evidence[] = [
        r.messageId === 'referredBy'
          ? { recordId: s.id, field: 'referredBy', value: r.id, note: 'this subject' }
          : { recordId: r.id, field: 'referredBy', value: s.id, note: `subject ${r.id} names this subject as referrer` },
        ...facts
          .slice(0, 8)
          .map((f) => ({ recordId: f.recordId, field: f.field, ...(f.at !== undefined ? { at: f.at } : {}), value: f.fact, note: `subject ${r.id}` })),
      ];
      findings.push({
        messageId: r.messageId,
        strength: Math.min(1, 0.5 + options.perFact * (facts.length - 1)),
        data: { related: r.id, facts: [...new Set(facts.map((f) => f.fact))].join('; ') },
        evidence,
      });
    }
    return findings;
  },
});
