import { builtinIndicators, createScorer, safeParseEvent, safeParseSubject, type BatchInput } from '../../src/index';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { population } from '../../bench/population.mjs';
import { loadDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';

/** The records as validation gives them: what a caller who validated upstream hands the trusted path. */
function validatedUpstream(input: BatchInput): BatchInput {
  const subjects: unknown[] = [];
  const events: unknown[] = [];
  for (const s of input.subjects) {
    const r = safeParseSubject(s);
    if (r.success) subjects.push(r.data);
  }
  for (const e of input.events ?? []) {
    const r = safeParseEvent(e);
    if (r.success) events.push(r.data);
  }
  return { ...input, subjects, events };
}

describe('the trusted-input path', () => {
  it('gives the reports of the validated path for records validated upstream', { timeout: 120_000 }, () => {
    const scorer = createScorer({});
    const input = population(30, 60, 7) as BatchInput;
    const validated = scorer.scoreBatch(input);
    const trusted = scorer.scoreBatch(validatedUpstream(input), { trusted: true });
    expect(trusted.rejected).toEqual([]);
    expect(trusted.reports.length).toBe(30);
    expect(JSON.stringify(trusted.reports)).toBe(JSON.stringify(validated.reports));
  });

  it('gives the reports of the validated path for the demo population', { timeout: 120_000 }, () => {
    const scorer = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] });
    const input = loadDemo();
    expect(JSON.stringify(scorer.scoreBatch(validatedUpstream(input), { trusted: true }).reports)).toBe(JSON.stringify(scorer.scoreBatch(input).reports));
  });

  it('rejects what would crash the engine, with field paths, and scores the rest', () => {
    const scorer = createScorer({});
    const unreadable = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('no access');
      },
    });
    const result = scorer.scoreBatch(
      {
        asOf: '2025-06-01T00:00:00Z',
        subjects: [{ id: 'ok' }, null, { id: 7 }, { id: 'lists', documents: 'passport' }, [], unreadable],
        events: [
          { id: 'e1', subjectId: 'ok', type: 'session', at: '2025-05-01T10:00:00Z' },
          { id: 'e2', subjectId: 'ok', type: 'teleport', at: '2025-05-01T10:00:00Z' },
          { id: 'e3', subjectId: 'ok', type: 'session', at: 'yesterday' },
          { id: 'e4', subjectId: 42, type: 'session', at: '2025-05-01T10:00:00Z' },
          { id: 'e5', subjectId: 'nobody', type: 'session', at: '2025-05-01T10:00:00Z' },
          'not an event',
        ],
      },
      { trusted: true },
    );
    expect(result.reports.map((r) => r.subjectId)).toEqual(['ok']);
    expect(result.reports[0]?.meta.eventsConsidered).toBe(1);
    expect(result.rejected.map((r) => [r.kind, r.index, r.issues.map((i) => i.path).join(',')])).toEqual([
      ['subject', 1, ''],
      ['subject', 2, 'id'],
      ['subject', 3, 'documents'],
      ['subject', 4, ''],
      ['subject', 5, ''],
      ['event', 1, 'type'],
      ['event', 2, 'at'],
      ['event', 3, 'subjectId'],
      ['event', 4, 'subjectId'],
      ['event', 5, ''],
    ]);
    expect(result.rejected.find((r) => r.index === 5 && r.kind === 'subject')?.issues[0]?.message).toContain('could not be read');
  });

  it('freezes the records it is given, in place, so no indicator can change them for another', () => {
    const subject = { id: 's1', contacts: { emails: [{ address: 'a@example.com' }] } };
    createScorer({}).scoreBatch({ asOf: '2025-06-01T00:00:00Z', subjects: [subject] }, { trusted: true });
    expect(Object.isFrozen(subject.contacts.emails[0])).toBe(true);
  });
});
