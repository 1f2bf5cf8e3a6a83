import { ConfigError } from '../errors/ConfigError';
import { IndicatorOptionsError } from '../errors/IndicatorOptionsError';
import type { Issue } from '../errors/ScoringError';
import type { AnyIndicator } from '../contract/types';
import { indicatorIssues } from '../contract/checkIndicator';
import { editDistance } from '../errors/didYouMean';
import { formatPath } from '../records/validate';
import {
  defaultBands,
  defaultCorroboration,
  defaultGroupDecay,
  defaultMaxFindingsPerIndicator,
  defaultPriorLogOdds,
  scorerConfigSchema,
  type Band,
  type GroupSetting,
  type ScorerConfig,
} from './config';
import { toIssues } from '../records/validate';
import { ownValue, protoKeyPaths } from '../records/ownKeys';
import { deepFreeze } from '../util/freeze';
import { fnv1a32x2Hex, stableStringify } from '../util/hash';
import { compareText } from './order';
import { ignoreSettlement, isThenable } from './thenable';

/** An indicator with its effective weight, options and group. */
export interface ResolvedIndicator {
  readonly indicator: AnyIndicator;
  readonly id: string;
  readonly enabled: boolean;
  readonly weight: number;
  readonly options: unknown;
  readonly group: string;
  /** Evidence decay, when configured (off by default). */
  readonly evidenceDecay?: { readonly windowDays: number; readonly factor: number };
}

/** The effective scorer settings after defaults and validation. */
export interface ResolvedConfig {
  readonly indicators: readonly ResolvedIndicator[];
  readonly priorLogOdds: number;
  readonly bands: { readonly elevated: number; readonly high: number; readonly critical: number };
  readonly groups: Readonly<Record<string, GroupSetting>>;
  readonly corroboration: { readonly minFamilies: number; readonly minFamilyLogOdds: number; readonly from: Band } | false;
  readonly onIndicatorError: 'record' | 'throw';
  /** Most findings one indicator may return for one subject. */
  readonly maxFindingsPerIndicator: number;
  readonly configHash: string;
  /** Each typology of an enabled indicator, sorted, with the enabled indicators that support it, worked out once rather than per subject. */
  readonly typologies: readonly { readonly typology: string; readonly indicatorIds: readonly string[] }[];
}

