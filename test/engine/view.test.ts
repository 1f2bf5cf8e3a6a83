import { buildSortedView, buildView } from '../../src/engine/view';
import type { ActivityEvent } from '../../src/index';

const ev = (id: string, at: string, type: ActivityEvent['type'] = 'session') => ({ id, subjectId: 's', type, at }) as ActivityEvent;
const ids = (events: readonly ActivityEvent[]) => events.map((e) => e.id);
const asOfMs = Date.parse('2025-06-01T00:00:00Z');
/** Builds a view as the engine does, with each event's time parsed once beforehand. */
const viewOf = (events: readonly ActivityEvent[]) =>
  buildView(
    { id: 's' },
    events,
    events.map((e) => Date.parse(e.at)),
    asOfMs,
  );

describe('buildView', () => {
  it('keeps input that is already in order, sorts input that is not, and breaks time ties by id', () => {
    const inOrder = [ev('a', '2025-01-01T00:00:00Z'), ev('b', '2025-01-01T00:00:00Z'), ev('c', '2025-01-02T00:00:00Z')];
    expect(ids(viewOf(inOrder).view.events)).toEqual(['a', 'b', 'c']);
    // Same time, ids out of order: the in-order check must not accept it.
    const tie = [ev('b', '2025-01-01T00:00:00Z'), ev('a', '2025-01-01T00:00:00Z'), ev('c', '2025-01-02T00:00:00Z')];
    expect(ids(viewOf(tie).view.events)).toEqual(['a', 'b', 'c']);
    // Offsets compare by instant, not by text.
    const offsets = [ev('x', '2025-01-01T01:00:00+02:00'), ev('y', '2025-01-01T00:00:00Z')];
    expect(ids(viewOf(offsets).view.events)).toEqual(['x', 'y']);
  });

  it('leaves out and counts events after asOf, wherever they are, and buckets by type', () => {
    const events = [ev('late', '2025-07-01T00:00:00Z'), ev('w', '2025-01-03T00:00:00Z', 'worklog'), ev('s', '2025-01-02T00:00:00Z')];
    const { view, eventsAfterAsOf } = viewOf(events);
    expect(eventsAfterAsOf).toBe(1);
    expect(ids(view.events)).toEqual(['s', 'w']);
    expect(ids(view.eventsOf('worklog'))).toEqual(['w']);
    expect(view.eventsOf('payment')).toEqual([]);
  });

  it('gives each event the time parsed before the view was built, and parses an event from elsewhere', () => {
    const events = [ev('b', '2025-01-02T00:00:00+01:00'), ev('a', '2025-01-01T00:00:00Z')];
    // Times that differ from the text: the view must use what it was handed, not parse again.
    const { view } = buildView({ id: 's' }, events, [111, 42], asOfMs);
    expect(ids(view.events)).toEqual(['a', 'b']);
    expect(view.timeOf(events[0] as ActivityEvent)).toBe(111);
    expect(view.timeOf(events[1] as ActivityEvent)).toBe(42);
    expect(view.timeOf(ev('z', '2025-01-03T00:00:00Z'))).toBe(Date.parse('2025-01-03T00:00:00Z'));
  });
});

