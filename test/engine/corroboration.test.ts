import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { builtinIndicators, createScorer, defineIndicator, type AnyIndicator, type DataFamily, type Report } from '../../src/index';

/** A finding a scripted indicator returns: its strength and, optionally, the family of its evidence. */
interface FamilyScript {
  readonly strength: number;
  readonly family?: DataFamily;
}

const insiderFamilies = ['data-movement', 'lifecycle-timing', 'privilege-code', 'device-insider'] as const satisfies readonly DataFamily[];
// The last one uses the older name of data-movement.
const families: readonly DataFamily[] = [...insiderFamilies, 'data-access'];

function familyIndicators(): AnyIndicator[] {
  return families.map((family, i) =>
    defineIndicator({
      meta: {
        id: `test/insider-${i}`,
        title: `Insider ${i}`,
        category: 'test',
        version: '1.0.0',
        kind: 'risk',
        family,
        typologies: ['insider-technology-collection'],
        defaultWeight: 1,
        messages: { scripted: 'scripted finding {{n}}' },
        neutralReason: 'scripted',
        recommendedAction: 'check',
        docs: {
          description: 'Returns the findings scripted in subject.extensions.',
          requires: ['extensions.scripts'],
          sources: [],
        },
      },
      evaluate(view) {
        const scripts = ((view.subject.extensions?.['scripts'] as Record<string, FamilyScript[]> | undefined) ?? {})[`test/insider-${i}`] ?? [];
        return scripts.map((s, n) => ({
          messageId: 'scripted' as const,
          strength: s.strength,
          data: { n },
          ...(s.family !== undefined ? { family: s.family } : {}),
          evidence: [{ recordId: view.subject.id, field: `extensions.scripts[${n}]` }],
        }));
      },
    }),
  );
}

const indicators = familyIndicators();
const asOf = '2025-06-01T00:00:00Z';

function scoreWith(scripts: Record<string, FamilyScript[]>, weights: readonly number[]): Report {
  const config = { indicators: Object.fromEntries(weights.map((w, i) => [`test/insider-${i}`, { weight: w }])) };
  return createScorer({ indicators, config }).score({ id: 's', extensions: { scripts } }, { asOf });
}

/** Families whose risk reaches 1 log-odds, counted the way the rule documents it, from the report alone. */
function corroboratingFamilies(report: Report): string[] {
  const byFamily = new Map<string, number>();
  const familyOf = new Map(report.indicators.map((i) => [i.indicatorId, i.family]));
  for (const f of report.findings) {
    if (f.kind !== 'risk') continue;
    const raw = f.family ?? (familyOf.get(f.indicatorId) as string);
    const family = raw === 'data-access' ? 'data-movement' : raw;
    byFamily.set(family, (byFamily.get(family) ?? 0) + f.contribution);
  }
  return [...byFamily]
    .filter(([, v]) => v >= 1)
    .map(([k]) => k)
    .sort();
}

const scriptArb = fc.record({ strength: fc.double({ min: 0, max: 1, noNaN: true }), family: fc.constantFrom(...families) }, { requiredKeys: ['strength'] });
const scriptsArb = fc.dictionary(
  fc.integer({ min: 0, max: families.length - 1 }).map((i) => `test/insider-${i}`),
  fc.array(scriptArb, { maxLength: 3 }),
);
const weightsArb = fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: families.length, maxLength: families.length });
const opts = { numRuns: 200, seed: 1717 };

