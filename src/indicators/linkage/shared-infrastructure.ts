import { linkageInputs } from '../../records/linkage';
import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Mitigation } from '../../contract/types';
import type { Reference } from '../../records/batchInput';
import { cite, normalizeIdentifier } from '../../kit';
import type { LinkKeyKind } from '../../linking/keys';
import type { ActivityEvent } from '../../records/events';
import { authenticatorOfMember, type ClosestCrossSubjectUse } from './approvals';
import {
  activeLinks,
  clusterFinding,
  closestUses,
  clusterOptions,
  combineLinks,
  householdExplains,
  ownMembers,
  summariseLinkage,
  type PreparedLinks,
} from './shared';

/** The shared link index, and the closest cross-subject uses of each shared authenticator. */
export interface PreparedInfrastructure extends PreparedLinks {
  /** Keyed like the index's `mfa-device` keys. */
  readonly closestUses: ReadonlyMap<string, ClosestCrossSubjectUse>;
  /** Shared machines of the device register (lab and pool), keyed like the index's `device` keys. */
  readonly sharedMachines: ReadonlyMap<string, Mitigation>;
}

/**
 * Lab and pool machines of `reference.organisation.devices`, by device id and by serial (keyed as
 * the link index keys them): several people use them by design, so a link through one is
 * explained, not evidence. One pass over the register.
 */
function sharedMachinesOf(reference: Reference): Map<string, Mitigation> {
  const out = new Map<string, Mitigation>();
  for (const d of reference.organisation?.devices ?? []) {
    if (d.handover !== 'lab' && d.handover !== 'pool') continue;
    const name = d.deviceId ?? d.serial;
    if (name === undefined) continue;
    const explains = d.handover === 'lab' ? `shared lab computer ${name} in the device register` : `pool (loaner) device ${name} in the device register`;
    const mitigation: Mitigation = { recordId: name, field: 'reference.organisation.devices', explains };
    const id = d.deviceId !== undefined ? normalizeIdentifier(d.deviceId) : undefined;
    const serial = d.serial !== undefined ? normalizeIdentifier(d.serial) : undefined;
    if (id !== undefined && !out.has(id)) out.set(id, mitigation);
    if (serial !== undefined && !out.has(`serial:${serial}`)) out.set(`serial:${serial}`, mitigation);
  }
  return out;
}

