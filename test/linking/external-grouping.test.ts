import { createHmac } from 'node:crypto';
import { buildLinkIndex, createScorer, extractLinkKeys, parseEvent, parseSubject, type LinkKey, type LinkKeyKind } from '../../src/index';
import { ASOF, farmIds, farmReference, laptopFarmPopulation } from '../fixtures/laptop-farm';

interface Row {
  kind: LinkKeyKind;
  key: string;
  subject_id: string;
  record_id: string;
  field: string;
  at?: string;
  until?: string;
  signature?: string;
}

/** What the caller's workers emit: one row per (key, subject). */
function emitRows(pseudonymize?: (kind: LinkKeyKind, value: string) => string): Row[] {
  const { subjects, events } = laptopFarmPopulation();
  const parsedEvents = events.map((e) => parseEvent(e));
  const rows: Row[] = [];
  for (const raw of subjects) {
    const s = parseSubject(raw);
    const keys: LinkKey[] = extractLinkKeys(
      s,
      parsedEvents.filter((e) => e.subjectId === s.id),
      pseudonymize ? { pseudonymize } : {},
    );
    for (const k of keys) {
      rows.push({
        kind: k.kind,
        key: k.key,
        subject_id: s.id,
        record_id: k.recordId,
        field: k.field,
        ...(k.at ? { at: k.at } : {}),
        ...(k.until ? { until: k.until } : {}),
        ...(k.signature ? { signature: k.signature } : {}),
      });
    }
  }
  return rows;
}

/**
 * The SQL of docs/scale.md, written out by hand so the test does not reuse the library's own
 * grouping: SELECT kind, key, json_agg(...) FROM link_keys GROUP BY kind, key
 * HAVING COUNT(DISTINCT subject_id) > 1 — with rows in reverse order, as an engine may return them.
 */
function groupLikeSql(rows: readonly Row[]): unknown[] {
  const groups: Record<string, Row[]> = {};
  for (const row of [...rows].reverse()) (groups[`${row.kind} ${row.key}`] ??= []).push(row);
  return Object.values(groups)
    .filter((g) => new Set(g.map((r) => r.subject_id)).size > 1)
    .reverse()
    .map((g) => ({
      kind: g[0]!.kind,
      key: g[0]!.key,
      members: g.map((r) => ({
        subjectId: r.subject_id,
        recordId: r.record_id,
        field: r.field,
        ...(r.at ? { at: r.at } : {}),
        ...(r.until ? { until: r.until } : {}),
        ...(r.signature ? { signature: r.signature } : {}),
      })),
    }));
}