function didYouMean(id: string, known: readonly string[]): string {
  const max = Math.max(3, Math.floor(id.length / 4));
  const close = known
    .map((k) => ({ k, d: editDistance(id, k, max) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d || compareText(a.k, b.k))
    .slice(0, 3)
    .map((x) => `"${x.k}"`);
  return close.length > 0 ? ` Did you mean ${close.join(' or ')}?` : '';
}

function validateOptions(indicator: AnyIndicator, given: unknown): unknown {
  const schema = indicator.meta.options;
  if (schema === undefined) {
    if (given !== undefined && !(typeof given === 'object' && given !== null && Object.keys(given).length === 0)) {
      throw new IndicatorOptionsError(indicator.meta.id, [{ path: '', message: 'this indicator takes no options' }]);
    }
    return Object.freeze({});
  }
  const result = schema['~standard'].validate(given ?? {});
  if (isThenable(result)) {
    ignoreSettlement(result);
    throw new IndicatorOptionsError(indicator.meta.id, [{ path: '', message: 'asynchronous option schemas are not supported' }]);
  }
  if (result.issues !== undefined) {
    throw new IndicatorOptionsError(
      indicator.meta.id,
      result.issues.map((issue) => ({
        path: formatPath((issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p))),
        message: issue.message,
      })),
    );
  }
  return deepFreeze(result.value);
}

/**
 * Validates the config against the indicators and works out every effective setting. `groups`
 * are the correlation groups the indicators name (the built-in ones, from `redflags`); config
 * `groups` override them one by one.
 * @throws {ConfigError} for an invalid config or indicator list, with every path.
 * @throws {IndicatorOptionsError} when an indicator's options fail its schema.
 */
export function resolveConfig(
  indicators: readonly AnyIndicator[],
  config: ScorerConfig | undefined,
  groups: Readonly<Record<string, GroupSetting>> = {},
): ResolvedConfig {
  const issues: Issue[] = [];
  indicators.forEach((indicator, index) => {
    for (const issue of indicatorIssues(indicator, `indicators[${index}]`)) issues.push(issue);
  });
  if (issues.length > 0) throw new ConfigError(issues);
  const ids = indicators.map((i) => i.meta.id);
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) issues.push({ path: `indicators[${index}].meta.id`, message: `duplicate indicator id "${id}"` });
    seen.add(id);
  });
  // zod drops "__proto__" keys silently when it copies objects: a setting under one would vanish.
  for (const path of protoKeyPaths(config, '')) {
    issues.push({ path, message: '"__proto__" is not a setting, indicator id, group or option name (it names an object\'s prototype)' });
  }
  const parsed = scorerConfigSchema.safeParse(config ?? {});
  if (!parsed.success) for (const issue of toIssues(parsed.error.issues)) issues.push(issue);
  if (issues.length > 0 || !parsed.success) throw new ConfigError(issues);
  const cfg = parsed.data;
  for (const id of Object.keys(cfg.indicators ?? {})) {
    if (!seen.has(id)) issues.push({ path: `indicators.${id}`, message: `unknown indicator id.${didYouMean(id, ids)}` });
  }
  if (issues.length > 0) throw new ConfigError(issues);

  const resolved = indicators.map((indicator): ResolvedIndicator => {
    const id = indicator.meta.id;
    const setting = cfg.indicators?.[id];
    const object = typeof setting === 'object' ? setting : undefined;
    const enabled = setting === false ? false : (object?.enabled ?? true);
    return {
      indicator,
      id,
      enabled,
      weight: object?.weight ?? indicator.meta.defaultWeight,
      options: enabled ? validateOptions(indicator, object?.options) : undefined,
      group: indicator.meta.correlationGroup ?? `indicator:${id}`,
      ...(object?.evidenceDecay !== undefined ? { evidenceDecay: { ...object.evidenceDecay } } : {}),
    };
  });
  // By id, so reports list indicators (and the config hash counts them) the same whatever the order given.
  resolved.sort((a, b) => compareText(a.id, b.id));
  const effectiveGroups: Record<string, GroupSetting> = { ...groups, ...cfg.groups };
  const corroboration =
    cfg.corroboration === false
      ? (false as const)
      : {
          minFamilies: cfg.corroboration?.minFamilies ?? defaultCorroboration.minFamilies,
          minFamilyLogOdds: cfg.corroboration?.minFamilyLogOdds ?? defaultCorroboration.minFamilyLogOdds,
          from: cfg.corroboration?.from ?? defaultCorroboration.from,
        };
  const base = {
    priorLogOdds: cfg.priorLogOdds ?? defaultPriorLogOdds,
    bands: cfg.bands ?? { ...defaultBands },
    groups: effectiveGroups,
    corroboration,
    onIndicatorError: cfg.onIndicatorError ?? ('record' as const),
  };
  const maxFindingsPerIndicator = cfg.maxFindingsPerIndicator ?? defaultMaxFindingsPerIndicator;
  const configHash = fnv1a32x2Hex(
    stableStringify({
      ...base,
      onIndicatorError: undefined,
      // Part of the hash only when set, so configs that do not set it keep their hash.
      ...(maxFindingsPerIndicator !== defaultMaxFindingsPerIndicator ? { maxFindingsPerIndicator } : {}),
      indicators: resolved.map((r) => ({
        id: r.id,
        version: r.indicator.meta.version,
        enabled: r.enabled,
        weight: r.weight,
        options: r.options,
        group: r.group,
        // Part of the hash only when set, so configs without decay keep their hash.
        ...(r.evidenceDecay !== undefined ? { evidenceDecay: r.evidenceDecay } : {}),
      })),
    }),
  );
  const members = new Map<string, string[]>();
  for (const r of resolved) {
    if (!r.enabled) continue;
    for (const typology of r.indicator.meta.typologies) {
      const ids = members.get(typology);
      if (ids === undefined) members.set(typology, [r.id]);
      else ids.push(r.id);
    }
  }
  const typologies = [...members.keys()].sort().map((typology) => ({ typology, indicatorIds: members.get(typology) as string[] }));
  return { ...base, maxFindingsPerIndicator, indicators: resolved, configHash, typologies };
}

/** Settings of a group, with the default decay when the group is not configured. */
export function groupSettingOf(config: ResolvedConfig, group: string): GroupSetting {
  return (ownValue(config.groups, group) as GroupSetting | undefined) ?? { decay: defaultGroupDecay };
}
