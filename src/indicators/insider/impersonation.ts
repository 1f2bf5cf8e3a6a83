import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, SubjectSummary, SubjectView } from '../../contract/types';
import type { Reference } from '../../records/batchInput';
import { cite, compareText, normalizeIdentifier, utcDate } from '../../kit';

const replayDetections = ['token-replay', 'session-cookie-replay', 'anomalous-token'] as const;

const options = z.object({
  deviceExemptRoles: z
    .array(z.string())
    .default([])
    .describe(
      "Roles (subject.role) whose work is signing in to other people's computers (IT support, desktop engineering): their " +
        'sign-ins to assigned devices never count. Accounts still do.',
    ),
  otherAccountStrength: z.number().min(0).max(1).default(0.9).describe('Strength of an interactive sign-in to an account another person holds.'),
  otherAccountSilentStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe(
      "Strength of a token refresh or non-interactive sign-in to another person's account: a client left signed in is " + 'likelier than a deliberate log-in.',
    ),
  otherDeviceStrength: z.number().min(0).max(1).default(0.7).describe('Strength of sign-ins or check-ins on a computer assigned to another person.'),
  replayDetections: z
    .array(z.enum(replayDetections))
    .default([...replayDetections])
    .describe('Identity-provider detections that mean a stolen token or session cookie was used.'),
});

type MessageId = 'otherAccount' | 'otherDevice' | 'replay';

/** Who holds which account and who is assigned which computer, across the batch. */
export interface Ownership {
  /** Normalised account id → subjects that hold it (personal, privileged or unspecified kind). */
  readonly accounts: ReadonlyMap<string, readonly string[]>;
  /** Normalised device id → the subject it is assigned to (not pool or lab machines). */
  readonly devices: ReadonlyMap<string, string>;
}

/** The normalised ids of the accounts a subject holds personally (not shared or service accounts), each once. */
export function heldAccounts(view: SubjectView): string[] | undefined {
  const keys = new Set<string>();
  for (const a of view.subject.accounts ?? []) {
    if (a.kind === 'shared' || a.kind === 'service') continue;
    const key = normalizeIdentifier(a.accountId);
    if (key !== undefined) keys.add(key);
  }
  return keys.size > 0 ? Array.from(keys) : undefined;
}

/** Builds the ownership maps once per population: one pass over the subjects' held accounts and the issued devices. */
export function ownershipOf(summaries: readonly SubjectSummary<readonly string[]>[], reference: Reference): Ownership {
  const accounts = new Map<string, string[]>();
  for (const { subjectId, summary } of summaries) {
    for (const key of summary) {
      const holders = accounts.get(key);
      if (holders === undefined) accounts.set(key, [subjectId]);
      else holders.push(subjectId);
    }
  }
  const devices = new Map<string, string>();
  for (const d of reference.organisation?.devices ?? []) {
    if (d.deviceId === undefined || d.subjectId === undefined || d.handover === 'pool' || d.handover === 'lab') continue;
    const key = normalizeIdentifier(d.deviceId);
    if (key !== undefined && !devices.has(key)) devices.set(key, d.subjectId);
  }
  return { accounts, devices };
}

/**
 * `insider/impersonation`: the subject signs in to an account another person holds, uses a
 * computer assigned to another person, or the identity provider detects a replayed token or
 * session cookie on the subject's account. In the insider benchmark's administrator scenario the
 * insider logs in as the supervisor; in laptop-farm and session-hijack cases stolen cookies carry
 * a session to another machine.
 */
