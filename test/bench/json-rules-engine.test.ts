import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createScorer, parseEvent, parseSubject, type AnyIndicator } from '../../src/index';
// @ts-expect-error plain JavaScript module shared with bench/core.bench.mjs
import { decideWithRules, decisionIndicators, decisions, decisionsOfReports } from '../../bench/decisions.mjs';
// @ts-expect-error plain JavaScript module shared with bench/core.bench.mjs
import { population } from '../../bench/population.mjs';

describe('the sixteen benchmark decisions', () => {
  it('are the same in json-rules-engine and in redflags on the benchmark population', async () => {
    const input = population(60, 200) as { subjects: { id: string }[]; events: { subjectId: string }[] };
    const rules = (await decideWithRules(Engine, input.subjects, input.events)) as Map<string, string[]>;
    const result = createScorer({ indicators: decisionIndicators() as AnyIndicator[] }).scoreBatch(input);
    const ours = decisionsOfReports(result.reports) as Map<string, string[]>;
    expect(ours.size).toBe(input.subjects.length);
    for (const [id, names] of rules) expect(ours.get(id)).toEqual(names);
    // Both outcomes occur, and several decisions differ between subjects, so equality says something.
    const fired = Array.from(rules.values()).flat();
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.length).toBeLessThan(16 * input.subjects.length);
    const varying = (decisions as { name: string }[]).filter((d) => {
      const count = fired.filter((n) => n === d.name).length;
      return count > 0 && count < input.subjects.length;
    });
    expect(varying.length).toBeGreaterThanOrEqual(4);
    // Every redflags decision is explained: a message and evidence with the aggregate.
    for (const report of result.reports) for (const f of report.findings) expect(f.evidence[0]?.value).toBeTypeOf('number');
  }, 120_000);

  it('are the same on trusted input with times as numbers and unique ids promised, as the bench runs it', async () => {
    const input = population(60, 200) as { subjects: { id: string }[]; events: { subjectId: string; at: string }[] };
    const rules = (await decideWithRules(Engine, input.subjects, input.events)) as Map<string, string[]>;
    const scorer = createScorer({ indicators: decisionIndicators() as AnyIndicator[] });
    const validated = { subjects: input.subjects.map((s) => parseSubject(s)), events: input.events.map((e) => parseEvent(e)) } as {
      subjects: unknown[];
      events: { at: string }[];
    };
    const eventTimes = Float64Array.from(validated.events, (e) => Date.parse(e.at));
    const result = scorer.scoreBatch(validated, { trusted: { eventTimes, uniqueEventIds: true } });
    expect(result.rejected).toEqual([]);
    const ours = decisionsOfReports(result.reports) as Map<string, string[]>;
    for (const [id, names] of rules) expect(ours.get(id)).toEqual(names);
  }, 120_000);
});