describe('view columns', () => {
  const events = [
    { id: 'c', subjectId: 's', type: 'session', at: '2025-01-03T00:00:00Z', deviceId: 'laptop-2', ip: '192.0.2.1' },
    { id: 'a', subjectId: 's', type: 'session', at: '2025-01-01T00:00:00Z', deviceId: 'laptop-1' },
    { id: 'b', subjectId: 's', type: 'software', at: '2025-01-02T00:00:00Z', deviceId: 'laptop-1', name: 'AnyDesk', action: 'installed' },
    { id: 'd', subjectId: 's', type: 'worklog', at: '2025-01-04T00:00:00Z', hours: 8 },
  ] as unknown as ActivityEvent[];

  it('gives times aligned with events and with eventsOf(type), from the times handed in', () => {
    // Times that differ from the text: the columns must use what the view was handed, not parse.
    const { view } = buildView({ id: 's' }, events, [30, 10, 20, 40], asOfMs);
    expect(Array.from(view.eventTimes())).toEqual([10, 20, 30, 40]);
    expect(Array.from(view.eventTimes('session'))).toEqual([10, 30]);
    expect(Array.from(view.eventTimes('software'))).toEqual([20]);
    expect(Array.from(view.eventTimes('payment'))).toEqual([]);
    // Built once: every call hands out the same column.
    expect(view.eventTimes('session')).toBe(view.eventTimes('session'));
  });

  it('interns a string field in order of first appearance, -1 where the event has none', () => {
    const { view } = viewOf(events);
    const devices = view.interned('deviceId');
    expect(devices.values).toEqual(['laptop-1', 'laptop-2']);
    expect(Array.from(devices.codes)).toEqual([0, 0, 1, -1]);
    expect(view.interned('deviceId')).toBe(devices);
    const sessionIps = view.interned('ip', 'session');
    expect(sessionIps.values).toEqual(['192.0.2.1']);
    expect(Array.from(sessionIps.codes)).toEqual([-1, 0]);
    // Not a string, or only on the prototype: no value.
    expect(Array.from(view.interned('hours').codes)).toEqual([-1, -1, -1, -1]);
    expect(view.interned('constructor').values).toEqual([]);
    expect(Object.isFrozen(devices.values)).toBe(true);
  });

  it('builds a memo once per view and key', () => {
    const { view } = viewOf(events);
    let builds = 0;
    const build = () => ({ n: ++builds });
    expect(view.memo('test/a', build)).toBe(view.memo('test/a', build));
    expect(view.memo('test/b', build).n).toBe(2);
    expect(builds).toBe(2);
    // Another view has its own memo.
    expect(viewOf(events).view.memo('test/a', build).n).toBe(3);
  });
});

describe("buildSortedView: the engine's view of a subject's events held in order once per batch", () => {
  const sorted = Object.freeze([ev('a', '2025-01-01T00:00:00Z'), ev('b', '2025-03-01T00:00:00Z'), ev('c', '2025-07-01T00:00:00Z', 'worklog')]);
  const times = Float64Array.from(sorted, (e) => Date.parse(e.at));

  it('takes the events themselves when nothing is cut, and hands out its own copy of the times', () => {
    const { view, eventsAfterAsOf } = buildSortedView({ id: 's' }, sorted, times, Date.parse('2025-12-31T00:00:00Z'));
    expect(eventsAfterAsOf).toBe(0);
    expect(view.events).toBe(sorted);
    const column = view.eventTimes() as Float64Array;
    expect(Array.from(column)).toEqual(Array.from(times));
    expect(view.eventTimes()).toBe(column);
    // Typed arrays cannot be frozen: an indicator that writes into its column must not reach the
    // batch's column, which other subjects' views and later instants read.
    expect(column.buffer).not.toBe(times.buffer);
    column[0] = 0;
    expect(times[0]).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(buildSortedView({ id: 's' }, sorted, times, Date.parse('2025-12-31T00:00:00Z')).view.eventTimes()[0]).toBe(times[0]);
  });

  it('cuts the later events off the end, as buildView does from any order, and leaves the batch arrays whole', () => {
    const { view, eventsAfterAsOf } = buildSortedView({ id: 's' }, sorted, times, asOfMs);
    expect(eventsAfterAsOf).toBe(1);
    expect(ids(view.events)).toEqual(ids(viewOf([...sorted].reverse()).view.events));
    expect(Object.isFrozen(view.events)).toBe(true);
    expect(Array.from(view.eventTimes())).toEqual(Array.from(times.subarray(0, 2)));
    expect(view.eventsOf('worklog')).toEqual([]);
    expect(sorted.length).toBe(3);
    expect(times.length).toBe(3);
  });
});