describe('externally grouped link keys', () => {
  const scorer = createScorer();
  const population = laptopFarmPopulation();
  const inMemory = scorer.scoreBatch({ asOf: ASOF, ...population, reference: farmReference });

  it('give exactly the same reports as the in-memory path', () => {
    const external = scorer.scoreBatch({ asOf: ASOF, ...population, reference: farmReference, inputs: { linkGroups: groupLikeSql(emitRows()) } });
    expect(external).toEqual(inMemory);
    expect(inMemory.reports[0]!.reasons.some((r) => r.indicatorId === 'linkage/shared-shipping-address')).toBe(true);
  });

  it('are really read: dropping the address groups changes the reports', () => {
    const groups = groupLikeSql(emitRows()) as { kind: string }[];
    expect(groups.some((g) => g.kind === 'address')).toBe(true);
    const withoutAddresses = scorer.scoreBatch({
      asOf: ASOF,
      ...population,
      reference: farmReference,
      inputs: { linkGroups: groups.filter((g) => g.kind !== 'address') },
    });
    expect(withoutAddresses).not.toEqual(inMemory);
    const farm1 = withoutAddresses.reports.find((r) => r.subjectId === 'farm-1')!;
    expect(farm1.reasons.map((r) => r.indicatorId)).not.toContain('linkage/shared-shipping-address');
  });

  it('score pseudonymised keys exactly as raw keys: same subjects, scores, indicators and evidence records', () => {
    const hmac = (kind: LinkKeyKind, value: string): string => createHmac('sha256', 'k').update(`${kind}:${value}`).digest('hex');
    // Ranges need raw IPs, so both runs allow-list only the agency office (raw here, hashed there).
    const rawReference = { linkAllowList: [farmReference.linkAllowList[1]!] };
    const hashedReference = { linkAllowList: [{ kind: 'address', key: hmac('address', '500 commerce st unit 1200|75202|US'), reason: 'agency office' }] };
    const raw = scorer.scoreBatch({ asOf: ASOF, ...population, reference: rawReference });
    const hashed = scorer.scoreBatch({ asOf: ASOF, ...population, reference: hashedReference, inputs: { linkGroups: groupLikeSql(emitRows(hmac)) } });
    const shape = (result: typeof raw) =>
      result.reports.map((r) => ({
        subjectId: r.subjectId,
        logOdds: r.logOdds,
        findings: r.findings.map((f) => ({ indicatorId: f.indicatorId, strength: f.strength, records: f.evidence.map((e) => e.recordId) })),
      }));
    expect(shape(hashed)).toEqual(shape(raw));
    expect(shape(raw).some((r) => r.findings.some((f) => f.indicatorId === 'linkage/shared-infrastructure'))).toBe(true);
  });

  it('link the same subjects on pseudonymised keys', () => {
    const secret = 'hr-system-secret';
    const hmac = (kind: LinkKeyKind, value: string): string => createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex');
    const rows = emitRows(hmac);
    expect(rows.some((r) => r.key.includes('payoneer'))).toBe(false);
    // The raw-value allow-list cannot be matched on hashes, so pass the hashed keys (and keep the CIDR out: ranges need raw IPs).
    const reference = { linkAllowList: [{ kind: 'address', key: hmac('address', '500 commerce st unit 1200|75202|US'), reason: 'agency office' }] };
    const hashed = scorer.scoreBatch({ asOf: ASOF, ...population, reference, inputs: { linkGroups: groupLikeSql(rows) } });
    const top = hashed.reports
      .slice(0, farmIds.length)
      .map((r) => r.subjectId)
      .sort();
    expect(top).toEqual([...farmIds].sort());
    const shipping = hashed.reports[0]!.findings.find((f) => f.indicatorId === 'linkage/shared-shipping-address')!;
    expect(shipping.message).toMatch(/5 subjects/);
    expect(shipping.message).not.toMatch(/elm/i);
  });

  it('accept groups with subject ids only', () => {
    const result = scorer.scoreBatch({
      asOf: ASOF,
      ...population,
      inputs: { linkGroups: [{ kind: 'address', key: 'anything', subjectIds: ['farm-1', 'farm-2', 'farm-3'] }] },
    });
    const report = result.reports.find((r) => r.subjectId === 'farm-1')!;
    // The subject-only members carry no shipment field, so the address counts as a shared contact.
    expect(report.reasons.map((r) => r.indicatorId)).toContain('linkage/shared-contact');
  });

  it('reject malformed groups once, with their path, and score with the keys extracted in memory', () => {
    const result = scorer.scoreBatch({ asOf: ASOF, ...population, reference: farmReference, inputs: { linkGroups: [{ kind: 'nonsense', key: 'x' }] } });
    const inputIssues = result.rejected.filter((r) => r.issues.some((i) => i.path.startsWith('inputs.')));
    expect(inputIssues).toHaveLength(1);
    expect(inputIssues[0]?.kind).toBe('document');
    expect(inputIssues[0]?.issues.map((i) => i.path)).toContain('inputs.linkGroups[0].kind');
    expect(result.reports.flatMap((r) => r.errors)).toEqual([]);
    const plain = scorer.scoreBatch({ asOf: ASOF, ...population, reference: farmReference });
    expect(result.reports).toEqual(plain.reports);
  });

  it('build the same index from the library grouping', () => {
    const { subjects, events } = population;
    const parsedEvents = events.map((e) => parseEvent(e));
    const index = buildLinkIndex(
      subjects.map((raw) => {
        const s = parseSubject(raw);
        return {
          subjectId: s.id,
          keys: extractLinkKeys(
            s,
            parsedEvents.filter((e) => e.subjectId === s.id),
          ),
        };
      }),
    );
    const ship = index.linksOf('farm-1').find((l) => l.kind === 'address')!;
    expect(ship.subjectIds).toEqual(farmIds);
    expect(ship.since).toBe('2025-02-25T10:00:00Z');
    const text = index.linksOf('farm-1').find((l) => l.kind === 'text')!;
    expect(text.subjectIds).toEqual(['farm-1', 'farm-2', 'farm-3']);
  });
});
