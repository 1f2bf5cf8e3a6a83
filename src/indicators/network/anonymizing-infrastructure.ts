import { z } from 'zod';
import { cite, compareText, describeException, exceptionsActiveAt, knownVpnProviders, matchVpnProvider, placeName, type VpnProvider } from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Mitigation } from '../../contract/types';
import type { NetworkEnrichment, SessionEvent } from '../../records/events';

const options = z.object({
  providersOfConcern: z
    .array(z.string().min(1))
    .default(['Astrill'])
    .describe(
      'VPN providers named in the threat reporting (Secureworks, Mandiant, LevelBlue name Astrill). Matched against ' +
        '`network.vpnProvider` and `network.asnOrg` with the shipped VPN table; add names your threat intelligence reports.',
    ),
  approvedProviders: z
    .array(z.string().min(1))
    .default([])
    .describe('Corporate or sanctioned VPN services (e.g. your own remote-access gateway): their egress is never counted.'),
  minLogins: z
    .number()
    .int()
    .positive()
    .default(3)
    .describe('Fewest anonymized sign-ins before general VPN, proxy, Tor or hosting use fires: one hotel-wifi VPN session is nothing.'),
  minShare: z
    .number()
    .gt(0)
    .max(1)
    .default(0.25)
    .describe('Least share of sign-ins through anonymizing egress for general use to fire; occasional use by a traveller stays below it.'),
});

type MessageId = 'providerOfConcern' | 'anonymized';
type Kind = 'tor' | 'residential proxy' | 'proxy' | 'hosting' | 'VPN';

function kindOf(n: NetworkEnrichment): Kind | undefined {
  if (n.isTor === true) return 'tor';
  if (n.isResidentialProxy === true) return 'residential proxy';
  if (n.isProxy === true) return 'proxy';
  if (n.isVpn === true || (n.vpnProvider !== undefined && n.vpnProvider.trim() !== '')) return 'VPN';
  if (n.isHosting === true) return 'hosting';
  return undefined;
}

const KIND_STRENGTH: Readonly<Record<Kind, number>> = { tor: 0.9, 'residential proxy': 0.8, proxy: 0.6, hosting: 0.6, VPN: 0.5 };

// Lists and answers remembered before the caches start afresh: a scorer has a few option lists and
// a population a few hundred distinct provider and ASN names, so this bounds memory, not the hit rate.
const MAX_REMEMBERED = 1 << 12;

// Provider lists by their names (a pure function of the names and the constant shipped table),
// so a list is built and its names matched once per scorer, not once per subject.
const rememberedLists = new Map<string, readonly VpnProvider[]>();

// Answers of `matchVpnProvider` per list and name; `null` for no match. One cap over every list's
// answers (`answerCount`), so at most MAX_REMEMBERED answers are held whatever the number of lists.
const rememberedAnswers = new Map<readonly VpnProvider[], Map<string, VpnProvider | null>>();
let answerCount = 0;

/** The shipped entry for a provider name, or an ad-hoc entry for a name the table lacks. */
function providerList(names: readonly string[]): readonly VpnProvider[] {
  if (names.length === 0) return noProviders;
  const key = names.join('\u0000');
  let list = rememberedLists.get(key);
  if (list === undefined) {
    list = names.map((name) => matchVpnProvider(name, knownVpnProviders) ?? { id: name.toLowerCase(), name, aliases: [name] });
    if (rememberedLists.size >= MAX_REMEMBERED) rememberedLists.clear();
    rememberedLists.set(key, list);
  }
  return list;
}

const noProviders: readonly VpnProvider[] = Object.freeze([]);
const noMitigations: readonly Mitigation[] = Object.freeze([]);

/** `matchVpnProvider(name, list)` for a list from {@link providerList}, remembered per name. */
function matchIn(name: string, list: readonly VpnProvider[]): VpnProvider | undefined {
  let answers = rememberedAnswers.get(list);
  const known = answers?.get(name);
  if (known !== undefined) return known ?? undefined;
  const answer = matchVpnProvider(name, list);
  if (answerCount >= MAX_REMEMBERED) {
    rememberedAnswers.clear();
    answerCount = 0;
    answers = undefined;
  }
  if (answers === undefined) {
    answers = new Map();
    rememberedAnswers.set(list, answers);
  }
  answers.set(name, answer ?? null);
  answerCount++;
  return answer;
}

