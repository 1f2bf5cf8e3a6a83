import { z } from 'zod';
import { defineIndicator, type AnyIndicator } from '../../src/index';

// Indicators whose strength the test sets directly, so decision tests control the model exactly:
// `signal/<name>` fires once per custom event of kind <name>, with the strength in its data,
// and only from events at or before asOf (the engine's view).
const base = { version: '1.0.0', options: z.object({}) } as const;

/** A risk indicator fed by `custom` events of one kind. */
export function signalIndicator(name: string, weight: number, kind: 'risk' | 'mitigating' = 'risk', correlationGroup?: string): AnyIndicator {
  return defineIndicator({
    meta: {
      ...base,
      id: `signal/${name}`,
      title: `Signal ${name}`,
      category: 'signal',
      kind,
      family: name.startsWith('b') ? 'device' : 'identity',
      typologies: ['remote-hire-identity-fraud'],
      defaultWeight: weight,
      ...(correlationGroup !== undefined ? { correlationGroup } : {}),
      messages: { seen: 'signal {{name}} seen at strength {{strength}}' },
      neutralReason: 'A check needs review.',
      recommendedAction: `Review signal ${name}.`,
      docs: {
        description: `Fires on custom events of kind ${name}.`,
        requires: ['events[type=custom]'],
        threatHypothesis: 'Test signal.',
        sources: [],
        falsePositives: ['A test signal.'],
      },
    },
    evaluate(view) {
      return view
        .eventsOf('custom')
        .filter((e) => e.kind === name)
        .map((e) => {
          const strength = Number((e.data as { strength?: unknown } | undefined)?.strength ?? 1);
          return { messageId: 'seen' as const, strength, data: { name, strength }, evidence: [{ recordId: e.id, at: e.at }] };
        });
    },
  }) as AnyIndicator;
}

/** A custom event that feeds `signal/<kind>`. */
export function signalEvent(id: string, subjectId: string, at: string, kind: string, strength = 1): Record<string, unknown> {
  return { id, subjectId, at, type: 'custom', kind, data: { strength } };
}

/**
 * Events whose `kind` is read through a getter that counts its reads: validation reads each
 * field once, so the count says how many times the batch was validated.
 */
export function countedEvents(events: readonly Record<string, unknown>[]): { events: Record<string, unknown>[]; reads: () => number } {
  let reads = 0;
  const out = events.map((event) => {
    const copy = { ...event };
    const kind = copy.kind;
    delete copy.kind;
    Object.defineProperty(copy, 'kind', {
      enumerable: true,
      get() {
        reads++;
        return kind;
      },
    });
    return copy;
  });
  return { events: out, reads: () => reads };
}
