import { buildView } from '../../src/engine/view';
import type { ActivityEvent } from '../../src/index';

const ev = (id: string, at: string, type: ActivityEvent['type'] = 'session') => ({ id, subjectId: 's', type, at }) as ActivityEvent;
const ids = (events: readonly ActivityEvent[]) => events.map((e) => e.id);
const asOfMs = Date.parse('2025-06-01T00:00:00Z');
/** Builds a view as the engine does, with each event's time parsed once beforehand. */
const viewOf = (events: readonly ActivityEvent[]) => buildView({ id: 's' }, events, events.map((e) => Date.parse(e.at)), asOfMs);

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
