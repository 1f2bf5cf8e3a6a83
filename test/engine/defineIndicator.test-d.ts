import { z } from 'zod';
import { defineIndicator, type Indicator, type IndicatorDocs, type Report } from '../../src/index';

const base = {
  id: 'acme/x',
  title: 'x',
  category: 'acme',
  version: '1.0.0',
  kind: 'risk',
  family: 'custom',
  typologies: [],
  defaultWeight: 1,
  neutralReason: 'x',
  recommendedAction: 'x',
  docs: { description: 'x', requires: [], sources: [] },
} as const;

test('options are inferred from the schema output, defaults applied', () => {
  const indicator = defineIndicator({
    meta: { ...base, options: z.object({ limit: z.number().default(3), label: z.string().optional() }), messages: { hit: '{{n}}' } },
    evaluate(_view, { options }) {
      expectTypeOf(options.limit).toEqualTypeOf<number>();
      expectTypeOf(options.label).toEqualTypeOf<string | undefined>();
      return [];
    },
  });
  expectTypeOf(indicator).toMatchTypeOf<Indicator<{ limit: number; label?: string | undefined }, 'hit'>>();
});

test('a finding with an unknown messageId is a type error', () => {
  defineIndicator({
    meta: { ...base, messages: { hit: 'hit', miss: 'miss' } },
    // @ts-expect-error 'nope' is not a key of meta.messages (TypeScript reports it on the function)
    evaluate(view) {
      return [{ messageId: 'nope', strength: 1, evidence: [{ recordId: view.subject.id }] }];
    },
  });
});

test('without an options schema the options are an empty record', () => {
  defineIndicator({
    meta: { ...base, messages: { hit: 'hit' } },
    evaluate(_view, { options }) {
      expectTypeOf(options).toEqualTypeOf<Readonly<Record<string, never>>>();
      return [];
    },
  });
});

test('the prepare hook result types the evaluate context', () => {
  defineIndicator({
    meta: { ...base, messages: { hit: 'hit' } },
    prepare: (population) => new Set(population.subjects.map((s) => s.id)),
    evaluate(_view, { prepared }) {
      expectTypeOf(prepared).toEqualTypeOf<Set<string>>();
      return [];
    },
  });
});

test('the documentation fields go under meta.docs; given flat (deprecated) they still type-check', () => {
  const { docs, ...top } = base;
  expectTypeOf(defineIndicator({ meta: { ...top, ...docs, messages: { hit: 'hit' } }, evaluate: () => [] }).meta.docs).toEqualTypeOf<IndicatorDocs>();
  defineIndicator({
    // @ts-expect-error without docs, neither nested nor flat, the meta is incomplete
    meta: { ...top, messages: { hit: 'hit' } },
    evaluate: () => [],
  });
});

test('report fields tools rely on are typed', () => {
  expectTypeOf<Report['subjectId']>().toEqualTypeOf<string>();
  expectTypeOf<Report['score']>().toEqualTypeOf<number>();
  expectTypeOf<Report['band']>().toEqualTypeOf<'low' | 'elevated' | 'high' | 'critical'>();
  expectTypeOf<Report['reasons'][number]['indicatorId']>().toEqualTypeOf<string>();
});
