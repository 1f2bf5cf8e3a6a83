import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import { cite, compareText, utcDate } from '../../kit';

const options = z.object({
  minSessions: z
    .number()
    .int()
    .positive()
    .default(3)
    .describe('Fewest sign-ins from unmanaged, non-compliant or virtual-desktop sessions: a one-off check of mail from a phone is nothing.'),
  minShare: z
    .number()
    .gt(0)
    .max(1)
    .default(0.1)
    .describe('Least share of sign-ins they must make up, so a mostly managed worker with a few phone logins does not fire.'),
  personalDevicesAllowed: z.boolean().default(false).describe('Set when policy allows BYOD: then only non-compliant devices count, not merely unmanaged ones.'),
});

type MessageId = 'unmanagedSessions' | 'request' | 'checkin';

/**
 * `device/unmanaged-device`: sign-ins from unmanaged or non-compliant devices or virtual
 * desktops, and requests to work from a personal device or virtual desktop instead of the
 * managed laptop (SW, GTIG, LB: the worker wants to avoid the device the company controls).
 */
export const unmanagedDevice = defineIndicator({
  meta: {
    id: 'device/unmanaged-device',
    title: 'Work from unmanaged devices or virtual desktops',
    category: 'device',
    version: '1.0.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1,
    correlationGroup: 'device-integrity',
    options,
    messages: {
      unmanagedSessions: '{{count}} of {{total}} sign-ins ({{share}}%) came from {{what}} (distinct devices: {{devices}})',
      request: 'Asked on {{date}} to work from {{kind}}{{reason}}',
      checkin: 'Device {{deviceId}} checked in as {{state}} {{count}} times',
    },
    neutralReason: "Work was done from devices outside the organisation's management.",
    recommendedAction:
      'On a live video call, ask the worker to show the managed laptop (serial label in view) and the device they signed in ' +
      "from; compare the unmanaged sign-ins' IPs with the managed laptop's check-ins, then require the managed laptop by " +
      'policy.',
    docs: {
      description:
        'Fires when at least `minSessions` and `minShare` of successful sign-ins come from unmanaged (`deviceManaged: false`) or ' +
        'non-compliant devices or from virtual desktops; when a device checks in as unmanaged or non-compliant; and on each ' +
        'unapproved request to work from a personal device or virtual desktop (`workArrangementRequests[]`). SW, GTIG and LB ' +
        'describe hires who avoid the managed laptop; PSA-2025-01 describes session cookies stolen to work from non-company ' +
        'devices.',
      requires: [
        'events[type=session].deviceManaged',
        'events[type=session].deviceCompliant',
        'events[type=session].virtualDesktop',
        'events[type=device-checkin].managed',
        'workArrangementRequests[]',
      ],
      threatHypothesis: 'The worker avoids the managed laptop (which sits at a farm or is driven remotely) and works from their own machine abroad.',
      sources: cite('SW', 'GTIG', 'LB', 'PSA-2025-01'),
      falsePositives: [
        'Organisations whose policy allows BYOD (set `personalDevicesAllowed`).',
        'A managed device whose compliance state lagged after an OS update.',
        'Accessibility needs that a personal device meets better (check for an approved request).',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const sessions = view.eventsOf('session').filter((s) => s.result !== 'failure');
    const withState = sessions.filter((s) => s.deviceManaged !== undefined || s.deviceCompliant !== undefined || s.virtualDesktop !== undefined);
    const checkins = view.eventsOf('device-checkin').filter((c) => c.managed !== undefined || c.compliant !== undefined);
    const requests = view.subject.workArrangementRequests ?? [];
    if (withState.length === 0 && checkins.length === 0 && requests.length === 0) {
      return notEvaluated('no device state on sign-ins or check-ins and no work-arrangement requests', [
        'events[type=session].deviceManaged',
        'events[type=device-checkin].managed',
        'workArrangementRequests[]',
      ]);
    }
    const findings: FindingDraft<MessageId>[] = [];
    const bad = withState.filter(
      (s) => (s.deviceManaged === false && !options.personalDevicesAllowed) || s.deviceCompliant === false || s.virtualDesktop === true,
    );
    const share = withState.length === 0 ? 0 : bad.length / withState.length;
    if (bad.length >= options.minSessions && share >= options.minShare) {
      const what = new Set<string>();
      for (const s of bad) {
        if (s.virtualDesktop === true) what.add('virtual desktops');
        // Under a BYOD policy an unmanaged device is allowed, so it is not named as the reason.
        if (s.deviceManaged === false && !options.personalDevicesAllowed) what.add('unmanaged devices');
        if (s.deviceCompliant === false) what.add('non-compliant devices');
      }
      const devices = new Set(bad.map((s) => s.deviceId ?? s.userAgent ?? s.id));
      findings.push({
        messageId: 'unmanagedSessions',
        strength: Math.min(1, 0.4 + share),
        data: { count: bad.length, total: withState.length, share: Math.round(share * 100), what: [...what].sort().join(' and '), devices: devices.size },
        evidence: bad.slice(0, 10).map((s) => ({
          recordId: s.id,
          at: s.at,
          field:
            s.virtualDesktop === true ? 'virtualDesktop' : s.deviceManaged === false && !options.personalDevicesAllowed ? 'deviceManaged' : 'deviceCompliant',
          value: s.deviceId ?? null,
        })),
      });
    }
    const perDevice = new Map<string, Evidence[]>();
    for (const c of checkins) {
      const unmanaged = c.managed === false && !options.personalDevicesAllowed;
      if (!unmanaged && c.compliant !== false) continue;
      const list = perDevice.get(c.deviceId) ?? [];
      list.push({ recordId: c.id, at: c.at, field: unmanaged ? 'managed' : 'compliant', value: false });
      perDevice.set(c.deviceId, list);
    }
    for (const [deviceId, ev] of [...perDevice].sort((a, b) => compareText(a[0], b[0]))) {
      findings.push({
        messageId: 'checkin',
        strength: Math.min(0.8, 0.3 + 0.1 * ev.length),
        data: { deviceId, state: ev.some((e) => e.field === 'managed') ? 'unmanaged' : 'non-compliant', count: ev.length },
        evidence: ev.slice(0, 10),
      });
    }
    for (const r of [...requests].sort((a, b) => (a.at !== b.at ? compareText(a.at, b.at) : compareText(a.id, b.id)))) {
      if (r.approved === true || r.kind === 'other') continue;
      findings.push({
        messageId: 'request',
        strength: 0.6,
        data: {
          date: utcDate(r.at),
          kind: r.kind === 'personal-device' ? 'a personal device' : 'a virtual desktop',
          reason: r.reason !== undefined ? ` ("${r.reason}")` : '',
        },
        evidence: [{ recordId: r.id, at: r.at, field: 'kind', value: r.kind }],
      });
    }
    return findings;
  },
});
