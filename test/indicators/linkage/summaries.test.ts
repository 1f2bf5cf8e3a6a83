import { describe, expect, it } from 'vitest';
import { createScorer, defineIndicator, mergeSummaries, type BatchInput, type PopulationSummaries } from '../../../src/core';
import { builtinIndicators, type AnyIndicator } from '../../../src/index';
import { compareReports } from '../../../src/engine/order';
import { ASOF, farmReference, laptopFarmPopulation } from '../../fixtures/laptop-farm';
import { prng } from '../../support/prng';

const WORDS = 'react node aws python java kotlin swift sql docker kubernetes api payments platform team led built scaled mentored'.split(' ');

/**
 * The laptop-farm fixture plus generated subjects with many shared keys: farms of four on one
 * ship-to address, payout account, device and sign-in IP at one time; rings on one e-mail under
 * different names (personas) and one photo hash; MFA devices approving two subjects minutes apart;
 * near-duplicate resumes; households; referral chains whose referrers carry strong facts.
 */
function population(): { subjects: Record<string, unknown>[]; events: Record<string, unknown>[] } {
  const rnd = prng(20261202);
  const { subjects, events } = laptopFarmPopulation();
  const out = { subjects: [...subjects], events: [...events] };
  const base = Array.from({ length: 60 }, () => WORDS[Math.floor(rnd() * WORDS.length)] as string);
  for (let i = 0; i < 90; i++) {
    const id = `gen-${String(i).padStart(3, '0')}`;
    const farm = i % 9 < 4 ? Math.floor(i / 9) : -1;
    const ring = i % 7 === 0 ? Math.floor(i / 21) : -1;
    const household = i - (i % 2);
    const resume = i % 5 === 0 ? base.map((w, k) => (k === i % 60 ? 'golang' : w)).join(' ') : undefined;
    out.subjects.push({
      id,
      identity: {
        names: [{ value: `Person ${i % 11 === 0 ? 'Shared' : i}`, kind: 'legal' }],
        residence: { address: { line1: `${household} Main Street`, postalCode: String(10_000 + household), country: 'US' } },
      },
      contacts: {
        emails: [{ address: ring >= 0 ? `ring.${ring}@example.com` : `person.${i}@example.com` }],
        phones: [{ number: `+1 ${2_025_550_000 + (i % 13 === 0 ? 0 : i)}` }],
      },
      ...(farm >= 0
        ? { shipments: [{ id: `${id}-ship`, shippedAt: '2025-02-25T10:00:00Z', address: { line1: `${farm} Farm Road`, postalCode: '37203', country: 'US' } }] }
        : {}),
      paymentInstructions: [
        {
          id: `${id}-pay`,
          at: '2025-03-01T00:00:00Z',
          method: 'payment-platform',
          platform: 'payoneer',
          platformAccount: farm >= 0 ? `farm-${farm}` : `acct-${i}`,
        },
      ],
      ...(ring >= 0 ? { photos: [{ id: `${id}-photo`, source: 'resume', perceptualHash: i % 2 === 0 ? 'a1b2c3d4e5f60718' : 'a1b2c3d4e5f60719' }] } : {}),
      ...(resume !== undefined ? { resumeText: resume } : {}),
      ...(i % 6 === 1 ? { referredBy: `gen-${String(i - 1).padStart(3, '0')}` } : {}),
      ...(i % 12 === 0 ? { identityChecks: [{ id: `${id}-check`, kind: 'database', at: '2025-02-01T00:00:00Z', outcome: 'belongs-to-other' }] } : {}),
    });
    const day = 1 + Math.floor(rnd() * 20);
    for (let k = 0; k < 3; k++) {
      out.events.push({
        id: `${id}-s${k}`,
        subjectId: id,
        type: 'session',
        at: `2025-03-${String(day + k).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`,
        ip: farm >= 0 ? `203.0.113.${100 + farm}` : `198.51.100.${Math.floor(i / 2) % 250}`,
        deviceId: farm >= 0 ? `farm-laptop-${farm}` : `${id}-laptop`,
        ...(i % 10 < 2
          ? { mfa: { authenticatorId: `shared-phone-${Math.floor(i / 10)}`, approvedAt: `2025-03-${String(day + k).padStart(2, '0')}T10:0${i % 10}:30Z` } }
          : {}),
        result: 'success',
      });
    }
  }
  return out;
}

