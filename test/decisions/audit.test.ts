import { auditImpact, renderAuditMarkdown, type Band } from '../../src/index';

function population(spec: readonly { group: string; count: number; flagged: number; band?: Band }[]) {
  const reports: { subjectId: string; band: Band }[] = [];
  const groups: Record<string, Record<string, string>> = {};
  let n = 0;
  for (const s of spec) {
    for (let i = 0; i < s.count; i++) {
      const id = `s${n++}`;
      reports.push({ subjectId: id, band: i < s.flagged ? (s.band ?? 'high') : 'low' });
      groups[id] = { sex: s.group };
    }
  }
  return { reports, groups };
}

describe('auditImpact', () => {
  it('computes selection rates, impact ratios against the most selected group and four-fifths flags', () => {
    const { reports, groups } = population([
      { group: 'a', count: 100, flagged: 10 },
      { group: 'b', count: 50, flagged: 2 },
      { group: 'c', count: 5, flagged: 5 },
    ]);
    reports.push({ subjectId: 'nolabel', band: 'critical' });
    const result = auditImpact(reports, groups);
    const high = result.tables.find((t) => t.category === 'sex' && t.band === 'high');
    // c is flagged at 100% but too small to judge: a (10%) is the reference.
    expect(high?.mostSelected).toBe('a');
    const [a, b, c] = high?.rows ?? [];
    expect(a).toMatchObject({ group: 'a', count: 100, selected: 10, selectionRate: 0.1, impactRatio: 1, fourFifths: false, smallGroup: false });
    expect(b?.impactRatio).toBeCloseTo(0.4, 12);
    expect(b?.fourFifths).toBe(true);
    expect(b?.passImpactRatio).toBe(1);
    expect(c).toMatchObject({ selectionRate: 1, smallGroup: true });
    expect(c?.impactRatio).toBe(10);
    expect(c?.passImpactRatio).toBe(0);
    expect(c?.passFourFifths).toBe(true);
    expect(high?.unknown).toEqual({ count: 1, selected: 1 });
    expect(high?.warnings.join(' ')).toContain('Group "c" of "sex" has 5 subjects');
    // At critical nobody labelled is selected: no ratio can be formed against a rate of 0.
    const critical = result.tables.find((t) => t.band === 'critical');
    expect(critical?.rows.every((r) => r.impactRatio === null && !r.fourFifths)).toBe(true);
    expect(result.tables.map((t) => t.band)).toEqual(['elevated', 'high', 'critical']);
  });

  it('does not depend on the order of reports or labels, and counts labels without a report', () => {
    const { reports, groups } = population([
      { group: 'x', count: 40, flagged: 8 },
      { group: 'y', count: 40, flagged: 3 },
    ]);
    const reversedGroups = Object.fromEntries(Object.entries({ ...groups, ghost: { sex: 'x' } }).reverse());
    const one = auditImpact(reports, { ...groups, ghost: { sex: 'x' } });
    const two = auditImpact([...reports].reverse(), reversedGroups);
    expect(two).toEqual(one);
    expect(one.unmatchedLabels).toBe(1);
  });

  it('warns when no group is large enough, and renders the LL144-style table', () => {
    const { reports, groups } = population([
      { group: 'p', count: 10, flagged: 1 },
      { group: 'q|r', count: 12, flagged: 0 },
    ]);
    const result = auditImpact(reports, groups);
    expect(result.tables[0]?.mostSelected).toBeNull();
    expect(result.tables[0]?.warnings[0]).toContain('no impact ratio can be judged');
    const md = renderAuditMarkdown(result);
    expect(md).toContain('| Group | Subjects | Selected | Selection rate | Impact ratio |');
    expect(md).toContain('| p | 10 | 1 | 10.0% | n/a | n/a | too small to judge |');
    expect(md).toContain('q\\|r');
    expect(md).toContain('does not prove fairness');
  });
});
