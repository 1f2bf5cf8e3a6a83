import { safeParseEvent, safeParseSubject } from '../../src/records/validate';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { populationSubjects } from '../../bench/population.mjs';

describe('the benchmark population', () => {
  it('is valid record for record, so the benchmarks measure scoring and not rejection', () => {
    const problems: string[] = [];
    let events = 0;
    for (const { subject, events: list } of populationSubjects(8, 200) as Iterable<{ subject: { id: string }; events: { id: string; type: string }[] }>) {
      const parsed = safeParseSubject(subject);
      if (!parsed.success) problems.push(`subject ${subject.id}`);
      for (const event of list) {
        events++;
        if (!safeParseEvent(event).success) problems.push(`event ${event.id} (${event.type})`);
      }
    }
    expect(events).toBeGreaterThan(8 * 150);
    expect(problems).toEqual([]);
  });
});