describe('corroboration of insider evidence', () => {
  test.prop([scriptsArb, weightsArb], opts)('insider-only evidence reaches high exactly when two insider families corroborate it', (scripts, weights) => {
    const report = scoreWith(scripts, weights);
    const scoreBand = report.score >= 80 ? 'critical' : report.score >= 50 ? 'high' : report.score >= 20 ? 'elevated' : 'low';
    const counted = corroboratingFamilies(report);
    if (scoreBand === 'high' || scoreBand === 'critical') {
      if (counted.length >= 2) {
        expect(report.band).toBe(scoreBand);
        expect(report.bandCapped).toBeUndefined();
      } else {
        expect(report.band).toBe('elevated');
        expect(report.bandCapped?.families).toEqual(counted);
      }
    } else {
      expect(report.band).toBe(scoreBand);
    }
  });

  test.prop(
    [
      fc.uniqueArray(fc.constantFrom(0, 1, 2, 3), { minLength: 2, maxLength: 2 }),
      fc.double({ min: 2.5, max: 6, noNaN: true }),
      fc.double({ min: 2.5, max: 6, noNaN: true }),
    ],
    opts,
  )('two strong signals from different insider families reach high with no identity-fraud evidence', ([a, b], wa, wb) => {
    const weights = families.map((_, i) => (i === a ? wa : i === b ? wb : 1));
    const report = scoreWith({ [`test/insider-${a}`]: [{ strength: 1 }], [`test/insider-${b}`]: [{ strength: 1 }] }, weights);
    expect(['high', 'critical']).toContain(report.band);
    expect(report.bandCapped).toBeUndefined();
  });

  test.prop([fc.double({ min: 2.5, max: 6, noNaN: true }), fc.double({ min: 2.5, max: 6, noNaN: true })], opts)(
    'data-access is data-movement: the two names never corroborate each other',
    (wa, wb) => {
      const weights = families.map((_, i) => (i === 0 ? wa : i === 4 ? wb : 1));
      const report = scoreWith({ 'test/insider-0': [{ strength: 1 }], 'test/insider-4': [{ strength: 1 }] }, weights);
      expect(report.band).toBe('elevated');
      expect(report.bandCapped?.families).toEqual(['data-movement']);
    },
  );

  it('a finding that names its own family is counted there, and the report says so', () => {
    const report = scoreWith({ 'test/insider-0': [{ strength: 1 }, { strength: 1, family: 'lifecycle-timing' }] }, [5, 1, 1, 1, 1]);
    const own = report.findings.filter((f) => f.family !== undefined);
    expect(own.map((f) => f.family)).toEqual(['lifecycle-timing']);
    // Noisy-or gives the first finding all of the weight, so only data-movement reaches 1 log-odds.
    expect(report.bandCapped?.families).toEqual(['data-movement']);
    const split = scoreWith({ 'test/insider-0': [{ strength: 0.5 }, { strength: 0.5, family: 'lifecycle-timing' }] }, [8, 1, 1, 1, 1]);
    expect(corroboratingFamilies(split)).toEqual(['data-movement', 'lifecycle-timing']);
    expect(split.bandCapped).toBeUndefined();
  });
});

/**
 * The built-in insider indicators, replayed with scripted findings: same id, family, weight and
 * correlation group, so the default config weighs them exactly as it weighs the real ones.
 */
const insiderFamilySet = new Set<string>(insiderFamilies);
const builtinInsider = builtinIndicators.filter(
  (i) => i.meta.typologies.includes('insider-technology-collection') && insiderFamilySet.has(i.meta.family) && i.meta.defaultWeight >= 2,
);

function replayed(): AnyIndicator[] {
  return builtinInsider.map((b) =>
    defineIndicator({
      meta: { ...b.meta, options: undefined, docs: { ...b.meta.docs, requires: ['extensions.strengths'] }, messages: { scripted: 'scripted finding' } },
      evaluate(view) {
        const s = ((view.subject.extensions?.['strengths'] as Record<string, number> | undefined) ?? {})[b.meta.id];
        return s === undefined
          ? []
          : [{ messageId: 'scripted' as const, strength: s, data: {}, evidence: [{ recordId: view.subject.id, field: 'extensions.strengths' }] }];
      },
    }),
  );
}

describe('corroboration of the built-in insider indicators', () => {
  const scorer = createScorer({ indicators: replayed() });
  const ids = builtinInsider.map((b) => b.meta.id);
  const familyOf = new Map(builtinInsider.map((b) => [b.meta.id, b.meta.family]));

  it('covers every insider family with an indicator weighing at least 2', () => {
    expect(new Set(builtinInsider.map((b) => b.meta.family))).toEqual(insiderFamilySet);
    expect(ids).toEqual(expect.arrayContaining(['insider/code-integrity', 'insider/impersonation', 'insider/intrusion-activity', 'insider/transfer-anomaly']));
  });

  test.prop([fc.constantFrom(...ids), fc.constantFrom(...ids)], opts)(
    'full-strength findings of two built-in insider indicators from different insider families reach high with the default config',
    (a, b) => {
      fc.pre(familyOf.get(a) !== familyOf.get(b));
      // Two weights of at least 2 on a prior of -4: at least even odds, the edge of the high band.
      const report = scorer.score({ id: 's', extensions: { strengths: { [a]: 1, [b]: 1 } } }, { asOf });
      expect(report.bandCapped).toBeUndefined();
      expect(['high', 'critical']).toContain(report.band);
    },
  );

  test.prop([fc.constantFrom(...ids), fc.constantFrom(...ids)], opts)('two built-in insider indicators of one family never reach high together', (a, b) => {
    fc.pre(familyOf.get(a) === familyOf.get(b));
    const report = scorer.score({ id: 's', extensions: { strengths: { [a]: 1, [b]: 1 } } }, { asOf });
    expect(['low', 'elevated']).toContain(report.band);
  });
});
