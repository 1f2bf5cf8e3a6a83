import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, DAY_MS } from '../../kit';

const options = z.object({
  voipStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Strength of a VoIP or virtual phone line. Moderate: many honest people use Google Voice or a work VoIP number.'),
  maxEmailAgeDays: z
    .number()
    .positive()
    .default(30)
    .describe('An e-mail address created fewer than this many days before applying counts as created for the application.'),
  newEmailStrength: z.number().min(0).max(1).default(0.5).describe('Strength of an e-mail address created just before applying.'),
  disposableStrength: z.number().min(0).max(1).default(0.6).describe('Strength of an address at a disposable-mail domain.'),
});

type MessageId = 'phone' | 'newEmail' | 'disposable';

/**
 * `contact/disposable-or-voip`: a VoIP or virtual phone line, or an e-mail address that is
 * disposable or was created days before applying. Line type, e-mail age and the disposable flag
 * are caller-supplied enrichment.
 */
export const disposableOrVoip = defineIndicator({
  meta: {
    id: 'contact/disposable-or-voip',
    title: 'Throwaway contact details',
    category: 'contact',
    version: '1.0.0',
    kind: 'risk',
    family: 'contact',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.8,
    correlationGroup: 'pre-hire-weak',
    options,
    messages: {
      phone: 'Phone number {{number}} is a {{lineType}} line{{carrier}}',
      newEmail: 'E-mail address {{address}} was created on {{createdAt}}, {{days}} days before the application',
      disposable: 'E-mail address {{address}} is at a disposable-mail domain',
    },
    neutralReason: 'Contact details could not be verified.',
    recommendedAction: 'Call the candidate on the number given during a scheduled live video call, and ask for a long-standing contact address.',
    docs: {
      description:
        'Fires on each phone whose carrier look-up says VoIP or virtual line, each e-mail address flagged as disposable, and ' +
        'each e-mail address created fewer than `maxEmailAgeDays` before the application (or before `asOf` when the application ' +
        'date is unknown). All inputs are enrichment the caller supplies; the library looks nothing up. Weak and capped with the ' +
        'other weak pre-hire signals.',
      requires: ['contacts.phones[].lineType', 'contacts.emails[].createdAt', 'contacts.emails[].disposable', 'appliedAt'],
      threatHypothesis: 'Contact points created for one persona among many, easy to abandon.',
      sources: cite('CTI-HR', 'SEAL', 'MS-JS', 'MND'),
      falsePositives: [
        'Google Voice and similar numbers used for privacy while job hunting.',
        'A new address created to keep job applications apart from personal mail.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const s = view.subject;
    const phones = (s.contacts?.phones ?? []).filter((p) => p.lineType !== undefined);
    const emails = (s.contacts?.emails ?? []).filter((e) => e.createdAt !== undefined || e.disposable !== undefined);
    if (phones.length === 0 && emails.length === 0) {
      return notEvaluated('no phone line types and no e-mail enrichment', ['contacts.phones[].lineType', 'contacts.emails[].createdAt']);
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const p of phones) {
      if ((p.lineType !== 'voip' && p.lineType !== 'virtual') || options.voipStrength <= 0) continue;
      findings.push({
        messageId: 'phone',
        strength: options.voipStrength,
        data: { number: p.number, lineType: p.lineType, carrier: p.carrier !== undefined ? ` (${p.carrier})` : '' },
        evidence: [{ recordId: s.id, field: 'contacts.phones', value: p.number, note: `line type ${p.lineType}` }],
      });
    }
    const applied = s.appliedAt !== undefined ? Date.parse(s.appliedAt) : asOfMs;
    for (const e of emails) {
      if (e.disposable === true && options.disposableStrength > 0) {
        findings.push({
          messageId: 'disposable',
          strength: options.disposableStrength,
          data: { address: e.address },
          evidence: [{ recordId: s.id, field: 'contacts.emails', value: e.address, note: 'disposable domain' }],
        });
      }
      if (e.createdAt === undefined) continue;
      const days = (applied - Date.parse(e.createdAt)) / DAY_MS;
      if (days < 0 || days >= options.maxEmailAgeDays || options.newEmailStrength <= 0) continue;
      findings.push({
        messageId: 'newEmail',
        strength: options.newEmailStrength,
        data: { address: e.address, createdAt: e.createdAt.slice(0, 10), days: Math.floor(days) },
        evidence: [{ recordId: s.id, field: 'contacts.emails', at: e.createdAt, value: e.address }],
      });
    }
    return findings;
  },
});
