import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, cutAtFirst, maxDomainLength } from '../../kit';

const options = z.object({
  unconfirmedStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe(
      'Strength of one entry that could not be confirmed. Low: defunct employers, unreachable schools and slow HR departments ' +
        'are common; several combine by noisy-or.',
    ),
  contradictedStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.8)
    .describe('Strength of an entry an independent party contradicted (the employer or school says the person was never there).'),
  frontCompanyStrength: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe("Strength of a history entry or reference whose domain is on the caller's list of front companies or seized websites."),
});

type MessageId = 'front' | 'contradicted' | 'unconfirmed';

interface Entry {
  id: string;
  what: string;
  name: string;
  domain?: string | undefined;
  email?: string | undefined;
  confirmed?: string | undefined;
}

function normaliseDomain(d: string): string {
  // The path is cut at the first "/" by a scan: `/\/.*$/` restarted at every "/" of "////...\n"
  // and took quadratic time.
  return cutAtFirst(
    d
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, ''),
    '/',
  )
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/**
 * The caller's list entry that `domain` equals or is a subdomain of (the longest such entry).
 * Only the parent domains of at most `maxDomainLength` (253) characters are looked up, since no
 * longer one is a domain name: on "a.a.a.a...." of 50,000 characters, joining and hashing every
 * parent took quadratic time, while this reads the input once and hashes at most ~127 short names.
 */
function frontMatch(domain: string, fronts: ReadonlySet<string>): string | undefined {
  const lastDot = domain.lastIndexOf('.');
  // Candidates are the domain and each parent that still has two labels, longest first.
  for (let start = 0; start <= lastDot; start = domain.indexOf('.', start) + 1) {
    if (domain.length - start > maxDomainLength) continue;
    const candidate = domain.slice(start);
    if (fronts.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * `identity/history-unverifiable`: employers, schools or references that could not be confirmed
 * independently or were contradicted, or whose domain is on a caller-supplied list of front
 * companies (`reference.frontCompanyDomains`).
 */
export const historyUnverifiable = defineIndicator({
  meta: {
    id: 'identity/history-unverifiable',
    title: 'Work or education history could not be verified',
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'identity-claims',
    options,
    messages: {
      front: '{{what}} "{{name}}" uses the domain {{domain}}, which is on the list of front companies ({{listed}})',
      contradicted: '{{what}} "{{name}}" was contradicted by an independent check',
      unconfirmed: '{{what}} "{{name}}" could not be confirmed independently',
    },
    neutralReason: 'Employment or education history could not be verified.',
    recommendedAction:
      'Verify each entry through contact details found independently (registry, main switchboard), not those the candidate ' +
      'gave; ask the candidate for other evidence such as payslips or diplomas.',
    docs: {
      description:
        'Reads the independent confirmation status of every employment, education and reference entry: contradicted entries fire ' +
        'strongly, unconfirmed ones weakly (several combine). Any entry or reference whose web domain or e-mail domain equals, ' +
        'or is a subdomain of, a domain in `reference.frontCompanyDomains` (seized front-company websites, identity-rental ' +
        'marketplaces) fires at full strength. Entries must be verified with contact details found independently, never those ' +
        'the candidate supplied.',
      requires: ['employment[].confirmed', 'education[].confirmed', 'references[].confirmed', 'reference.frontCompanyDomains'],
      threatHypothesis: 'A fabricated history with front companies and references controlled by the scheme.',
      sources: cite('US-2022', 'PSA-2025-01', 'GTIG', 'DOJ-DEC24', 'DOJ-DEC24-OPA', 'DOJ-JUN25', 'DOJ-JUN25-OPA', 'SEAL', 'NISOS'),
      falsePositives: [
        'Employers that closed, merged or do not answer verification requests.',
        'Schools abroad that take weeks to confirm degrees.',
        'Freelance work for clients who cannot be named.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    const s = view.subject;
    const entries: Entry[] = [
      ...(s.employment ?? []).map((e) => ({ id: e.id, what: 'Employer', name: e.organisation, domain: e.domain, confirmed: e.confirmed })),
      ...(s.education ?? []).map((e) => ({ id: e.id, what: 'School', name: e.organisation, domain: e.domain, confirmed: e.confirmed })),
      ...(s.references ?? []).map((r) => ({
        id: r.id,
        what: 'Reference',
        name: r.name ?? r.organisation ?? r.id,
        domain: r.domain,
        email: r.email,
        confirmed: r.confirmed,
      })),
    ];
    const fronts = new Set((reference.frontCompanyDomains ?? []).map(normaliseDomain));
    const checked = entries.filter(
      (e) => (e.confirmed !== undefined && e.confirmed !== 'not-checked') || (fronts.size > 0 && (e.domain !== undefined || e.email !== undefined)),
    );
    if (checked.length === 0) {
      return notEvaluated('no history entry was checked and no front-company list applies', [
        'employment[].confirmed',
        'education[].confirmed',
        'references[].confirmed',
        'reference.frontCompanyDomains',
      ]);
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const e of checked) {
      // Which field matched is kept, so the evidence points the reviewer at the right one.
      const domains: { field: 'domain' | 'email'; value: string | undefined }[] = [
        { field: 'domain', value: e.domain },
        { field: 'email', value: e.email?.includes('@') === true ? e.email.slice(e.email.lastIndexOf('@') + 1) : undefined },
      ];
      let front: { domain: string; listed: string; field: 'domain' | 'email' } | undefined;
      for (const { field, value } of domains) {
        if (value === undefined || value.trim() === '') continue;
        const d = normaliseDomain(value);
        const listed = frontMatch(d, fronts);
        if (listed !== undefined) {
          front = { domain: d, listed, field };
          break;
        }
      }
      if (front !== undefined) {
        findings.push({
          messageId: 'front',
          strength: options.frontCompanyStrength,
          data: { what: e.what, name: e.name, domain: front.domain, listed: front.listed },
          evidence: [{ recordId: e.id, field: front.field, value: front.field === 'email' ? (e.email as string) : front.domain }],
        });
      } else if (e.confirmed === 'contradicted') {
        findings.push({
          messageId: 'contradicted',
          strength: options.contradictedStrength,
          data: { what: e.what, name: e.name },
          evidence: [{ recordId: e.id, field: 'confirmed', value: 'contradicted' }],
        });
      } else if (e.confirmed === 'unconfirmed' && options.unconfirmedStrength > 0) {
        findings.push({
          messageId: 'unconfirmed',
          strength: options.unconfirmedStrength,
          data: { what: e.what, name: e.name },
          evidence: [{ recordId: e.id, field: 'confirmed', value: 'unconfirmed' }],
        });
      }
    }
    return findings;
  },
});
