import { describe, expect, it } from 'vitest';
import {
  extractLinkKeys,
  groupLinkKeys,
  groupPopulationLinkKeys,
  InvalidRecordError,
  type ActivityEvent,
  type LinkPopulation,
  type Subject,
} from '../../src/index';
import { linkKeyRows } from '../../src/linking/keyRows';

const subjects: Subject[] = [{ id: 'a' }, { id: 'b' }] as Subject[];

/** Two subjects on one IP address, so both passes of the population grouping reach the key. */
function eventsWith(at: unknown): ActivityEvent[][] {
  return [
    [{ id: 'a-1', subjectId: 'a', type: 'session', at, ip: '203.0.113.5' } as unknown as ActivityEvent],
    [{ id: 'b-1', subjectId: 'b', type: 'session', at: '2025-01-01T10:00:00.000Z', ip: '203.0.113.5' } as ActivityEvent],
  ];
}

function populationOf(events: ActivityEvent[][]): LinkPopulation {
  return {
    forEachSubject(visit) {
      subjects.forEach((subject, i) => visit(subject, events[i] as ActivityEvent[]));
    },
  };
}

const derivations: [string, (events: ActivityEvent[][]) => unknown][] = [
  ['extractLinkKeys', (events) => extractLinkKeys(subjects[0] as Subject, events[0] as ActivityEvent[])],
  ['linkKeyRows', (events) => linkKeyRows(subjects[0] as Subject, events[0] as ActivityEvent[])],
  ['groupPopulationLinkKeys', (events) => groupPopulationLinkKeys(populationOf(events))],
  ['groupPopulationLinkKeys with windows', (events) => groupPopulationLinkKeys(populationOf(events), {}, undefined, {})],
];

describe('an event time that is not a time, handed to the linking functions', () => {
  for (const [name, derive] of derivations) {
    for (const at of ['not a time', '', 1735725600000, undefined]) {
      it(`${name}: an InvalidRecordError naming the event and its field, not a RangeError (at: ${JSON.stringify(at)})`, () => {
        let thrown: unknown;
        try {
          derive(eventsWith(at));
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(InvalidRecordError);
        const error = thrown as InvalidRecordError;
        expect(error.recordKind).toBe('event');
        expect(error.recordId).toBe('a-1');
        expect(error.issues.map((issue) => issue.path)).toEqual(['at']);
      });
    }
  }

  it('a time that parses but is not in the canonical form groups as its canonical text does', () => {
    const offset = groupPopulationLinkKeys(populationOf(eventsWith('2025-01-01T12:00:00+02:00')));
    const canonical = groupPopulationLinkKeys(populationOf(eventsWith('2025-01-01T10:00:00.000Z')));
    expect(offset).toEqual(canonical);
    const onePass = groupLinkKeys(
      eventsWith('2025-01-01T12:00:00+02:00').map((events, i) => ({
        subjectId: (subjects[i] as Subject).id,
        keys: extractLinkKeys(subjects[i] as Subject, events),
      })),
    );
    expect(offset).toEqual(onePass);
  });
});
