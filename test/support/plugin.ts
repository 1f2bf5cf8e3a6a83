import type { AnyIndicator, SubjectView } from '../../src/index';

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
    meta: {
      id,
      title: id,
      category: 'test',
      version: '1.0.0',
      kind: 'risk',
      family: 'identity',
      typologies: ['remote-hire-identity-fraud'],
      defaultWeight: 1,
      messages: { m: '{{text}}' },
      neutralReason: 'test',
      recommendedAction: 'test',
      docs: {
        description: 'A plug-in under test.',
        requires: [],
        sources: [],
      },
    },
    evaluate: evaluate as unknown as AnyIndicator['evaluate'],
    ...(prepare !== undefined ? { prepare: prepare as unknown as AnyIndicator['prepare'] } : {}),
  } as AnyIndicator;
}
