import { fc, test as property } from '@fast-check/vitest';
import { createScorer, findingKeyOf, isInvalidRecordError, renderHtml, renderMarkdown, renderTable, suppressionSchema } from '../../src/index';
import { signalEvent, signalIndicator } from '../support/signalIndicators';

const scorer = createScorer({ indicators: [signalIndicator('alpha', 3), signalIndicator('beta', 2)] });
const day = (d: number): string => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();
const subjects = [{ id: 's1' }, { id: 's2' }];
const events = [signalEvent('e1', 's1', day(2), 'alpha'), signalEvent('e2', 's1', day(3), 'beta', 0.5), signalEvent('e3', 's2', day(2), 'alpha')];
const own = events.filter((e) => e.subjectId === 's1');
const base = { subjectId: 's1', reason: 'Checked with the manager: agreed travel.', approvedBy: 'reviewer-7', caseId: 'CASE-12' };
const alphaKey = findingKeyOf({ indicatorId: 'signal/alpha', evidence: [{ recordId: 'e1', at: day(2) }] });

describe('suppressions', () => {
  it('takes a suppressed finding out of the score, keeps it in the report with its record, and leaves other subjects alone', () => {
    const suppression = { ...base, id: 'sup-1', indicatorId: 'signal/alpha', findingKey: alphaKey, from: day(4), until: day(30) };
    const plain = scorer.scoreBatch({ asOf: day(10), subjects, events });
    const result = scorer.scoreBatch({ asOf: day(10), subjects, events, suppressions: [suppression] });
    const before = plain.reports.find((r) => r.subjectId === 's1');
    const after = result.reports.find((r) => r.subjectId === 's1');
    expect(before?.findings.map((f) => f.indicatorId)).toContain('signal/alpha');
    expect(after?.findings.map((f) => f.indicatorId)).toEqual(['signal/beta']);
    // Exactly alpha's contribution is gone: the score is what beta and the prior give.
    const beta = before?.indicators.find((i) => i.indicatorId === 'signal/beta')?.contribution as number;
    expect(after?.logOdds).toBeCloseTo((before?.priorLogOdds as number) + beta, 12);
    expect(after?.suppressed).toEqual([
      expect.objectContaining({
        indicatorId: 'signal/alpha',
        findingKey: alphaKey,
        suppressionId: 'sup-1',
        strength: 1,
        evidence: [{ recordId: 'e1', at: day(2) }],
      }),
    ]);
    expect(after?.suppressions).toEqual([{ suppression, status: 'active', findings: 1 }]);
    // The other subject has no suppression: its report is unchanged, without the optional sections.
    expect(result.reports.find((r) => r.subjectId === 's2')).toEqual(plain.reports.find((r) => r.subjectId === 's2'));
    expect(result.reports.find((r) => r.subjectId === 's2')).not.toHaveProperty('suppressions');
  });

  it('lists an expired suppression as expired, and the finding counts again', () => {
    const suppression = { ...base, id: 'sup-1', indicatorId: 'signal/alpha', from: day(4), until: day(8) };
    const plain = scorer.score({ id: 's1' }, { asOf: day(10), events: own });
    const report = scorer.score({ id: 's1' }, { asOf: day(10), events: own, suppressions: [suppression] });
    expect(report.suppressions).toEqual([{ suppression, status: 'expired', findings: 0 }]);
    expect(report.suppressed).toEqual([]);
    expect(report.logOdds).toBe(plain.logOdds);
  });

  it('does not cover materially different evidence: a new event, or a key of other evidence', () => {
    const later = [...own, signalEvent('e9', 's1', day(6), 'alpha', 0.8)];
    // Indicator-wide: covers the evidence dated at or before `from` only.
    const wide = { ...base, id: 'sup-w', indicatorId: 'signal/alpha', from: day(4), until: day(30) };
    const report = scorer.score({ id: 's1' }, { asOf: day(10), events: later, suppressions: [wide] });
    expect(report.suppressed?.map((f) => f.evidence[0]?.recordId)).toEqual(['e1']);
    expect(report.findings.filter((f) => f.indicatorId === 'signal/alpha').map((f) => f.evidence[0]?.recordId)).toEqual(['e9']);
    // Key-bound: the key of e1's evidence does not match e9's finding.
    const keyed = { ...wide, id: 'sup-k', findingKey: alphaKey, from: day(7) };
    const keyedReport = scorer.score({ id: 's1' }, { asOf: day(10), events: later, suppressions: [keyed] });
    expect(keyedReport.suppressed?.map((f) => f.evidence[0]?.recordId)).toEqual(['e1']);
    expect(findingKeyOf({ indicatorId: 'signal/alpha', evidence: [{ recordId: 'e9', at: day(6) }] })).not.toBe(alphaKey);
  });

  it('keys a finding by its evidence identity, not by time order, message or indicator version', () => {
    const a = findingKeyOf({ indicatorId: 'x/y', evidence: [{ recordId: 'r1', field: 'f', value: 'v' }, { recordId: 'r2' }] });
    expect(
      findingKeyOf({
        indicatorId: 'x/y',
        evidence: [
          { recordId: 'r2', at: day(1) },
          { recordId: 'r1', field: 'f', value: 'v', note: 'other note' },
        ],
      }),
    ).toBe(a);
    expect(findingKeyOf({ indicatorId: 'x/y', evidence: [{ recordId: 'r1', field: 'f', value: 'w' }, { recordId: 'r2' }] })).not.toBe(a);
    expect(a).toMatch(/^x\/y#[0-9a-f]{16}$/);
  });

  it('rejects bad suppressions in a batch with field paths, and throws for them in score', () => {
    const result = scorer.scoreBatch({
      asOf: day(10),
      subjects,
      events,
      suppressions: [
        { ...base, id: 'bad-order', indicatorId: 'signal/alpha', from: day(5), until: day(5) },
        { ...base, id: 'bad-key', indicatorId: 'signal/alpha', findingKey: 'signal/beta#00', from: day(1), until: day(5) },
        { ...base, id: 'nobody', subjectId: 'ghost', indicatorId: 'signal/alpha', from: day(1), until: day(5) },
      ],
    });
    expect(result.rejected.map((r) => [r.kind, r.index, r.recordId, r.issues[0]?.path])).toEqual([
      ['suppression', 0, 'bad-order', 'until'],
      ['suppression', 1, 'bad-key', 'findingKey'],
      ['suppression', 2, 'nobody', 'subjectId'],
    ]);
    let caught: unknown;
    try {
      scorer.score({ id: 's1' }, { asOf: day(10), events: own, suppressions: [{ id: 'x' }] });
    } catch (error) {
      caught = error;
    }
    expect(isInvalidRecordError(caught) && caught.recordKind === 'suppression').toBe(true);
    expect(suppressionSchema.safeParse({ ...base, id: 'ok', indicatorId: 'signal/alpha', from: day(1), until: day(2) }).success).toBe(true);
  });

  it('shows suppressions in the table, Markdown and HTML, and not in the candidate view', () => {
    const suppression = { ...base, id: 'sup-1', indicatorId: 'signal/alpha', from: day(4), until: day(30) };
    const result = scorer.scoreBatch({ asOf: day(10), subjects, events, suppressions: [suppression] });
    expect(renderTable(result)).toContain('(1 suppressed)');
    for (const text of [renderMarkdown(result), renderHtml(result)]) {
      expect(text).toContain('sup-1');
      expect(text).toContain('Checked with the manager: agreed travel.');
      expect(text).toContain(alphaKey);
      expect(text).toContain('CASE-12');
    }
    expect(renderHtml(result, { view: 'candidate' })).not.toContain('sup-1');
    expect(renderMarkdown(result, { view: 'candidate' })).not.toContain('sup-1');
  });

  // asOf alone decides: active from `from` (included) to `until` (excluded); no clock is read.
  property.prop([fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 3, max: 90 })], { numRuns: 60 })(
    'expiry: suppressed before until, counted at and after it, pending before from',
    (fromDay, length, asOfDay) => {
      const suppression = { ...base, id: 'sup-p', indicatorId: 'signal/alpha', from: day(fromDay), until: day(fromDay + length) };
      const report = scorer.score({ id: 's1' }, { asOf: day(asOfDay), events: own, suppressions: [suppression] });
      const plain = scorer.score({ id: 's1' }, { asOf: day(asOfDay), events: own });
      const status = asOfDay < fromDay ? 'pending' : asOfDay < fromDay + length ? 'active' : 'expired';
      expect(report.suppressions?.[0]?.status).toBe(status);
      // e1 (day 2) is covered when from is at or after day 2, and the suppression is active.
      const covered = status === 'active' && fromDay >= 2;
      expect(report.suppressed?.length).toBe(covered ? 1 : 0);
      expect(report.findings.some((f) => f.indicatorId === 'signal/alpha')).toBe(!covered);
      if (!covered) expect(report.logOdds).toBe(plain.logOdds);
      else expect(report.logOdds).toBeLessThan(plain.logOdds);
    },
  );
});
