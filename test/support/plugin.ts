import type { AnyIndicator, SubjectView } from '../../src/index';

/**
 * The `meta` of a test indicator: the fields every test indicator shares (category `test`,
 * version 1.0.0, a risk indicator of the identity family for remote-hire identity fraud, weight
 * 1), with the id and whatever the test sets itself (title, messages, options, docs...) on top.
 */
export function testMeta<const Overrides extends object>(
  id: string,
  overrides: Overrides,
): {
  id: string;
  category: string;
  version: string;
  kind: 'risk';
  family: 'identity';
  typologies: ['remote-hire-identity-fraud'];
  defaultWeight: number;
} & Overrides {
  return {
    id,
    category: 'test',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1,
    ...overrides,
  };
}

/**
 * A plug-in whose evaluate and prepare the test supplies, outside `defineIndicator`'s types, as a
 * hostile or careless package could ship it. Its one message, `m`, shows `data.text`.
 */
export function plugin(
  id: string,
  evaluate: (view: SubjectView, context: { prepared: unknown }) => unknown,
  prepare?: (population: never) => unknown,
): AnyIndicator {
  return {
    meta: testMeta(id, {
      title: id,
      messages: { m: '{{text}}' },
      neutralReason: 'test',
      recommendedAction: 'test',
      docs: {
        description: 'A plug-in under test.',
        requires: [],
        sources: [],
      },
    }),
    evaluate: evaluate as unknown as AnyIndicator['evaluate'],
    ...(prepare !== undefined ? { prepare: prepare as unknown as AnyIndicator['prepare'] } : {}),
  } as AnyIndicator;
}