export const impersonation = defineIndicator({
  meta: {
    id: 'insider/impersonation',
    title: 'Sign-ins as someone else, or with a stolen session',
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'privilege-code',
    typologies: ['insider-technology-collection', 'remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    options,
    messages: {
      otherAccount: '{{count}} sign-ins to account {{account}}, which {{holders}} holds, the first on {{first}}',
      otherDevice: '{{count}} sign-ins or check-ins on computer {{deviceId}}, assigned to {{holder}}, the first on {{first}}',
      replay: '{{count}} {{detection}} detections on the account, the first on {{first}}{{state}}',
    },
    neutralReason: 'Sign-in activity could not be attributed to the worker alone.',
    recommendedAction:
      'Ask the account holder whether they shared access; revoke the sessions and tokens, reset the credentials, and review what the sessions touched.',
    docs: {
      description:
        'Population-level: `summarise` lists the accounts each subject holds and `combine` maps every account the ' +
        "batch's subjects hold (`accounts[]`, leaving out shared and service accounts) and every computer assigned to " +
        'a subject (`reference.organisation.devices[]`, leaving out pool and lab machines) to its holder, in one pass. ' +
        "Fires when the subject's successful sign-ins use an account held only by others (interactive at " +
        "`otherAccountStrength`, token refreshes weaker), when the subject's sign-ins, check-ins or remote-access " +
        'sessions name a computer assigned to another person (not for `deviceExemptRoles`), and on identity-provider ' +
        'detections of token or session-cookie replay (`events[type=identity-risk]`, unless reviewed as safe or ' +
        'dismissed). Keylogger and credential-stealer detections are read by `insider/intrusion-activity` (security ' +
        'categories credential-harvest and cookie-theft). For corroboration, account and token findings are ' +
        "`privilege-code` evidence and sign-ins on another person's computer `device-insider` evidence. MITRE ATT&CK " +
        'T1078 and T1550.004; CERT Common Sense Guide.',
      requires: [
        'accounts[].accountId',
        'reference.organisation.devices[].subjectId',
        'events[type=session].accountId',
        'events[type=session].deviceId',
        'events[type=device-checkin].deviceId',
        'events[type=identity-risk].detection',
      ],
      threatHypothesis:
        "The subject acts under another person's identity (their account, their computer or their stolen session) to reach what " +
        'their own access does not.',
      sources: cite('ATT-T1078', 'ATT-T1550', 'CERT-CSG', 'PSA-2025-01'),
      falsePositives: [
        'Delegated mailbox or calendar access recorded as a sign-in to the other account.',
        "A help-desk or desktop engineer signing in to a user's computer (add the role to `deviceExemptRoles`).",
        'A computer re-assigned before the asset record was updated.',
        'Token-replay detections on a flaky mobile network, reviewed later as benign (mark them confirmed-safe or dismissed).',
      ],
    },
  },
  summarise: heldAccounts,
  combine: (summaries, { reference }) => ownershipOf(summaries, reference),
  evaluate(view, { options, prepared, notEvaluated }) {
    const me = view.subject.id;
    const sessions = view.eventsOf('session');
    const risks = view.eventsOf('identity-risk');
    const hasOwnership = prepared.accounts.size > 0 || prepared.devices.size > 0;
    if (risks.length === 0 && (!hasOwnership || (sessions.length === 0 && view.eventsOf('device-checkin').length === 0))) {
      return notEvaluated('no account holders or device assignments to compare with, and no identity-risk detections', [
        'accounts[].accountId',
        'reference.organisation.devices[].subjectId',
        'events[type=identity-risk]',
      ]);
    }
    const deviceExempt = view.subject.role !== undefined && options.deviceExemptRoles.includes(view.subject.role);
    const accountHits = new Map<string, { holders: readonly string[]; count: number; interactive: boolean; first: string; evidence: Evidence[] }>();
    const deviceHits = new Map<string, { holder: string; count: number; first: string; evidence: Evidence[] }>();
    const replayHits = new Map<string, { count: number; first: string; confirmed: boolean; evidence: Evidence[] }>();
    const wantedReplay = new Set<string>(options.replayDetections);
    // Consecutive events mostly repeat the previous account and computer: the last normalised id
    // of each is remembered; with nobody to compare with, ids are not normalised at all.
    const checkAccounts = prepared.accounts.size > 0;
    const checkDevices = !deviceExempt && prepared.devices.size > 0;
    let lastAccount: string | undefined;
    let lastAccountKey: string | undefined;
    let lastDevice: string | undefined;
    let lastDeviceKey: string | undefined;
    // One sweep in time order, so "first" is deterministic.
    const events = view.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (checkAccounts && e.type === 'session' && e.result !== 'failure' && e.accountId !== undefined) {
        if (e.accountId !== lastAccount) {
          lastAccount = e.accountId;
          lastAccountKey = normalizeIdentifier(e.accountId);
        }
        const key = lastAccountKey;
        const holders = key === undefined ? undefined : prepared.accounts.get(key);
        if (key !== undefined && holders !== undefined && !holders.includes(me)) {
          const hit = accountHits.get(key) ?? { holders, count: 0, interactive: false, first: e.at, evidence: [] };
          hit.count++;
          if (e.signInKind === undefined || e.signInKind === 'interactive') hit.interactive = true;
          if (hit.evidence.length < 10)
            hit.evidence.push({ recordId: e.id, at: e.at, field: 'accountId', value: e.accountId, note: e.signInKind ?? 'interactive' });
          accountHits.set(key, hit);
        }
      }
      if (checkDevices && (e.type === 'session' || e.type === 'device-checkin' || e.type === 'remote-access-session') && e.deviceId !== undefined) {
        if (e.type === 'session' && e.result === 'failure') continue;
        if (e.deviceId !== lastDevice) {
          lastDevice = e.deviceId;
          lastDeviceKey = normalizeIdentifier(e.deviceId);
        }
        const key = lastDeviceKey;
        const holder = key === undefined ? undefined : prepared.devices.get(key);
        if (key !== undefined && holder !== undefined && holder !== me) {
          const hit = deviceHits.get(key) ?? { holder, count: 0, first: e.at, evidence: [] };
          hit.count++;
          if (hit.evidence.length < 10) hit.evidence.push({ recordId: e.id, at: e.at, field: 'deviceId', value: e.deviceId, note: e.type });
          deviceHits.set(key, hit);
        }
      }
      if (e.type === 'identity-risk' && wantedReplay.has(e.detection) && e.state !== 'confirmed-safe' && e.state !== 'dismissed') {
        const hit = replayHits.get(e.detection) ?? { count: 0, first: e.at, confirmed: false, evidence: [] };
        hit.count++;
        if (e.state === 'confirmed-compromised') hit.confirmed = true;
        if (hit.evidence.length < 10)
          hit.evidence.push({ recordId: e.id, at: e.at, field: 'detection', value: e.detection, note: e.vendorDetection ?? e.riskLevel ?? '' });
        replayHits.set(e.detection, hit);
      }
    }
    const findings: FindingDraft<MessageId>[] = [];
    const byKey = <T>(m: Map<string, T>): [string, T][] => [...m].sort((a, b) => compareText(a[0], b[0]));
    for (const [account, h] of byKey(accountHits)) {
      const strength = h.interactive ? options.otherAccountStrength : options.otherAccountSilentStrength;
      if (strength <= 0) continue;
      findings.push({
        messageId: 'otherAccount',
        strength,
        data: { count: h.count, account, holders: [...h.holders].sort().join(', '), first: utcDate(h.first) },
        evidence: h.evidence,
      });
    }
    for (const [deviceId, h] of byKey(deviceHits)) {
      if (options.otherDeviceStrength <= 0) continue;
      // Using another person's computer is device evidence; the account and token findings are privilege evidence.
      findings.push({
        messageId: 'otherDevice',
        strength: options.otherDeviceStrength,
        data: { count: h.count, deviceId, holder: h.holder, first: utcDate(h.first) },
        family: 'device-insider',
        evidence: h.evidence,
      });
    }
    for (const [detection, h] of byKey(replayHits)) {
      findings.push({
        messageId: 'replay',
        strength: h.confirmed ? 1 : detection === 'anomalous-token' ? 0.6 : 0.85,
        data: { count: h.count, detection, first: utcDate(h.first), state: h.confirmed ? '; the provider confirmed the account compromised' : '' },
        evidence: h.evidence,
      });
    }
    return findings;
  },
});
