import { ConfigError } from '../errors/ConfigError';
import { docsIssues, indicatorIssues, withDocsNested } from './checkIndicator';
import type { StandardSchemaV1 } from './standardSchema';
import type {
  EvaluationContext,
  Indicator,
  IndicatorDocs,
  IndicatorMeta,
  IndicatorOutcome,
  IndicatorSource,
  Population,
  PrepareContext,
  SubjectSummary,
  SubjectView,
  SummaryContext,
  CombineContext,
} from './types';

/** The options type an indicator's schema produces: its output, or an empty object without a schema. */
export type InferOptions<Schema> = Schema extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<Schema> : Record<string, never>;

/**
 * The documentation fields as they sat at the top of `meta` before they moved under `meta.docs`.
 * Still accepted by {@link defineIndicator}, which moves them under `docs`; to be removed in the
 * next minor version.
 * @deprecated Put these fields under `meta.docs`.
 */
export interface FlatIndicatorDocs {
  /** @deprecated Use `meta.docs.description`. */
  readonly description: string;
  /** @deprecated Use `meta.docs.requires`. */
  readonly requires: readonly string[];
  /** @deprecated Use `meta.docs.threatHypothesis`. */
  readonly threatHypothesis?: string;
  /** @deprecated Use `meta.docs.sources`. */
  readonly sources: readonly IndicatorSource[];
  /** @deprecated Use `meta.docs.falsePositives`. */
  readonly falsePositives?: readonly string[];
}

/**
 * The meta {@link defineIndicator} accepts: the options schema as `options`, the documentation
 * under `docs` or, deprecated, flat.
 */
export type IndicatorDefinitionMeta<Schema extends StandardSchemaV1 | undefined, MessageIds extends string> = Omit<
  IndicatorMeta<InferOptions<Schema>, MessageIds>,
  'options' | 'docs'
> & {
  /** Options schema with defaults (zod, or any Standard Schema). */
  readonly options?: Schema;
} & ({ readonly docs: IndicatorDocs } | FlatIndicatorDocs);

/** What {@link defineIndicator} accepts: an indicator whose option and message types are inferred. */
export interface IndicatorDefinition<Schema extends StandardSchemaV1 | undefined, MessageIds extends string, Prepared, Summary = undefined> {
  /** Static description; `options` is the options schema. */
  readonly meta: IndicatorDefinitionMeta<Schema, MessageIds>;
  /** Optional once-per-population hook that sees every subject (not with `summarise`/`combine`). */
  readonly prepare?: (population: Population, context: PrepareContext<InferOptions<Schema>>) => Prepared;
  /** Summarises one subject as plain data for `combine` (the population hook that scales out). */
  readonly summarise?: (view: SubjectView, context: SummaryContext<InferOptions<Schema>>) => Summary | undefined;
  /** Folds every subject's summary, sorted by subject id, into `context.prepared`. */
  readonly combine?: (summaries: readonly SubjectSummary<Summary>[], context: CombineContext<InferOptions<Schema>>) => Prepared;
  /** Schemas of the named batch inputs `prepare` reads; the engine validates them once per batch. */
  readonly inputs?: Readonly<Record<string, StandardSchemaV1>>;
  /** Pure evaluation of one subject. */
  readonly evaluate: (view: SubjectView, context: EvaluationContext<InferOptions<Schema>, Prepared>) => IndicatorOutcome<NoInfer<MessageIds>>;
}

/**
 * Defines an indicator with full type inference: the options type comes from `meta.options`
 * (any Standard Schema, e.g. zod) and the message ids from the keys of `meta.messages`, so a
 * finding with an unknown `messageId` is a type error. At run time it checks what the engine and
 * the docs read of `meta` (the category must be the id's prefix) and returns the indicator, with documentation fields given flat (the deprecated form)
 * moved under `meta.docs`.
 *
 * @throws {ConfigError} when the id is not `category/name` in kebab case, the category is not
 * the id's prefix, the weight, messages or kind are invalid, or `meta.docs` is incomplete.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { defineIndicator } from 'redflags';
 *
 * export const tooManyAccounts = defineIndicator({
 *   meta: {
 *     id: 'acme/too-many-accounts', title: 'Too many accounts', category: 'acme',
 *     version: '1.0.0', kind: 'risk', family: 'activity', typologies: ['remote-hire-identity-fraud'],
 *     defaultWeight: 1,
 *     options: z.object({ maxAccounts: z.number().int().positive().default(2) }),
 *     messages: { many: '{{count}} accounts used, more than {{max}}' },
 *     neutralReason: 'account use could not be reconciled with the role',
 *     recommendedAction: 'Ask the manager which accounts the role needs.',
 *     docs: {
 *       description: 'The subject signs in with more accounts than the role needs.',
 *       requires: ['events[type=session].accountId'],
 *       sources: [],
 *     },
 *   },
 *   evaluate(view, { options, notEvaluated }) {
 *     const sessions = view.eventsOf('session');
 *     if (sessions.length === 0) return notEvaluated('no session events', ['events[type=session]']);
 *     const accounts = new Set(sessions.map((s) => s.accountId ?? 'unknown'));
 *     if (accounts.size <= options.maxAccounts) return [];
 *     return [{
 *       messageId: 'many', strength: 1,
 *       data: { count: accounts.size, max: options.maxAccounts },
 *       evidence: sessions.slice(0, 5).map((s) => ({ recordId: s.id, field: 'accountId', value: s.accountId ?? null })),
 *     }];
 *   },
 * });
 * ```
 */
export function defineIndicator<MessageIds extends string, Schema extends StandardSchemaV1 | undefined = undefined, Prepared = undefined, Summary = undefined>(
  definition: IndicatorDefinition<Schema, MessageIds, Prepared, Summary>,
): Indicator<InferOptions<Schema>, MessageIds, Prepared, Summary> {
  const meta = withDocsNested(definition.meta);
  const issues = [...indicatorIssues(definition, 'indicator'), ...docsIssues(meta, 'indicator')];
  if (issues.length > 0) throw new ConfigError(issues);
  const indicator = meta === definition.meta ? definition : { ...definition, meta };
  return indicator as unknown as Indicator<InferOptions<Schema>, MessageIds, Prepared, Summary>;
}
