import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Population } from '../../contract/types';
import {
  buildWatchlistIndex,
  cite,
  compareText,
  defaultNameThreshold,
  type ScreenedKind,
  type WatchlistIndex,
  type WatchlistMatch,
  lookupTable,
} from '../../kit';

const options = z.object({
  nameThreshold: z
    .number()
    .min(0.5)
    .max(1)
    .default(defaultNameThreshold)
    .describe(
      'Name similarity (order-independent Jaro-Winkler over folded tokens, transliteration variants at 0.95) at or above which ' +
        'a person or organisation name matches. 0.88 catches spelling and romanisation variants of full names while "Kim Jin" ' +
        'does not match "Kim Kwang Jin" (0.82).',
    ),
  fuzzyNameStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe('Strength of a fuzzy name match: names are not identifiers, so alone it is weak and goes to human review.'),
  exactNameStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Strength of an exact (normalised) name match: still needs review, since many people share a name.'),
  ipStrength: z.number().min(0).max(1).default(0.6).describe('Strength of an exact IP match. IP indicators go stale fast (LB), so below an identifier.'),
  cidrStrength: z.number().min(0).max(1).default(0.5).describe('Strength of an address inside a listed range: ranges are broader than one address.'),
  domainStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe(
      'Strength of a registrable-domain match (employer, school, reference or e-mail domain on a seized or front-company ' +
        'list): rated strong by the catalogue.',
    ),
});

type MessageId = 'identifier' | 'domain' | 'ip' | 'name';

const SANCTIONS_STEP = 'stop payments and escalate to legal';

interface Screened {
  readonly kind: ScreenedKind;
  readonly value: string;
  readonly recordId: string;
  readonly field: string;
  readonly at?: string;
}

/**
 * What each screened field is, in words, for the message: a reader of the report sees "Payee
 * account number acct-1 is on ..." rather than a field path. The evidence keeps the path.
 */
const fieldLabels: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  'identity.names[].value': 'Name',
  'documents[].holderName': 'Document holder name',
  'paymentInstructions[].accountHolderName': 'Payout account holder',
  'paymentInstructions[].walletAddress': 'Payout wallet',
  'paymentInstructions[].iban': 'Payout IBAN',
  'paymentInstructions[].accountNumber': 'Payout account number',
  'shipments[].recipientName': 'Shipment recipient',
  'employment[].organisation': 'Employer',
  'employment[].domain': 'Employer domain',
  'education[].organisation': 'School',
  'education[].domain': 'School domain',
  'references[].name': 'Reference',
  'references[].organisation': "Reference's organisation",
  'references[].domain': "Reference's domain",
  'references[].email': "Reference's e-mail",
  'references[].phone': "Reference's phone",
  'engagements[].organisation': 'Engaging organisation',
  'profiles[].url': 'Profile address',
  'contacts.emails[].address': 'E-mail address',
  'contacts.phones[].number': 'Phone number',
  'events[type=session].ip': 'seen at a sign-in',
  'events[type=device-checkin].ip': 'seen at a device check-in',
  'events[type=payment].payeeName': 'Payee name',
  'events[type=payment].walletAddress': 'Payee wallet',
  'events[type=payment].iban': 'Payee IBAN',
  'events[type=payment].accountNumber': 'Payee account number',
});

function qualityLabel(m: WatchlistMatch): string {
  switch (m.quality) {
    case 'exact-identifier':
      return 'exact identifier match';
    case 'domain':
      return 'registrable-domain match';
    case 'ip-exact':
      return 'exact IP match';
    case 'cidr-range':
      return 'address inside a listed range';
    case 'exact-name':
      return 'exact name match, needs human review';
    case 'fuzzy-name':
      return `fuzzy name match (similarity ${m.similarity}), needs human review`;
  }
}

