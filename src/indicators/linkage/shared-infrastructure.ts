import { z } from 'zod';
import { defineIndicator } from '../../indicator/defineIndicator';
import type { FindingDraft } from '../../indicator/types';
import type { LinkKeyKind } from '../../linkage/keys';
import { cite } from '../shared/sources';
import { activeLinks, clusterFinding, clusterOptions, householdExplains, prepareLinks } from './shared';

const options = z.object({
  ...clusterOptions,
  mfaFloor: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe('Strength when one MFA device approves sign-ins of two subjects: MS-DX calls a shared MFA device close to deterministic for shared operation.'),
  deviceFloor: z.number().min(0).max(1).default(0.7).describe('Strength when one managed device or serial number is used by two subjects.'),
  ipFloor: z
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe('Strength when two subjects use one IP address in overlapping periods. Low: NAT, carrier-grade NAT and offices share addresses; it grows with the cluster.'),
});

const kinds = new Set<LinkKeyKind>(['ip', 'device', 'mfa-device']);

/** `linkage/shared-infrastructure`: the subject shares an IP address (at the same time), a device or an MFA device with other subjects. */
export const sharedInfrastructure = defineIndicator({
  meta: {
    id: 'linkage/shared-infrastructure',
    title: 'IP address, device or MFA device shared with other subjects',
    category: 'linkage',
    description:
      'Fires when an MFA device, a device id or serial number, or an IP address used by this subject is used by other subjects of the batch. IP addresses link only when the periods of use overlap (first to last sign-in, widened by `linkSettings.ipWindowHours`), since addresses are reassigned; devices and MFA devices likewise within `linkSettings.deviceWindowDays`, since laptops and tokens are re-issued. Strength starts at the kind\'s floor (MFA high, IP low) and grows with the number of subjects to 1 at `saturation`. A household\'s home connection and allow-listed addresses or ranges (a company VPN egress) do not fire.',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'linkage-shared-keys',
    requires: ['events[type=session].ip', 'events[type=session].deviceId', 'events[type=session].mfaDeviceId', 'events[type=session].mfa.authenticatorId', 'events[type=authenticator-registration].authenticatorId', 'events[type=device-checkin]'],
    options,
    messages: {
      sharedInfrastructure: '{{kindLabel}} {{value}} is used by {{count}} subjects since {{since}} (also: {{others}})',
    },
    neutralReason: 'Sign-in activity could not be attributed to the worker alone.',
    threatHypothesis: 'Several accounts are operated from one place or by one person: a laptop farm or a shared operator.',
    recommendedAction:
      'Review the sign-in logs of every subject in the cluster for the shared IP, device or MFA device; re-enrol MFA on a device verified in person.',
    sources: cite('MS-DX', 'US-2022', 'ROK-2022', 'DOJ-JUN25'),
    falsePositives: [
      'Colleagues behind one office, campus or carrier-grade NAT address (allow-list the range).',
      'A company VPN egress (allow-list its CIDR range).',
      'A device re-issued to a new hire soon after its previous user left (within `deviceWindowDays`; check the dates).',
    ],
  },
  prepare: prepareLinks,
  evaluate(view, { options, prepared, notEvaluated }) {
    if (view.eventsOf('session').length === 0 && view.eventsOf('device-checkin').length === 0) {
      return notEvaluated('no sessions or device check-ins', ['events[type=session]', 'events[type=device-checkin]']);
    }
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const floors: Record<string, number> = { 'mfa-device': options.mfaFloor, device: options.deviceFloor, ip: options.ipFloor };
    const id = view.subject.id;
    const findings: FindingDraft<'sharedInfrastructure'>[] = [];
    for (const link of activeLinks(prepared.index, id, kinds)) {
      const base = clusterFinding(prepared, link, id, floors[link.kind] ?? 0.5, options);
      const household = householdExplains(view.subject, link);
      findings.push({ messageId: 'sharedInfrastructure', ...base, ...(household.length > 0 ? { strength: 0, mitigatedBy: household } : {}) });
    }
    return findings;
  },
});
