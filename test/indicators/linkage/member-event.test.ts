import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/engine/view';
import type { ActivityEvent, SubjectView } from '../../../src/index';
import { memberEvent } from '../../../src/indicators/linkage/approvals';

const asOfMs = Date.parse('2026-01-01T00:00:00Z');
const base = Date.parse('2025-03-01T00:00:00Z');

function viewOf(events: readonly ActivityEvent[]): SubjectView {
  return buildView(
    { id: 's' },
    events,
    events.map((e) => Date.parse(e.at)),
    asOfMs,
  ).view;
}

/** A view whose `events` counts the elements read. */
function counted(view: SubjectView): { view: SubjectView; reads: () => number } {
  let reads = 0;
  const events = new Proxy(view.events, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const wrapped = Object.create(view, { events: { value: events } }) as SubjectView;
  return { view: wrapped, reads: () => reads };
}

// Events at a few instants (many ties), each member written as the key table writes it, in
// another form of the same instant, without a time, with a time of no event, or naming no event.
const scenario = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }).chain((slots) =>
  fc.record({
    events: fc.constant(
      slots.map(
        (slot, i) => ({ id: `e${(i * 7919) % 101}-${i}`, subjectId: 's', type: 'session', at: new Date(base + slot * 60_000).toISOString() }) as ActivityEvent,
      ),
    ),
    asks: fc.array(fc.tuple(fc.integer({ min: -1, max: slots.length - 1 }), fc.constantFrom('same', 'offset', 'none', 'other')), { maxLength: 20 }),
  }),
);

describe('memberEvent', () => {
  it('finds the event a Map of the view by id finds, however the member writes its time', () => {
    fc.assert(
      fc.property(scenario, ({ events, asks }) => {
        const view = viewOf(events);
        const byId = new Map(view.events.map((e) => [e.id, e]));
        const eventsById = () => byId;
        for (const [index, form] of asks) {
          const event = index >= 0 ? (events[index] as ActivityEvent) : undefined;
          const recordId = event?.id ?? 'missing';
          const ms = event !== undefined ? Date.parse(event.at) : base;
          const at =
            form === 'same'
              ? new Date(ms).toISOString()
              : form === 'offset'
                ? new Date(ms + 3_600_000).toISOString().replace('Z', '+01:00')
                : form === 'other'
                  ? new Date(ms + 1).toISOString()
                  : undefined;
          const member = at === undefined ? { recordId } : { recordId, at };
          expect(memberEvent(view, member, eventsById)).toBe(byId.get(recordId));
        }
      }),
    );
  });

  it('reads only the events of the member instant when the member has its time, and builds the map of ids at most once otherwise', () => {
    const events: ActivityEvent[] = [];
    for (let i = 0; i < 10_000; i++)
      events.push({ id: `e${i}`, subjectId: 's', type: 'session', at: new Date(base + i * 1_000).toISOString() } as ActivityEvent);
    // Three events at the looked-up instant.
    events.push(
      { id: 'tie-a', subjectId: 's', type: 'session', at: events[5_000]?.at } as ActivityEvent,
      {
        id: 'tie-b',
        subjectId: 's',
        type: 'session',
        at: events[5_000]?.at,
      } as ActivityEvent,
    );
    const { view, reads } = counted(viewOf(events));
    let built = 0;
    let byId: Map<string, ActivityEvent> | undefined;
    const eventsById = () => {
      if (byId === undefined) {
        built++;
        byId = new Map(view.events.map((e) => [e.id, e]));
      }
      return byId;
    };
    expect(memberEvent(view, { recordId: 'tie-b', at: events[5_000]?.at as string }, eventsById)?.id).toBe('tie-b');
    expect(reads()).toBeLessThanOrEqual(3);
    expect(built).toBe(0);
    // Without their times, members are found through the map, built once for the view.
    expect(memberEvent(view, { recordId: 'e9000' }, eventsById)?.id).toBe('e9000');
    expect(memberEvent(view, { recordId: 'e10', at: '2020-01-01T00:00:00.000Z' }, eventsById)?.id).toBe('e10');
    expect(built).toBe(1);
  });
});
