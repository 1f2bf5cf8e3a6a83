// A custom indicator written as an outsider writes one: only the public entries `redflags/core`,
// `redflags/kit` and `redflags/testing` (here by their source files), nothing private.
import { z } from 'zod';
import { createScorer, defineIndicator, type FindingDraft } from '../../src/core';
import { HOUR_MS, compareText, inHourWindow, localHourIn, sortedByTimeThenId } from '../../src/kit';
import { IndicatorTester } from '../../src/testing/index';

const lateSignIns = defineIndicator({
  meta: {
    id: 'custom/late-sign-ins',
    title: 'Sign-ins late at night, local time',
    category: 'custom',
    version: '1.0.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['insider-technology-collection'],
    defaultWeight: 1,
    options: z.object({ minCount: z.number().int().min(1).default(2) }),
    messages: { late: '{{count}} sign-ins to {{account}} between 01:00 and 05:00 local time' },
    neutralReason: 'Sign-in times could not be confirmed.',
    recommendedAction: 'Ask about the working pattern.',
    docs: {
      description: "Fires once per account with at least `minCount` sign-ins between 01:00 and 05:00 in the subject's declared time zone.",
      requires: ['identity.residence.timeZone', 'events[type=session]'],
      sources: [{ title: 'Example source', url: 'https://example.org/' }],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const zone = view.subject.identity?.residence?.timeZone;
    const sessions = view.eventsOf('session');
    if (zone === undefined || sessions.length === 0)
      return notEvaluated('no time zone or no sessions', ['identity.residence.timeZone', 'events[type=session]']);
    const hourOf = localHourIn(zone);
    const byAccount = new Map<string, string[]>();
    for (const e of sortedByTimeThenId(sessions)) {
      if (!inHourWindow(hourOf(view.timeOf(e)), 1, 5)) continue;
      const account = e.accountId ?? '(default)';
      byAccount.set(account, [...(byAccount.get(account) ?? []), e.id]);
    }
    const findings: FindingDraft<'late'>[] = [];
    for (const account of [...byAccount.keys()].sort(compareText)) {
      const ids = byAccount.get(account) as string[];
      if (ids.length < options.minCount) continue;
      findings.push({ messageId: 'late', strength: 0.5, data: { count: ids.length, account }, evidence: ids.map((recordId) => ({ recordId, field: 'at' })) });
    }
    return findings;
  },
});

const subject = { id: 's1', identity: { residence: { country: 'US', timeZone: 'America/New_York' } } };
// 07:00Z and 08:30Z are 02:00 and 03:30 in New York in winter (UTC-5); 15:00Z is 10:00.
const at = (hoursAfterMidnightUtc: number): string => new Date(Date.UTC(2025, 0, 10) + hoursAfterMidnightUtc * HOUR_MS).toISOString();
const events = [
  { id: 'e1', subjectId: 's1', type: 'session', at: at(7), accountId: 'alice' },
  { id: 'e2', subjectId: 's1', type: 'session', at: at(8.5), accountId: 'alice' },
  { id: 'e3', subjectId: 's1', type: 'session', at: at(15), accountId: 'alice' },
];

describe('a custom indicator from the public entries only', () => {
  it('scores with the bare engine, which runs exactly the indicators given', () => {
    const scorer = createScorer({ indicators: [lateSignIns] });
    expect(scorer.indicators).toEqual([{ id: 'custom/late-sign-ins', enabled: true, weight: 1, readsPopulation: false, summarises: false }]);
    const report = scorer.score(subject, { asOf: '2025-02-01T00:00:00Z', events });
    expect(report.reasons.map((r) => r.indicatorId)).toEqual(['custom/late-sign-ins']);
    expect(report.findings[0]?.message).toBe('2 sign-ins to alice between 01:00 and 05:00 local time');
    expect(report.findings[0]?.evidence.map((e) => e.recordId)).toEqual(['e1', 'e2']);
  });

  it('says when it lacks data instead of scoring zero', () => {
    const report = createScorer({ indicators: [lateSignIns] }).score({ id: 's2' }, { asOf: '2025-02-01T00:00:00Z' });
    expect(report.coverage.notEvaluated.map((n) => n.indicatorId)).toEqual(['custom/late-sign-ins']);
  });

  new IndicatorTester({ asOf: '2025-02-01T00:00:00Z' }).run(lateSignIns, {
    valid: [{ name: 'one late sign-in is below the default minimum', subject, events: [{ type: 'session', at: at(7) }] }],
    invalid: [
      {
        name: 'two late sign-ins',
        subject,
        events: [
          { type: 'session', at: at(7) },
          { type: 'session', at: at(8) },
        ],
        findings: [{ messageId: 'late' }],
      },
    ],
    notEvaluated: [{ name: 'no time zone', subject: { id: 's3' }, events: [{ type: 'session', at: at(7) }] }],
  });
});
