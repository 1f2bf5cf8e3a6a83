import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createScorer, extractLinkKeys, parseEvent, parseSubject, type LinkKey } from '../../src/index';
import { ASOF, farmReference, laptopFarmPopulation } from '../fixtures/laptop-farm';

/** The SQL blocks of docs/scale.md, verbatim: the table definition, then the grouping query. */
function documentedSql(): { create: string; select: string } {
  const text = readFileSync(new URL('../../docs/scale.md', import.meta.url), 'utf8');
  const blocks = Array.from(text.matchAll(/```sql\n([^`]*)```/g), (m) => (m[1] as string).replace(/^ {3}/gm, ''));
  expect(blocks).toHaveLength(2);
  return { create: blocks[0] as string, select: blocks[1] as string };
}

/**
 * The laptop-farm fixture plus generated subjects: households of two sharing an address, rings
 * of five sharing a phone, pairs sharing a sign-in IP at overlapping times, and loners.
 */
function population(): { subjects: Record<string, unknown>[]; events: Record<string, unknown>[] } {
  const { subjects, events } = laptopFarmPopulation();
  const out = { subjects: [...subjects], events: [...events] };
  for (let i = 0; i < 240; i++) {
    const id = `gen-${i}`;
    const household = i - (i % 2);
    out.subjects.push({
      id,
      identity: {
        names: [{ value: `Person ${i}` }],
        residence: { address: { line1: `${household} Main Street`, postalCode: String(10_000 + household), country: 'US' } },
      },
      contacts: { emails: [{ address: `person.${i}@example.com` }], phones: [{ number: `+1 ${2_025_550_000 + (i % 40 < 5 ? 0 : i)}` }] },
    });
    out.events.push({
      id: `${id}-s`,
      subjectId: id,
      type: 'session',
      at: `2025-03-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z`,
      ip: `198.51.100.${Math.floor(i / 2) % 250}`,
    });
  }
  return out;
}

describe('the documented SQL, run in DuckDB', () => {
  it('groups the link keys of a generated population so that scoring gives the in-memory result', async () => {
    const input = population();
    const scorer = createScorer();
    const inMemory = scorer.scoreBatch({ asOf: ASOF, ...input, reference: farmReference });

    // What the caller's workers emit: one row per (key, subject), as in docs/scale.md.
    const events = input.events.map((e) => parseEvent(e));
    const bySubject = new Map<string, typeof events>();
    for (const e of events) {
      const list = bySubject.get(e.subjectId);
      if (list === undefined) bySubject.set(e.subjectId, [e]);
      else list.push(e);
    }
    const { create, select } = documentedSql();
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    try {
      await connection.run(create);
      const appender = await connection.createAppender('link_keys');
      let emitted = 0;
      for (const raw of input.subjects) {
        const subject = parseSubject(raw);
        for (const k of extractLinkKeys(subject, bySubject.get(subject.id) ?? []) as LinkKey[]) {
          appender.appendVarchar(k.kind);
          appender.appendVarchar(k.key);
          appender.appendVarchar(subject.id);
          appender.appendVarchar(k.recordId);
          appender.appendVarchar(k.field);
          for (const v of [k.at, k.until, k.signature]) {
            if (v === undefined) appender.appendNull();
            else appender.appendVarchar(v);
          }
          appender.endRow();
          emitted++;
        }
      }
      appender.closeSync();
      const rows = (await connection.runAndReadAll(select)).getRowObjectsJS() as Record<string, string | null>[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(emitted);

      // The fold of docs/scale.md.
      const groups = new Map<string, { kind: string; key: string; members: object[] }>();
      for (const r of rows) {
        const id = `${r.kind}\u0000${r.key}`;
        let group = groups.get(id);
        if (group === undefined) groups.set(id, (group = { kind: r.kind as string, key: r.key as string, members: [] }));
        group.members.push({
          subjectId: r.subject_id,
          recordId: r.record_id,
          field: r.field,
          ...(r.seen_from != null ? { at: r.seen_from } : {}),
          ...(r.seen_until != null ? { until: r.seen_until } : {}),
          ...(r.signature != null ? { signature: r.signature } : {}),
        });
      }
      const linkGroups = Array.from(groups.values());
      const kinds = new Set(linkGroups.map((g) => g.kind));
      for (const kind of ['address', 'phone', 'ip', 'payout-account']) expect(kinds).toContain(kind);

      const external = scorer.scoreBatch({ asOf: ASOF, ...input, reference: farmReference, inputs: { linkGroups } });
      expect(external).toEqual(inMemory);
      // The generated links are really reported: a household shares an address, a ring a phone.
      const linked = new Set(inMemory.reports.filter((r) => r.findings.some((f) => f.indicatorId.startsWith('linkage/'))).map((r) => r.subjectId));
      expect(linked.has('gen-0') && linked.has('gen-1') && linked.has('gen-3')).toBe(true);
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  }, 120_000);
});