/** A gap in words: "40 seconds", "12 minutes", "5 hours", "3 days". */
function gapText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} seconds`;
  if (s < 7200) return `${Math.round(s / 60)} minutes`;
  if (s < 172_800) return `${Math.round(s / 3600)} hours`;
  return `${Math.round(s / 86_400)} days`;
}

const options = z.object({
  ...clusterOptions,
  mfaFloor: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe('Strength when one MFA device approves sign-ins of two subjects: MS-DX calls a shared MFA device close to deterministic for shared operation.'),
  deviceFloor: z.number().min(0).max(1).default(0.7).describe('Strength when one managed device or serial number is used by two subjects.'),
  concurrentApprovalMinutes: z
    .number()
    .positive()
    .default(15)
    .describe(
      'When one authenticator approved sign-ins (or was registered) for two subjects within this many minutes of each other, ' +
        "the finding says so and reaches full strength: one phone in one hand approving two people's sign-ins back to back.",
    ),
  ipFloor: z
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe(
      'Strength when two subjects use one IP address in overlapping periods. Low: NAT, carrier-grade NAT and offices share ' +
        'addresses; it grows with the cluster.',
    ),
});

const kinds = new Set<LinkKeyKind>(['ip', 'device', 'mfa-device']);

/** `linkage/shared-infrastructure`: the subject shares an IP address (at the same time), a device or an MFA device with other subjects. */
export const sharedInfrastructure = defineIndicator({
  meta: {
    id: 'linkage/shared-infrastructure',
    title: 'IP address, device or MFA device shared with other subjects',
    category: 'linkage',
    version: '1.2.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'linkage-shared-keys',
    options,
    messages: {
      sharedInfrastructure: '{{kindLabel}} {{value}} is used by {{count}} subjects since {{since}} (also: {{others}}){{detail}}',
    },
    neutralReason: 'Sign-in activity could not be attributed to the worker alone.',
    recommendedAction:
      'Review the sign-in logs of every subject in the cluster for the shared IP, device or MFA device; re-enrol MFA on a device verified in person.',
    docs: {
      description:
        'Fires when an MFA device, a device id or serial number, or an IP address used by this subject is used by other subjects ' +
        'of the batch. IP addresses link only when the periods of use overlap (first to last sign-in, widened by ' +
        '`linkSettings.ipWindowHours`), since addresses are reassigned; devices and MFA devices likewise within ' +
        "`linkSettings.deviceWindowDays`, since laptops and tokens are re-issued. Strength starts at the kind's floor (MFA " +
        'high, IP low) and grows with the number of subjects to 1 at `saturation`. For an MFA device the finding also names the ' +
        'two uses by different subjects closest in time (approval time `mfa.approvedAt`, else the sign-in, or the registration), ' +
        "and reaches full strength when they are within `concurrentApprovalMinutes`. A household's home connection and " +
        "allow-listed addresses or ranges (a company VPN egress) do not fire; nor does a device the organisation's register " +
        '(`reference.organisation.devices[]`) marks as a lab or pool machine, which the report lists as the mitigation.',
      requires: [
        'events[type=session].ip',
        'events[type=session].deviceId',
        'events[type=session].mfaDeviceId',
        'events[type=session].mfa.authenticatorId',
        'events[type=authenticator-registration].authenticatorId',
        'events[type=device-checkin]',
        'reference.organisation.devices',
      ],
      threatHypothesis: 'Several accounts are operated from one place or by one person: a laptop farm or a shared operator.',
      sources: cite('MS-DX', 'US-2022', 'ROK-2022', 'DOJ-JUN25', 'DOJ-JUN25-OPA'),
      falsePositives: [
        'Colleagues behind one office, campus or carrier-grade NAT address (allow-list the range).',
        'A company VPN egress (allow-list its CIDR range).',
        'A device re-issued to a new hire soon after its previous user left (within `deviceWindowDays`; check the dates).',
      ],
    },
  },
  inputs: linkageInputs,
  summarise: summariseLinkage,
  combine: (summaries, context): PreparedInfrastructure => ({
    ...combineLinks(summaries, context),
    closestUses: context.memo('linkage/authenticator-closest-uses', () => closestUses(summaries, context)),
    sharedMachines: sharedMachinesOf(context.reference),
  }),
  evaluate(view, { options, prepared, notEvaluated }) {
    if (view.eventsOf('session').length === 0 && view.eventsOf('device-checkin').length === 0) {
      return notEvaluated('no sessions or device check-ins', ['events[type=session]', 'events[type=device-checkin]']);
    }
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const floors: Record<string, number> = { 'mfa-device': options.mfaFloor, device: options.deviceFloor, ip: options.ipFloor };
    const id = view.subject.id;
    const findings: FindingDraft<'sharedInfrastructure'>[] = [];
    // Built only for a member its time does not find (see memberEvent).
    let byId: Map<string, ActivityEvent> | undefined;
    const eventsById = (): ReadonlyMap<string, ActivityEvent> => (byId ??= new Map(view.events.map((e) => [e.id, e])));
    for (const link of activeLinks(prepared.index, id, kinds)) {
      const base = clusterFinding(prepared, link, id, floors[link.kind] ?? 0.5, options);
      const machine = link.kind === 'device' ? prepared.sharedMachines.get(link.key) : undefined;
      if (machine !== undefined) {
        findings.push({ messageId: 'sharedInfrastructure', ...base, data: { ...base.data, detail: '' }, strength: 0, mitigatedBy: [machine] });
        continue;
      }
      const household = householdExplains(view.subject, link);
      if (household.length > 0) {
        // A declared household explains the shared key: shown as a mitigation, scored as nothing.
        findings.push({ messageId: 'sharedInfrastructure', ...base, data: { ...base.data, detail: '' }, strength: 0, mitigatedBy: household });
        continue;
      }
      let closest: ClosestCrossSubjectUse | undefined;
      if (link.kind === 'mfa-device') {
        const member = ownMembers(prepared, link, id)[0];
        const raw = member === undefined ? undefined : authenticatorOfMember(view, member, eventsById);
        closest = raw === undefined ? undefined : prepared.closestUses.get(raw);
      }
      if (closest === undefined) {
        findings.push({ messageId: 'sharedInfrastructure', ...base, data: { ...base.data, detail: '' } });
        continue;
      }
      const concurrent = closest.gapMs <= options.concurrentApprovalMinutes * 60_000;
      const shown = new Set(base.evidence.map((e) => e.recordId));
      const extra = [closest.first, closest.second]
        .filter((u) => !shown.has(u.recordId))
        .map((u) => ({
          recordId: u.recordId,
          field: u.field,
          at: u.at,
          value: link.key,
          note: u.subjectId === id ? 'this subject' : `subject ${u.subjectId}`,
        }));
      findings.push({
        messageId: 'sharedInfrastructure',
        strength: concurrent ? 1 : base.strength,
        data: {
          ...base.data,
          detail: `; its uses by ${closest.first.subjectId} and ${closest.second.subjectId} came ${gapText(closest.gapMs)} apart (${closest.first.at} and ${closest.second.at})`,
        },
        evidence: [...base.evidence, ...extra],
      });
    }
    return findings;
  },
});
