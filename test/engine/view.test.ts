import { buildView } from '../../src/engine/view';
import type { ActivityEvent } from '../../src/index';

const ev = (id: string, at: string, type: ActivityEvent['type'] = 'session') => ({ id, subjectId: 's', type, at }) as ActivityEvent;
const ids = (events: readonly ActivityEvent[]) => events.map((e) => e.id);
const asOfMs = Date.parse('2025-06-01T00:00:00Z');

describe('buildView', () => {
  it('keeps input that is already in order, sorts input that is not, and breaks time ties by id', () => {
    const inOrder = [ev('a', '2025-01-01T00:00:00Z'), ev('b', '2025-01-01T00:00:00Z'), ev('c', '2025-01-02T00:00:00Z')];
    expect(ids(buildView({ id: 's' }, inOrder, asOfMs).view.events)).toEqual(['a', 'b', 'c']);
    // Same time, ids out of order: the in-order check must not accept it.
    const tie = [ev('b', '2025-01-01T00:00:00Z'), ev('a', '2025-01-01T00:00:00Z'), ev('c', '2025-01-02T00:00:00Z')];
    expect(ids(buildView({ id: 's' }, tie, asOfMs).view.events)).toEqual(['a', 'b', 'c']);
    // Offsets compare by instant, not by text.
    const offsets = [ev('x', '2025-01-01T01:00:00+02:00'), ev('y', '2025-01-01T00:00:00Z')];
    expect(ids(buildView({ id: 's' }, offsets, asOfMs).view.events)).toEqual(['x', 'y']);
  });

  it('leaves out and counts events after asOf, wherever they are, and buckets by type', () => {
    const events = [ev('late', '2025-07-01T00:00:00Z'), ev('w', '2025-01-03T00:00:00Z', 'worklog'), ev('s', '2025-01-02T00:00:00Z')];
    const { view, eventsAfterAsOf } = buildView({ id: 's' }, events, asOfMs);
    expect(eventsAfterAsOf).toBe(1);
    expect(ids(view.events)).toEqual(['s', 'w']);
    expect(ids(view.eventsOf('worklog'))).toEqual(['w']);
    expect(view.eventsOf('payment')).toEqual([]);
  });
});