/**
 * `network/anonymizing-infrastructure`: sign-ins through VPN, proxy, Tor or hosting egress, and
 * above all through a VPN provider named in the reporting (Astrill by default). Weak alone by
 * design: expats and travellers use VPNs every day.
 */
export const anonymizingInfrastructure = defineIndicator({
  meta: {
    id: 'network/anonymizing-infrastructure',
    title: 'Sign-ins through VPN, proxy, Tor or hosting egress',
    category: 'network',
    version: '1.1.0',
    kind: 'risk',
    family: 'network',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.6,
    correlationGroup: 'network-location',
    options,
    messages: {
      providerOfConcern: '{{count}} sign-ins came through {{provider}} egress, e.g. from {{place}}',
      anonymized: '{{count}} of {{total}} sign-ins ({{share}}%) came through anonymizing egress ({{kinds}})',
    },
    neutralReason: 'The network used to connect could not be attributed to the stated location.',
    recommendedAction: "Ask the worker which VPN they use and why; compare with the company's remote-access policy and the other location evidence.",
    docs: {
      description:
        "Classifies each successful sign-in's egress from the caller's enrichment (`isTor`, `isResidentialProxy`, `isProxy`, " +
        '`isVpn`, `vpnProvider`, `isHosting`). Fires on any sign-in through a provider in `providersOfConcern` (Astrill by ' +
        'default, named by Secureworks, Mandiant and LevelBlue), and on general anonymizing use of at least `minLogins` sign-ins ' +
        'and `minShare` of all. Approved corporate VPNs never count (`approvedProviders` and ' +
        '`reference.organisation.approvedVpnProviders`), nor does a sign-in through the provider named by a documented VPN ' +
        'exception (`exceptions[kind=vpn].scope.provider`) inside its validity window; the same provider outside the window, or ' +
        'another provider, still counts. Weak alone by design: RC calls unusual VPN sign-ins "not inherently malicious", and ' +
        'Astrill is widely used by expats in China.',
      requires: [
        'events[type=session].network.isVpn',
        'events[type=session].network.vpnProvider',
        'events[type=session].network.isTor',
        'exceptions[kind=vpn]',
        'reference.organisation.approvedVpnProviders',
      ],
      threatHypothesis: 'The worker hides their real location behind a VPN or relay, as DPRK IT workers do with Astrill.',
      sources: cite('SW', 'MND', 'RC', 'LB', 'DOJ-DEC24', 'DOJ-DEC24-OPA', 'TRK'),
      falsePositives: [
        'Expats and business travellers in countries that block much of the internet (Astrill is popular in mainland China).',
        'Privacy-minded users and people on public wifi.',
        'A corporate VPN or secure web gateway not yet in `approvedProviders`.',
        'An approved VPN exception not recorded in `exceptions`, or recorded without the provider or with an expired window.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    const all = view.eventsOf('session');
    const sessions: SessionEvent[] = [];
    const sessionIndex: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const s = all[i] as SessionEvent;
      if (s.result === 'failure' || s.network === undefined) continue;
      sessions.push(s);
      sessionIndex.push(i);
    }
    if (sessions.length === 0) return notEvaluated('no sign-ins with network enrichment', ['events[type=session].network']);
    const concern = providerList(options.providersOfConcern);
    const organisationApproved = reference.organisation?.approvedVpnProviders ?? [];
    const approved = providerList(organisationApproved.length === 0 ? options.approvedProviders : [...options.approvedProviders, ...organisationApproved]);
    const times = view.eventTimes('session');
    // Most subjects document no VPN exception: then no sign-in is looked up against them.
    const hasVpnExceptions = (view.subject.exceptions ?? []).some((x) => x.kind === 'vpn');
    // The exceptions that explain a sign-in: VPN exceptions active at the time whose provider matches its egress.
    const exceptedBy = (k: number, n: NetworkEnrichment): Mitigation[] => {
      const out: Mitigation[] = [];
      for (const x of exceptionsActiveAt(view.subject, 'vpn', times[sessionIndex[k] as number] as number)) {
        if (x.scope?.provider === undefined || providerOf(n, providerList([x.scope.provider])) === undefined) continue;
        out.push({ recordId: x.id, field: 'exceptions', explains: `${describeException(x)} for ${x.scope.provider}` });
      }
      return out;
    };
    // Sign-ins a documented exception explains, per provider they would have counted under, for the report's mitigations.
    const explained = new Map<string, { sessions: SessionEvent[]; by: Map<string, Mitigation> }>();
    const providerOf = (n: NetworkEnrichment, list: readonly VpnProvider[]): VpnProvider | undefined => {
      if (list.length === 0) return undefined;
      return (n.vpnProvider !== undefined ? matchIn(n.vpnProvider, list) : undefined) ?? (n.asnOrg !== undefined ? matchIn(n.asnOrg, list) : undefined);
    };
    const ofConcern = new Map<string, SessionEvent[]>();
    const anonymized: { s: SessionEvent; kind: Kind }[] = [];
    let total = 0;
    for (let k = 0; k < sessions.length; k++) {
      const s = sessions[k] as SessionEvent;
      const n = s.network as NetworkEnrichment;
      if (providerOf(n, approved) !== undefined) continue;
      const by = hasVpnExceptions ? exceptedBy(k, n) : noMitigations;
      if (by.length > 0) {
        const p = providerOf(n, concern);
        if (p !== undefined) {
          const entry = explained.get(p.name) ?? { sessions: [], by: new Map<string, Mitigation>() };
          explained.set(p.name, entry);
          entry.sessions.push(s);
          for (const m of by) entry.by.set(m.recordId, m);
        }
        continue;
      }
      total++;
      const p = providerOf(n, concern);
      if (p !== undefined) {
        const list = ofConcern.get(p.name);
        if (list === undefined) ofConcern.set(p.name, [s]);
        else list.push(s);
      }
      const kind = kindOf(n);
      if (kind !== undefined) anonymized.push({ s, kind });
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const [provider, list] of [...ofConcern].sort((a, b) => compareText(a[0], b[0]))) {
      findings.push({
        messageId: 'providerOfConcern',
        strength: Math.min(1, 0.6 + 0.05 * (list.length - 1)),
        data: { count: list.length, provider, place: placeName((list[0] as SessionEvent).network) },
        evidence: list.slice(0, 10).map((s) => ({
          recordId: s.id,
          at: s.at,
          field: s.network?.vpnProvider !== undefined ? 'network.vpnProvider' : 'network.asnOrg',
          value: s.network?.vpnProvider ?? s.network?.asnOrg ?? null,
          ...(s.ip !== undefined ? { note: `egress ${s.ip}` } : {}),
        })),
      });
    }
    for (const [provider, { sessions: list, by }] of [...explained].sort((a, b) => compareText(a[0], b[0]))) {
      findings.push({
        messageId: 'providerOfConcern',
        strength: 0,
        data: { count: list.length, provider, place: placeName((list[0] as SessionEvent).network) },
        evidence: list.slice(0, 10).map((s) => ({ recordId: s.id, at: s.at, field: 'network', value: s.network?.vpnProvider ?? s.network?.asnOrg ?? null })),
        mitigatedBy: [...by.values()],
      });
    }
    const share = total === 0 ? 0 : anonymized.length / total;
    if (anonymized.length >= options.minLogins && share >= options.minShare) {
      const kinds = [...new Set(anonymized.map((a) => a.kind))].sort();
      // A loop, not Math.max(...spread): a year of sign-ins would overflow the argument list.
      let strongest = 0;
      for (const a of anonymized) strongest = Math.max(strongest, KIND_STRENGTH[a.kind]);
      findings.push({
        messageId: 'anonymized',
        strength: Math.min(1, strongest * (0.6 + 0.4 * share)),
        data: { count: anonymized.length, total, share: Math.round(share * 100), kinds: kinds.join(', ') },
        evidence: anonymized.slice(0, 10).map((a) => ({ recordId: a.s.id, at: a.s.at, field: 'network', value: a.kind, note: placeName(a.s.network) })),
      });
    }
    return findings;
  },
});
