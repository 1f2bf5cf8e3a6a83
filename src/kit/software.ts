import type { SubjectView } from '../contract/types';

/** One software name seen on a subject's computer, and the record that shows it. */
export interface SoftwareSighting {
  /** The name as the source gave it (display name, process name, tool). */
  readonly name: string;
  /** The event that shows it. */
  readonly id: string;
  /** When. */
  readonly at: string;
  /** Field of the event the name came from, for the evidence. */
  readonly field: string;
  /** The computer it was seen on, when the event names it. */
  readonly deviceId: string | undefined;
}

/**
 * Every software name seen on the subject's computers, in event order (time, then id): security
 * detections (`software`), remote-access software running during sessions, installed-software
 * inventory at check-in (names sorted: inventory lists carry no order, so the field names the
 * list, not a position), software installed or executed (not removed), and the tool of
 * remote-access sessions. The one place that knows where software names live in the model.
 */
export function softwareSightings(view: SubjectView): SoftwareSighting[] {
  const out: SoftwareSighting[] = [];
  for (const e of view.events) {
    if (e.type === 'security' && e.software !== undefined) out.push({ name: e.software, id: e.id, at: e.at, field: 'software', deviceId: e.deviceId });
    else if (e.type === 'session') (e.remoteAccessSoftware ?? []).forEach((name, i) => out.push({ name, id: e.id, at: e.at, field: `remoteAccessSoftware[${i}]`, deviceId: e.deviceId }));
    else if (e.type === 'device-checkin') for (const name of (e.installedSoftware ?? []).map((p) => p.name).sort()) out.push({ name, id: e.id, at: e.at, field: 'installedSoftware', deviceId: e.deviceId });
    else if (e.type === 'software' && e.action !== 'removed') out.push({ name: e.name, id: e.id, at: e.at, field: 'name', deviceId: e.deviceId });
    else if (e.type === 'remote-access-session' && e.tool !== undefined) out.push({ name: e.tool, id: e.id, at: e.at, field: 'tool', deviceId: e.deviceId });
  }
  return out;
}

/** True when the subject has any record software names could come from. */
export function hasSoftwareData(view: SubjectView): boolean {
  return (
    view.eventsOf('security').some((e) => e.software !== undefined) ||
    view.eventsOf('session').some((s) => s.remoteAccessSoftware !== undefined) ||
    view.eventsOf('device-checkin').some((c) => c.installedSoftware !== undefined) ||
    view.eventsOf('software').length > 0 ||
    view.eventsOf('remote-access-session').length > 0
  );
}

/** Fields software names are read from, for `requires` and not-evaluated outcomes. */
export const softwareFields: readonly string[] = [
  'events[type=security].software',
  'events[type=session].remoteAccessSoftware',
  'events[type=device-checkin].installedSoftware',
  'events[type=software].name',
  'events[type=remote-access-session].tool',
];
