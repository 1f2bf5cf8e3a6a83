import { z } from 'zod';
import { callingCodeCountries, cite, claimedResidenceCountry, compareNames, compareText, currentBankInstruction, DAY_MS, partialDateRange } from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import type { Subject } from '../../records/subject';

const countrySources = ['document-address', 'residence-address', 'phone', 'bank', 'shipping'] as const;

const options = z.object({
  nameThreshold: z
    .number()
    .min(0.5)
    .max(1)
    .default(0.85)
    .describe(
      'Jaro-Winkler score at which two name parts count as the same. Names fire only when NO part matches, so a transliterated ' +
        'or hyphenated given or family name never fires alone.',
    ),
  countrySources: z
    .array(z.enum(countrySources))
    .default([...countrySources])
    .describe('Which evidence is compared with the claimed residence country. All by default; drop sources your data fills unreliably.'),
  countryMismatchStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Strength of one country contradiction. Moderate: people move, keep old phone numbers and bank abroad; several contradictions combine.'),
  minOverlapDays: z
    .number()
    .int()
    .positive()
    .default(90)
    .describe('Overlap of two full-time claims (jobs or on-site study) that counts as impossible. A notice period or hand-over of a few weeks is normal.'),
});

type MessageId = 'name' | 'birthDate' | 'country' | 'overlap';

interface NamedClaim {
  value: string;
  label: string;
  recordId: string;
  field: string;
  rank: number;
}

interface Period {
  id: string;
  label: string;
  kind: 'employment' | 'education';
  country: string | undefined;
  start: number;
  end: number;
  startText: string;
  endText: string;
}

const COMPARED_NAME_KINDS = new Set(['legal', 'document', undefined]);

/** What one check found, and whether it had anything to compare. */
interface Step {
  readonly comparable: boolean;
  readonly findings: readonly FindingDraft<MessageId>[];
}

type Options = z.output<typeof options>;

/** Names: compare each against one reference, the best-attested name. */
function nameContradictions(s: Subject, options: Options): Step {
  const findings: FindingDraft<MessageId>[] = [];
  let comparable = false;
  const names: NamedClaim[] = [];
  (s.identity?.names ?? []).forEach((n) => {
    if (!COMPARED_NAME_KINDS.has(n.kind)) return;
    names.push({
      value: n.value,
      label: n.source ?? n.kind ?? 'application',
      recordId: s.id,
      field: 'identity.names',
      rank: n.kind === 'document' ? 1 : n.kind === 'legal' ? 2 : 3,
    });
  });
  for (const doc of s.documents ?? []) {
    if (doc.holderName === undefined) continue;
    names.push({
      value: doc.holderName,
      label: `${doc.type} ${doc.id}`,
      recordId: doc.id,
      field: 'holderName',
      rank: doc.verification?.outcome === 'verified' ? 0 : 1,
    });
  }
  if (names.length >= 2) {
    comparable = true;
    names.sort((a, b) => a.rank - b.rank || compareText(a.value, b.value) || compareText(a.recordId, b.recordId));
    const reference = names[0] as NamedClaim;
    const reported = new Set<string>();
    for (const n of names.slice(1)) {
      const cmp = compareNames(reference.value, n.value, options.nameThreshold);
      if (cmp.verdict !== 'different' || reported.has(n.value)) continue;
      reported.add(n.value);
      findings.push({
        messageId: 'name',
        strength: 0.7,
        data: { name: n.value, source: n.label, reference: reference.value, referenceSource: reference.label },
        evidence: [
          { recordId: n.recordId, field: n.field, value: n.value },
          { recordId: reference.recordId, field: reference.field, value: reference.value, note: 'reference name' },
        ],
      });
    }
  }
  return { comparable, findings };
}

/**
 * Date of birth: compared for equality only, never scored as an age. Partial dates agree when
 * one is a prefix of the other ("1990" and "1990-05-02").
 */
function birthDateContradictions(s: Subject): Step {
  const findings: FindingDraft<MessageId>[] = [];
  let comparable = false;
  const claimedBirth = s.identity?.dateOfBirth;
  if (claimedBirth !== undefined) {
    for (const doc of s.documents ?? []) {
      if (doc.dateOfBirth === undefined) continue;
      comparable = true;
      if (claimedBirth.startsWith(doc.dateOfBirth) || doc.dateOfBirth.startsWith(claimedBirth)) continue;
      findings.push({
        messageId: 'birthDate',
        strength: 0.6,
        data: { document: `${doc.type} ${doc.id}` },
        // No values in the evidence: the reviewer opens the records; reports carry less personal data.
        evidence: [
          { recordId: doc.id, field: 'dateOfBirth' },
          { recordId: s.id, field: 'identity.dateOfBirth' },
        ],
      });
    }
  }
  return { comparable, findings };
}

