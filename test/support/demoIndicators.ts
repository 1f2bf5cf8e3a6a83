import { z } from 'zod';
import { defineIndicator, type AnyIndicator, type Evidence } from '../../src/index';

// Small stand-in indicators for report and CLI tests: they read the demo population's facts, so the
// renderers are exercised with fired findings whatever the built-in catalogue holds at the time.
const base = { version: '1.0.0', options: z.object({}) } as const;
const baseDocs = { sources: [], falsePositives: ['A test stand-in, not a real indicator.'] } as const;

const documentFailed = defineIndicator({
  meta: {
    ...base,
    id: 'demo/document-failed',
    title: 'Identity document failed verification',
    category: 'demo',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    messages: { failed: '{{type}} {{doc}} came back {{outcome}} from {{vendor}}' },
    neutralReason: 'Identity could not be verified.',
    recommendedAction: 'Repeat the identity check in person with the original document.',
    docs: {
      ...baseDocs,
      description: 'Fires on a document whose verification outcome is not verified.',
      requires: ['documents[].verification'],
      threatHypothesis: 'The identity belongs to someone else.',
    },
  },
  evaluate(view, { notEvaluated }) {
    const docs = (view.subject.documents ?? []).filter((d) => d.verification !== undefined);
    if (docs.length === 0) return notEvaluated('no verified documents', ['documents[].verification']);
    return docs
      .filter((d) => d.verification?.outcome !== 'verified')
      .map((d) => ({
        messageId: 'failed' as const,
        strength: 1,
        data: { type: d.type, doc: d.id, outcome: d.verification?.outcome ?? '', vendor: d.verification?.vendor ?? 'the vendor' },
        evidence: [{ recordId: d.id, field: 'verification.outcome', value: d.verification?.outcome ?? null }],
      }));
  },
});

function addressKey(a: { line1?: string | undefined; city?: string | undefined; postalCode?: string | undefined }): string {
  return `${a.line1 ?? ''}|${a.city ?? ''}|${a.postalCode ?? ''}`.toLowerCase();
}

const sharedShipTo = defineIndicator({
  meta: {
    ...base,
    id: 'demo/shared-ship-to',
    title: 'Equipment shipped to an address other workers share',
    category: 'demo',
    kind: 'risk',
    family: 'shipping',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    messages: { shared: 'laptop {{shipment}} went to {{address}}, the ship-to of {{others}} other workers' },
    neutralReason: 'The delivery address of company equipment needs confirmation.',
    recommendedAction: 'Ask the worker to show the laptop and its serial number on a live video call from the residence.',
    docs: {
      ...baseDocs,
      description: 'Fires when a shipment address is also the ship-to of other subjects.',
      requires: ['shipments[].address'],
      threatHypothesis: 'The laptop sits in a laptop farm run by a facilitator.',
    },
  },
  prepare(population) {
    const byAddress = new Map<string, Set<string>>();
    for (const s of population.subjects) {
      for (const ship of s.shipments ?? []) {
        const key = addressKey(ship.address);
        const set = byAddress.get(key) ?? new Set<string>();
        set.add(s.id);
        byAddress.set(key, set);
      }
    }
    return byAddress;
  },
  evaluate(view, { prepared, notEvaluated }) {
    const ships = view.subject.shipments ?? [];
    if (ships.length === 0) return notEvaluated('no shipments', ['shipments']);
    return ships.flatMap((ship) => {
      const others = (prepared.get(addressKey(ship.address)) ?? new Set()).size - 1;
      if (others < 1) return [];
      return [
        {
          messageId: 'shared' as const,
          strength: Math.min(1, others / 2),
          data: { shipment: ship.id, address: `${ship.address.line1 ?? ''}, ${ship.address.city ?? ''}`, others },
          evidence: [{ recordId: ship.id, field: 'address', value: `${ship.address.line1 ?? ''}, ${ship.address.city ?? ''} ${ship.address.region ?? ''}` }],
        },
      ];
    });
  },
});