/** A shuffle of the records (Fisher-Yates, seeded). */
function shuffled<T>(records: readonly T[], seed: number): T[] {
  const rnd = prng(seed);
  const out = records.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The batch cut into `shards` by a seeded draw per subject (events follow their subject), records shuffled. */
function split(input: ReturnType<typeof population>, shards: number, seed: number): BatchInput[] {
  const rnd = prng(seed);
  const shardOf = new Map(input.subjects.map((s) => [s['id'] as string, Math.floor(rnd() * shards)]));
  return Array.from({ length: shards }, (_, shard) => ({
    asOf: ASOF,
    reference: farmReference,
    subjects: shuffled(
      input.subjects.filter((s) => shardOf.get(s['id'] as string) === shard),
      seed + shard,
    ),
    events: shuffled(
      input.events.filter((e) => shardOf.get(e['subjectId'] as string) === shard),
      seed + 100 + shard,
    ),
  }));
}

const linkage = builtinIndicators.filter((i) => i.meta.category === 'linkage');

describe('linkage through summaries', () => {
  const input = population();
  const scorer = createScorer({ indicators: linkage });
  const whole = scorer.scoreBatch({ asOf: ASOF, reference: farmReference, ...input });

  it('fires every linkage indicator on the generated population', () => {
    expect(whole.rejected).toEqual([]);
    const fired = new Set(whole.reports.flatMap((r) => r.findings.map((f) => f.indicatorId)));
    expect([...fired].sort()).toEqual(linkage.map((i) => i.meta.id).sort());
  });

  it.each([1, 2, 3, 5])('gives the reports of the whole batch from %i shards, whatever the record order', (shards) => {
    for (const seed of [7, 1234]) {
      const parts = split(input, shards, seed * shards);
      const merged = mergeSummaries(parts.map((part) => scorer.summarise(part)));
      // Summaries cross threads (structuredClone) and machines (JSON): scoring with either copy gives the same reports.
      const carried = seed === 7 ? structuredClone(merged) : (JSON.parse(JSON.stringify(merged)) as PopulationSummaries);
      const reports = parts.flatMap((part) => scorer.scoreBatch(part, { summaries: carried }).reports).sort(compareReports);
      expect(JSON.stringify(reports)).toBe(JSON.stringify(whole.reports));
    }
  });

  /** The linkage indicators, recording the link indexes their `combine` returns and the summaries it was given. */
  function recording(): { indicators: AnyIndicator[]; indexes: Set<unknown>; summaries: Set<unknown>; given: number } {
    const seen = { indicators: [] as AnyIndicator[], indexes: new Set<unknown>(), summaries: new Set<unknown>(), given: 0 };
    seen.indicators = linkage.map((indicator): AnyIndicator => ({
      ...indicator,
      combine(list, context) {
        const value = (indicator.combine as NonNullable<AnyIndicator['combine']>)(list, context) as { index?: unknown };
        if (value.index !== undefined) {
          seen.indexes.add(value.index);
          seen.given += list.length;
          for (const s of list) seen.summaries.add(s.summary);
        }
        return value;
      },
    }));
    return seen;
  }

  it('builds one link index per whole batch for the six indicators that read it, from the views, with no summary per subject', () => {
    const seen = recording();
    const reports = createScorer({ indicators: seen.indicators }).scoreBatch({ asOf: ASOF, reference: farmReference, ...input }).reports;
    expect(seen.indexes.size).toBe(1);
    // Scored at once, the six read the views: no linkage summary is made or held per subject.
    expect(seen.given).toBe(0);
    expect(JSON.stringify(reports)).toBe(JSON.stringify(whole.reports));
  });

  it('builds one link index from given summaries of the whole batch, one summary object per subject shared by the six, and the same reports', () => {
    const seen = recording();
    const scorer = createScorer({ indicators: seen.indicators });
    const batch = { asOf: ASOF, reference: farmReference, ...input };
    const reports = scorer.scoreBatch(batch, { summaries: scorer.summarise(batch) }).reports;
    expect(seen.indexes.size).toBe(1);
    // One summary object per subject, shared by the six (the view's memo), not six.
    expect(seen.summaries.size).toBe(input.subjects.length);
    expect(JSON.stringify(reports)).toBe(JSON.stringify(whole.reports));
  });

  it('makes summaries that survive structuredClone and a JSON round trip unchanged', () => {
    const summaries = scorer.summarise({ asOf: ASOF, reference: farmReference, ...input });
    const ids = Object.keys(summaries.indicators).sort();
    expect(ids).toEqual(linkage.map((i) => i.meta.id).sort());
    expect(structuredClone(summaries)).toEqual(summaries);
    expect(JSON.parse(JSON.stringify(summaries))).toEqual(summaries);
    // The same summaries whatever the record order.
    const reordered = scorer.summarise({ asOf: ASOF, reference: farmReference, subjects: shuffled(input.subjects, 3), events: shuffled(input.events, 4) });
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(summaries));
  });

  it('makes a malformed summary given by a caller the indicator error, not a crash', () => {
    const summaries = scorer.summarise({ asOf: ASOF, reference: farmReference, ...input });
    // Every indicator that reads the link index gets rows that are not in groups of 7 (the index is built once for all of them).
    const indicators = Object.fromEntries(
      Object.entries(summaries.indicators).map(([id, entry]) => [
        id,
        id === 'linkage/referral-risk' || !entry.ok
          ? entry
          : { ok: true as const, subjects: entry.subjects.map((s) => ({ ...s, summary: { keys: [1, 2, 3] } })) },
      ]),
    );
    const result = scorer.scoreBatch({ asOf: ASOF, reference: farmReference, ...input }, { summaries: { ...summaries, indicators } });
    const report = result.reports[0];
    expect(report?.indicators.find((i) => i.indicatorId === 'linkage/shared-contact')?.status).toBe('error');
    expect(report?.errors.find((e) => e.indicatorId === 'linkage/shared-contact')?.message).toMatch(/combine threw: .*not in groups of 7/);
    expect(report?.indicators.find((i) => i.indicatorId === 'linkage/referral-risk')?.status).not.toBe('error');
  });
});

