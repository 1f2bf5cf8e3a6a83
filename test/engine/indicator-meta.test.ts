import { builtinIndicators, ConfigError, createScorer, defineIndicator, type AnyIndicator } from '../../src/index';
import { compareText } from '../../src/engine/order';

const top = {
  id: 'acme/meta-check',
  title: 'Meta check',
  category: 'acme',
  version: '1.0.0',
  kind: 'risk',
  family: 'custom',
  typologies: ['remote-hire-identity-fraud'],
  defaultWeight: 1,
  messages: { hit: 'hit' },
  neutralReason: 'A check needs review.',
  recommendedAction: 'Review it.',
} as const;
const docs = { description: 'Checks meta.', requires: ['identity.names'], threatHypothesis: 'none', sources: [] };
const evaluate = (): [] => [];

function issuesOf(run: () => unknown): readonly { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('indicator meta', () => {
  it('lists the built-ins by id, each in the category its id names, documented under meta.docs', () => {
    const ids = builtinIndicators.map((i) => i.meta.id);
    expect(ids).toEqual([...ids].sort(compareText));
    for (const { meta } of builtinIndicators) {
      expect(meta.category).toBe(meta.id.slice(0, meta.id.indexOf('/')));
      expect(typeof meta.docs.description).toBe('string');
      expect(meta.docs.requires.length).toBeGreaterThan(0);
      expect(Object.keys(meta)).not.toContain('description');
      expect(Object.keys(meta)).not.toContain('sources');
    }
  });

  it('refuses a category other than the id prefix, in defineIndicator and in createScorer', () => {
    expect(issuesOf(() => defineIndicator({ meta: { ...top, category: 'acme-labs', docs }, evaluate }))).toEqual([
      { path: 'indicator.meta.category', message: 'must be "acme", the part of the id before the slash (got "acme-labs")' },
    ]);
    const plain = { meta: { ...top, category: 'other', docs }, evaluate } as unknown as AnyIndicator;
    expect(issuesOf(() => createScorer({ indicators: [plain] })).map((i) => i.path)).toEqual(['indicators[0].meta.category']);
  });

  it('moves documentation fields given flat (deprecated) under meta.docs, and refuses them beside meta.docs', () => {
    const flat = defineIndicator({ meta: { ...top, ...docs }, evaluate });
    expect(flat.meta.docs).toEqual(docs);
    expect(Object.keys(flat.meta)).not.toContain('description');
    const both = { ...top, docs, description: 'stale' } as unknown as Parameters<typeof defineIndicator>[0]['meta'];
    expect(issuesOf(() => defineIndicator({ meta: both, evaluate }))).toEqual([
      { path: 'indicator.meta.description', message: 'belongs under meta.docs, which is given: move it there' },
    ]);
    expect(issuesOf(() => defineIndicator({ meta: { ...top, docs: { description: 'x' } } as never, evaluate })).map((i) => i.path)).toEqual([
      'indicator.meta.docs.requires',
      'indicator.meta.docs.sources',
    ]);
  });

  it('lists report.indicators by id whatever the order the indicators are given in', () => {
    const custom = defineIndicator({ meta: { ...top, id: 'aaa/first', category: 'aaa', docs }, evaluate });
    const given = [...builtinIndicators].reverse();
    given.push(custom);
    const report = createScorer({ indicators: given }).score({ id: 'c1' }, { asOf: '2025-06-01T00:00:00Z', events: [] });
    const listed = report.indicators.map((i) => i.indicatorId);
    expect(listed[0]).toBe('aaa/first');
    expect(listed).toEqual([...listed].sort(compareText));
    expect(listed).toHaveLength(builtinIndicators.length + 1);
  });
});
