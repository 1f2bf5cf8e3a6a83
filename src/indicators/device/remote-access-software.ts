import { z } from 'zod';
import {
  cite,
  compareText,
  exceptionsActiveAt,
  hasSoftwareData,
  matchViewSoftware,
  matchRemoteAccessTool,
  type RemoteAccessTool,
  softwareFields,
  softwareSightings,
  utcDate,
} from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import type { ActivityEvent } from '../../records/events';

const options = z.object({
  allowList: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Remote-access tools the organisation sanctions, by tool id (e.g. `teamviewer`) or any name the shipped table ' +
        'recognises. Empty by default: only the caller knows its approved tools.',
    ),
  includeCommonlySanctioned: z
    .boolean()
    .default(false)
    .describe(
      'Also report OS built-ins flagged commonly sanctioned (Microsoft Remote Desktop client, Quick Assist, macOS Screen ' +
        'Sharing). Off: they are on nearly every corporate machine.',
    ),
  extraTools: z
    .array(z.string().min(1))
    .default([])
    .describe('Further software names to treat as remote-access tools (e.g. an in-house relay your threat intelligence reports).'),
});

/** The caller's extra tool names as table entries. */
function extraTools(names: readonly string[]): RemoteAccessTool[] {
  return names.map((name) => ({ id: name.toLowerCase(), name, aliases: [name], kind: 'remote-desktop' }));
}

/**
 * `device/remote-access-software`: remote-access or RMM software that the organisation has not
 * sanctioned runs on the managed device. The laptop-farm prosecutions all turn on it: the
 * facilitator installs AnyDesk, TeamViewer, RustDesk or Chrome Remote Desktop so the worker abroad
 * can drive the company laptop.
 */
export const remoteAccessSoftware = defineIndicator({
  meta: {
    id: 'device/remote-access-software',
    title: 'Unsanctioned remote-access software on the device',
    category: 'device',
    version: '1.3.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    correlationGroup: 'remote-control',
    options,
    messages: {
      tool: '{{tool}} ({{kind}}) seen {{count}} times on the managed device, first as "{{seenAs}}" on {{first}}; it is not on the approved list',
    },
    neutralReason: 'Software on the company device did not match the approved configuration.',
    recommendedAction:
      'Require the worker to uninstall unapproved remote-access tools and confirm on camera with the laptop in view; review ' +
      "the tool's connection logs for inbound sessions from abroad.",
    docs: {
      description:
        'Matches software names from security detections (`events[type=security].software`), sessions (`remoteAccessSoftware`), ' +
        'installed-software inventory at device check-in (`installedSoftware[].name`), software events (installed or executed) ' +
        'and remote-access sessions (`tool`) against the shipped remote-access table by normalised name (AnyDesk, TeamViewer, ' +
        'RustDesk, Chrome Remote Desktop, VNC, ScreenConnect, UltraViewer, NetSupport and the like: 161 tools with 490 aliases, ' +
        'recognising 213 of the 317 entries of the LOLRMM catalogue). Fires once per tool not on `allowList` or ' +
        '`reference.organisation.approvedRemoteAccessTools`, and not covered at that time by a documented exception ' +
        '(`exceptions[kind=remote-access-tool].scope.software`); OS built-ins flagged commonly sanctioned are ignored unless ' +
        '`includeCommonlySanctioned`. Rated strong by the sources (PSA-2024, SW, MND, the Knoot, Vong and Chapman cases).',
      requires: [
        'events[type=security].software',
        'events[type=session].remoteAccessSoftware',
        'events[type=device-checkin].installedSoftware',
        'events[type=software].name',
        'events[type=remote-access-session].tool',
        'reference.organisation.approvedRemoteAccessTools',
      ],
      threatHypothesis: 'A facilitator hosts the company laptop and the worker abroad drives it through the remote-access tool.',
      sources: cite('PSA-2024', 'SW', 'MND', 'DOJ-KNOOT', 'DOJ-KNOOT-OPA', 'DOJ-VONG', 'DOJ-CHAPMAN', 'DOJ-CHAPMAN-OPA', 'TRK', 'LOLRMM'),
      falsePositives: [
        'IT support tools the organisation uses but has not listed in `allowList`.',
        'A tool installed by a previous user of a re-imaged device.',
        'Screen-sharing for pair programming that the team approved informally.',
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    if (!hasSoftwareData(view)) {
      return notEvaluated('no software inventory or remote-access detections', softwareFields.slice(0, 3));
    }
    const extra = extraTools(options.extraTools);
    const allowed = new Set<string>();
    for (const a of [...options.allowList, ...(reference.organisation?.approvedRemoteAccessTools ?? [])]) {
      allowed.add(a.toLowerCase());
      const t = matchRemoteAccessTool(a, extra);
      if (t !== undefined) allowed.add(t.id);
    }
    // A documented exception names a tool and a window: it covers that tool only while it holds.
    const excepted = (tool: RemoteAccessTool, atMs: number): boolean =>
      exceptionsActiveAt(view.subject, 'remote-access-tool', atMs).some((x) => {
        const named = x.scope?.software;
        return named !== undefined && (named.toLowerCase() === tool.id || matchRemoteAccessTool(named, extra)?.id === tool.id);
      });
    const hits = new Map<string, { tool: RemoteAccessTool; evidence: Evidence[]; count: number; first: string; seenAs: string }>();
    // The shared sighting columns: each distinct name is matched once, times come from the view.
    const sightings = softwareSightings(view);
    const toolOfName = matchViewSoftware(sightings, undefined, (name) => matchRemoteAccessTool(name, extra));
    const times = view.eventTimes();
    // Sightings come in event order (time, then id), so "first" is deterministic.
    for (let i = 0; i < sightings.length; i++) {
      const tool = toolOfName[sightings.name[i] as number];
      if (tool === undefined || allowed.has(tool.id)) continue;
      const index = sightings.event[i] as number;
      if (excepted(tool, times[index] as number)) continue;
      if (tool.commonlySanctioned === true && !options.includeCommonlySanctioned) continue;
      const { id, at } = view.events[index] as ActivityEvent;
      const name = sightings.names[sightings.name[i] as number] as string;
      let hit = hits.get(tool.id);
      if (hit === undefined) {
        hit = { tool, evidence: [], count: 0, first: at, seenAs: name };
        hits.set(tool.id, hit);
      }
      hit.count++;
      if (hit.evidence.length < 10) hit.evidence.push({ recordId: id, at, field: sightings.fields[sightings.field[i] as number] as string, value: name });
    }
    return [...hits.values()]
      .sort((a, b) => compareText(a.tool.id, b.tool.id))
      .map((h) => ({
        messageId: 'tool' as const,
        strength: h.tool.kind === 'screen-sharing' ? 0.5 : h.tool.commonlySanctioned === true ? 0.4 : 1,
        data: { tool: h.tool.name, kind: h.tool.kind, count: h.count, first: utcDate(h.first), seenAs: h.seenAs },
        evidence: h.evidence,
      }));
  },
});