describe('summaries that are not plain data', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a Map', { seen: new Map([['a', 1]]) }, /summary\.seen: a Map/],
    ['a Set in an array', [1, new Set()], /summary\[1\]: a Set/],
    ['a class instance', { at: new Date(0) }, /summary\.at: a Date/],
    ['a function', { f: () => 1 }, /summary\.f: a function/],
    ['undefined in an array', [1, undefined], /summary\[1\]: undefined or a hole/],
    ['a number that is not finite', { n: Number.NaN }, /summary\.n: NaN/],
    [
      'a cycle',
      (() => {
        const o: Record<string, unknown> = {};
        o['self'] = o;
        return o;
      })(),
      /summary\.self: a cycle/,
    ],
  ];

  it.each(cases)('are the indicator error with a clear message: %s', (_, value, message) => {
    const indicator = defineIndicator({
      meta: {
        id: 'acme/not-plain',
        title: 'Not plain',
        category: 'acme',
        version: '1.0.0',
        kind: 'risk',
        family: 'identity',
        typologies: [],
        defaultWeight: 1,
        messages: { m: 'm' },
        neutralReason: 'n',
        recommendedAction: 'r',
        docs: { description: 'd', requires: [], sources: [] },
      },
      summarise: () => value,
      combine: () => 0,
      evaluate: () => [],
    });
    const scorer = createScorer({ indicators: [indicator] });
    const summaries = scorer.summarise({ asOf: ASOF, subjects: [{ id: 'a' }, { id: 'b' }] });
    const entry = summaries.indicators['acme/not-plain'];
    expect(entry?.ok).toBe(false);
    expect(entry !== undefined && !entry.ok ? entry.message : '').toMatch(message);
    expect(entry !== undefined && !entry.ok ? entry.message : '').toMatch(/not plain data for subject "a"/);
    const report = scorer.scoreBatch({ asOf: ASOF, subjects: [{ id: 'a' }] }).reports[0];
    expect(report?.indicators.find((i) => i.indicatorId === 'acme/not-plain')?.status).toBe('error');
    expect(report?.errors[0]?.message).toMatch(message);
  });
});

describe('a whole batch on malformed trusted input', () => {
  it("makes a failure to derive a subject's keys the indicators' error, naming the subject", () => {
    const scorer = createScorer({ indicators: builtinIndicators });
    const { subjects, events } = laptopFarmPopulation();
    // Trusted input is not validated: a name that is not a string reaches the linkage indicators.
    const broken = subjects.map((s, i) => (i === 1 ? { ...s, identity: { ...(s['identity'] as object), names: [{ value: 42, kind: 'legal' }] } } : s));
    const brokenId = String(broken[1]?.['id']);
    const result = scorer.scoreBatch({ asOf: ASOF, reference: farmReference, subjects: broken, events } as BatchInput, { trusted: true });
    expect(result.reports).toHaveLength(subjects.length);
    const message = result.reports[0]?.errors.find((e) => e.indicatorId === 'linkage/persona-multiplicity')?.message;
    expect(message).toContain(`subject "${brokenId}"`);
  });
});
