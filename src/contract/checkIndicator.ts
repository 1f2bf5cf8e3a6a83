import type { Issue } from '../errors/ScoringError';
import type { AnyIndicator, IndicatorDocs, IndicatorMeta } from './types';

const idPattern = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
const kinds: readonly string[] = ['risk', 'mitigating', 'mixed'];

/** The documentation fields that sat at the top of `meta` before they moved under `meta.docs`. */
export const flatDocFields = ['description', 'requires', 'threatHypothesis', 'sources', 'falsePositives'] as const;

/**
 * The problems with what the engine reads of an indicator (a meta object with an id in
 * kebab case, its category the part of the id before the slash, a weight, message templates and
 * a kind; an evaluate function), each with its path under `at`. Empty when it can be scored.
 */
export function indicatorIssues(indicator: unknown, at: string): Issue[] {
  const meta = (indicator as { meta?: Partial<Record<keyof IndicatorMeta, unknown>> } | null)?.meta;
  if (typeof meta !== 'object' || meta === null || typeof (indicator as Partial<AnyIndicator>).evaluate !== 'function') {
    return [{ path: at, message: 'is not an indicator: it needs a meta object and an evaluate function' }];
  }
  const issues: Issue[] = [];
  if (typeof meta.id !== 'string' || !idPattern.test(meta.id)) {
    issues.push({ path: `${at}.meta.id`, message: `"${String(meta.id)}" is not a category/name id in kebab case` });
  } else {
    const prefix = meta.id.slice(0, meta.id.indexOf('/'));
    if (meta.category !== prefix) {
      issues.push({ path: `${at}.meta.category`, message: `must be "${prefix}", the part of the id before the slash (got "${String(meta.category)}")` });
    }
  }
  const weight = meta.defaultWeight;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    issues.push({ path: `${at}.meta.defaultWeight`, message: 'must be a finite number >= 0' });
  }
  if (typeof meta.messages !== 'object' || meta.messages === null || Object.keys(meta.messages).length === 0) {
    issues.push({ path: `${at}.meta.messages`, message: 'must hold at least one message template' });
  }
  if (typeof meta.kind !== 'string' || !kinds.includes(meta.kind)) {
    issues.push({ path: `${at}.meta.kind`, message: 'must be risk, mitigating or mixed' });
  }
  for (const issue of populationHookIssues(indicator as AnyIndicator, at)) issues.push(issue);
  return issues;
}

/**
 * The problems with `meta.docs` (a description, the data read, the sources), and with
 * documentation fields left at the top of `meta` beside it, each with its path under `at`.
 */
export function docsIssues(meta: object, at: string): Issue[] {
  const record = meta as Readonly<Record<string, unknown>>;
  const docs = record.docs as Partial<Record<keyof IndicatorDocs, unknown>> | undefined;
  if (typeof docs !== 'object' || docs === null) {
    return [{ path: `${at}.meta.docs`, message: 'must be an object with a description, the data read (requires) and sources' }];
  }
  const issues: Issue[] = [];
  if (typeof docs.description !== 'string') issues.push({ path: `${at}.meta.docs.description`, message: 'must be a string' });
  if (!Array.isArray(docs.requires)) issues.push({ path: `${at}.meta.docs.requires`, message: 'must be a list of field paths' });
  if (!Array.isArray(docs.sources)) issues.push({ path: `${at}.meta.docs.sources`, message: 'must be a list of sources (it may be empty)' });
  for (const field of flatDocFields) {
    if (record[field] !== undefined) issues.push({ path: `${at}.meta.${field}`, message: `belongs under meta.docs, which is given: move it there` });
  }
  return issues;
}

/**
 * The meta with its flat documentation fields (the form before `meta.docs`) moved under
 * `docs`; the meta itself when it has `docs` or none of them.
 */
export function withDocsNested<Meta extends object>(meta: Meta): Meta {
  const record = meta as Readonly<Record<string, unknown>>;
  if (record.docs !== undefined || flatDocFields.every((field) => record[field] === undefined)) return meta;
  const top: Record<string, unknown> = {};
  const docs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if ((flatDocFields as readonly string[]).includes(key)) {
      if (value !== undefined) docs[key] = value;
    } else top[key] = value;
  }
  top.docs = docs;
  return top as Meta;
}

/**
 * Problems with an indicator's population hooks: `prepare` with `summarise`/`combine`, one of
 * the pair without the other, or a hook that is not a function. `at` is the indicator's path.
 */
export function populationHookIssues(indicator: AnyIndicator, at: string): Issue[] {
  const issues: Issue[] = [];
  for (const hook of ['prepare', 'summarise', 'combine'] as const) {
    const value: unknown = indicator[hook];
    if (value !== undefined && typeof value !== 'function') issues.push({ path: `${at}.${hook}`, message: 'must be a function' });
  }
  const hasPrepare = indicator.prepare !== undefined;
  const hasSummarise = indicator.summarise !== undefined;
  const hasCombine = indicator.combine !== undefined;
  if (hasPrepare && (hasSummarise || hasCombine)) {
    issues.push({
      path: `${at}.prepare`,
      message:
        'an indicator reads the population with prepare, or with summarise and combine, never both: drop prepare (summaries scale out to shards) or drop summarise and combine',
    });
  }
  if (hasSummarise !== hasCombine) {
    issues.push({
      path: `${at}.${hasSummarise ? 'combine' : 'summarise'}`,
      message:
        'summarise and combine come together: summarise turns each subject into a summary, combine folds the summaries into what evaluate reads as prepared',
    });
  }
  return issues;
}