/** `watchlist/match`: a name, organisation, contact, domain, IP, wallet or account of the subject is on a caller-supplied list. */
export const watchlistMatch = defineIndicator({
  meta: {
    id: 'watchlist/match',
    title: 'Match on a caller-supplied watchlist',
    category: 'watchlist',
    version: '1.0.1',
    kind: 'risk',
    family: 'watchlist',
    typologies: ['remote-hire-identity-fraud', 'insider-technology-collection'],
    defaultWeight: 3.5,
    options,
    messages: {
      identifier: '{{fieldLabel}} {{value}} is on {{list}} ({{listKind}}) as {{entryType}} entry "{{entry}}": {{quality}}{{stepText}}',
      domain: '{{fieldLabel}} {{value}} falls under domain "{{entry}}" on {{list}} ({{listKind}}): {{quality}}{{stepText}}',
      ip: 'IP address {{value}} ({{fieldLabel}}) matches {{entryType}} entry "{{entry}}" on {{list}} ({{listKind}}): {{quality}}{{stepText}}',
      name: '{{fieldLabel}} "{{value}}" resembles {{entryType}} entry "{{entry}}" on {{list}} ({{listKind}}): {{quality}}{{stepText}}',
    },
    neutralReason: 'Screening against required lists returned a result that must be reviewed.',
    recommendedAction:
      "Have a reviewer confirm the match against the list entry's full details. For a confirmed sanctions-list match: stop " +
      'payments and escalate to legal, because paying a sanctioned person is itself a violation.',
    docs: {
      description:
        "Screens the subject's names (identity, document holder, account holder, shipment recipient, payee), organisations " +
        '(employers, schools, references, engagements), e-mail addresses and phones, domains (employers, schools, references, ' +
        'profile URLs, e-mail domains), IP addresses (sessions, device check-ins), wallets and bank accounts against the ' +
        'watchlists passed with the batch. Identifiers match exactly after normalisation (strength 1); domains by registrable ' +
        'domain with a small table of multi-part suffixes such as co.uk and com.au; IPs exactly or inside CIDR ranges (IPv4 and ' +
        'IPv6); person and organisation names fuzzily (case, diacritics, word order, common transliteration variants) at ' +
        'similarity ≥ `nameThreshold`, with phonetic-key blocking so lists are never compared all-pairs. Name matches are weaker ' +
        'and flagged for human review. On a sanctions list the finding carries the step "stop payments and escalate to legal".',
      requires: [
        'watchlists',
        'identity.names',
        'documents[].holderName',
        'paymentInstructions[]',
        'shipments[].recipientName',
        'employment[]',
        'education[]',
        'references[]',
        'engagements[].organisation',
        'profiles[].url',
        'contacts.emails[]',
        'contacts.phones[]',
        'events[type=session].ip',
        'events[type=device-checkin].ip',
        'events[type=payment]',
      ],
      threatHypothesis: 'The subject, an organisation in their history or their infrastructure is a designated, wanted or known front party.',
      sources: cite('US-2022', 'DOJ-DEC24', 'DOJ-DEC24-OPA', 'DOJ-ATL', 'DOJ-JUN25-OPA', 'DOJ-JUN25', 'LB', 'SEAL'),
      falsePositives: [
        'A different person with the same or a similar name (name matches always need review).',
        'A stale IP indicator: addresses are reassigned, and VPN ranges carry many users.',
        'A legitimate former employer whose domain later lapsed and was reused.',
      ],
    },
  },
  prepare(population: Population, { options }): WatchlistIndex {
    return buildWatchlistIndex(population.watchlists, options.nameThreshold);
  },
  evaluate(view, { options, prepared, watchlists, notEvaluated }) {
    if (watchlists.length === 0) return notEvaluated('no watchlists were supplied', ['watchlists']);
    const s = view.subject;
    const screened: Screened[] = [];
    const add = (kind: ScreenedKind, value: string | undefined, recordId: string, field: string, at?: string): void => {
      if (value !== undefined && value.trim() !== '') screened.push({ kind, value, recordId, field, ...(at !== undefined ? { at } : {}) });
    };
    for (const n of s.identity?.names ?? []) add('name', n.value, s.id, 'identity.names[].value', n.observedAt);
    for (const d of s.documents ?? []) add('name', d.holderName, d.id, 'documents[].holderName');
    for (const p of s.paymentInstructions ?? []) {
      add('name', p.accountHolderName, p.id, 'paymentInstructions[].accountHolderName', p.at);
      add('wallet', p.walletAddress, p.id, 'paymentInstructions[].walletAddress', p.at);
      add('bank-account', p.iban, p.id, 'paymentInstructions[].iban', p.at);
      add('bank-account', p.accountNumber, p.id, 'paymentInstructions[].accountNumber', p.at);
    }
    for (const sh of s.shipments ?? []) add('name', sh.recipientName, sh.id, 'shipments[].recipientName', sh.shippedAt);
    for (const e of s.employment ?? []) {
      add('organisation', e.organisation, e.id, 'employment[].organisation');
      add('domain', e.domain, e.id, 'employment[].domain');
    }
    for (const e of s.education ?? []) {
      add('organisation', e.organisation, e.id, 'education[].organisation');
      add('domain', e.domain, e.id, 'education[].domain');
    }
    for (const r of s.references ?? []) {
      add('name', r.name, r.id, 'references[].name');
      add('organisation', r.organisation, r.id, 'references[].organisation');
      add('domain', r.domain, r.id, 'references[].domain');
      add('email', r.email, r.id, 'references[].email');
      add('phone', r.phone, r.id, 'references[].phone');
    }
    for (const e of s.engagements ?? []) add('organisation', e.organisation, e.id, 'engagements[].organisation');
    for (const p of s.profiles ?? []) add('domain', p.url, p.id, 'profiles[].url');
    for (const e of s.contacts?.emails ?? []) add('email', e.address, s.id, 'contacts.emails[].address', e.createdAt);
    for (const p of s.contacts?.phones ?? []) add('phone', p.number, s.id, 'contacts.phones[].number', p.createdAt);
    // Events: each distinct value once, on its first event (events are sorted by time then id).
    const seenEvent = new Set<string>();
    const addEvent = (kind: ScreenedKind, value: string | undefined, id: string, field: string, at: string): void => {
      if (value === undefined || seenEvent.has(`${kind}:${field}:${value}`)) return;
      seenEvent.add(`${kind}:${field}:${value}`);
      add(kind, value, id, field, at);
    };
    const events = view.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'session' || e.type === 'device-checkin') addEvent('ip', e.ip, e.id, `events[type=${e.type}].ip`, e.at);
      else if (e.type === 'payment') {
        addEvent('name', e.payeeName, e.id, 'events[type=payment].payeeName', e.at);
        addEvent('wallet', e.walletAddress, e.id, 'events[type=payment].walletAddress', e.at);
        addEvent('bank-account', e.iban, e.id, 'events[type=payment].iban', e.at);
        addEvent('bank-account', e.accountNumber, e.id, 'events[type=payment].accountNumber', e.at);
      }
    }

    // One finding per (list, entry, field, value): the strongest quality wins.
    const findings = new Map<string, FindingDraft<MessageId> & { order: string }>();
    for (const item of screened) {
      for (const m of prepared.match(item.kind, item.value)) {
        const sanctions = m.list.kind === 'sanctions';
        const review = m.quality === 'exact-name' || m.quality === 'fuzzy-name';
        const strength =
          m.quality === 'exact-identifier'
            ? 1
            : m.quality === 'domain'
              ? options.domainStrength
              : m.quality === 'ip-exact'
                ? options.ipStrength
                : m.quality === 'cidr-range'
                  ? options.cidrStrength
                  : m.quality === 'exact-name'
                    ? options.exactNameStrength
                    : options.fuzzyNameStrength * m.similarity;
        const messageId: MessageId =
          m.quality === 'domain' ? 'domain' : m.quality === 'ip-exact' || m.quality === 'cidr-range' ? 'ip' : review ? 'name' : 'identifier';
        const step = sanctions ? (review ? `if a reviewer confirms it, ${SANCTIONS_STEP}` : SANCTIONS_STEP) : '';
        const entryLabel = m.entry.id ?? m.entry.value;
        const key = `${m.list.name}\u0000${entryLabel}\u0000${item.field}\u0000${item.value}`;
        const draft = {
          messageId,
          strength: Math.round(strength * 1000) / 1000,
          data: {
            fieldLabel: fieldLabels[item.field] ?? item.field,
            value: item.value,
            list: m.list.name,
            listKind: m.list.kind,
            entryType: m.entry.type,
            entry: m.matchedValue,
            entryId: entryLabel,
            quality: qualityLabel(m),
            matchQuality: m.quality,
            similarity: m.similarity,
            humanReview: review,
            recommendedStep: step,
            stepText: step === '' ? '' : `. Recommended: ${step}`,
          },
          evidence: [
            {
              recordId: item.recordId,
              field: item.field,
              ...(item.at !== undefined ? { at: item.at } : {}),
              value: item.value,
              note: `${m.list.name}: ${m.entry.type} entry "${m.matchedValue}"${m.entry.id !== undefined ? ` (${m.entry.id})` : ''}${m.entry.note !== undefined ? ` — ${m.entry.note}` : ''}`,
            },
          ],
          order: `${item.recordId}\u0000${item.at ?? ''}`,
        };
        const prev = findings.get(key);
        if (prev === undefined || draft.strength > prev.strength || (draft.strength === prev.strength && draft.order < prev.order)) findings.set(key, draft);
      }
    }
    return [...findings.entries()].sort((a, b) => compareText(a[0], b[0])).map(([, { order: _order, ...f }]) => f);
  },
});