const remoteAccess = defineIndicator({
  meta: {
    ...base,
    id: 'demo/remote-access-tool',
    title: 'Remote-access tool or IP-KVM on the company device',
    category: 'demo',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud', 'insider-technology-collection'],
    defaultWeight: 3,
    messages: { tool: '{{count}} detections of remote-access tools or IP-KVM, first {{first}}' },
    neutralReason: 'Software on the company device needs review.',
    recommendedAction: 'Have IT image the device and confirm who operates it.',
    docs: {
      ...baseDocs,
      description: 'Fires on security detections of remote-access tools or IP-KVMs.',
      requires: ['events[type=security]'],
      threatHypothesis: 'Someone else operates the laptop remotely.',
    },
  },
  evaluate(view) {
    const hits = view.eventsOf('security').filter((e) => e.category === 'remote-access-tool' || e.category === 'ip-kvm');
    if (hits.length === 0) return [];
    const evidence: Evidence[] = hits.map((e) => ({ recordId: e.id, at: e.at, field: 'software', value: e.software ?? e.deviceName ?? e.category }));
    return [{ messageId: 'tool' as const, strength: 1, data: { count: hits.length, first: hits[0]?.software ?? hits[0]?.category ?? '' }, evidence }];
  },
});

const payeeMismatch = defineIndicator({
  meta: {
    ...base,
    id: 'demo/payee-mismatch',
    title: 'Payout account held by someone else',
    category: 'demo',
    kind: 'risk',
    family: 'payment',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    messages: { payee: 'payout {{instruction}} goes to "{{holder}}", not {{name}}' },
    neutralReason: 'Payment details need confirmation.',
    recommendedAction: "Confirm the payout account with the bank in the worker's own name.",
    docs: {
      ...baseDocs,
      description: 'Fires when a payout account holder differs from the legal name.',
      requires: ['paymentInstructions[].accountHolderName', 'identity.names'],
      threatHypothesis: 'Wages are routed to a facilitator or front company.',
    },
  },
  evaluate(view, { notEvaluated }) {
    const legal = view.subject.identity?.names?.find((n) => n.kind === 'legal')?.value;
    const instructions = view.subject.paymentInstructions ?? [];
    if (legal === undefined || instructions.length === 0) return notEvaluated('no legal name or payout instruction', ['identity.names', 'paymentInstructions']);
    return instructions
      .filter((p) => p.accountHolderName !== undefined && p.accountHolderName !== legal)
      .map((p) => ({
        messageId: 'payee' as const,
        strength: 1,
        data: { instruction: p.id, holder: p.accountHolderName ?? '', name: legal },
        evidence: [{ recordId: p.id, field: 'accountHolderName', value: p.accountHolderName ?? '' }],
      }));
  },
});

const bulkTagged = defineIndicator({
  meta: {
    ...base,
    id: 'demo/bulk-tagged-download',
    title: 'Bulk download of sensitive data outside the role',
    category: 'demo',
    kind: 'risk',
    family: 'data-access',
    typologies: ['insider-technology-collection'],
    defaultWeight: 2,
    messages: { bulk: '{{count}} bulk downloads ({{gb}} GB) of data tagged {{tags}}' },
    neutralReason: 'Data access needs review.',
    recommendedAction: 'Review the downloads with the data owner and suspend the access pending review.',
    docs: {
      ...baseDocs,
      description: "Fires on downloads over 100 MB of data tagged outside the role's authorised tags.",
      requires: ['events[type=data-access]'],
      threatHypothesis: 'Technology is being collected for a foreign programme.',
    },
  },
  evaluate(view, { notEvaluated }) {
    const access = view.eventsOf('data-access');
    if (access.length === 0) return notEvaluated('no data-access events', ['events[type=data-access]']);
    const allowed = new Set(view.subject.authorizedDataTags ?? []);
    const hits = access.filter((e) => (e.volumeBytes ?? 0) > 100e6 && (e.tags ?? []).some((t) => !allowed.has(t)));
    if (hits.length === 0) return [];
    const tags = [...new Set(hits.flatMap((e) => e.tags ?? []))].sort().join(', ');
    const gb = Math.round(hits.reduce((n, e) => n + (e.volumeBytes ?? 0), 0) / 1e8) / 10;
    return [
      {
        messageId: 'bulk' as const,
        strength: Math.min(1, hits.length / 10),
        data: { count: hits.length, gb, tags },
        evidence: hits.map((e) => ({ recordId: e.id, at: e.at, field: 'resource', value: e.resource })),
      },
    ];
  },
});

/** The stand-in indicators, for tests of reports and the command line. */
export const demoIndicators: readonly AnyIndicator[] = [documentFailed, sharedShipTo, remoteAccess, payeeMismatch, bulkTagged];
