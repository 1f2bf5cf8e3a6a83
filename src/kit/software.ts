import { createInterner } from '../engine/intern';
import type { ActivityEvent } from '../records/events';
import type { Population, SubjectView } from '../contract/types';

/**
 * Every software name seen on a subject's computers, as columns: sighting `i` is the name
 * `names[name[i]]`, read from field `fields[field[i]]` of `view.events[event[i]]` (its time is
 * `view.eventTimes()[event[i]]`, its device `view.interned('deviceId')` at the same index).
 * Names and fields are interned, so an indicator matches each distinct name once, not each
 * sighting.
 */
export interface SoftwareSightings {
  /** Number of sightings. */
  readonly length: number;
  /** Index in `view.events` of the event that shows the sighting. */
  readonly event: Int32Array;
  /** Code of the sighting's name in `names`. */
  readonly name: Int32Array;
  /** The distinct names, as the sources gave them (display name, process name, tool), in order of first sighting. */
  readonly names: readonly string[];
  /** Code of the field the name came from in `fields`, for the evidence. */
  readonly field: Int32Array;
  /** The distinct fields. */
  readonly fields: readonly string[];
}

/**
 * The subject's software sightings, in event order (time, then id): security detections
 * (`software`), remote-access software running during sessions, installed-software inventory at
 * check-in (names sorted: inventory lists carry no order, so the field names the list, not a
 * position), software installed or executed (not removed), and the tool of remote-access
 * sessions. The one place that knows where software names live in the model. Built in one sweep
 * per view and shared (`view.memo`) by the indicators that read software.
 */
export function softwareSightings(view: SubjectView): SoftwareSightings {
  return view.memo('device/software-sightings', () => sweepSoftware(view.events));
}

function sweepSoftware(events: readonly ActivityEvent[]): SoftwareSightings {
  const event: number[] = [];
  const name: number[] = [];
  const field: number[] = [];
  const names = createInterner();
  const fields = createInterner();
  const add = (index: number, value: string, from: string): void => {
    event.push(index);
    name.push(names.code(value));
    field.push(fields.code(from));
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ActivityEvent;
    if (e.type === 'security' && e.software !== undefined) add(i, e.software, 'software');
    else if (e.type === 'session') {
      const running = e.remoteAccessSoftware;
      if (running !== undefined) for (let k = 0; k < running.length; k++) add(i, running[k] as string, `remoteAccessSoftware[${k}]`);
    } else if (e.type === 'device-checkin') for (const n of (e.installedSoftware ?? []).map((p) => p.name).sort()) add(i, n, 'installedSoftware');
    else if (e.type === 'software' && e.action !== 'removed') add(i, e.name, 'name');
    else if (e.type === 'remote-access-session' && e.tool !== undefined) add(i, e.tool, 'tool');
  }
  return Object.freeze({
    length: event.length,
    event: new Int32Array(event),
    name: new Int32Array(name),
    names: Object.freeze(names.values),
    field: new Int32Array(field),
    fields: Object.freeze(fields.values),
  });
}

/**
 * Each distinct software name of a population matched once with `match` (in `prepare`): a
 * population has few distinct names, repeated at every check-in of every subject. Builds the
 * subjects' sighting tables, which their `evaluate` calls then reuse.
 */
export function matchPopulationSoftware<T>(population: Population, match: (name: string) => T): ReadonlyMap<string, T> {
  const names = population.memo('device/software-names', () => {
    const distinct = createInterner();
    const subjects = population.subjects;
    for (let i = 0; i < subjects.length; i++) {
      const view = population.view(subjects[i]!.id);
      if (view === undefined) continue;
      const seen = softwareSightings(view).names;
      for (let k = 0; k < seen.length; k++) distinct.code(seen[k]!);
    }
    return distinct.values;
  });
  const out = new Map<string, T>();
  for (const name of names) out.set(name, match(name));
  return out;
}

/** The match of each of a view's distinct names: from the population's table, or on the spot for a name it lacks. */
export function matchViewSoftware<T>(sightings: SoftwareSightings, matched: ReadonlyMap<string, T> | undefined, match: (name: string) => T): T[] {
  return sightings.names.map((name) => (matched !== undefined && matched.has(name) ? (matched.get(name) as T) : match(name)));
}

/** True when the subject has any record software names could come from. Answered once per view and shared (`view.memo`). */
export function hasSoftwareData(view: SubjectView): boolean {
  return view.memo(
    'device/has-software-data',
    () =>
      view.eventsOf('software').length > 0 ||
      view.eventsOf('remote-access-session').length > 0 ||
      view.eventsOf('security').some((e) => e.software !== undefined) ||
      view.eventsOf('device-checkin').some((c) => c.installedSoftware !== undefined) ||
      view.eventsOf('session').some((s) => s.remoteAccessSoftware !== undefined),
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
