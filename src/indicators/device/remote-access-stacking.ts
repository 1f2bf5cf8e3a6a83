import { z } from 'zod';
import {
  cite,
  compareText,
  DAY_MS,
  exceptionsActiveAt,
  hasSoftwareData,
  matchViewSoftware,
  matchRemoteAccessTool,
  matchTunnelTool,
  type RemoteAccessTool,
  softwareFields,
  softwareSightings,
  type TunnelTool,
  utcDate,
} from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import type { ActivityEvent } from '../../records/events';

const options = z.object({
  windowDays: z
    .number()
    .positive()
    .default(28)
    .describe(
      'Days from when the device was issued (reference.organisation.devices[].issuedAt) or first seen: tools that first appear ' +
        'on it within this window count.',
    ),
  minTools: z.number().int().min(2).default(2).describe('Distinct remote-access or tunnel tools on one device within the window before it fires.'),
  includeTunnels: z.boolean().default(true).describe('Count tunnel and mesh-VPN tools (ngrok, Tailscale...) with the remote-desktop tools.'),
  allowList: z
    .array(z.string().min(1))
    .default([])
    .describe('Tools the organisation sanctions, by id or name; with `reference.organisation.approvedRemoteAccessTools` they are not counted.'),
});

/** A device's start and the tools first seen on it, in order. */
interface DeviceTools {
  start: number | undefined;
  startSource: 'issued' | 'first seen';
  readonly tools: Map<string, { name: string; firstAt: string; evidence: Evidence }>;
}

/** The tool a software name counts as: a remote-access tool that is not a commonly sanctioned built-in, else (with tunnels) a tunnel tool. */
function stackedToolOf(name: string, includeTunnels: boolean): RemoteAccessTool | TunnelTool | undefined {
  const remote = matchRemoteAccessTool(name);
  return remote !== undefined ? (remote.commonlySanctioned === true ? undefined : remote) : includeTunnels ? matchTunnelTool(name) : undefined;
}

/**
 * `device/remote-access-stacking`: several different remote-access or tunnel tools land on one
 * device within its first weeks. One support tool is ordinary; a fresh laptop that gets AnyDesk,
 * RustDesk and Chrome Remote Desktop in its first month is being set up to be driven from
 * elsewhere, with a fallback when one tool is blocked.
 */
