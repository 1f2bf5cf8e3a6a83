import { z } from 'zod';
import { defineIndicator, type AnyIndicator, type DataFamily } from '../../src/index';

/** A finding a scripted indicator will return, read from the subject's extensions. */
export interface Script {
  readonly strength: number;
  readonly kind: 'risk' | 'mitigating';
  /** The finding's own data family, when it differs from its indicator's. */
  readonly family?: DataFamily;
  /** Declared records that explain the finding (with strength 0 they silence it). */
  readonly mitigatedBy?: readonly { readonly recordId: string; readonly field: string; readonly explains: string }[];
}

/**
 * Indicators whose findings are read from `subject.extensions.scripts[<id>]`, so property tests
 * can drive the engine with arbitrary findings through the public contract.
 */
export function scriptedIndicators(
  count: number,
  groups: readonly (string | undefined)[] = [],
  families: readonly DataFamily[] = ['identity', 'network', 'device'],
): AnyIndicator[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `test/scripted-${i}`;
    const group = groups[i % Math.max(groups.length, 1)];
    return defineIndicator({
      meta: {
        id,
        title: `Scripted ${i}`,
        category: 'test',
        version: '1.0.0',
        kind: 'mixed',
        family: families[i % families.length] as DataFamily,
        typologies: [i % 2 === 0 ? 'remote-hire-identity-fraud' : 'insider-technology-collection'],
        defaultWeight: 1 + (i % 3),
        ...(group !== undefined ? { correlationGroup: group } : {}),
        options: z.object({}),
        messages: { scripted: 'scripted finding {{n}}' },
        neutralReason: 'scripted',
        recommendedAction: `check scripted ${i}`,
        docs: {
          description: 'Returns the findings scripted in subject.extensions.',
          requires: ['extensions.scripts'],
          sources: [],
        },
      },
      evaluate(view) {
        const scripts = ((view.subject.extensions?.['scripts'] as Record<string, Script[]> | undefined) ?? {})[id] ?? [];
        return scripts.map((s, n) => ({
          messageId: 'scripted' as const,
          strength: s.strength,
          kind: s.kind,
          data: { n },
          evidence: [{ recordId: view.subject.id, field: `extensions.scripts.${id}[${n}]` }],
          ...(s.family !== undefined ? { family: s.family } : {}),
          ...(s.mitigatedBy !== undefined ? { mitigatedBy: s.mitigatedBy } : {}),
        }));
      },
    });
  });
}
