import type { DataFamily } from '../contract/types';
import { bandOrder, type Band } from './config';
import { compareText } from './order';
import type { Report } from './report';
import type { ResolvedConfig } from './resolve';

/** The band a score falls in, by the configured thresholds (0-100). */
export function bandOf(score: number, bands: ResolvedConfig['bands']): Band {
  if (score >= bands.critical) return 'critical';
  if (score >= bands.high) return 'high';
  if (score >= bands.elevated) return 'elevated';
  return 'low';
}

/** True when band a is at or above band b. */
export function bandAtLeast(a: Band, b: Band): boolean {
  return bandOrder.indexOf(a) >= bandOrder.indexOf(b);
}

/** The band just below `band` (`low` stays `low`). */
function bandBelow(band: Band): Band {
  return bandOrder[Math.max(0, bandOrder.indexOf(band) - 1)] as Band;
}

/**
 * The family a data family counts as for corroboration: `data-access` is the older name of
 * `data-movement`, so a custom data-access indicator and a built-in data-movement one are one
 * kind of evidence, not two.
 */
export function corroborationFamily(family: DataFamily): DataFamily {
  return family === 'data-access' ? 'data-movement' : family;
}

/** A report's band, and why it was held down when it was. */
export interface ReportBand {
  readonly band: Band;
  readonly bandCapped?: NonNullable<Report['bandCapped']>;
}

/**
 * The band of a report: the score's band, held one band below the corroboration rule's `from`
 * when fewer than `minFamilies` data families each add at least `minFamilyLogOdds` of risk.
 *
 * @param familyRisk log-odds of risk per corroboration family (see {@link corroborationFamily})
 */
export function reportBand(score: number, config: Pick<ResolvedConfig, 'bands' | 'corroboration'>, familyRisk: ReadonlyMap<DataFamily, number>): ReportBand {
  const wouldBe = bandOf(score, config.bands);
  const rule = config.corroboration;
  if (rule === false || !bandAtLeast(wouldBe, rule.from)) return { band: wouldBe };
  const { minFamilies, minFamilyLogOdds, from } = rule;
  const families: DataFamily[] = [];
  for (const [family, logOdds] of familyRisk) if (logOdds >= minFamilyLogOdds) families.push(family);
  if (families.length >= minFamilies) return { band: wouldBe };
  families.sort(compareText);
  return {
    band: bandBelow(from),
    bandCapped: {
      wouldBe,
      reason: `the ${from} band needs risk evidence from at least ${minFamilies} independent data families (each adding at least ${minFamilyLogOdds} log-odds); found ${families.length}`,
      families,
    },
  };
}