export const remoteAccessStacking = defineIndicator({
  meta: {
    id: 'device/remote-access-stacking',
    title: 'Several remote-access tools on one new device',
    category: 'device',
    version: '1.1.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'remote-control',
    options,
    messages: {
      stacked: '{{count}} remote-access tools on device {{deviceId}} within {{days}} days of it being {{startSource}} on {{start}}: {{tools}}',
    },
    neutralReason: 'Software on the company device did not match the approved configuration.',
    recommendedAction:
      "Have IT inventory the device and remove the tools; ask who installed each one and verify the device's location in person or on a live video call.",
    docs: {
      description:
        'For each device, takes its start (issue date in `reference.organisation.devices[].issuedAt`, else the first event that ' +
        'names it) and counts the distinct remote-access tools (the shipped remote-access table, without commonly sanctioned OS ' +
        'built-ins) and, with `includeTunnels`, tunnel tools first seen on it within `windowDays`, leaving out approved tools ' +
        '(`allowList`, `reference.organisation.approvedRemoteAccessTools`) and tools covered by a documented exception. Fires ' +
        'when at least `minTools` appear; strength grows with the count. Software records are the ones ' +
        "`device/remote-access-software` reads, in one sweep of the subject's events. The laptop-farm cases describe " +
        'facilitators installing several remote-access programs on each laptop on arrival (DOJ-KNOOT, DOJ-CHAPMAN); LOLRMM ' +
        'catalogues the tools.',
      requires: [...softwareFields, 'reference.organisation.devices[].issuedAt', 'reference.organisation.approvedRemoteAccessTools'],
      threatHypothesis: 'A facilitator prepares each new laptop for remote control, with several tools so that one blocked tool does not cut access.',
      sources: cite('DOJ-KNOOT', 'DOJ-KNOOT-OPA', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'PSA-2024', 'LOLRMM', 'ATT-T1219'),
      falsePositives: [
        'A re-imaged device whose image carries several support tools the organisation has not listed as approved.',
        'IT staff testing remote-support tools on a new machine.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    if (!hasSoftwareData(view)) return notEvaluated('no software inventory or software detections', softwareFields.slice(0, 3));
    const allowed = new Set<string>();
    for (const a of [...options.allowList, ...(reference.organisation?.approvedRemoteAccessTools ?? [])]) {
      allowed.add(a.toLowerCase());
      const t = matchRemoteAccessTool(a) ?? matchTunnelTool(a);
      if (t !== undefined) allowed.add(t.id);
    }
    const issued = new Map<string, number>();
    for (const d of reference.organisation?.devices ?? []) {
      if (d.deviceId !== undefined && d.issuedAt !== undefined && (d.subjectId === undefined || d.subjectId === view.subject.id))
        issued.set(d.deviceId, Date.parse(d.issuedAt));
    }
    const devices = new Map<string, DeviceTools>();
    const deviceOf = (id: string, at: number): DeviceTools => {
      let d = devices.get(id);
      if (d === undefined) {
        const issuedAt = issued.get(id);
        d = issuedAt !== undefined ? { start: issuedAt, startSource: 'issued', tools: new Map() } : { start: at, startSource: 'first seen', tools: new Map() };
        devices.set(id, d);
      }
      return d;
    };
    // The device's start is its first event of any kind: device codes are numbered by first
    // appearance, so the event where the next code shows up is that device's first.
    const times = view.eventTimes();
    const deviceIds = view.interned('deviceId');
    for (let i = 0, next = 0; i < deviceIds.codes.length; i++) {
      if (deviceIds.codes[i] === next) deviceOf(deviceIds.values[next++] as string, times[i] as number);
    }
    const windowMs = options.windowDays * DAY_MS;
    // The shared sighting columns: each distinct name is matched once.
    const sightings = softwareSightings(view);
    const toolOfName = matchViewSoftware(sightings, undefined, (name) => stackedToolOf(name, options.includeTunnels));
    for (let i = 0; i < sightings.length; i++) {
      const tool = toolOfName[sightings.name[i] as number];
      if (tool === undefined || allowed.has(tool.id)) continue;
      const index = sightings.event[i] as number;
      const at = times[index] as number;
      if (
        exceptionsActiveAt(view.subject, 'remote-access-tool', at).some(
          (ex) => ex.scope?.software !== undefined && (matchRemoteAccessTool(ex.scope.software) ?? matchTunnelTool(ex.scope.software))?.id === tool.id,
        )
      )
        continue;
      const code = deviceIds.codes[index] as number;
      const device = deviceOf(code >= 0 ? (deviceIds.values[code] as string) : '(unknown device)', at);
      if (device.tools.has(tool.id)) continue;
      if (device.start !== undefined && (at < device.start || at > device.start + windowMs)) continue;
      const event = view.events[index] as ActivityEvent;
      const name = sightings.names[sightings.name[i] as number] as string;
      device.tools.set(tool.id, {
        name: tool.name,
        firstAt: event.at,
        evidence: { recordId: event.id, at: event.at, field: sightings.fields[sightings.field[i] as number] as string, value: name },
      });
    }
    return [...devices]
      .filter(([, d]) => d.tools.size >= options.minTools)
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([deviceId, d]) => {
        const tools = [...d.tools.values()];
        return {
          messageId: 'stacked' as const,
          strength: Math.min(1, 0.6 + 0.15 * (tools.length - options.minTools)),
          data: {
            count: tools.length,
            deviceId,
            days: options.windowDays,
            startSource: d.startSource,
            start: d.start !== undefined ? utcDate(new Date(d.start).toISOString()) : 'an unknown date',
            tools: tools.map((t) => t.name).join(', '),
          },
          evidence: tools.slice(0, 10).map((t) => t.evidence),
        };
      });
  },
});
