import { z } from 'zod';

/**
 * Evidence decay of one indicator: a finding whose newest dated evidence lies more than
 * `windowDays` before `asOf` counts at `factor` times its strength (0 drops it). Findings with no
 * dated evidence do not decay. Off unless configured, so scores do not change by default.
 */
export const evidenceDecaySchema = z.strictObject({
  windowDays: z.number().positive().max(36_500).describe('Age in days (of the newest dated evidence, before asOf) beyond which the finding decays.'),
  factor: z.number().min(0).max(1).describe('Multiplier of the strength of a finding older than the window: 0 drops it, 1 is no decay.'),
});

/** Per-indicator settings: `false` disables, `true` keeps defaults, an object overrides. */
export const indicatorSettingSchema = z.union([
  z.boolean(),
  z.strictObject({
    enabled: z.boolean().optional(),
    weight: z.number().min(0).max(20).optional().describe('Log-odds added at strength 1.'),
    options: z.unknown().optional().describe("Options, validated by the indicator's own schema."),
    evidenceDecay: evidenceDecaySchema.optional().describe('Off by default: findings whose newest dated evidence is older than the window count less.'),
  }),
]);

/** Settings of a correlation group: indicators in it are views of one fact. */
export const groupSettingSchema = z.strictObject({
  decay: z.number().min(0).max(1).optional().describe('Each further member, in descending order of contribution, counts this much less (default 0.5).'),
  cap: z.number().positive().optional().describe('Most log-odds the whole group can add.'),
});

/** Score thresholds (0-100) at which each band starts. */
export const bandsSchema = z
  .object({
    elevated: z.number().min(0).max(100),
    high: z.number().min(0).max(100),
    critical: z.number().min(0).max(100),
  })
  .refine((b) => b.elevated <= b.high && b.high <= b.critical, 'Bands must be ordered: elevated <= high <= critical');

/** The scorer config, as `createScorer` accepts it. Every field is optional. */
export const scorerConfigSchema = z.strictObject({
  indicators: z.record(z.string(), indicatorSettingSchema).optional(),
  priorLogOdds: z.number().min(-20).max(20).optional().describe('Log-odds before any evidence (default -4, a score of 1.8).'),
  bands: bandsSchema.optional(),
  groups: z.record(z.string(), groupSettingSchema).optional(),
  corroboration: z
    .union([
      z.literal(false),
      z.strictObject({
        minFamilies: z.number().int().min(1).optional(),
        minFamilyLogOdds: z.number().min(0).optional(),
        from: z.enum(['elevated', 'high', 'critical']).optional(),
      }),
    ])
    .optional(),
  onIndicatorError: z.enum(['record', 'throw']).optional(),
  maxFindingsPerIndicator: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Most findings one indicator may return for one subject (default 10,000); beyond it the indicator is an error in that report.'),
});

/** The scorer config. */
export type ScorerConfig = z.input<typeof scorerConfigSchema>;
/** Band names, lowest first. */
export type Band = 'low' | 'elevated' | 'high' | 'critical';
/** Band names, lowest first. */
export const bandOrder: readonly Band[] = ['low', 'elevated', 'high', 'critical'];

/** Default band thresholds. */
export const defaultBands = { elevated: 20, high: 50, critical: 80 } as const;
/** Default prior log-odds: a subject with no evidence scores 1.8. */
export const defaultPriorLogOdds = -4;
/** Default decay inside a correlation group. */
export const defaultGroupDecay = 0.5;
/** Default corroboration rule: the high and critical bands need risk from two data families of at least 1 log-odds each. */
export const defaultCorroboration = { minFamilies: 2, minFamilyLogOdds: 1, from: 'high' } as const;

/**
 * Default cap on the findings one indicator returns for one subject. Built-in indicators stay far
 * below it; a runaway plug-in returning millions would otherwise take minutes and gigabytes.
 */
export const defaultMaxFindingsPerIndicator = 10_000;

/** Settings of one correlation group. */
export type GroupSetting = z.infer<typeof groupSettingSchema>;