/** Countries: the claimed residence against each piece of evidence. */
function countryContradictions(s: Subject, options: Options, asOfMs: number): Step {
  const findings: FindingDraft<MessageId>[] = [];
  let comparable = false;
  const residence = claimedResidenceCountry(s);
  const enabled = new Set(options.countrySources);
  if (residence !== undefined) {
    const { country: claimed, evidence: claimEvidence } = residence;
    const mismatch = (evidence: string, country: string, ev: Evidence): void => {
      findings.push({
        messageId: 'country',
        strength: options.countryMismatchStrength,
        data: { evidence, evidenceCountry: country, claimedCountry: claimed },
        evidence: [ev, claimEvidence],
      });
    };
    if (enabled.has('document-address')) {
      for (const doc of s.documents ?? []) {
        const c = doc.address?.country;
        if (c === undefined) continue;
        comparable = true;
        if (c !== claimed) mismatch(`The address on ${doc.type} ${doc.id}`, c, { recordId: doc.id, field: 'address.country', value: c });
      }
    }
    if (enabled.has('residence-address')) {
      (s.contacts?.addresses ?? []).forEach((a) => {
        if (a.country === undefined || (a.kind !== 'residence' && a.kind !== 'document')) return;
        comparable = true;
        if (a.country !== claimed) {
          mismatch(`The ${a.kind} address on file${a.source !== undefined ? ` (${a.source})` : ''}`, a.country, {
            recordId: s.id,
            field: 'contacts.addresses',
            value: a.country,
          });
        }
      });
    }
    if (enabled.has('phone')) {
      (s.contacts?.phones ?? []).forEach((p) => {
        const countries = callingCodeCountries(p.number);
        if (countries.length === 0) return;
        comparable = true;
        if (!countries.includes(claimed)) {
          mismatch(`Phone number ${p.number}`, countries.join('/'), { recordId: s.id, field: 'contacts.phones', value: p.number });
        }
      });
    }
    if (enabled.has('bank')) {
      // Only the current bank instruction: an old account in a previous country is history, not a claim.
      const current = currentBankInstruction(s.paymentInstructions, asOfMs);
      if (current !== undefined) {
        comparable = true;
        if (current.bankCountry !== claimed) {
          mismatch(`The payout bank account${current.bankName !== undefined ? ` at ${current.bankName}` : ''}`, current.bankCountry, {
            recordId: current.id,
            field: 'bankCountry',
            at: current.at,
            value: current.bankCountry,
          });
        }
      }
    }
    if (enabled.has('shipping')) {
      for (const sh of s.shipments ?? []) {
        const c = sh.address.country;
        if (c === undefined) continue;
        comparable = true;
        if (c !== claimed) mismatch(`The equipment ship-to address of shipment ${sh.id}`, c, { recordId: sh.id, field: 'address.country', value: c });
      }
    }
  }
  return { comparable, findings };
}

/** Dates: impossible overlaps of full-time claims, by a sweep over start dates. */
function overlappingFullTimeClaims(s: Subject, options: Options, asOfMs: number): Step {
  const findings: FindingDraft<MessageId>[] = [];
  let comparable = false;
  const periods: Period[] = [];
  const addPeriod = (
    kind: Period['kind'],
    e: { id: string; organisation: string; start?: string | undefined; end?: string | undefined; country?: string | undefined; fullTime?: boolean | undefined },
    label: string,
  ): void => {
    if (e.fullTime !== true) return;
    const start = partialDateRange(e.start);
    if (start === undefined) return;
    const end = e.end === undefined ? asOfMs : partialDateRange(e.end)?.earliest;
    if (end === undefined) return;
    // Conservative: latest possible start, earliest possible end.
    periods.push({ id: e.id, label, kind, country: e.country, start: start.latest, end, startText: e.start as string, endText: e.end ?? 'present' });
  };
  for (const e of s.employment ?? []) addPeriod('employment', e, `${e.role !== undefined ? `${e.role} at ` : ''}${e.organisation}`);
  for (const e of s.education ?? []) addPeriod('education', e, `studies at ${e.organisation}`);
  if (periods.length >= 2) comparable = true;
  periods.sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id));
  let open: Period | undefined;
  for (const p of periods) {
    if (open !== undefined) {
      const overlap = Math.min(open.end, p.end) - p.start;
      const days = Math.floor(overlap / DAY_MS);
      if (days >= options.minOverlapDays) {
        const differentCountries = open.country !== undefined && p.country !== undefined && open.country !== p.country;
        findings.push({
          messageId: 'overlap',
          strength: differentCountries ? 0.5 : 0.3,
          data: {
            first: open.label,
            second: p.label,
            days,
            from: new Date(p.start).toISOString().slice(0, 10),
            to: new Date(Math.min(open.end, p.end)).toISOString().slice(0, 10),
            countries: differentCountries ? ` in different countries (${open.country}, ${p.country})` : '',
          },
          evidence: [
            { recordId: open.id, field: 'start', value: `${open.startText} to ${open.endText}` },
            { recordId: p.id, field: 'start', value: `${p.startText} to ${p.endText}` },
          ],
        });
      }
    }
    if (open === undefined || p.end > open.end) open = p;
  }
  return { comparable, findings };
}

