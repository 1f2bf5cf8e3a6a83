import { describe, expect, it } from 'vitest';
import {
  authenticatorUseRows,
  closestCrossSubjectUses,
  closestCrossSubjectUsesOfEvents,
  packAuthenticatorUses,
} from '../../../src/indicators/linkage/approvals';
import { parseEvent } from '../../../src/index';
import { prng } from '../../support/prng';

/** Every subject's events, sorted as the engine sorts them, by subject id. */
function eventsOf(uses: readonly { subjectId: string; t: number; authenticatorId: string }[]): Map<string, ReturnType<typeof parseEvent>[]> {
  const ids = [...new Set(uses.map((u) => u.subjectId))].sort();
  const events = uses.map((u, i) =>
    parseEvent({ id: `ev${i}`, subjectId: u.subjectId, type: 'session', at: new Date(u.t).toISOString(), mfa: { authenticatorId: u.authenticatorId } }),
  );
  const bySubject = new Map<string, typeof events>();
  for (const e of events) bySubject.set(e.subjectId, [...(bySubject.get(e.subjectId) ?? []), e]);
  for (const list of bySubject.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
  return new Map(ids.map((id) => [id, bySubject.get(id) ?? []]));
}

/** Every subject's authenticator use rows, as the linkage summaries carry them. */
function populationOf(uses: readonly { subjectId: string; t: number; authenticatorId: string }[]): { subjectId: string; rows: (string | number)[] }[] {
  return [...eventsOf(uses)].map(([id, events]) => ({ subjectId: id, rows: authenticatorUseRows(events) }));
}

describe('closestCrossSubjectUses', () => {
  it('finds the closest uses by two different subjects, not the closest uses overall', () => {
    const t0 = Date.parse('2025-03-01T09:00:00Z');
    const result = closestCrossSubjectUses(
      populationOf([
        { subjectId: 'a', t: t0, authenticatorId: 'phone-1' },
        { subjectId: 'a', t: t0 + 1_000, authenticatorId: 'phone-1' },
        { subjectId: 'b', t: t0 + 600_000, authenticatorId: 'PHONE-1' },
        { subjectId: 'c', t: t0, authenticatorId: 'phone-2' },
      ]),
    );
    expect([...result.keys()]).toEqual(['phone-1']);
    expect(result.get('phone-1')).toMatchObject({ gapMs: 599_000, first: { subjectId: 'a' }, second: { subjectId: 'b' } });
  });

  it('agrees with comparing every pair, on random populations', () => {
    const rand = prng(7);
    for (let round = 0; round < 50; round++) {
      const uses = Array.from({ length: 30 }, () => ({
        subjectId: `s${Math.floor(rand() * 4)}`,
        t: Math.floor(rand() * 1e6) * 1000,
        authenticatorId: `k${Math.floor(rand() * 3)}`,
      }));
      const population = populationOf(uses);
      const result = closestCrossSubjectUses(population);
      // The uses packed as the summaries hold them (one JSON text a subject), and half packed: the same pairs.
      const packed = population.map((p, i) => (i % 2 === 0 || round % 2 === 0 ? { subjectId: p.subjectId, rows: packAuthenticatorUses(p.rows) } : p));
      expect([...closestCrossSubjectUses(packed)]).toEqual([...result]);
      // Read straight from the events (a whole batch), in reverse subject order: the same pairs.
      const bySubject = [...eventsOf(uses)].reverse();
      expect([...closestCrossSubjectUsesOfEvents((visit) => bySubject.forEach(([id, events]) => visit(id, events)))].sort()).toEqual([...result].sort());
      for (const key of ['k0', 'k1', 'k2']) {
        let best = Infinity;
        const mine = uses.filter((u) => u.authenticatorId === key);
        for (const x of mine) for (const y of mine) if (x.subjectId !== y.subjectId) best = Math.min(best, Math.abs(x.t - y.t));
        expect(result.get(key)?.gapMs ?? Infinity).toBe(best);
      }
    }
  });

  it('refuses packed uses that are not the JSON text of an array, naming the subject', () => {
    for (const rows of ['["phone-1",0,1', '{}', '']) {
      expect(() => closestCrossSubjectUses([{ subjectId: 'a', rows }])).toThrow(
        /authenticator uses of subject "a" are neither an array nor the JSON text of one/,
      );
    }
    expect(() => closestCrossSubjectUses([{ subjectId: 'a', rows: '["phone-1",0,2,"e1",5]' }])).toThrow(/authenticator uses of subject "a" at entry 0/);
  });

  it('handles 20,000 subjects on one authenticator with one sort and one sweep', () => {
    const t0 = Date.parse('2025-03-01T00:00:00Z');
    const uses = Array.from({ length: 20_000 }, (_, i) => ({
      subjectId: `s${i}`,
      t: t0 + i * 60_000 + (i === 12_345 ? 59_990 : 0),
      authenticatorId: 'shared',
    }));
    const result = closestCrossSubjectUses(populationOf(uses));
    expect(result.get('shared')).toMatchObject({ gapMs: 10, first: { subjectId: 's12345' }, second: { subjectId: 's12346' } });
  }, 120_000);
});
