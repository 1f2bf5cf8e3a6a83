import { z } from 'zod';
import { groupSettingSchema, indicatorSettingSchema, scorerConfigSchema } from '../engine/config';
import type { Issue } from '../errors/ScoringError';
import { builtinIndicators } from '../defaults';
import { toIssues } from '../records/validate';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys a zod object schema declares, when the schema is one (Standard Schemas from elsewhere may not be). */
function keysOf(schema: unknown): readonly string[] | undefined {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return isObject(shape) ? Object.keys(shape) : undefined;
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], prefix: string, what: string): Issue[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${prefix}${key}`, message: `unknown ${what}; expected one of: ${known.join(', ')}` }));
}

const settingObjectSchema = indicatorSettingSchema.options[1];

/** The problems of an indicator's option values, when its options schema is a zod schema (built-ins' are). */
function optionValueProblems(schema: unknown, options: unknown, prefix: string): Issue[] {
  if (!isObject(options) || !(schema instanceof z.ZodType)) return [];
  const parsed = schema.safeParse(options);
  // Unknown option names are reported with the list of known ones instead.
  const issues = parsed.success ? [] : parsed.error.issues.filter((i) => i.code !== 'unrecognized_keys');
  return toIssues(issues).map((i) => ({ ...i, path: i.path === '' ? prefix : `${prefix}.${i.path}` }));
}

/**
 * Checks a config file's value before the scorer sees it, for what the engine's schema lets pass
 * or reports vaguely: unknown keys at any level (a typo such as `weights` would otherwise be
 * ignored and the run would silently use the defaults), unknown option names of built-in
 * indicators, and the exact field inside an indicator setting (the engine's union reports only
 * "Invalid input" at the indicator). Every problem carries its full path.
 */
export function configProblems(value: unknown): Issue[] {
  if (!isObject(value)) return [{ path: '', message: 'the config must be a JSON object, e.g. {"indicators": {"activity/excessive-hours": {"weight": 1}}}' }];
  const problems = unknownKeys(value, Object.keys(scorerConfigSchema.shape), '', 'setting');
  const settingKeys = Object.keys(settingObjectSchema.shape);
  if (isObject(value.indicators)) {
    for (const [id, setting] of Object.entries(value.indicators)) {
      if (!isObject(setting)) continue;
      const prefix = `indicators.${id}.`;
      for (const p of unknownKeys(setting, settingKeys, prefix, 'indicator setting')) problems.push(p);
      const parsed = settingObjectSchema.safeParse(setting);
      // Unknown keys are reported above with the list of known ones; the schema's own report would repeat them.
      const issues = parsed.success ? [] : parsed.error.issues.filter((i) => i.code !== 'unrecognized_keys');
      for (const i of toIssues(issues)) problems.push({ ...i, path: `${prefix}${i.path}` });
      const optionsSchema = builtinIndicators.find((b) => b.meta.id === id)?.meta.options;
      const optionKeys = keysOf(optionsSchema);
      if (optionKeys !== undefined && isObject(setting.options)) {
        for (const p of unknownKeys(setting.options, optionKeys, `${prefix}options.`, 'option')) problems.push(p);
      }
      // Option values too, in the same pass: a bad option must not wait until a bad weight is fixed.
      for (const p of optionValueProblems(optionsSchema, setting.options, `${prefix}options`)) problems.push(p);
    }
  }
  if (isObject(value.groups)) {
    const groupKeys = Object.keys(groupSettingSchema.shape);
    for (const [name, group] of Object.entries(value.groups)) {
      if (isObject(group)) for (const p of unknownKeys(group, groupKeys, `groups.${name}.`, 'group setting')) problems.push(p);
    }
  }
  if (isObject(value.bands)) for (const p of unknownKeys(value.bands, ['elevated', 'high', 'critical'], 'bands.', 'band')) problems.push(p);
  return problems;
}