/**
 * `identity/claims-inconsistent`: the person's own claims disagree across sources — a name that
 * shares no part with the verified name, a claimed residence country contradicted by the document
 * address, phone calling code, bank or shipping address, or full-time jobs and studies that
 * overlap impossibly. Each contradiction is its own piece of evidence.
 */
export const claimsInconsistent = defineIndicator({
  meta: {
    id: 'identity/claims-inconsistent',
    title: "The person's own claims disagree across sources",
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'identity-claims',
    options,
    messages: {
      name: 'Name "{{name}}" ({{source}}) shares no part with "{{reference}}" ({{referenceSource}})',
      birthDate: 'The date of birth given in the application differs from the one on {{document}}',
      country: '{{evidence}} points to {{evidenceCountry}}, but the claimed residence is in {{claimedCountry}}',
      overlap: '{{first}} and {{second}}, both claimed full-time, overlap for {{days}} days ({{from}} to {{to}}){{countries}}',
    },
    neutralReason: 'Details in the application could not be reconciled with each other.',
    recommendedAction:
      'Ask the candidate to explain each contradiction on a live video call with the identity document on camera, and confirm ' +
      'the residence with a document they can only hold if they live there.',
    docs: {
      description:
        'Compares the claims one person made in different places. Names: legal and document names (and document holder names) ' +
        'are normalised (case, diacritics via NFKD, punctuation, hyphens, token order, middle names, initials) and fuzzy-matched ' +
        'part by part with Jaro-Winkler; a name fires only when no part of it matches the reference name, so transliterations ' +
        '("Aleksandr"/"Alexander"), hyphenation ("Jae-won"/"Jaewon") and one changed family name do not fire; a name written in ' +
        'another script than the reference (Cyrillic, Hangul, Arabic...) cannot be compared letter by letter and never fires; ' +
        'preferred names, aliases and former names are never compared. Date of birth: the one stated in the application against ' +
        'those printed on documents, for equality only (partial dates agree when one is a prefix of the other); no age is ever ' +
        'computed. Countries: the claimed residence country is compared with the document address, residence addresses on file, ' +
        'the phone calling code, the current bank account country and the equipment ship-to country; each contradiction is one ' +
        'finding. Dates: two claims of full-time work or on-site study that overlap by at least `minOverlapDays` (computed from ' +
        'the conservative end of imprecise dates). Never reads citizenship or document issuing country. The bank and shipping ' +
        'comparisons are also views of the payment and shipping indicators, which is why each country contradiction is only ' +
        'moderately strong.',
      requires: [
        'identity.names',
        'documents[].holderName',
        'identity.dateOfBirth',
        'documents[].dateOfBirth',
        'identity.residence.country',
        'identity.residence.address.country',
        'documents[].address.country',
        'contacts.addresses[].country',
        'contacts.phones[].number',
        'paymentInstructions[].bankCountry',
        'shipments[].address.country',
        'employment[].start',
        'employment[].end',
        'employment[].fullTime',
        'education[].fullTime',
      ],
      threatHypothesis: 'A fabricated or borrowed persona whose details were assembled from several sources.',
      sources: cite('US-2022', 'PSA-2023', 'SEAL', 'CIN'),
      falsePositives: [
        'A recent move: an old phone number or bank account in the previous country.',
        'Married or otherwise legally changed names not yet on every record.',
        'Overemployment or studying while working, which many honest people do (overlaps are moderate evidence, not proof).',
        'Transliterations that change every part of a name (e.g. Lee/Yi with a different given-name romanisation); check the document.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const steps = [
      nameContradictions(s, options),
      birthDateContradictions(s),
      countryContradictions(s, options, asOfMs),
      overlappingFullTimeClaims(s, options, asOfMs),
    ];
    const findings = steps.flatMap((step) => step.findings);
    if (findings.length === 0 && !steps.some((step) => step.comparable)) {
      return notEvaluated('fewer than two comparable claims (names, countries or full-time periods)', [
        'identity.names',
        'identity.residence.country',
        'employment[].fullTime',
      ]);
    }
    return findings;
  },
});
